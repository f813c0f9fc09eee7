//! The histogram chart panel.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::histogram::{Source, prepare};
use obs_core::spec::panels::histogram::HistogramChartSpec;

use super::{ModelNotices, Outputs};
use crate::chart::Shared;
use crate::chart::histogram::HistogramChart;
use crate::chart::theme::use_chart_theme;

#[component]
pub fn HistogramPanel(
    spec: HistogramChartSpec,
    outputs: Outputs,
    label: Signal<String>,
) -> impl IntoView {
    let theme = use_chart_theme();
    let model = Memo::new(move |_| {
        let palette = theme.with(|theme| theme.threshold_palette());
        Shared(Arc::new(prepare(&spec, &outputs.get(), &palette)))
    });
    let summary = Signal::derive(move || {
        let model = model.get();
        let what = match model.source {
            Source::LastPoint => "the last point",
            Source::RangeMean => "the mean over the range",
        };
        let bars: Vec<String> = (0..model.bars.len().min(30))
            .filter_map(|index| model.describe_bar(index))
            .map(|[range, value]| format!("{range}: {value}"))
            .collect();
        let of = match model.name.as_deref() {
            None => " (no histogram)".to_owned(),
            Some("") => String::new(),
            Some(name) => format!(" of {name}"),
        };
        format!(
            "{}. Histogram{of}, {what}: {}.",
            label.get(),
            bars.join("; ")
        )
    });
    let notices = Signal::derive(move || model.get().notices.clone());
    view! {
        <ModelNotices notices=notices/>
        <div class="obs-panel__chart obs-kind obs-kind--column">
            <HistogramChart model=model label=summary/>
        </div>
    }
}
