//! The time series chart panel.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::chart::contrast::readable_on;
use obs_core::panels::time_series::prepare;
use obs_core::spec::panels::time_series::TimeSeriesChartSpec;

use super::Outputs;
use crate::chart::Shared;
use crate::chart::theme::use_chart_theme;
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
    let theme = use_chart_theme();
    let model = Memo::new(move |_| {
        let range = context.as_ref()?.time.panel_range.get();
        let outputs = outputs.get();
        if outputs.iter().all(|output| output.result.series.is_empty()) {
            return None;
        }
        let mut model = prepare(&spec, &outputs, range, series_limit.get());
        // Palette colours reach 3:1 on this theme's card (WCAG 1.4.11); the legend reads the
        // same colours. A dashboard's own colours stay as written.
        let background = theme.with(|theme| theme.background.clone());
        for series in model
            .series
            .iter_mut()
            .filter(|series| series.palette_color)
        {
            series.color = readable_on(&series.color, &background);
        }
        Some(Shared(Arc::new(model)))
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
