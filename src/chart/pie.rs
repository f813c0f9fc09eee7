//! Pie charts: the core's geometry (`obs_core::chart::pie`) painted: slices clockwise from
//! twelve o'clock, thin separators, optional labels beside them; the tooltip names the slice
//! under the pointer from the geometry that was painted. The legend is DOM, beside the canvas.

use leptos::prelude::*;
use obs_core::chart::pie::{PieGeometry, angle_deg, layout};
use obs_core::panels::pie::PieModel;

use super::Shared;
use super::axes::paint_texts;
use super::canvas::LaidOutChart;
use super::painter::{CanvasSize, Painter};
use super::theme::ChartTheme;

/// A pie chart of `model`.
#[component]
pub fn PieChart(
    model: Memo<Shared<PieModel>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let lay_out = move |_: &Painter, size: CanvasSize, _: &ChartTheme| {
        let model = model.get();
        let geometry = layout(&model, size);
        (model, geometry)
    };
    let hit = |(model, geometry): &(Shared<PieModel>, PieGeometry), x: f64, y: f64| {
        let slice = model.slices.get(geometry.hit(model, x, y)?)?;
        Some(vec![
            slice.name.clone(),
            format!("{} ({})", slice.text, slice.percent_text),
        ])
    };
    view! { <LaidOutChart lay_out=lay_out paint=paint hit=hit label=label/> }
}

fn paint(
    painter: &mut Painter,
    (model, geometry): &(Shared<PieModel>, PieGeometry),
    theme: &ChartTheme,
) {
    let (cx, cy, radius) = (geometry.center_x, geometry.center_y, geometry.radius);
    for (slice, (start, end)) in model.slices.iter().zip(&geometry.arcs) {
        if slice.fraction <= 0.0 {
            continue;
        }
        let fill = painter.color(&slice.color, 1.0);
        painter.ring(cx, cy, 0.0, radius, *start, *end, fill);
    }
    // Thin separators in the card's colour keep neighbouring slices apart.
    let separator = painter.color(&theme.background, 1.0);
    for slice in model
        .slices
        .iter()
        .filter(|slice| slice.fraction > 0.0 && slice.fraction < 1.0)
    {
        let angle = angle_deg(slice.start_fraction).to_radians();
        let edge = (
            cx + radius * obs_core::math::cos(angle),
            cy - radius * obs_core::math::sin(angle),
        );
        painter.line(&[(cx, cy), edge], separator, 1.5, &[]);
    }
    paint_texts(painter, &geometry.labels, theme, &theme.text);
}
