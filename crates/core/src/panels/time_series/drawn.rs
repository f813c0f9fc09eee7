//! What a time series chart draws of its model: the visible series' values after negation and
//! stacking, and the y domain they span.

use std::collections::BTreeMap;

use super::{ChartSeries, TimeSeriesModel};
use crate::chart::ticks::nice_domain;
use crate::prometheus::{Sample, Samples};
use crate::spec::panels::time_series::Stack;

/// The values to draw for the visible series, after negation and stacking, in the same order
/// as `visible`. With stacking, each series sits on the sum of the visible ones before it
/// (percent stacking: as shares of the total, 0–100). A series drawn as it is shares its
/// samples with the model.
pub fn layout(model: &TimeSeriesModel, visible: &[bool]) -> Vec<(usize, Samples)> {
    let shown: Vec<&ChartSeries> = model
        .series
        .iter()
        .filter(|series| visible.get(series.id).copied().unwrap_or(true))
        .collect();
    let sign = |series: &ChartSeries| if series.negative_y { -1.0 } else { 1.0 };
    let Some(stack) = model.stack else {
        return shown
            .iter()
            .map(|series| {
                if !series.negative_y {
                    return (series.id, series.samples.clone());
                }
                let samples = series
                    .samples
                    .iter()
                    .map(|s| Sample {
                        time_ms: s.time_ms,
                        value: -s.value,
                    })
                    .collect();
                (series.id, samples)
            })
            .collect();
    };
    let totals: BTreeMap<i64, f64> = if stack == Stack::Percent {
        shown
            .iter()
            .flat_map(|series| series.samples.iter())
            .filter(|s| s.value.is_finite())
            .fold(BTreeMap::new(), |mut totals, sample| {
                *totals.entry(sample.time_ms).or_insert(0.0) += sample.value.abs();
                totals
            })
    } else {
        BTreeMap::new()
    };
    let mut running: BTreeMap<i64, f64> = BTreeMap::new();
    shown
        .iter()
        .map(|series| {
            let samples = series
                .samples
                .iter()
                .map(|sample| {
                    let mut value = sample.value * sign(series);
                    if stack == Stack::Percent {
                        let total = totals.get(&sample.time_ms).copied().unwrap_or(0.0);
                        value = if total == 0.0 {
                            0.0
                        } else {
                            value / total * 100.0
                        };
                    }
                    if !value.is_finite() {
                        return Sample {
                            time_ms: sample.time_ms,
                            value: f64::NAN,
                        };
                    }
                    let base = running.entry(sample.time_ms).or_insert(0.0);
                    *base += value;
                    Sample {
                        time_ms: sample.time_ms,
                        value: *base,
                    }
                })
                .collect();
            (series.id, samples)
        })
        .collect()
}

/// The y domain: the axis's min and max when set, else Perses' rule (0 when the data starts
/// between 0 and 1, else the data's minimum rounded down with some room) and a round maximum.
pub fn y_domain(model: &TimeSeriesModel, drawn: &[(usize, Samples)]) -> (f64, f64) {
    let values = drawn
        .iter()
        .flat_map(|(_, samples)| samples.values())
        .copied()
        .filter(|v| v.is_finite());
    let (data_min, data_max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let thresholds = model
        .thresholds
        .iter()
        .map(|t| t.value)
        .filter(|v| v.is_finite());
    let (data_min, data_max) =
        thresholds.fold((data_min, data_max), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !data_min.is_finite() {
        return (
            model.y_axis.min.unwrap_or(0.0),
            model.y_axis.max.unwrap_or(1.0),
        );
    }
    if model.y_axis.log_base.is_some() {
        let positive_min = drawn
            .iter()
            .flat_map(|(_, s)| s.iter())
            .map(|s| s.value)
            .filter(|v| *v > 0.0)
            .fold(f64::INFINITY, f64::min);
        let min = model.y_axis.min.unwrap_or(if positive_min.is_finite() {
            positive_min
        } else {
            1.0
        });
        return (min, model.y_axis.max.unwrap_or(data_max.max(min * 10.0)));
    }
    let min = model.y_axis.min.unwrap_or_else(|| {
        if (0.0..=1.0).contains(&data_min) {
            0.0
        } else if data_min > 0.0 {
            round_down(data_min * 0.8)
        } else {
            round_down(data_min * 1.2)
        }
    });
    let max = match model.y_axis.max {
        Some(max) => max,
        None if data_max <= min => min + 1.0,
        None => nice_domain(min, data_max, 5).1,
    };
    (min, max.max(min + f64::EPSILON))
}

/// Rounds down to one significant digit: 675 → 600, 0.567 → 0.5, -12 → -20.
pub(super) fn round_down(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return 0.0;
    }
    let magnitude = crate::math::pow10(crate::math::log10(value.abs()).floor() as i32);
    (value / magnitude).floor() * magnitude
}
