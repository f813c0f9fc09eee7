//! One view per panel kind that shows query results, each drawing the model its kind's
//! `prepare` (in `obs_core::panels`) makes. [`data_body`] puts what every kind shares around
//! them: the failed queries, loading and "no data" notices, and the series cap.

mod bar;
mod gauge;
mod heatmap;
mod histogram;
mod pie;
mod stat;
mod status_history;
mod table;
mod time_series;
mod time_series_table;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::QueryOutput;

pub use bar::BarPanel;
pub use gauge::GaugePanel;
pub use heatmap::HeatmapPanel;
pub use histogram::HistogramPanel;
pub use pie::PiePanel;
pub use stat::StatPanel;
pub use status_history::StatusHistoryPanel;
pub use table::TablePanel;
pub use time_series::TimeSeriesPanel;
pub use time_series_table::TimeSeriesTablePanel;

use super::data::{QueryStatus, QueryView};
use super::status::{QueryErrors, body_notice};
use crate::chart::Shared;
use crate::dom::focusable_when_scrolling;

/// The query results of a panel, shared by reference: a new reply is a new value.
pub type Outputs = Memo<Shared<Vec<QueryOutput>>>;

/// The results of the queries that have one, as `prepare` functions take them.
pub fn outputs(queries: &[QueryView]) -> Vec<QueryOutput> {
    queries
        .iter()
        .enumerate()
        .filter_map(|(query_index, query)| match &query.status {
            QueryStatus::Done { result, .. } => Some(QueryOutput {
                query_index,
                result: Arc::clone(result),
                series_name_format: query.series_name_format.clone(),
                query: query
                    .sent
                    .clone()
                    .unwrap_or_else(|| query.definition.clone()),
            }),
            _ => None,
        })
        .collect()
}

/// A kind's view (made by `kind_view` from the results) with the shared states around it. The
/// view stays mounted while a refresh loads, so panels never blank.
///
/// Only the call of `kind_view` is generic: everything else is in functions of their own, so
/// the ten kinds share one copy of it. A closure made here would be a type of its own per
/// kind, and so would every memo and view built from it: the ten copies came to 13 KB of the
/// page's WebAssembly.
pub fn data_body(
    queries: Signal<Vec<QueryView>>,
    series_limit: RwSignal<usize>,
    kind_view: impl FnOnce(Outputs) -> AnyView,
) -> AnyView {
    let results = results_of(queries);
    let view = kind_view(results);
    around(queries, series_limit, results, view)
}

/// The results of the queries, a new value on every reply.
fn results_of(queries: Signal<Vec<QueryView>>) -> Outputs {
    Memo::new(move |_| Shared(Arc::new(outputs(&queries.get()))))
}

/// The failed queries, the series cap and the notices around a kind's view.
fn around(
    queries: Signal<Vec<QueryView>>,
    series_limit: RwSignal<usize>,
    results: Outputs,
    view: AnyView,
) -> AnyView {
    let has_data = move || {
        results.with(|results| {
            results
                .iter()
                .any(|output| !output.result.series.is_empty() || !output.result.native.is_empty())
        })
    };
    let failed = move || {
        let failed: Vec<QueryView> = queries.with(|queries| {
            queries
                .iter()
                .filter(|query| {
                    matches!(
                        query.status,
                        QueryStatus::Failed(_) | QueryStatus::Unplannable(_)
                    )
                })
                .cloned()
                .collect()
        });
        // Without data, the notice below says it; with data, the failures sit above it.
        (!failed.is_empty() && has_data()).then(|| view! { <QueryErrors failed=failed/> })
    };
    let cap = move || {
        let total: usize = results
            .get()
            .iter()
            .map(|output| output.result.series.len())
            .sum();
        let limit = series_limit.get();
        (total > limit).then(|| {
            view! {
                <p class="obs-panel__cap" role="note">
                    {format!(
                        "Showing {limit} of {total} series. Raise the limit in the panel menu to see more."
                    )}
                </p>
            }
        })
    };
    let notice = move || queries.with(|queries| body_notice(queries));
    // One binding for the three: each binding is a reactive node of its own, and all three
    // follow the same queries. A notice stands for the data, and the view after it is hidden
    // by the style sheet (`obs-panel__notice`), not by a binding of its own.
    view! {
        {move || (failed(), cap(), notice())}
        <div class="obs-panel__view">
            {view}
        </div>
    }
    .into_any()
}

/// What a chart's model says the viewer should know (series left out, how to fix the query),
/// one note each, above the chart.
#[component]
pub fn ModelNotices(#[prop(into)] notices: Signal<Vec<String>>) -> impl IntoView {
    move || {
        notices
            .get()
            .into_iter()
            .map(|notice| view! { <p class="obs-panel__cap" role="note">{notice}</p> })
            .collect_view()
    }
}

/// A legend of coloured names, for charts whose legend only names colours.
#[component]
pub fn SwatchLegend(entries: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div class="obs-legend obs-kind__legend" role="group" aria-label="Legend" use:focusable_when_scrolling>
            <ul class="obs-legend__list">
                {entries.into_iter().map(|(name, color)| {
                    let title = name.clone();
                    view! {
                        <li class="obs-legend__entry">
                            <span class="obs-legend__swatch" style=format!("background:{color}")></span>
                            <span class="obs-legend__name" title=title>{name}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
