//! The legend of a time series chart: a list or a table with value columns. Clicking a series
//! shows it alone (clicking it again shows all); Ctrl, Cmd or Shift and click toggles it.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use obs_core::calculation::calculate;
use obs_core::chart::legend_markup::{LegendContent, LegendRow, legend_markup};
use obs_core::format::format_value;
use obs_core::panels::time_series::TimeSeriesModel;
use obs_core::spec::common::LegendPosition;
use obs_core::spec::panels::time_series::LineStyle;

use crate::chart::Shared;
use crate::dom::focusable_when_scrolling;
use wasm_bindgen::JsCast;

#[component]
pub fn Legend(
    model: Memo<Option<Shared<TimeSeriesModel>>>,
    /// The keys of the hidden series: a list, as a chart hides few (and a set of numbers
    /// would be one more map's code in the page).
    hidden: RwSignal<Vec<u64>>,
) -> impl IntoView {
    // Series are remembered by key, not name: two series may share a name.
    let on_pick = move |key: u64, event: &MouseEvent| {
        let keys: Vec<u64> = model
            .get_untracked()
            .map(|m| m.series.iter().map(|s| s.key).collect())
            .unwrap_or_default();
        hidden.update(|hidden| {
            if event.ctrl_key() || event.meta_key() || event.shift_key() {
                if hidden.contains(&key) {
                    hidden.retain(|other| *other != key);
                } else {
                    hidden.push(key);
                }
            } else {
                let isolated = hidden.len() + 1 == keys.len() && !hidden.contains(&key);
                hidden.clear();
                if !isolated {
                    hidden.extend(keys.into_iter().filter(|other| *other != key));
                }
            }
        });
    };
    // One listener for the whole legend: a click (or Enter or Space) on a series' button.
    let on_click = move |event: MouseEvent| {
        let key = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest("button.obs-legend__item").ok().flatten())
            .and_then(|button| button.get_attribute("data-key"))
            .and_then(|key| key.parse::<u64>().ok());
        if let Some(key) = key {
            on_pick(key, &event);
        }
    };
    move || {
        let model = model.get()?;
        let legend = model.legend.clone()?;
        let class = match legend.position {
            LegendPosition::Bottom => "obs-legend obs-legend--bottom",
            LegendPosition::Right => "obs-legend obs-legend--right",
        };
        let hidden_now = hidden.get();
        let rows = model
            .series
            .iter()
            .map(|series| {
                let format = series
                    .format
                    .clone()
                    .unwrap_or_else(|| model.y_axis.format.clone());
                LegendRow {
                    key: series.key,
                    name: series.name.clone(),
                    swatch: swatch_css(&series.color, series.line_style),
                    pressed: !hidden_now.contains(&series.key),
                    values: legend
                        .columns
                        .iter()
                        .map(|calculation| {
                            calculate(series.samples.values(), *calculation).map_or_else(
                                || "–".to_owned(),
                                |value| format_value(value, Some(&format)).to_string(),
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        // Shared, not copied, when the view hands it to `fill`.
        let content = std::sync::Arc::new(LegendContent {
            mode: legend.mode,
            columns: legend.columns.iter().map(|c| c.label()).collect(),
            rows,
        });
        Some(view! {
            <div class=class role="group" aria-label="Legend" use:focusable_when_scrolling use:fill=content on:click=on_click></div>
        })
    }
}

/// Draws the legend into `box_element` as one piece of markup (`legend_markup`), not as
/// reactive views: a legend is drawn anew whenever its series or their visibility change, so
/// no row needs state of its own, and its buttons share the box's one click listener. As
/// views, NodeExporter's 687 legend rows held 2.4 MB of the page's WebAssembly memory (an
/// element's view state, a listener per button). A legend drawn anew may reuse the box of the
/// one before (the view updates an element of the same kind in place): the markup replaces
/// its old rows. A directive rather than an `inner_html` attribute, which would keep each
/// legend's markup (0.6 MB on NodeExporter) to compare with the next.
fn fill(box_element: web_sys::Element, content: std::sync::Arc<LegendContent>) {
    box_element.set_inner_html(&legend_markup(&content));
}

/// A legend key drawn as its line is: a bar of the colour, or a dashed or dotted rule, so
/// series are told apart without colour too.
fn swatch_css(color: &str, style: LineStyle) -> String {
    match style {
        LineStyle::Solid => format!("background:{color}"),
        LineStyle::Dashed => format!("border-top:3px dashed {color};height:0"),
        LineStyle::Dotted => format!("border-top:3px dotted {color};height:0"),
    }
}
