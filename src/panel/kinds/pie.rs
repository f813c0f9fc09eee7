//! The pie chart panel: the pie and its legend (a list, or a table with value columns).

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::chart::contrast::readable_on;
use obs_core::panels::pie::{PieLegend, prepare};
use obs_core::spec::common::{LegendMode, LegendPosition};
use obs_core::spec::panels::pie::PieChartSpec;

use super::{Outputs, SwatchLegend};
use crate::chart::Shared;
use crate::chart::pie::PieChart;
use crate::chart::theme::use_chart_theme;
use crate::dom::focusable_when_scrolling;

#[component]
pub fn PiePanel(
    spec: PieChartSpec,
    outputs: Outputs,
    series_limit: RwSignal<usize>,
    label: Signal<String>,
) -> impl IntoView {
    let theme = use_chart_theme();
    let model = Memo::new(move |_| {
        let mut model = prepare(&spec, &outputs.get(), series_limit.get());
        // Hash colours reach 3:1 on this theme's card (WCAG 1.4.11); a palette the dashboard
        // gives stays as written.
        if model.palette_colors {
            let background = theme.with(|theme| theme.background.clone());
            for slice in &mut model.slices {
                slice.color = readable_on(&slice.color, &background);
            }
            for row in model
                .legend
                .iter_mut()
                .flat_map(|legend| legend.rows.iter_mut())
            {
                row.color = readable_on(&row.color, &background);
            }
        }
        Shared(Arc::new(model))
    });
    let summary = Signal::derive(move || {
        let model = model.get();
        let parts: Vec<String> = model
            .slices
            .iter()
            .take(20)
            .map(|slice| format!("{} {} ({})", slice.name, slice.text, slice.percent_text))
            .collect();
        format!("{}. Pie chart: {}.", label.get(), parts.join(", "))
    });
    let class = move || match model.get().legend.as_ref().map(|legend| legend.position) {
        Some(LegendPosition::Right) => "obs-panel__chart obs-kind obs-kind--row",
        _ => "obs-panel__chart obs-kind obs-kind--column",
    };
    let legend = move || model.get().legend.clone().map(pie_legend);
    view! {
        <div class=class>
            <PieChart model=model label=summary/>
            {legend}
        </div>
    }
}

fn pie_legend(legend: PieLegend) -> AnyView {
    match legend.mode {
        LegendMode::List => view! {
            <SwatchLegend entries=legend.rows.iter().map(|row| (row.name.clone(), row.color.clone())).collect()/>
        }
        .into_any(),
        LegendMode::Table => view! {
            <div class="obs-legend obs-kind__legend" role="group" aria-label="Legend" use:focusable_when_scrolling>
                <table class="obs-legend__table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            {legend.columns.iter().map(|column| view! {
                                <th scope="col" class="obs-legend__value" title=column.description>{column.header}</th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {legend.rows.into_iter().map(|row| view! {
                            <tr>
                                <td>
                                    <span class="obs-legend__swatch" style=format!("background:{}", row.color)></span>
                                    <span class="obs-legend__name">{row.name}</span>
                                </td>
                                {row.values.into_iter().map(|value| view! {
                                    <td class="obs-legend__value">{value.unwrap_or_else(|| "–".to_owned())}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}
