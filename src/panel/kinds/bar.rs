//! The bar chart panel.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::bar::{BarLayout, prepare};
use obs_core::spec::panels::bar::BarChartSpec;

use super::{Outputs, SwatchLegend};
use crate::chart::Shared;
use crate::chart::bar::BarChart;
use crate::chart::theme::use_chart_theme;
use crate::regex::JsPatterns;

#[component]
pub fn BarPanel(
    spec: BarChartSpec,
    outputs: Outputs,
    series_limit: RwSignal<usize>,
    label: Signal<String>,
) -> impl IntoView {
    let theme = use_chart_theme();
    let model = Memo::new(move |_| {
        let background = theme.with(|theme| theme.background.clone());
        Shared(Arc::new(prepare(
            &spec,
            &outputs.get(),
            &JsPatterns,
            series_limit.get(),
            Some(&background),
        )))
    });
    let summary = Signal::derive(move || {
        let model = model.get();
        let parts: Vec<String> = match &model.layout {
            BarLayout::Bars(bars) => bars
                .iter()
                .take(20)
                .map(|bar| {
                    format!(
                        "{} {}",
                        bar.label,
                        bar.text.clone().unwrap_or_else(|| "–".into())
                    )
                })
                .collect(),
            BarLayout::Groups(grouped) => grouped
                .groups
                .iter()
                .take(20)
                .map(|g| g.label.clone())
                .collect(),
        };
        format!("{}. Bar chart: {}.", label.get(), parts.join(", "))
    });
    let legend = move || match &model.get().layout {
        BarLayout::Groups(grouped) if !grouped.legend.is_empty() => Some(view! {
            <SwatchLegend entries=grouped.legend.iter().map(|e| (e.name.clone(), e.color.clone())).collect()/>
        }),
        _ => None,
    };
    view! {
        <div class="obs-panel__chart obs-kind obs-kind--column">
            <BarChart model=model label=summary/>
            {legend}
        </div>
    }
}
