//! The legend of a time series chart: a list or a table with value columns. Clicking a series
//! shows it alone (clicking it again shows all); Ctrl, Cmd or Shift and click toggles it.

use std::collections::BTreeSet;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use obs_core::calculation::calculate;
use obs_core::format::format_value;
use obs_core::panels::time_series::TimeSeriesModel;
use obs_core::spec::common::{LegendMode, LegendPosition};
use obs_core::spec::panels::time_series::LineStyle;

use crate::chart::Shared;
use crate::dom::focusable_when_scrolling;

#[component]
pub fn Legend(
    model: Memo<Option<Shared<TimeSeriesModel>>>,
    hidden: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    // Series are remembered by key, not name: two series may share a name.
    let on_pick = move |key: String, event: MouseEvent| {
        let keys: Vec<String> = model
            .get_untracked()
            .map(|m| m.series.iter().map(|s| s.key.clone()).collect())
            .unwrap_or_default();
        hidden.update(|hidden| {
            if event.ctrl_key() || event.meta_key() || event.shift_key() {
                if !hidden.remove(&key) {
                    hidden.insert(key);
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
    move || {
        let model = model.get()?;
        let legend = model.legend.clone()?;
        let class = match legend.position {
            LegendPosition::Bottom => "obs-legend obs-legend--bottom",
            LegendPosition::Right => "obs-legend obs-legend--right",
        };
        let hidden_now = hidden.get();
        let rows = model.series.iter().map(|series| {
            let name = series.name.clone();
            let pressed = !hidden_now.contains(&series.key);
            let format = series
                .format
                .clone()
                .unwrap_or_else(|| model.y_axis.format.clone());
            let values: Vec<String> = legend
                .columns
                .iter()
                .map(|calculation| {
                    calculate(&series.samples, *calculation).map_or_else(
                        || "–".to_owned(),
                        |value| format_value(value, Some(&format)).to_string(),
                    )
                })
                .collect();
            (
                series.key.clone(),
                name,
                swatch_css(&series.color, series.line_style),
                pressed,
                values,
            )
        });
        let view = match legend.mode {
            LegendMode::List => view! {
                <ul class="obs-legend__list">
                    {rows
                        .map(|(key, name, swatch, pressed, _)| view! {
                            <li><LegendItem series_key=key name=name swatch=swatch pressed=pressed on_pick=on_pick/></li>
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            LegendMode::Table => view! {
                <table class="obs-legend__table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            {legend.columns.iter().map(|c| view! { <th scope="col" class="obs-legend__value">{c.label()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .map(|(key, name, swatch, pressed, values)| view! {
                                <tr class:obs-legend__item--off=!pressed>
                                    <td><LegendItem series_key=key name=name swatch=swatch pressed=pressed on_pick=on_pick/></td>
                                    {values.into_iter().map(|value| view! { <td class="obs-legend__value">{value}</td> }).collect_view()}
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
            .into_any(),
        };
        Some(
            view! { <div class=class role="group" aria-label="Legend" use:focusable_when_scrolling>{view}</div> },
        )
    }
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

/// One series in the legend: a toggle button with its line's key and name.
#[component]
fn LegendItem(
    /// The series' key, handed to `on_pick`.
    series_key: String,
    name: String,
    /// The key's CSS (see [`swatch_css`]).
    swatch: String,
    pressed: bool,
    on_pick: impl Fn(String, MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let picked = series_key;
    let title = name.clone();
    view! {
        <button
            class="obs-legend__item"
            class:obs-legend__item--off=!pressed
            type="button"
            aria-pressed=pressed.to_string()
            title=title
            on:click=move |event| on_pick(picked.clone(), event)
        >
            <span class="obs-legend__swatch" style=swatch></span>
            <span class="obs-legend__name">{name}</span>
        </button>
    }
}
