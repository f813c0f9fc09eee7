//! "View as table": a panel's data as an HTML table, the accessible alternative to a chart.

use leptos::prelude::*;
use obs_core::calculation::calculate;
use obs_core::format::format_value;
use obs_core::panels::named_series;
use obs_core::spec::common::Calculation;

use super::data::QueryView;
use super::kinds::outputs;

const COLUMNS: [Calculation; 4] = [
    Calculation::LastNumber,
    Calculation::Min,
    Calculation::Max,
    Calculation::Mean,
];

/// One row per series: its name, sample count and the usual statistics.
#[component]
pub fn DataTable(
    queries: Signal<Vec<QueryView>>,
    series_limit: RwSignal<usize>,
    #[prop(into)] caption: Signal<String>,
) -> impl IntoView {
    move || {
        let outputs = outputs(&queries.get());
        let (series, total) = named_series(&outputs, series_limit.get());
        let rows = series
            .into_iter()
            .map(|named| {
                let cells = COLUMNS
                    .iter()
                    .map(|calculation| {
                        calculate(&named.series.samples, *calculation).map_or_else(
                            || "–".to_owned(),
                            |value| format_value(value, None).to_string(),
                        )
                    })
                    .map(|text| view! { <td class="obs-data-table__number">{text}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{named.name}</th>
                        <td class="obs-data-table__number">{named.series.samples.len()}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="obs-data-table">
                <table>
                    <caption>{format!("{} ({total} series)", caption.get())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Series"</th>
                            <th scope="col" class="obs-data-table__number">"Samples"</th>
                            {COLUMNS.iter().map(|c| view! { <th scope="col" class="obs-data-table__number">{c.label()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
