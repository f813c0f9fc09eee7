//! The body of a panel: the one `match` on the panel kind that picks its view.

use leptos::prelude::*;
use std::sync::Arc;

use obs_core::dashboard::{Panel, PanelKind, Query};
use obs_core::panels::QueryOutput;
use obs_core::panels::time_series::prepare;
use obs_core::prometheus::{format_series_name, series_key};
use obs_core::spec::panels::time_series::TimeSeriesChartSpec;

use super::data::{PanelContext, QueryStatus, QueryView};
use super::interpolated as interpolated_text;
use super::markdown::MarkdownView;
use super::status::{QueryErrors, body_notice};
use crate::chart::Shared;
use crate::chart::time_series::{ThresholdStyle, TimeSeriesChartView};

/// The body for the panel's kind.
#[component]
pub fn PanelBody(
    panel: Panel,
    /// The panel's queries at run time; `None` outside a running dashboard (static previews).
    queries: Option<Signal<Vec<QueryView>>>,
    /// The most series drawn.
    series_limit: RwSignal<usize>,
    /// The panel's title, for charts' accessible names.
    label: Signal<String>,
    /// How charts show thresholds.
    threshold_style: RwSignal<ThresholdStyle>,
) -> impl IntoView {
    let query_count = panel
        .queries
        .iter()
        .filter(|query| matches!(query, Query::Prometheus(_)))
        .count();
    match panel.kind {
        PanelKind::Unsupported { kind } => view! {
            <p class="obs-panel__notice-title">{format!("{kind} panels are not supported")}</p>
            <p class="obs-panel__notice-text">
                "This viewer draws Prometheus metrics panels; open this dashboard in Perses to see it."
            </p>
        }
        .into_any(),
        PanelKind::Invalid { kind, problem } => {
            let kind = if kind.is_empty() { "This panel".to_owned() } else { format!("This {kind} panel") };
            view! {
                <p class="obs-panel__notice-title">{format!("{kind} cannot be shown")}</p>
                <p class="obs-panel__notice-text">
                    <span class="obs-code">{problem.path}</span>": "{problem.message}
                </p>
            }
            .into_any()
        }
        PanelKind::Markdown(spec) => {
            let text = interpolated_text(spec.text, use_context::<PanelContext>());
            view! { <MarkdownView text=text/> }.into_any()
        }
        PanelKind::TimeSeriesChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            view! {
                <TimeSeriesPanel spec=*spec queries=queries series_limit=series_limit label=label threshold_style=threshold_style/>
            }
            .into_any()
        }
        kind => match queries {
            Some(queries) if query_count > 0 => {
                view! { <QueriedBody queries=queries series_limit=series_limit/> }.into_any()
            }
            _ => {
                let queries = match query_count {
                    0 => "no query".to_owned(),
                    1 => "1 query".to_owned(),
                    count => format!("{count} queries"),
                };
                view! {
                    <div class="obs-panel__placeholder">
                        <span class="obs-panel__placeholder-kind">{kind.name().to_owned()}</span>
                        <span>{queries}</span>
                    </div>
                }
                .into_any()
            }
        },
    }
}

/// The data of a panel with queries: its state, then what it returned.
#[component]
fn QueriedBody(queries: Signal<Vec<QueryView>>, series_limit: RwSignal<usize>) -> impl IntoView {
    move || {
        let queries = queries.get();
        if let Some(notice) = body_notice(&queries) {
            return notice;
        }
        let failed: Vec<QueryView> = queries
            .iter()
            .filter(|query| {
                matches!(
                    query.status,
                    QueryStatus::Failed(_) | QueryStatus::Unplannable(_)
                )
            })
            .cloned()
            .collect();
        let limit = series_limit.get();
        let mut names = Vec::new();
        let mut total = 0;
        for query in &queries {
            if let QueryStatus::Done { result, .. } = &query.status {
                for series in &result.series {
                    total += 1;
                    if names.len() < limit {
                        let name = match &query.series_name_format {
                            Some(format) => format_series_name(format, &series.labels),
                            None => series_key(&series.labels),
                        };
                        let last = series.samples.last().map(|sample| sample.value);
                        names.push((name, last));
                    }
                }
            }
        }
        let shown = names.len();
        view! {
            {(!failed.is_empty()).then(|| view! { <QueryErrors failed=failed/> })}
            {(total > shown).then(|| view! {
                <p class="obs-panel__cap" role="note">
                    {format!("Showing {shown} of {total} series. Raise the limit in the panel menu to see more.")}
                </p>
            })}
            <ul class="obs-panel__series" data-series-count=total.to_string()>
                {names
                    .into_iter()
                    .take(8)
                    .map(|(name, last)| {
                        let value = last.map_or_else(|| "–".to_owned(), |value| format!("{value}"));
                        view! { <li><span class="obs-panel__series-name">{name}</span>" "<span class="obs-panel__series-value">{value}</span></li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    }
}

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
            }),
            _ => None,
        })
        .collect()
}

/// A time series panel: its state while there is nothing to draw, then the chart.
#[component]
fn TimeSeriesPanel(
    spec: TimeSeriesChartSpec,
    queries: Signal<Vec<QueryView>>,
    series_limit: RwSignal<usize>,
    label: Signal<String>,
    threshold_style: RwSignal<ThresholdStyle>,
) -> impl IntoView {
    let context = use_context::<PanelContext>();
    let model = Memo::new(move |_| {
        let range = context.as_ref()?.time.panel_range.get();
        let outputs = outputs(&queries.get());
        if outputs.iter().all(|output| output.result.series.is_empty()) {
            return None;
        }
        Some(Shared(Arc::new(prepare(
            &spec,
            &outputs,
            range,
            series_limit.get(),
        ))))
    });
    let notice = move || body_notice(&queries.get());
    let failed = move || {
        let failed: Vec<QueryView> = queries
            .get()
            .into_iter()
            .filter(|query| {
                matches!(
                    query.status,
                    QueryStatus::Failed(_) | QueryStatus::Unplannable(_)
                )
            })
            .collect();
        (!failed.is_empty() && model.get().is_some())
            .then(|| view! { <QueryErrors failed=failed/> })
    };
    let cap =
        move || {
            let model = model.get()?;
            (model.total_series > model.series.len()).then(|| view! {
            <p class="obs-panel__cap" role="note">
                {format!(
                    "Showing {} of {} series. Raise the limit in the panel menu to see more.",
                    model.series.len(),
                    model.total_series
                )}
            </p>
        })
        };
    view! {
        {failed}
        {cap}
        {move || notice()}
        <div class="obs-panel__chart" class:obs-panel__chart--empty=move || model.get().is_none()>
            <TimeSeriesChartView model=model label=label threshold_style=Signal::derive(move || threshold_style.get())/>
        </div>
    }
}
