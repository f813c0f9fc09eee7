//! "View as table": a panel's data as an HTML table, the accessible alternative to a chart.

use leptos::prelude::*;
use obs_core::calculation::calculate;
use obs_core::format::format_value;
use obs_core::panels::named_series;
use obs_core::spec::common::{Calculation, Format};

use super::data::QueryView;
use super::kinds::outputs;

const COLUMNS: [Calculation; 4] = [
    Calculation::LastNumber,
    Calculation::Min,
    Calculation::Max,
    Calculation::Mean,
];

/// One row per series: its query (when the panel has several), its name, sample count and the
/// usual statistics, formatted in the panel's unit as the panel shows them.
#[component]
pub fn DataTable(
    queries: Signal<Vec<QueryView>>,
    series_limit: RwSignal<usize>,
    #[prop(into)] caption: Signal<String>,
    /// The panel's value format (`PanelKind::value_format`).
    format: Option<Format>,
) -> impl IntoView {
    move || {
        let outputs = outputs(&queries.get());
        // Two queries can return series of the same name: a column says which is which.
        let several = queries.with(|queries| queries.len() > 1);
        let (series, total) = named_series(&outputs, series_limit.get());
        let rows = series
            .into_iter()
            .map(|named| {
                let cells = COLUMNS
                    .iter()
                    .map(|calculation| {
                        calculate(named.series.samples.values(), *calculation).map_or_else(
                            || "–".to_owned(),
                            |value| format_value(value, format.as_ref()).to_string(),
                        )
                    })
                    .map(|text| view! { <td class="obs-data-table__number">{text}</td> })
                    .collect_view();
                let query = several
                    .then(|| view! { <td>{format!("Query {}", named.query_index + 1)}</td> });
                view! {
                    <tr>
                        {query}
                        <th scope="row">{named.name}</th>
                        <td class="obs-data-table__number">{named.series.samples.len()}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let title = caption.get();
        // The table scrolls inside the panel: it takes focus so the keyboard can scroll it.
        view! {
            <div class="obs-data-table" tabindex="0" role="region" aria-label=format!("{title} data")>
                <table>
                    <caption>{format!("{title} ({total} series)")}</caption>
                    <thead>
                        <tr>
                            {several.then(|| view! { <th scope="col">"Query"</th> })}
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
