//! The heat map panel: the chart, what was left out, and a legend of its quantile lines and
//! SLO.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::heatmap::prepare;
use obs_core::spec::panels::heatmap::HeatMapChartSpec;
use obs_core::time_range::AbsoluteRange;

use super::{ModelNotices, Outputs};
use crate::chart::Shared;
use crate::chart::heatmap::{HeatmapChart, quantile_dash};
use crate::dom::focusable_when_scrolling;
use crate::panel::data::PanelContext;

#[component]
pub fn HeatmapPanel(
    spec: HeatMapChartSpec,
    outputs: Outputs,
    label: Signal<String>,
) -> impl IntoView {
    let time = use_context::<PanelContext>().map(|context| context.time);
    let model = Memo::new(move |_| {
        let outputs = outputs.get();
        let Some(range) = time.map(|time| time.panel_range.get()) else {
            // Outside a running dashboard (previews) the chart spans the data itself.
            let mut model = prepare(
                &spec,
                &outputs,
                AbsoluteRange {
                    start_ms: 0,
                    end_ms: 0,
                },
            );
            if let Some(histogram) = &model.histogram
                && let (Some(first), Some(last)) =
                    (histogram.times_ms.first(), histogram.times_ms.last())
            {
                model.range = AbsoluteRange {
                    start_ms: first - model.step_ms,
                    end_ms: *last,
                };
            }
            return Shared(Arc::new(model));
        };
        Shared(Arc::new(prepare(&spec, &outputs, range)))
    });
    let summary = Signal::derive(move || {
        let model = model.get();
        let Some(histogram) = &model.histogram else {
            return format!("{}. Heat map: no histogram.", label.get());
        };
        let of = if histogram.name.is_empty() {
            String::new()
        } else {
            format!(" of {}", histogram.name)
        };
        let mut text = format!(
            "{}. Heat map{of}: {} buckets over {} steps.",
            label.get(),
            histogram.buckets.len(),
            histogram.times_ms.len()
        );
        for entry in model.legend() {
            text.push(' ');
            text.push_str(&entry);
            text.push('.');
        }
        text
    });
    let timezone = Signal::derive(move || time.and_then(|time| time.timezone.get()));
    let notices = Signal::derive(move || model.get().notices.clone());
    let legend = move || {
        let model = model.get();
        let entries = model.legend();
        (!entries.is_empty()).then(|| {
            let lines = model.quantiles.len();
            view! {
                <div class="obs-legend obs-kind__legend" role="group" aria-label="Legend" use:focusable_when_scrolling>
                    <ul class="obs-legend__list">
                        {entries.into_iter().enumerate().map(|(index, entry)| {
                            let key = if index < lines {
                                match quantile_dash(index).len() {
                                    0 => "obs-heatmap__key obs-heatmap__key--solid",
                                    _ if index % 3 == 1 => "obs-heatmap__key obs-heatmap__key--dashed",
                                    _ => "obs-heatmap__key obs-heatmap__key--dotted",
                                }
                            } else {
                                "obs-heatmap__key obs-heatmap__key--slo"
                            };
                            let title = entry.clone();
                            view! {
                                <li class="obs-legend__entry">
                                    <span class=key aria-hidden="true"></span>
                                    <span class="obs-legend__name" title=title>{entry}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    };
    view! {
        <ModelNotices notices=notices/>
        <div class="obs-panel__chart obs-kind obs-kind--column">
            <HeatmapChart model=model label=summary timezone=timezone/>
            {legend}
        </div>
    }
}
