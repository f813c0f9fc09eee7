//! A sparkline: a series' shape as a filled line, without axes, behind a stat's value, painted
//! from the core's geometry (`obs_core::chart::sparkline`).

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use obs_core::chart::sparkline::layout;
use obs_core::prometheus::Samples;

use super::surface::use_painted_canvas;

/// Draws `samples` across the box, in `color`, with the area below at `area_opacity`.
#[component]
pub fn Sparkline(
    samples: Samples,
    color: String,
    width_px: f64,
    area_opacity: f64,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    use_painted_canvas(container, canvas, move |painter, size| {
        let Some(geometry) = layout(&samples, size, width_px) else {
            return;
        };
        let fill = painter.color(&color, area_opacity);
        painter.polygon(&geometry.area, fill);
        let stroke = painter.color(&color, 1.0);
        painter.line(&geometry.line, stroke, width_px, &[]);
    });
    view! {
        <div class="obs-sparkline" node_ref=container aria-hidden="true">
            <canvas node_ref=canvas></canvas>
        </div>
    }
}
