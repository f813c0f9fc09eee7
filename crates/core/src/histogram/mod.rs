//! Distributions from Prometheus histograms, for heat maps and histogram charts.
//!
//! A classic histogram arrives as one series per bucket, each with an `le` label (the bucket's
//! upper bound) and a cumulative count: `rate(x_bucket[5m])` or `sum by (le) (…)`. A native
//! histogram arrives as one series whose points carry their own buckets (`histograms` in the
//! reply). Both become a [`Distribution`]: one set of bucket bounds and, per time, the count of
//! each bucket alone (not cumulative), which is what a heat map colours and a histogram draws.
//! [`quantile`] and [`share_at_most`] answer as Prometheus' `histogram_quantile` does, from the
//! same buckets.

mod classic;
mod quantile;
#[cfg(test)]
mod tests;

pub use classic::{histogram_name, le_bound, split_classic};
pub use quantile::{quantile, share_at_most};

use crate::prometheus::NativeSeries;

/// A bucket: observations above `lower` and at most `upper`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub lower: f64,
    pub upper: f64,
}

impl Bounds {
    /// The bucket as a reader sees it, bounds in `format`: "100ms – 1s", "above 10s",
    /// "at most 0", or "every value".
    pub fn text(&self, format: Option<&crate::spec::common::Format>) -> String {
        let show = |value: f64| crate::format::format_value(value, format).to_string();
        match (self.lower.is_finite(), self.upper.is_finite()) {
            (true, true) => format!("{} – {}", show(self.lower), show(self.upper)),
            (true, false) => format!("above {}", show(self.lower)),
            (false, true) => format!("at most {}", show(self.upper)),
            (false, false) => "every value".to_owned(),
        }
    }
}

/// A histogram over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    /// The series' name: its labels without `le`, or the query's `seriesNameFormat`; empty
    /// when it has neither.
    pub name: String,
    pub query_index: usize,
    /// Ascending and not overlapping. The last may end at `+Inf`.
    pub buckets: Vec<Bounds>,
    /// Ascending.
    pub times_ms: Vec<i64>,
    /// `counts[time][bucket]`: what fell in that bucket alone (a count, or a rate when the query
    /// took one). NaN where the bucket had no sample at that time.
    pub counts: Vec<Vec<f64>>,
}

impl Distribution {
    /// The bucket counts at time index `time`, cumulative as Prometheus keeps them, paired with
    /// the buckets' upper bounds; buckets without a sample are left out.
    pub fn cumulative_at(&self, time: usize) -> Vec<(f64, f64)> {
        let Some(counts) = self.counts.get(time) else {
            return Vec::new();
        };
        let mut total = 0.0;
        self.buckets
            .iter()
            .zip(counts)
            .filter(|(_, count)| !count.is_nan())
            .map(|(bounds, count)| {
                total += count;
                (bounds.upper, total)
            })
            .collect()
    }

    /// Every bucket's count summed over time (missing samples count as none): the
    /// distribution over the whole range.
    pub fn summed(&self) -> Vec<f64> {
        let mut sums = vec![0.0; self.buckets.len()];
        for counts in &self.counts {
            for (sum, count) in sums.iter_mut().zip(counts) {
                if count.is_finite() {
                    *sum += count;
                }
            }
        }
        sums
    }

    /// The largest finite count of any cell.
    pub fn max_count(&self) -> f64 {
        self.counts
            .iter()
            .flatten()
            .copied()
            .filter(|count| count.is_finite())
            .fold(0.0, f64::max)
    }
}

/// Native histograms to distributions: the union of every point's buckets, each point's
/// counts on it (a bucket a point does not list holds nothing at that time).
pub fn from_native(
    series: &NativeSeries,
    query_index: usize,
    name: String,
) -> Option<Distribution> {
    let mut buckets: Vec<Bounds> = Vec::new();
    for point in &series.points {
        for bucket in &point.buckets {
            let bounds = Bounds {
                lower: bucket.lower,
                upper: bucket.upper,
            };
            if !buckets.contains(&bounds) {
                buckets.push(bounds);
            }
        }
    }
    if buckets.is_empty() {
        return None;
    }
    crate::sort::sort_by(&mut buckets, |a, b| {
        a.lower
            .total_cmp(&b.lower)
            .then(a.upper.total_cmp(&b.upper))
    });
    let mut times_ms = Vec::with_capacity(series.points.len());
    let mut counts = Vec::with_capacity(series.points.len());
    for point in &series.points {
        let mut row = vec![0.0; buckets.len()];
        for bucket in &point.buckets {
            let bounds = Bounds {
                lower: bucket.lower,
                upper: bucket.upper,
            };
            if let Some(index) = buckets.iter().position(|b| *b == bounds) {
                row[index] += bucket.count;
            }
        }
        times_ms.push(point.time_ms);
        counts.push(row);
    }
    Some(Distribution {
        name,
        query_index,
        buckets,
        times_ms,
        counts,
    })
}
