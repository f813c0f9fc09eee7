//! Classic histograms: bucket series with an `le` label to per-bucket counts.

use super::{Bounds, Distribution};
use crate::prometheus::{Labels, Series, format_series_name, series_key};

/// The upper bound an `le` label names (`"0.5"`, `"1e+06"`, `"+Inf"`), if it names one.
pub fn le_bound(text: &str) -> Option<f64> {
    match text.trim() {
        "+Inf" | "Inf" | "inf" | "+inf" => Some(f64::INFINITY),
        text => crate::float_text::parse_f64(text).filter(|bound| !bound.is_nan()),
    }
}

/// The labels a histogram's bucket series share (all but `le`) and its buckets' series by
/// upper bound.
type Group<'a> = (Labels, Vec<(f64, &'a Series)>);

/// The series of one query split into histograms: series that differ only in `le` are one
/// histogram. Returns the histograms in the order their first bucket came, and how many
/// series were left out because they have no usable `le`.
pub fn split_classic(
    query_index: usize,
    series: &[Series],
    name_format: Option<&str>,
) -> (Vec<Distribution>, usize) {
    // Groups by the labels other than `le`, in first-seen order.
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut ignored = 0;
    for one in series {
        let Some(upper) = one.labels.get("le").and_then(le_bound) else {
            ignored += 1;
            continue;
        };
        let rest = one.labels.without("le");
        match groups.iter_mut().find(|(labels, _)| *labels == rest) {
            Some((_, buckets)) => buckets.push((upper, one)),
            None => groups.push((rest, vec![(upper, one)])),
        }
    }
    let distributions = groups
        .into_iter()
        .map(|(labels, buckets)| {
            let name = match name_format {
                Some(format) => format_series_name(format, &labels),
                None => histogram_name(&labels),
            };
            from_buckets(query_index, name, buckets)
        })
        .collect();
    (distributions, ignored)
}

/// The name of a histogram without a `seriesNameFormat`: its labels as Prometheus writes
/// them, or nothing when `sum by (le)` left none (a `{}` names nothing to a reader).
pub fn histogram_name(labels: &Labels) -> String {
    if labels.is_empty() {
        String::new()
    } else {
        series_key(labels)
    }
}

/// One histogram's bucket series to counts per bucket and time.
fn from_buckets(
    query_index: usize,
    name: String,
    mut buckets: Vec<(f64, &Series)>,
) -> Distribution {
    crate::sort::sort_by(&mut buckets, |a, b| a.0.total_cmp(&b.0));
    let mut times_ms: Vec<i64> = buckets
        .iter()
        .flat_map(|(_, series)| series.samples.iter().map(|sample| sample.time_ms))
        .collect();
    crate::sort::sort(&mut times_ms);
    times_ms.dedup();
    // Two labels naming the same bound (`1` and `1.0`) are one bucket, as Prometheus
    // coalesces them: their cumulative counts add up.
    let mut uppers: Vec<f64> = buckets.iter().map(|(upper, _)| *upper).collect();
    uppers.dedup();
    let bounds: Vec<Bounds> = uppers
        .iter()
        .enumerate()
        .map(|(index, upper)| Bounds {
            lower: match index {
                0 if *upper > 0.0 => 0.0,
                0 => f64::NEG_INFINITY,
                _ => uppers[index - 1],
            },
            upper: *upper,
        })
        .collect();
    let counts = times_ms
        .iter()
        .map(|time_ms| {
            let mut cumulative = vec![f64::NAN; uppers.len()];
            let mut bucket = 0;
            for (upper, series) in &buckets {
                while uppers.get(bucket).is_some_and(|u| u < upper) {
                    bucket += 1;
                }
                if let Some(value) = value_at(series, *time_ms) {
                    let slot = &mut cumulative[bucket.min(uppers.len() - 1)];
                    *slot = if slot.is_nan() { value } else { *slot + value };
                }
            }
            differences(&cumulative)
        })
        .collect();
    Distribution {
        name,
        query_index,
        buckets: bounds,
        times_ms,
        counts,
    }
}

/// The sample of `series` at `time_ms` (samples are in time order), if it has one.
fn value_at(series: &Series, time_ms: i64) -> Option<f64> {
    let index = series.samples.partition_point(|time| time < time_ms);
    let sample = series.samples.get(index)?;
    (sample.time_ms == time_ms && !sample.value.is_nan()).then_some(sample.value)
}

/// Cumulative counts (NaN: no sample) to each bucket's own count. Counts that go down from
/// one bucket to the next (samples scraped at slightly different moments, a rate's
/// extrapolation) are lifted to the count below, as Prometheus' `histogram_quantile` does, so
/// no bucket holds a negative count.
fn differences(cumulative: &[f64]) -> Vec<f64> {
    let mut below = 0.0_f64;
    cumulative
        .iter()
        .map(|total| {
            if total.is_nan() {
                return f64::NAN;
            }
            let total = total.max(below);
            let own = total - below;
            below = total;
            own
        })
        .collect()
}
