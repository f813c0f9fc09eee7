//! The body of a panel: the one `match` on the panel kind that picks its view.

use leptos::prelude::*;

use obs_core::dashboard::{Panel, PanelKind, Query};

use super::chunks::{self, chunk_view};
use super::data::{PanelContext, QueryView};
use super::interpolated as interpolated_text;
use super::kinds::{GaugePanel, StatPanel, TimeSeriesPanel, data_body};
use crate::chart::time_series::ThresholdStyle;

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
        // Its options are not read yet (its chunk is decoding them), or its chunk did not come.
        PanelKind::Deferred(_) => chunks::unloaded_view(),
        PanelKind::Markdown(spec) => {
            let text = interpolated_text(spec.text, use_context::<PanelContext>());
            chunk_view(move || chunks::markdown(text))
        }
        PanelKind::TimeSeriesChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                view! {
                    <TimeSeriesPanel spec=*spec outputs=outputs series_limit=series_limit label=label threshold_style=threshold_style/>
                }
                .into_any()
            })
        }
        PanelKind::StatChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                view! { <StatPanel spec=*spec outputs=outputs series_limit=series_limit/> }.into_any()
            })
        }
        PanelKind::GaugeChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                view! { <GaugePanel spec=*spec outputs=outputs series_limit=series_limit/> }.into_any()
            })
        }
        PanelKind::BarChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                let spec = *spec;
                chunk_view(move || chunks::bar(spec.clone(), outputs, series_limit, label))
            })
        }
        PanelKind::PieChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                let spec = *spec;
                chunk_view(move || chunks::pie(spec.clone(), outputs, series_limit, label))
            })
        }
        PanelKind::StatusHistoryChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                let spec = *spec;
                chunk_view(move || chunks::status_history(spec.clone(), outputs, series_limit, label))
            })
        }
        PanelKind::HeatMapChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                let spec = *spec;
                chunk_view(move || chunks::heatmap(spec.clone(), outputs, label))
            })
        }
        PanelKind::HistogramChart(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                let spec = *spec;
                chunk_view(move || chunks::histogram(spec.clone(), outputs, label))
            })
        }
        PanelKind::Table(spec) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                let spec = *spec;
                chunk_view(move || chunks::table(spec.clone(), outputs, series_limit, label))
            })
        }
        PanelKind::TimeSeriesTable(_) if query_count > 0 && queries.is_some() => {
            let queries = queries.unwrap_or_else(|| Signal::derive(Vec::new));
            data_body(queries, series_limit, move |outputs| {
                chunk_view(move || chunks::time_series_table(outputs, series_limit, label))
            })
        }
        kind => {
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
    }
}
