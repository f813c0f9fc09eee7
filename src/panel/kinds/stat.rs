//! The stat panel: one big value per series, coloured by mappings or thresholds, with an
//! optional sparkline behind it.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::chart::palette::readable_text_on;
use obs_core::panels::stat::{StatColorMode, StatItem, StatModel, prepare};
use obs_core::spec::panels::stat::StatChartSpec;

use super::Outputs;
use crate::chart::Shared;
use crate::chart::sparkline::Sparkline;
use crate::chart::theme::use_chart_theme;
use crate::regex::JsPatterns;
use obs_core::chart::contrast::readable_text;

#[component]
pub fn StatPanel(
    spec: StatChartSpec,
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
            &JsPatterns,
            series_limit.get(),
        )))
    });
    move || {
        let model = model.get();
        let class = if model.items.len() > 1 {
            "obs-stats obs-stats--many"
        } else {
            "obs-stats"
        };
        // Read once for all items; reading it here re-renders the stats when the theme turns.
        let card = theme.with(|theme| theme.background.clone());
        let items = model
            .items
            .iter()
            .map(|item| stat_item(&model, item, &card))
            .collect_view();
        view! {
            <div class=class role="list">
                {items}
            </div>
        }
    }
}

fn stat_item(model: &StatModel, item: &StatItem, card: &str) -> impl IntoView + use<> {
    let (text_color, background) = match model.color_mode {
        // A threshold or mapping colour is text here: it is made to reach 4.5:1 on the card
        // (its lightness moved, its hue kept), as WCAG asks of text (1.4.3).
        StatColorMode::Value => (Some(readable_text(&item.color, card)), None),
        StatColorMode::BackgroundSolid => (
            Some(readable_text_on(&item.color).to_owned()),
            Some(item.color.clone()),
        ),
        StatColorMode::None => (None, None),
    };
    // The value fills the box: its size follows the box (container units) and its length,
    // units counting for less as they are drawn smaller.
    let chars = item.value.number.chars().count() as f64
        + 0.6 * (item.value.prefix.chars().count() + item.value.suffix.chars().count()) as f64;
    let mut value_style = format!("--obs-stat-chars:{:.1};", chars.max(2.0));
    if let Some(color) = &text_color {
        value_style.push_str(&format!("color:{color};"));
    }
    if let Some(size_px) = model.value_font_size_px {
        value_style.push_str(&format!("font-size:{size_px}px;"));
    }
    let box_style = background
        .as_ref()
        .map(|color| format!("background:{color};"))
        .unwrap_or_default();
    let name_style = background
        .as_ref()
        .map(|_| format!("color:{};", readable_text_on(&item.color)))
        .unwrap_or_default();
    let sparkline = model.sparkline.as_ref().and_then(|style| {
        (item.samples.len() > 1).then(|| {
            let color = style.color.clone().unwrap_or_else(|| item.color.clone());
            view! {
                <Sparkline
                    samples=item.samples.clone()
                    color=color
                    width_px=style.width_px
                    area_opacity=style.area_opacity
                />
            }
        })
    });
    let label = if item.name.is_empty() {
        item.value.to_string()
    } else {
        format!("{}: {}", item.name, item.value)
    };
    let value = item.value.clone();
    view! {
        <div class="obs-stat" style=box_style role="listitem" aria-label=label>
            {sparkline}
            {(model.show_names && item.name != "{}").then(|| view! {
                <span class="obs-stat__name" style=name_style title=item.name.clone()>{item.name.clone()}</span>
            })}
            <span class="obs-stat__value" style=value_style>
                {(!value.prefix.is_empty()).then(|| view! { <span class="obs-stat__unit">{value.prefix.clone()}</span> })}
                <span class="obs-stat__number">{value.number.clone()}</span>
                {(!value.suffix.is_empty()).then(|| view! { <span class="obs-stat__unit">{value.suffix.clone()}</span> })}
            </span>
        </div>
    }
}
