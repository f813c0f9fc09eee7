//! Quantiles and shares from cumulative buckets, as Prometheus' `histogram_quantile` computes
//! them for classic histograms (promql/quantile.go, `bucketQuantile`): linear interpolation
//! inside the bucket that holds the rank, the lowest bucket starting at 0 when its bound is
//! positive, and the `+Inf` bucket answered with the highest finite bound.

/// The `q` quantile (0 to 1) of cumulative buckets `(upper bound, cumulative count)` in
/// ascending order. NaN when it cannot be told: no `+Inf` bucket, fewer than two buckets or
/// no observations. Below 0 it is -Inf and above 1 +Inf, as in PromQL.
pub fn quantile(q: f64, buckets: &[(f64, f64)]) -> f64 {
    if q.is_nan() {
        return f64::NAN;
    }
    if q < 0.0 {
        return f64::NEG_INFINITY;
    }
    if q > 1.0 {
        return f64::INFINITY;
    }
    let Some(buckets) = monotonic(buckets) else {
        return f64::NAN;
    };
    let observations = buckets[buckets.len() - 1].1;
    if observations == 0.0 || observations.is_nan() {
        return f64::NAN;
    }
    let mut rank = q * observations;
    let index = buckets
        .iter()
        .position(|(_, cumulative)| *cumulative >= rank)
        .unwrap_or(buckets.len() - 1);
    if index == buckets.len() - 1 {
        return buckets[buckets.len() - 2].0;
    }
    if index == 0 && buckets[0].0 <= 0.0 {
        return buckets[0].0;
    }
    let (mut start, end, mut count) = (0.0, buckets[index].0, buckets[index].1);
    if index > 0 {
        start = buckets[index - 1].0;
        count -= buckets[index - 1].1;
        rank -= buckets[index - 1].1;
    }
    // An empty lowest bucket at q = 0 gives 0/0, NaN, as in Prometheus.
    start + (end - start) * (rank / count)
}

/// The share (0 to 1) of observations at most `bound`, interpolating linearly inside the
/// bucket that holds it, as `quantile` does the other way round. NaN without observations or
/// a `+Inf` bucket.
pub fn share_at_most(bound: f64, buckets: &[(f64, f64)]) -> f64 {
    let Some(buckets) = monotonic(buckets) else {
        return f64::NAN;
    };
    let observations = buckets[buckets.len() - 1].1;
    if observations == 0.0 || bound.is_nan() {
        return f64::NAN;
    }
    let mut below = (0.0_f64, 0.0_f64);
    for (index, (upper, cumulative)) in buckets.iter().enumerate() {
        if bound <= *upper {
            if upper.is_infinite() {
                return below.1 / observations;
            }
            let start = if index == 0 {
                0.0_f64.min(*upper)
            } else {
                below.0
            };
            let width = upper - start;
            let fraction = if width > 0.0 {
                ((bound - start) / width).clamp(0.0, 1.0)
            } else {
                1.0
            };
            return (below.1 + (cumulative - below.1) * fraction) / observations;
        }
        below = (*upper, *cumulative);
    }
    1.0
}

/// The buckets with the last at `+Inf`, at least two, and counts made non-decreasing;
/// `None` when Prometheus would answer NaN for their shape.
fn monotonic(buckets: &[(f64, f64)]) -> Option<Vec<(f64, f64)>> {
    if buckets.len() < 2 || buckets[buckets.len() - 1].0 != f64::INFINITY {
        return None;
    }
    let mut highest = f64::NEG_INFINITY;
    Some(
        buckets
            .iter()
            .map(|(upper, cumulative)| {
                highest = highest.max(*cumulative);
                (*upper, highest)
            })
            .collect(),
    )
}
