//! `HeatMapChart`: a histogram over time, one column per time step and one cell per bucket,
//! coloured by its count. Perses draws native histograms only; here a classic histogram's
//! `le` buckets draw the same way, with optional quantile lines and an SLO line.

#[cfg(test)]
mod tests;

use super::QueryOutput;
use super::distributions::first_histogram;
use crate::format::format_value;
use crate::histogram::{Distribution, quantile, share_at_most};
use crate::spec::common::Format;
use crate::spec::panels::heatmap::{CountScale, HeatMapChartSpec};
use crate::spec::panels::time_series::LogBase;
use crate::time_range::AbsoluteRange;

/// What the heat map draws.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapModel {
    /// The histogram drawn, if the queries returned one.
    pub histogram: Option<Distribution>,
    /// The time axis.
    pub range: AbsoluteRange,
    /// How long one column lasts: the time between samples.
    pub step_ms: i64,
    /// The largest count of a cell, the top of the colour scale.
    pub max_count: f64,
    pub quantiles: Vec<QuantileLine>,
    pub slo: Option<Slo>,
    /// What the viewer should know: histograms left out, series without `le`.
    pub notices: Vec<String>,
    pub y_format: Option<Format>,
    pub count_format: Option<Format>,
    pub log_base: Option<LogBase>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub count_scale: CountScale,
    pub show_visual_map: bool,
}

/// A quantile over time, computed from the buckets at each time.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantileLine {
    /// 0 to 1.
    pub q: f64,
    /// `p50`, `p99`, `p99.9`.
    pub name: String,
    /// One per time of the histogram; NaN where it cannot be told.
    pub values: Vec<f64>,
}

/// The service-level objective line and how much of the range met it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slo {
    /// In the y axis' unit.
    pub bound: f64,
    /// The share (0 to 1) of all observations in the range at most `bound`; NaN without any.
    pub share: f64,
}

impl HeatmapModel {
    /// True when there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.histogram
            .as_ref()
            .is_none_or(|histogram| histogram.times_ms.is_empty())
    }

    /// The lines of a cell's tooltip: the bucket's range and its count (the web layer adds
    /// the time, formatted in the viewer's zone).
    pub fn describe_cell(&self, time: usize, bucket: usize) -> Option<(i64, String, String)> {
        let histogram = self.histogram.as_ref()?;
        let bounds = histogram.buckets.get(bucket)?;
        let time_ms = *histogram.times_ms.get(time)?;
        let count = *histogram.counts.get(time)?.get(bucket)?;
        let range = bounds.text(self.y_format.as_ref());
        let count = if count.is_nan() {
            "no sample".to_owned()
        } else {
            format_value(count, self.count_format.as_ref()).to_string()
        };
        Some((time_ms, range, count))
    }

    /// The legend: each quantile line, then the SLO and its share.
    pub fn legend(&self) -> Vec<String> {
        let y = |value: f64| format_value(value, self.y_format.as_ref()).to_string();
        let mut entries: Vec<String> = self
            .quantiles
            .iter()
            .map(|line| {
                let last = line.values.iter().rev().find(|value| value.is_finite());
                match last {
                    Some(value) => format!("{} (last {})", line.name, y(*value)),
                    None => line.name.clone(),
                }
            })
            .collect();
        if let Some(slo) = &self.slo {
            let share = if slo.share.is_nan() {
                "no observations".to_owned()
            } else {
                format!("{}% of observations within", percent(slo.share))
            };
            entries.push(format!("SLO {}: {share}", y(slo.bound)));
        }
        entries
    }
}

/// A share as a percentage with one decimal, never rounded up to 100 unless it is 100.
fn percent(share: f64) -> String {
    let tenths = (share * 1000.0).floor() / 10.0;
    format!("{tenths:.1}")
}

/// `p50`, `p99`, `p99.9` for 0.5, 0.99, 0.999.
pub fn quantile_name(q: f64) -> String {
    let percent = (q * 1000.0).round() / 10.0;
    if percent.fract() == 0.0 {
        format!("p{percent:.0}")
    } else {
        format!("p{percent}")
    }
}

/// The heat map of the panel's queries over `range`.
pub fn prepare(
    spec: &HeatMapChartSpec,
    outputs: &[QueryOutput],
    range: AbsoluteRange,
) -> HeatmapModel {
    let (found, notices) = first_histogram(outputs, "a heat map");
    let histogram = found.map(|(histogram, _)| histogram);
    let step_ms = histogram
        .as_ref()
        .map_or(0, |histogram| step_of(&histogram.times_ms));
    let wanted: Vec<f64> = spec
        .quantiles
        .iter()
        .copied()
        .filter(|q| (0.0..=1.0).contains(q))
        .collect();
    // Each time's cumulative buckets are built once and serve every quantile line.
    let cumulative: Vec<Vec<(f64, f64)>> = match (&histogram, wanted.is_empty()) {
        (Some(histogram), false) => (0..histogram.times_ms.len())
            .map(|time| histogram.cumulative_at(time))
            .collect(),
        _ => Vec::new(),
    };
    let quantiles = wanted
        .iter()
        .map(|q| QuantileLine {
            q: *q,
            name: quantile_name(*q),
            values: cumulative
                .iter()
                .map(|buckets| quantile(*q, buckets))
                .collect(),
        })
        .collect();
    let slo = spec.slo.filter(|bound| bound.is_finite()).map(|bound| Slo {
        bound,
        share: histogram.as_ref().map_or(f64::NAN, |histogram| {
            let mut total = 0.0;
            let cumulative: Vec<(f64, f64)> = histogram
                .buckets
                .iter()
                .zip(histogram.summed())
                .map(|(bounds, count)| {
                    total += count;
                    (bounds.upper, total)
                })
                .collect();
            share_at_most(bound, &cumulative)
        }),
    });
    HeatmapModel {
        max_count: histogram.as_ref().map_or(0.0, Distribution::max_count),
        histogram,
        range,
        step_ms,
        quantiles,
        slo,
        notices,
        y_format: spec.y_axis_format.clone(),
        count_format: spec.count_format.clone(),
        log_base: spec.log_base,
        min: spec.min.filter(|min| min.is_finite()),
        max: spec.max.filter(|max| max.is_finite()),
        count_scale: spec.count_scale.unwrap_or_default(),
        show_visual_map: spec.show_visual_map != Some(false),
    }
}

/// The time between samples: the smallest gap between two consecutive times (a gap where
/// samples are missing is wider), 0 with fewer than two.
fn step_of(times_ms: &[i64]) -> i64 {
    times_ms
        .windows(2)
        .map(|pair| pair[1] - pair[0])
        .filter(|gap| *gap > 0)
        .min()
        .unwrap_or(0)
}
