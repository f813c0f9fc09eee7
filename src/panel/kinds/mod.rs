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
                    .as_deref()
                    .unwrap_or(&query.definition)
                    .to_owned(),
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

/// The results of the queries as a panel's body shows them: while any query is in flight
/// the body keeps what it showed (nothing before the first replies, the last results during a
/// refresh), and it takes them all when none is. A panel with several queries is then
/// prepared and drawn once, when its last reply is in, as Perses' panels wait for all their
/// queries: drawn once per reply, the ODH Models table was prepared and rebuilt eight times on
/// the way to the first paint, and a refresh moved through mixes of old and new results. The
/// panel's header still says it is loading (`StatusIndicator` follows the queries).
fn results_of(queries: Signal<Vec<QueryView>>) -> Outputs {
    Memo::new(move |shown: Option<&Shared<Vec<QueryOutput>>>| {
        queries.with(|queries| match shown {
            Some(shown) if queries.iter().any(|query| query.status.in_flight()) => shown.clone(),
            _ => Shared(Arc::new(outputs(queries))),
        })
    })
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
    // Whether there is data to show is the results' say: they wait for every reply.
    let notice = move || queries.with(|queries| body_notice(queries, has_data()));
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use leptos::prelude::*;
    use obs_core::prometheus::{QueryResult, ResultType};
    use wasm_bindgen_test::*;

    use super::results_of;
    use crate::panel::data::{QueryStatus, QueryView};

    wasm_bindgen_test_configure!(run_in_browser);

    fn query(status: QueryStatus) -> QueryView {
        QueryView {
            definition: "up".to_owned(),
            sent: Some("up".to_owned()),
            series_name_format: None,
            status,
        }
    }

    /// A reply, told apart from the others by its one warning.
    fn done(name: &str, reloading: bool) -> QueryStatus {
        QueryStatus::Done {
            result: Arc::new(QueryResult {
                result_type: ResultType::Matrix,
                series: Vec::new(),
                native: Vec::new(),
                warnings: vec![name.to_owned()],
            }),
            reloading,
        }
    }

    /// The body takes a panel's results when none of its queries is in flight and keeps what
    /// it showed while one is, so the kind's `prepare` and drawing run once per settled set.
    #[wasm_bindgen_test]
    fn the_body_takes_a_panels_results_once_no_query_is_in_flight() {
        use QueryStatus::{Failed, Idle, Loading};
        let queries = RwSignal::new(vec![query(Idle), query(Idle)]);
        let results = results_of(queries.into());
        let runs = StoredValue::new(0_u32);
        let follower = Memo::new(move |_| {
            runs.update_value(|runs| *runs += 1);
            results.get()
        });
        // The replies shown, each as its query's index and name.
        let shown = || -> Vec<(usize, String)> {
            follower
                .get()
                .iter()
                .map(|output| (output.query_index, output.result.warnings.join(",")))
                .collect()
        };
        let reply = |index: usize, name: &str| (index, name.to_owned());
        // (the queries now, the replies the body shows, how many times its follower has run)
        let steps = [
            (vec![Idle, Idle], vec![], 1),
            (vec![Loading, Loading], vec![], 1),
            (vec![done("a", false), Loading], vec![], 1),
            (
                vec![done("a", false), done("b", false)],
                vec![reply(0, "a"), reply(1, "b")],
                2,
            ),
            // A refresh: the last results stay until every reply is in.
            (
                vec![done("a", true), done("b", true)],
                vec![reply(0, "a"), reply(1, "b")],
                2,
            ),
            (
                vec![done("c", false), done("b", true)],
                vec![reply(0, "a"), reply(1, "b")],
                2,
            ),
            // A failure settles its query as a reply does.
            (
                vec![done("c", false), Failed("down".to_owned())],
                vec![reply(0, "c")],
                3,
            ),
        ];
        for (index, (now, expected, expected_runs)) in steps.into_iter().enumerate() {
            queries.set(now.into_iter().map(query).collect());
            assert_eq!(shown(), expected, "step {index}");
            assert_eq!(runs.get_value(), expected_runs, "step {index}: runs");
        }
    }
}
