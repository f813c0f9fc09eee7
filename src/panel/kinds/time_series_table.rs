//! The time series table panel: one row per series, its labels and its values.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::time_series_table::{SeriesName, prepare};

use super::Outputs;
use crate::chart::Shared;
use crate::dom::focusable_when_scrolling;
use crate::intl::format_time;

#[component]
pub fn TimeSeriesTablePanel(
    outputs: Outputs,
    series_limit: RwSignal<usize>,
    label: Signal<String>,
) -> impl IntoView {
    let model = Memo::new(move |_| Shared(Arc::new(prepare(&outputs.get(), series_limit.get()))));
    move || {
        let model = model.get();
        let rows = model
            .rows
            .iter()
            .map(|row| {
                let name = match &row.name {
                    SeriesName::Labels { metric, labels } => view! {
                        <span class="obs-series-name">
                            <strong>{metric.clone()}</strong>
                            "{"
                            {labels.iter().enumerate().map(|(index, (name, value))| view! {
                                {(index > 0).then_some(", ")}
                                <span class="obs-series-name__label">{name.clone()}</span>
                                "=\""{value.clone()}"\""
                            }).collect_view()}
                            "}"
                        </span>
                    }
                    .into_any(),
                    SeriesName::Plain(name) => view! { <span>{name.clone()}</span> }.into_any(),
                };
                let values = row
                    .values
                    .iter()
                    .map(|value| match value.time_ms {
                        Some(time_ms) => view! {
                            <div>{value.text.clone()}" @"{format_time(time_ms, None)}</div>
                        }
                        .into_any(),
                        None => view! { <div>{value.text.clone()}</div> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <tr>
                        <td>{name}</td>
                        <td class="obs-table__cell--right">{values}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="obs-panel__chart obs-table-panel">
                <div class="obs-table__scroll" role="group" aria-label=move || label.get() use:focusable_when_scrolling>
                    <table class="obs-table">
                        <caption class="obs-visually-hidden">{label.get()}</caption>
                        <thead><tr><th scope="col">"Series"</th><th scope="col" class="obs-table__cell--right">"Value"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}
