//! The heat map's geometry: one pure `layout` from the chart's size, the model and measured
//! label widths, used both to paint and to find the cell under the pointer, so the two never
//! disagree.

mod colors;
mod raster;
#[cfg(test)]
mod tests;

pub use colors::{color_fraction, heat_color, ramp, smallest_count};
pub use raster::{Band, Raster, raster};

pub use super::frame::{Rect, Tick};
use super::frame::{bucket_domain, ticks_along, time_ticks_along};
use super::scale::{TimeScale, ValueScale};
use super::ticks::{log_ticks, value_ticks};
use crate::format::format_value;
use crate::panels::heatmap::HeatmapModel;
use crate::spec::panels::heatmap::CountScale;

/// Height of the time axis under the plot.
const TIME_AXIS_PX: f64 = 20.0;
/// Height of the band above the plot that holds the `+Inf` bucket.
const OVERFLOW_PX: f64 = 12.0;
/// Width of the colour scale's bar.
const COLOR_BAR_PX: f64 = 10.0;
/// Room between labels and what they label.
const GAP_PX: f64 = 6.0;

/// Where everything of a heat map lies.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapLayout {
    /// The cells' area (finite buckets).
    pub plot: Rect,
    /// The band above the plot for a `+Inf` bucket, when the histogram has one.
    pub overflow: Option<Rect>,
    pub x: TimeScale,
    pub y: ValueScale,
    /// Per time of the histogram: its column's left and right edge (clipped to the plot).
    pub columns: Vec<(f64, f64)>,
    /// Per bucket: its row's top and bottom edge; equal edges when it lies outside the axis.
    pub rows: Vec<(f64, f64)>,
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<Tick>,
    /// The colour scale's bar and its top and bottom labels, when shown.
    pub color_bar: Option<(Rect, String, String)>,
}

/// A cell: the time index and the bucket index into the model's histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub time: usize,
    pub bucket: usize,
}

/// Lays the heat map out in `width_px` × `height_px`; `measure` gives a label's width in CSS
/// pixels, and `utc_offset_minutes` aligns the time ticks to the viewer's clock.
pub fn layout(
    model: &HeatmapModel,
    width_px: f64,
    height_px: f64,
    utc_offset_minutes: i32,
    measure: &dyn Fn(&str) -> f64,
) -> HeatmapLayout {
    let (min_value, max_value) = y_domain(model);
    let has_overflow = model.max.is_none()
        && model.histogram.as_ref().is_some_and(|histogram| {
            histogram
                .buckets
                .last()
                .is_some_and(|bounds| bounds.upper == f64::INFINITY)
        });
    let top = if has_overflow { OVERFLOW_PX + 2.0 } else { 4.0 };
    let bottom = (height_px - TIME_AXIS_PX).max(top + 1.0);
    // Ticks first with a provisional scale: their labels decide the left margin.
    let tick_values = y_tick_values(model, min_value, max_value, bottom - top);
    let y_labels: Vec<String> = tick_values
        .iter()
        .map(|value| format_value(*value, model.y_format.as_ref()).to_string())
        .collect();
    let overflow_label = "+Inf";
    let widest = y_labels
        .iter()
        .map(|label| measure(label))
        .chain(has_overflow.then(|| measure(overflow_label)))
        .fold(0.0, f64::max);
    let left = (widest + GAP_PX + 2.0).min(width_px * 0.35);
    let color_bar_labels = model.show_visual_map.then(|| {
        let format = model.count_format.as_ref();
        let low = match model.count_scale {
            CountScale::Linear => 0.0,
            CountScale::Log => smallest_count(model),
        };
        (
            format_value(model.max_count, format).to_string(),
            format_value(low, format).to_string(),
        )
    });
    let right = match &color_bar_labels {
        Some((high, low)) => {
            width_px - COLOR_BAR_PX - GAP_PX * 2.0 - measure(high).max(measure(low)) - 2.0
        }
        None => width_px - 4.0,
    }
    .max(left + 1.0);
    let plot = Rect {
        left,
        top,
        right,
        bottom,
    };
    let y = ValueScale::new(min_value, max_value, bottom, top, model.log_base);
    let x = TimeScale {
        start_ms: model.range.start_ms,
        end_ms: model.range.end_ms.max(model.range.start_ms + 1),
        start_px: left,
        end_px: right,
    };
    let overflow = has_overflow.then_some(Rect {
        left,
        top: 1.0,
        right,
        bottom: top - 2.0,
    });
    let columns = columns(model, &x);
    let rows = rows(model, &y, &plot, overflow.as_ref());
    let mut y_ticks = ticks_along(&y, &tick_values, y_labels);
    if let Some(band) = &overflow {
        y_ticks.push(Tick {
            px: (band.top + band.bottom) / 2.0,
            label: overflow_label.to_owned(),
        });
    }
    let x_ticks = time_ticks_along(&x, utc_offset_minutes);
    let color_bar = color_bar_labels.map(|(high, low)| {
        (
            Rect {
                left: right + GAP_PX,
                top,
                right: right + GAP_PX + COLOR_BAR_PX,
                bottom,
            },
            high,
            low,
        )
    });
    HeatmapLayout {
        plot,
        overflow,
        x,
        y,
        columns,
        rows,
        y_ticks,
        x_ticks,
        color_bar,
    }
}

impl HeatmapLayout {
    /// The cell at `(x, y)` in CSS pixels, if one is drawn there.
    pub fn hit(&self, x: f64, y: f64) -> Option<Cell> {
        let inside =
            self.plot.contains(x, y) || self.overflow.is_some_and(|band| band.contains(x, y));
        if !inside {
            return None;
        }
        let time = self
            .columns
            .iter()
            .position(|(left, right)| x >= *left && x <= *right && right > left)?;
        let bucket = self
            .rows
            .iter()
            .position(|(top, bottom)| y >= *top && y <= *bottom && bottom > top)?;
        Some(Cell { time, bucket })
    }
}

/// The y axis' extent, from the spec's bounds or else the buckets that hold any count: a
/// histogram's buckets often reach far past what is observed (vLLM's first-token buckets go to
/// 2,560 s), and empty ones would squeeze the ones that matter.
fn y_domain(model: &HeatmapModel) -> (f64, f64) {
    let Some(histogram) = &model.histogram else {
        return bucket_domain(std::iter::empty(), model.log_base, model.min, model.max);
    };
    let used: Vec<bool> = (0..histogram.buckets.len())
        .map(|bucket| {
            histogram
                .counts
                .iter()
                .any(|counts| counts.get(bucket).is_some_and(|count| *count > 0.0))
        })
        .collect();
    let any_used = used.iter().any(|used| *used);
    let buckets = histogram
        .buckets
        .iter()
        .zip(&used)
        .filter(|(_, used)| **used || !any_used)
        .map(|(bounds, _)| bounds);
    bucket_domain(buckets, model.log_base, model.min, model.max)
}

fn y_tick_values(model: &HeatmapModel, min: f64, max: f64, height_px: f64) -> Vec<f64> {
    let count = ((height_px / 36.0).floor() as usize).clamp(2, 8);
    match model.log_base {
        Some(base) => {
            let ticks = log_ticks(f64::from(base), min, max);
            if ticks.len() >= 2 {
                ticks
            } else {
                vec![min, max]
            }
        }
        None => value_ticks(min, max, count).1,
    }
}

fn columns(model: &HeatmapModel, x: &TimeScale) -> Vec<(f64, f64)> {
    let Some(histogram) = &model.histogram else {
        return Vec::new();
    };
    // One sample stands for the step that ends at it, as a rate over that step would.
    let step_ms = if model.step_ms > 0 {
        model.step_ms
    } else {
        ((x.end_ms - x.start_ms) / 60).max(1)
    };
    histogram
        .times_ms
        .iter()
        .map(|time_ms| {
            let left = x.px_from_time(time_ms - step_ms).max(x.start_px);
            let right = x.px_from_time(*time_ms).min(x.end_px);
            (left, right.max(left))
        })
        .collect()
}

fn rows(
    model: &HeatmapModel,
    y: &ValueScale,
    plot: &Rect,
    overflow: Option<&Rect>,
) -> Vec<(f64, f64)> {
    let Some(histogram) = &model.histogram else {
        return Vec::new();
    };
    histogram
        .buckets
        .iter()
        .map(|bounds| {
            if bounds.upper == f64::INFINITY {
                return overflow.map_or((plot.top, plot.top), |band| (band.top, band.bottom));
            }
            let clamp = |value: f64| value.clamp(y.min_value, y.max_value);
            let top = y.px_from_value(clamp(bounds.upper));
            let bottom = y.px_from_value(clamp(bounds.lower.max(f64::MIN)));
            (top.min(bottom), bottom.max(top))
        })
        .collect()
}
