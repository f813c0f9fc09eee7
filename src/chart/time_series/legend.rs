//! The legend of a time series chart: a list or a table with value columns. Clicking a series
//! shows it alone (clicking it again shows all); Ctrl, Cmd or Shift and click toggles it.

use std::collections::BTreeSet;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use obs_core::calculation::calculate;
use obs_core::format::format_value;
use obs_core::panels::time_series::TimeSeriesModel;
use obs_core::spec::common::{LegendMode, LegendPosition};

use crate::chart::Shared;

#[component]
pub fn Legend(
    model: Memo<Option<Shared<TimeSeriesModel>>>,
    hidden: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let on_pick = move |name: String, event: MouseEvent| {
        let names: Vec<String> = model
            .get_untracked()
            .map(|m| m.series.iter().map(|s| s.name.clone()).collect())
            .unwrap_or_default();
        hidden.update(|hidden| {
            if event.ctrl_key() || event.meta_key() || event.shift_key() {
                if !hidden.remove(&name) {
                    hidden.insert(name);
                }
            } else {
                let isolated = hidden.len() + 1 == names.len() && !hidden.contains(&name);
                hidden.clear();
                if !isolated {
                    hidden.extend(names.into_iter().filter(|other| *other != name));
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
            let pressed = !hidden_now.contains(&name);
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
            (name, series.color.clone(), pressed, values)
        });
        let view = match legend.mode {
            LegendMode::List => view! {
                <ul class="obs-legend__list">
                    {rows
                        .map(|(name, color, pressed, _)| view! {
                            <li><LegendItem name=name color=color pressed=pressed on_pick=on_pick/></li>
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
                            {legend.columns.iter().map(|c| view! { <th scope="col">{c.label()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .map(|(name, color, pressed, values)| view! {
                                <tr class:obs-legend__item--off=!pressed>
                                    <td><LegendItem name=name color=color pressed=pressed on_pick=on_pick/></td>
                                    {values.into_iter().map(|value| view! { <td class="obs-legend__value">{value}</td> }).collect_view()}
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
            .into_any(),
        };
        Some(view! { <div class=class role="group" aria-label="Legend">{view}</div> })
    }
}

/// One series in the legend: a toggle button with its colour and name.
#[component]
fn LegendItem(
    name: String,
    color: String,
    pressed: bool,
    on_pick: impl Fn(String, MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let picked = name.clone();
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
            <span class="obs-legend__swatch" style=format!("background:{color}")></span>
            <span class="obs-legend__name">{name}</span>
        </button>
    }
}
