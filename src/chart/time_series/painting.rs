//! Painting a time series chart's canvas: the grid and the first series at once, further
//! series one frame at a time, so many series never block the page.

use leptos::html::Canvas;
use leptos::prelude::*;
use obs_core::chart::time_series::geometry::Geometry;
use obs_core::panels::time_series::TimeSeriesModel;

use super::paint::{self, ThresholdStyle};
use crate::chart::painter::{Painter, mark_painted};
use crate::chart::theme::ChartTheme;
use crate::chart::{Shared, snapshot};

/// Paints the chart whenever its geometry, data, theme or threshold style change: the outside
/// world, hence an effect. A newer paint abandons the frames of an older one.
pub(super) fn paint_when_changed(
    geometry: Memo<Option<Shared<Geometry>>>,
    model: Memo<Option<Shared<TimeSeriesModel>>>,
    theme: ReadSignal<ChartTheme>,
    threshold_style: Signal<ThresholdStyle>,
    (base, still): (NodeRef<Canvas>, NodeRef<Canvas>),
) {
    let paint_generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let (Some(geometry), Some(model), Some(canvas)) = (geometry.get(), model.get(), base.get())
        else {
            return;
        };
        let theme = theme.get();
        let threshold_style = threshold_style.get();
        let generation = paint_generation.get_value().wrapping_add(1);
        paint_generation.set_value(generation);
        let mut frames = paint::frames(&geometry).into_iter();
        snapshot::hide(&canvas, still.get_untracked().as_ref());
        crate::perf::measure("chart.paint", || {
            if let Some(mut painter) = Painter::new(&canvas, geometry.size) {
                paint::paint_frame(&mut painter, &geometry, &model, &theme, threshold_style);
                if let Some(first) = frames.next() {
                    paint::paint_series(&mut painter, &geometry, &model, first);
                }
                mark_painted(&canvas, frames.len() == 0);
            }
        });
        crate::perf::mark("at.painted-first");
        paint_later(
            canvas,
            still.get_untracked(),
            geometry,
            model,
            frames.collect(),
            generation,
            paint_generation,
        );
    });
}

/// Paints the remaining frames of series, one per animation frame, while `generation` is
/// still the latest paint; then shows the plot as a still picture.
fn paint_later(
    canvas: web_sys::HtmlCanvasElement,
    still: Option<web_sys::HtmlCanvasElement>,
    geometry: Shared<Geometry>,
    model: Shared<TimeSeriesModel>,
    mut frames: Vec<std::ops::Range<usize>>,
    generation: u64,
    latest: StoredValue<u64>,
) {
    if frames.is_empty() {
        snapshot::show(canvas, still, move || {
            latest.try_get_value() == Some(generation)
        });
        return;
    }
    let next = frames.remove(0);
    request_animation_frame(move || {
        if latest.try_get_value() != Some(generation) {
            return;
        }
        crate::perf::measure("chart.paint", || {
            if let Some(mut painter) = Painter::resume(&canvas, geometry.size) {
                paint::paint_series(&mut painter, &geometry, &model, next);
            }
            mark_painted(&canvas, frames.is_empty());
        });
        paint_later(canvas, still, geometry, model, frames, generation, latest);
    });
}
