//! Pie charts: slices clockwise from twelve o'clock, optional labels beside them, and a
//! tooltip naming the slice under the pointer. The legend is DOM, beside the canvas.

use leptos::prelude::*;
use obs_core::panels::pie::PieModel;

use super::Shared;
use super::canvas::CanvasChart;
use super::painter::{Align, CanvasSize, Font, Painter};
use super::theme::ChartTheme;

/// Degrees from three o'clock (counter-clockwise) of a fraction of the turn from twelve o'clock
/// (clockwise).
fn angle_deg(fraction: f64) -> f64 {
    90.0 - 360.0 * fraction
}

/// The centre and radius of the pie in a box.
fn disc(model: &PieModel, size: CanvasSize) -> (f64, f64, f64) {
    let room = size.width_css.min(size.height_css) / 2.0;
    let radius = (room * (model.radius_pct / 100.0).clamp(0.1, 1.0) * 1.6)
        .min(room - 4.0)
        .max(4.0);
    (size.width_css / 2.0, size.height_css / 2.0, radius)
}

#[component]
pub fn PieChart(
    model: Memo<Shared<PieModel>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let paint = move |painter: &mut Painter, size: CanvasSize, theme: &ChartTheme| {
        let model = model.get();
        let (cx, cy, radius) = disc(&model, size);
        for slice in &model.slices {
            if slice.fraction <= 0.0 {
                continue;
            }
            let fill = painter.color(&slice.color, 1.0);
            painter.ring(
                cx,
                cy,
                0.0,
                radius,
                angle_deg(slice.start_fraction),
                angle_deg(slice.start_fraction + slice.fraction),
                fill,
            );
        }
        // Thin separators in the card's colour keep neighbouring slices apart.
        let separator = painter.color(&theme.background, 1.0);
        for slice in model
            .slices
            .iter()
            .filter(|slice| slice.fraction > 0.0 && slice.fraction < 1.0)
        {
            let angle = angle_deg(slice.start_fraction).to_radians();
            painter.line(
                &[
                    (cx, cy),
                    (cx + radius * angle.cos(), cy - radius * angle.sin()),
                ],
                separator,
                1.5,
                &[],
            );
        }
        if model.show_labels {
            let font = Font {
                size_css: 11.0,
                bold: false,
                family: theme.font_family.clone(),
            };
            for slice in model.slices.iter().filter(|slice| slice.fraction >= 0.03) {
                let angle = angle_deg(slice.start_fraction + slice.fraction / 2.0).to_radians();
                let (x, y) = (
                    cx + (radius + 8.0) * angle.cos(),
                    cy - (radius + 8.0) * angle.sin(),
                );
                let align = if angle.cos() >= 0.0 {
                    Align::Left
                } else {
                    Align::Right
                };
                painter.text(&slice.label, x, y, align, &font, &theme.text);
            }
        }
    };
    let hit = move |x: f64, y: f64, size: CanvasSize| {
        let model = model.get_untracked();
        let (cx, cy, radius) = disc(&model, size);
        let (dx, dy) = (x - cx, cy - y);
        if dx.hypot(dy) > radius {
            return None;
        }
        // The fraction of the turn clockwise from twelve o'clock.
        let turn = ((90.0 - dy.atan2(dx).to_degrees()).rem_euclid(360.0)) / 360.0;
        model
            .slices
            .iter()
            .find(|slice| {
                turn >= slice.start_fraction && turn < slice.start_fraction + slice.fraction
            })
            .map(|slice| {
                vec![
                    slice.name.clone(),
                    format!("{} ({})", slice.text, slice.percent_text),
                ]
            })
    };
    view! { <CanvasChart paint=paint hit=hit label=label/> }
}
