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
pub fn hover_at_time(
    geometry: &Geometry,
    model: &TimeSeriesModel,
    time_ms: i64,
    y: Option<f64>,
) -> Option<Hover> {
    let mut values: Vec<(f64, HoverValue)> = geometry
        .series
        .iter()
        .filter_map(|series| {
            let index = nearest_sample(&series.values, time_ms)?;
            let sample = series.values.get(index)?;
            if !sample.value.is_finite() {
                return None;
            }
            let source = model.series.get(series.id)?;
            // The tooltip shows the value as returned, not stacked or negated; stacking keeps
            // every sample in place, so the index is the same.
            let original = source.samples.get(index).map_or(sample.value, |s| s.value);
            let format = source.format.as_ref().unwrap_or(&model.y_axis.format);
            let point_y = geometry.y.px_from_value(sample.value);
            let distance = y.map_or(0.0, |y| (point_y - y).abs());
            Some((
                distance,
                HoverValue {
                    id: series.id,
                    name: series.name.clone(),
                    color: series.color.clone(),
                    value_text: format_value(original, Some(format)).to_string(),
                    x: geometry.x.px_from_time(sample.time_ms),
                    y: point_y,
                    nearest: false,
                },
            ))
        })
        .collect();
    if values.is_empty() {
        return None;
    }
    let total = values.len();
    crate::sort::sort_by(&mut values, |a, b| a.0.total_cmp(&b.0));
    values.truncate(TOOLTIP_SERIES);
    if let Some((_, first)) = values.first_mut() {
        first.nearest = y.is_some();
    }
    let x = values
        .first()
        .map_or(geometry.x.px_from_time(time_ms), |(_, value)| value.x);
    let time_ms = geometry.x.time_from_px(x);
    Some(Hover {
        time_ms,
        x,
        shown: values.len(),
        total,
        values: values.into_iter().map(|(_, value)| value).collect(),
    })
}
