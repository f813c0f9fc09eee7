//! The histogram chart's geometry: bars over a value axis of bucket bounds (linear or
//! logarithmic), a `+Inf` bucket in a slot of its own right of the axis, counts upwards. One
//! pure `layout` serves painting and hit-testing.

#[cfg(test)]
mod tests;

use super::frame::{Rect, Tick, bucket_domain, ticks_along};
use super::scale::ValueScale;
use super::ticks::{log_ticks, nice_domain, value_ticks};
use crate::format::format_value;
use crate::panels::histogram::{HistogramModel, count_format};

const AXIS_PX: f64 = 20.0;
const GAP_PX: f64 = 6.0;

/// Where everything of a histogram chart lies.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramLayout {
    pub plot: Rect,
    pub x: ValueScale,
    pub y: ValueScale,
    /// Per bar: its rectangle, standing on the plot's bottom (equal edges: not drawn).
    pub bars: Vec<Rect>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
}

/// Lays the chart out in `width_px` × `height_px`; `measure` gives a label's width.
pub fn layout(
    model: &HistogramModel,
    width_px: f64,
    height_px: f64,
    measure: &dyn Fn(&str) -> f64,
) -> HistogramLayout {
    let highest = model
        .bars
        .iter()
        .map(|bar| bar.value)
        .filter(|value| value.is_finite())
        .fold(0.0, f64::max);
    let (_, y_max) = nice_domain(0.0, if highest > 0.0 { highest } else { 1.0 }, 4);
    let (_, y_values) = value_ticks(0.0, y_max, 4);
    let y_labels: Vec<String> = y_values
        .iter()
        .map(|value| format_value(*value, Some(&count_format())).to_string())
        .collect();
    let widest = y_labels
        .iter()
        .map(|label| measure(label))
        .fold(0.0, f64::max);
    let left = (widest + GAP_PX + 2.0).min(width_px * 0.35);
    let top = 6.0;
    let bottom = (height_px - AXIS_PX).max(top + 1.0);
    let has_overflow = model
        .bars
        .last()
        .is_some_and(|bar| bar.bounds.upper == f64::INFINITY);
    let full_right = (width_px - 8.0).max(left + 1.0);
    // The +Inf bucket has no width on a value axis: it gets a slot as wide as an average bar.
    let finite_count = model
        .bars
        .len()
        .saturating_sub(usize::from(has_overflow))
        .max(1);
    let slot_px = if has_overflow {
        ((full_right - left) / (finite_count + 1) as f64).clamp(16.0, 60.0)
    } else {
        0.0
    };
    let right = (full_right - slot_px).max(left + 1.0);
    let (min_value, max_value) = x_domain(model);
    let x = ValueScale::new(min_value, max_value, left, right, model.log_base);
    let y = ValueScale::linear(0.0, y_max, bottom, top);
    let bars = model
        .bars
        .iter()
        .map(|bar| {
            let top = if bar.value.is_finite() {
                y.px_from_value(bar.value)
            } else {
                bottom
            };
            if bar.bounds.upper == f64::INFINITY {
                return Rect {
                    left: right + 1.0,
                    right: full_right,
                    top,
                    bottom,
                };
            }
            let clamp = |value: f64| value.clamp(min_value, max_value);
            let edge_left = x.px_from_value(clamp(bar.bounds.lower.max(f64::MIN)));
            let edge_right = x.px_from_value(clamp(bar.bounds.upper));
            // A pixel between neighbours, when there is room for it.
            let inset = if edge_right - edge_left > 3.0 {
                0.5
            } else {
                0.0
            };
            Rect {
                left: edge_left + inset,
                right: (edge_right - inset).max(edge_left + inset),
                top,
                bottom,
            }
        })
        .collect();
    let x_values = match model.log_base {
        Some(base) => log_ticks(f64::from(base), min_value, max_value),
        None => {
            let count = (((right - left) / 70.0).floor() as usize).clamp(2, 10);
            value_ticks(min_value, max_value, count).1
        }
    };
    let mut x_ticks: Vec<Tick> = x_values
        .iter()
        .map(|value| Tick {
            px: x.px_from_value(*value),
            label: format_value(*value, model.format.as_ref()).to_string(),
        })
        .collect();
    if has_overflow {
        x_ticks.push(Tick {
            px: (right + full_right) / 2.0,
            label: "+Inf".to_owned(),
        });
    }
    let y_ticks = ticks_along(&y, &y_values, y_labels);
    HistogramLayout {
        plot: Rect {
            left,
            top,
            right: full_right,
            bottom,
        },
        x,
        y,
        bars,
        x_ticks,
        y_ticks,
    }
}

impl HistogramLayout {
    /// The bar whose column holds `(x, y)`: anywhere above its base inside the plot, so a
    /// short bar is as easy to point at as a tall one.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if !self.plot.contains(x, y) {
            return None;
        }
        self.bars
            .iter()
            .position(|bar| bar.right > bar.left && x >= bar.left - 0.5 && x <= bar.right + 0.5)
    }
}

/// The x axis' extent, from the spec's bounds or else the buckets that hold anything (see
/// the heat map's y axis).
fn x_domain(model: &HistogramModel) -> (f64, f64) {
    let any_used = model.bars.iter().any(|bar| bar.value > 0.0);
    let buckets = model
        .bars
        .iter()
        .filter(|bar| bar.value > 0.0 || !any_used)
        .map(|bar| &bar.bounds);
    bucket_domain(buckets, model.log_base, model.min, model.max)
}
