//! The status history panel.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::status_history::prepare;
use obs_core::spec::panels::status_history::StatusHistoryChartSpec;
use obs_core::time_range::AbsoluteRange;

use super::{Outputs, SwatchLegend};
use crate::chart::Shared;
use crate::chart::status_history::StatusHistoryChart;
use crate::chart::theme::use_chart_theme;
use crate::panel::data::PanelContext;
use crate::regex::JsPatterns;

#[component]
pub fn StatusHistoryPanel(
    spec: StatusHistoryChartSpec,
    outputs: Outputs,
    series_limit: RwSignal<usize>,
    label: Signal<String>,
) -> impl IntoView {
    let context = use_context::<PanelContext>();
    let time = context.as_ref().map(|context| context.time);
    let theme = use_chart_theme();
    let model = Memo::new(move |_| {
        // Outside a running dashboard (previews) the chart spans the data itself.
        let range = time
            .map(|time| time.panel_range.get())
            .unwrap_or(AbsoluteRange {
                start_ms: 0,
                end_ms: 0,
            });
        let background = theme.with(|theme| theme.background.clone());
        Shared(Arc::new(prepare(
            &spec,
            &outputs.get(),
            range,
            &JsPatterns,
            series_limit.get(),
            Some(&background),
        )))
    });
    let summary = Signal::derive(move || {
        let model = model.get();
        // The states, not only the size: each row's state now and the share of each state.
        let rows: Vec<String> = model
            .rows
            .iter()
            .take(20)
            .map(|row| row.describe())
            .collect();
        format!(
            "{}. Status history of {} series over {} steps. {}.",
            label.get(),
            model.rows.len(),
            model.columns.count,
            rows.join(". ")
        )
    });
    let timezone = Signal::derive(move || time.and_then(|time| time.timezone.get()));
    let legend = move || {
        model.get().legend.clone().map(|legend| view! {
            <SwatchLegend entries=legend.entries.iter().map(|e| (e.text.clone(), e.color.clone())).collect()/>
        })
    };
    view! {
        <div class="obs-panel__chart obs-kind obs-kind--column">
            <StatusHistoryChart model=model label=summary timezone=timezone/>
            {legend}
        </div>
    }
}
