//! A gauge's arc: the threshold bands on a thin outer ring and the value as a thick arc over
//! a track, swept clockwise over 270 degrees from the lower left.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use super::painter::{Align, Font};
use super::surface::use_painted_canvas;
use super::theme::use_chart_theme;

/// Where the arc starts and how far it sweeps, in degrees.
const START_DEG: f64 = 225.0;
const SWEEP_DEG: f64 = 270.0;

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
        let label_room = 14.0;
        let radius = (size.width_css / 2.0)
            .min((size.height_css - label_room) / (1.0 + (45f64).to_radians().sin()))
            .max(10.0)
            - 2.0;
        let (cx, cy) = (size.width_css / 2.0, 2.0 + radius);
        let angle = |fraction: f64| START_DEG - SWEEP_DEG * fraction.clamp(0.0, 1.0);
        let band_width = (radius * 0.06).max(2.0);
        let mut from = 0.0;
        for (end, band_color) in &bands {
            let fill = painter.color(band_color, 1.0);
            painter.ring(
                cx,
                cy,
                radius - band_width,
                radius,
                angle(from),
                angle(*end),
                fill,
            );
            from = *end;
        }
        let (inner, outer) = (radius * 0.62, radius - band_width - 3.0);
        let track = painter.color(&theme.grid, 1.0);
        painter.ring(cx, cy, inner, outer, angle(0.0), angle(1.0), track);
        if fraction > 0.0 {
            let fill = painter.color(&color, 1.0);
            painter.ring(cx, cy, inner, outer, angle(0.0), angle(fraction), fill);
        }
        let font = Font {
            size_css: 11.0,
            bold: false,
            family: theme.font_family.clone(),
        };
        let below = cy + radius * (45f64).to_radians().sin() + 6.0;
        let left = cx - radius * (45f64).to_radians().cos();
        let right = cx + radius * (45f64).to_radians().cos();
        painter.text("0", left, below, Align::Center, &font, &theme.text_subtle);
        painter.text(
            &max_text,
            right,
            below,
            Align::Center,
            &font,
            &theme.text_subtle,
        );
    });
    view! {
        <div class="obs-gauge__arc" node_ref=container aria-hidden="true">
            <canvas node_ref=canvas></canvas>
        </div>
    }
}
