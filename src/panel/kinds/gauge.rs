//! The gauge panel: one arc per series, the value in its middle.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::gauge::prepare;
use obs_core::spec::panels::gauge::GaugeChartSpec;

use super::Outputs;
use crate::chart::Shared;
use crate::chart::gauge::GaugeArc;
use crate::chart::theme::use_chart_theme;

#[component]
pub fn GaugePanel(
    spec: GaugeChartSpec,
    outputs: Outputs,
    series_limit: RwSignal<usize>,
) -> impl IntoView {
    let theme = use_chart_theme();
    let model = Memo::new(move |_| {
        let palette = theme.get().threshold_palette();
        Shared(Arc::new(prepare(
            &spec,
            &outputs.get(),
            &palette,
            series_limit.get(),
        )))
    });
    move || {
        let model = model.get();
        let items = model
            .items
            .iter()
            .map(|item| {
                // A series without labels is named "{}" by Perses: nothing worth showing.
                let named = !item.name.is_empty() && item.name != "{}";
                let label = if !named {
                    format!("{} of {}", item.text, item.max_text)
                } else {
                    format!("{}: {} of {}", item.name, item.text, item.max_text)
                };
                view! {
                    <div class="obs-gauge" role="meter" aria-label=label
                        aria-valuemin="0"
                        aria-valuemax=item.max.to_string()
                        aria-valuenow=item.value.map(|value| value.to_string())
                    >
                        <GaugeArc
                            fraction=item.fraction
                            color=item.color.clone()
                            bands=item.bands.clone()
                            max_text=item.max_text.clone()
                        />
                        <span class="obs-gauge__value" style=format!("color:{}", item.color)>
                            {item.text.to_string()}
                        </span>
                        {(model.show_names && named).then(|| view! {
                            <span class="obs-gauge__name" title=item.name.clone()>{item.name.clone()}</span>
                        })}
                    </div>
                }
            })
            .collect_view();
        view! { <div class="obs-gauges">{items}</div> }
    }
}
