//! What the pointer points at: the nearest time, each series' value there, and the nearest
//! series (shown by `cursor`).

use crate::format::format_value;
use crate::panels::time_series::TimeSeriesModel;

use super::geometry::{Geometry, nearest_sample};

/// At most this many series are listed in the tooltip: the ones nearest the pointer.
pub const TOOLTIP_SERIES: usize = 10;

/// One series' value at the hovered time.
#[derive(Debug, Clone, PartialEq)]
pub struct HoverValue {
    pub id: usize,
    pub name: String,
    pub color: String,
    pub value_text: String,
    pub x: f64,
    pub y: f64,
    pub nearest: bool,
}

/// The hovered time and the values of the series nearest the pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    pub time_ms: i64,
    pub x: f64,
    pub values: Vec<HoverValue>,
    /// Series in the tooltip out of those with a value here.
    pub shown: usize,
    pub total: usize,
}

/// The hover state for a pointer at (x, y), CSS pixels.
pub fn hover_at(geometry: &Geometry, model: &TimeSeriesModel, x: f64, y: f64) -> Option<Hover> {
    if !geometry.plot.contains(x, y) {
        return None;
    }
    let time_ms = geometry.x.time_from_px(x);
    hover_at_time(geometry, model, time_ms, Some(y))
}

/// The hover state at a time (the keyboard and other charts point by time alone).
///
/// Every series is measured, but only the [`TOOLTIP_SERIES`] nearest are named and formatted:
/// a chart of hundreds of series would otherwise format every value on every pointer move.
pub fn hover_at_time(
    geometry: &Geometry,
    model: &TimeSeriesModel,
    time_ms: i64,
    y: Option<f64>,
) -> Option<Hover> {
    // (distance to the pointer in CSS pixels, position in `geometry.series`, sample index).
    let mut candidates: Vec<(f64, usize, usize)> = geometry
        .series
        .iter()
        .enumerate()
        .filter_map(|(position, series)| {
            let index = nearest_sample(&series.values, time_ms)?;
            let sample = series.values.get(index)?;
            if !sample.value.is_finite() || model.series.get(series.id).is_none() {
                return None;
            }
            let distance = y.map_or(0.0, |y| (geometry.y.px_from_value(sample.value) - y).abs());
            Some((distance, position, index))
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let total = candidates.len();
    crate::sort::sort_by(&mut candidates, |a, b| a.0.total_cmp(&b.0));
    candidates.truncate(TOOLTIP_SERIES);
    let values: Vec<HoverValue> = candidates
        .iter()
        .enumerate()
        .filter_map(|(rank, &(_, position, index))| {
            let series = geometry.series.get(position)?;
            let sample = series.values.get(index)?;
            let source = model.series.get(series.id)?;
            // The tooltip shows the value as returned, not stacked or negated; stacking keeps
            // every sample in place, so the index is the same.
            let original = source.samples.get(index).map_or(sample.value, |s| s.value);
            let format = source.format.as_ref().unwrap_or(&model.y_axis.format);
            Some(HoverValue {
                id: series.id,
                name: source.name.clone(),
                color: source.color.clone(),
                value_text: format_value(original, Some(format)).to_string(),
                x: geometry.x.px_from_time(sample.time_ms),
                y: geometry.y.px_from_value(sample.value),
                nearest: rank == 0 && y.is_some(),
            })
        })
        .collect();
    let x = values
        .first()
        .map_or(geometry.x.px_from_time(time_ms), |value| value.x);
    let time_ms = geometry.x.time_from_px(x);
    Some(Hover {
        time_ms,
        x,
        shown: values.len(),
        total,
        values,
    })
}
