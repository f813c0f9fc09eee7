//! Bar charts: the core's geometry (`obs_core::chart::bar`) painted: grid lines and ticks of
//! the value axis, a rectangle per segment, the bands' names and the values of lone bars. The
//! tooltip names the segment under the pointer from the geometry that was painted.

use leptos::prelude::*;
use obs_core::chart::bar::{BarGeometry, layout};
use obs_core::panels::bar::BarModel;

use super::Shared;
use super::axes::{Side, fill_rect, label_font, paint_labels, paint_texts};
use super::canvas::LaidOutChart;
use super::painter::{CanvasSize, Painter};
use super::theme::ChartTheme;

/// A bar chart of `model`.
#[component]
pub fn BarChart(
    model: Memo<Shared<BarModel>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let lay_out = move |painter: &Painter, size: CanvasSize, theme: &ChartTheme| {
        let font = label_font(theme);
        layout(&model.get(), size, &|text| painter.text_width(text, &font))
    };
    let hit = |geometry: &BarGeometry, x: f64, y: f64| {
        let (band, segment) = geometry.hit(x, y)?;
        geometry.tooltip(band, segment)
    };
    view! { <LaidOutChart lay_out=lay_out paint=paint hit=hit label=label/> }
}

fn paint(painter: &mut Painter, geometry: &BarGeometry, theme: &ChartTheme) {
    let plot = geometry.plot;
    let grid = painter.color(&theme.grid, 1.0);
    for tick in &geometry.ticks {
        let line = if geometry.horizontal {
            [(tick.px, plot.top), (tick.px, plot.bottom)]
        } else {
            [(plot.left, tick.px), (plot.right, tick.px)]
        };
        painter.line(&line, grid, 1.0, &[]);
    }
    let side = if geometry.horizontal {
        Side::Bottom
    } else {
        Side::Left
    };
    paint_labels(painter, &geometry.ticks, side, &plot, theme);
    for placed in &geometry.placed {
        let Some(segment) = geometry
            .bands
            .get(placed.band)
            .and_then(|band| band.segments.get(placed.segment))
        else {
            continue;
        };
        fill_rect(painter, &placed.rect, &segment.color);
    }
    paint_texts(painter, &geometry.category_labels, theme, &theme.text);
    paint_texts(painter, &geometry.value_labels, theme, &theme.text_subtle);
}
