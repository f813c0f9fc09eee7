//! The time series chart panel.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::time_series::prepare;
use obs_core::spec::panels::time_series::TimeSeriesChartSpec;

use super::Outputs;
use crate::chart::Shared;
use crate::chart::time_series::{ThresholdStyle, TimeSeriesChartView};
use crate::panel::data::PanelContext;

#[component]
pub fn TimeSeriesPanel(
    spec: TimeSeriesChartSpec,
    outputs: Outputs,
    series_limit: RwSignal<usize>,
    /// The panel title, the chart's accessible name.
    label: Signal<String>,
    threshold_style: RwSignal<ThresholdStyle>,
) -> impl IntoView {
    let context = use_context::<PanelContext>();
    let model = Memo::new(move |_| {
        let range = context.as_ref()?.time.panel_range.get();
        let outputs = outputs.get();
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
    view! {
        <div class="obs-panel__chart">
            <TimeSeriesChartView
                model=model
                label=label
                threshold_style=Signal::derive(move || threshold_style.get())
            />
        </div>
    }
}
