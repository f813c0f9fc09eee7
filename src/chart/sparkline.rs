//! A sparkline: a series' shape as a filled line, without axes, behind a stat's value.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use obs_core::chart::scale::{TimeScale, ValueScale};
use obs_core::panels::stat::sparkline_range;
use obs_core::prometheus::Sample;

use super::surface::use_painted_canvas;

/// Draws `samples` across the box, in `color`, with the area below at `area_opacity`.
#[component]
pub fn Sparkline(
    samples: Vec<Sample>,
    color: String,
    width_px: f64,
    area_opacity: f64,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    use_painted_canvas(container, canvas, move |painter, size| {
        let finite: Vec<&Sample> = samples.iter().filter(|s| s.value.is_finite()).collect();
        let (Some(first), Some(last)) = (finite.first(), finite.last()) else {
            return;
        };
        let Some((min, max)) = sparkline_range(&samples) else {
            return;
        };
        let inset = width_px / 2.0;
        let x = TimeScale {
            start_ms: first.time_ms,
            end_ms: last.time_ms.max(first.time_ms + 1),
            start_px: 0.0,
            end_px: size.width_css,
        };
        let y = ValueScale::linear(min, max, size.height_css - inset, inset);
        let line: Vec<(f64, f64)> = finite
            .iter()
            .map(|sample| {
                (
                    x.px_from_time(sample.time_ms),
                    y.px_from_value(sample.value),
                )
            })
            .collect();
        let mut area = line.clone();
        area.push((size.width_css, size.height_css));
        area.push((0.0, size.height_css));
        let fill = painter.color(&color, area_opacity);
        painter.polygon(&area, fill);
        let stroke = painter.color(&color, 1.0);
        painter.line(&line, stroke, width_px, &[]);
    });
    view! {
        <div class="obs-sparkline" node_ref=container aria-hidden="true">
            <canvas node_ref=canvas></canvas>
        </div>
    }
}
