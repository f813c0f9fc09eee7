//! A gauge's arc, painted from the core's geometry (`obs_core::chart::gauge`): the threshold
//! bands on a thin outer ring and the value as a thick arc over a track.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use obs_core::chart::gauge::layout;

use super::axes::paint_texts;
use super::surface::use_painted_canvas;
use super::theme::use_chart_theme;

/// The arc of one gauge.
#[component]
pub fn GaugeArc(
    /// The value's position on the arc, 0–1.
    fraction: f64,
    /// The value's colour.
    color: String,
    /// The bands: where each ends (0–1) and its colour.
    bands: Vec<(f64, String)>,
    /// The label at the end of the arc.
    max_text: String,
) -> impl IntoView {
    let theme = use_chart_theme();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    use_painted_canvas(container, canvas, move |painter, size| {
        let theme = theme.get();
        let geometry = layout(size, fraction, &color, &bands, &max_text);
        let (cx, cy) = (geometry.center_x, geometry.center_y);
        for ring in &geometry.rings {
            let fill = painter.color(ring.color.as_deref().unwrap_or(&theme.grid), 1.0);
            painter.ring(
                cx,
                cy,
                ring.inner,
                ring.outer,
                ring.start_deg,
                ring.end_deg,
                fill,
            );
        }
        paint_texts(painter, &geometry.labels, &theme, &theme.text_subtle);
    });
    view! {
        <div class="obs-gauge__arc" node_ref=container aria-hidden="true">
            <canvas node_ref=canvas></canvas>
        </div>
    }
}
