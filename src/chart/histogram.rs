//! The histogram chart: a bar per bucket over a value axis of bucket bounds, laid out by the
//! core's `layout`; the tooltip's hit test reads the layout that was painted.

use leptos::prelude::*;
use obs_core::chart::histogram::{HistogramLayout, layout};
use obs_core::panels::histogram::HistogramModel;

use super::Shared;
use super::axes::{Side, fill_rect, label_font, paint_labels};
use super::canvas::LaidOutChart;
use super::painter::{CanvasSize, Painter};
use super::theme::ChartTheme;

/// A histogram chart of `model`.
#[component]
pub fn HistogramChart(
    model: Memo<Shared<HistogramModel>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let lay_out = move |painter: &Painter, size: CanvasSize, theme: &ChartTheme| {
        let model = model.get();
        let font = label_font(theme);
        let measure = |text: &str| painter.text_width(text, &font);
        let geometry = layout(&model, size.width_css, size.height_css, &measure);
        (model, geometry)
    };
    let paint = |painter: &mut Painter,
                 (model, geometry): &(Shared<HistogramModel>, HistogramLayout),
                 theme: &ChartTheme| {
        paint_chart(painter, model, geometry, theme);
    };
    let hit = |(model, geometry): &(Shared<HistogramModel>, HistogramLayout), x: f64, y: f64| {
        Some(model.describe_bar(geometry.hit(x, y)?)?.to_vec())
    };
    view! { <LaidOutChart lay_out=lay_out paint=paint hit=hit label=label/> }
}

fn paint_chart(
    painter: &mut Painter,
    model: &HistogramModel,
    geometry: &HistogramLayout,
    theme: &ChartTheme,
) {
    let plot = geometry.plot;
    let grid = painter.color(&theme.grid, 1.0);
    for tick in &geometry.y_ticks {
        painter.line(
            &[(plot.left, tick.px), (plot.right, tick.px)],
            grid,
            1.0,
            &[],
        );
    }
    paint_labels(painter, &geometry.y_ticks, Side::Left, &plot, theme);
    for (bar, shape) in model.bars.iter().zip(&geometry.bars) {
        if shape.right <= shape.left || shape.top >= plot.bottom {
            continue;
        }
        fill_rect(painter, shape, &bar.color);
    }
    paint_labels(painter, &geometry.x_ticks, Side::Bottom, &plot, theme);
}
