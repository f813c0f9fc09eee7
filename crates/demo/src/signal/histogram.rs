//! Latency histograms of requests split into regimes.
//!
//! Bucket counts must be cumulative in `le` and must never decrease in time. Requests are split
//! into regimes (say, short answers and long generations), each with its own closed-form rate and
//! a fixed latency distribution; a bucket holds `Σ regime count × regime share at or below the
//! bound`. Every term grows with time and with the bound, so both properties hold exactly, while
//! quantiles still move because the regimes' rates change differently over the day.

use super::{LogNormal, Rate};

/// How a bucket bound is written in the `le` label. Dashboards match these strings exactly
/// (`le="1.0"` for vLLM, which formats floats like Python), so they follow each exporter.
#[derive(Clone, Copy, Debug)]
pub(crate) enum LeStyle {
    /// Python's `repr` of a float: `0.3`, `1.0`, `7680.0` (prometheus_client).
    PythonFloat,
    /// Whole numbers: `10`, `18` (OpenVINO Model Server's microsecond buckets).
    Integer,
}

/// The upper bounds of a histogram's buckets, without `+Inf`.
#[derive(Debug)]
pub(crate) struct Buckets {
    bounds: &'static [f64],
    style: LeStyle,
}

impl Buckets {
    pub(crate) const fn new(bounds: &'static [f64], style: LeStyle) -> Self {
        Self { bounds, style }
    }

    /// The `le` label values, ending with `+Inf`.
    pub(crate) fn le_labels(&self) -> Vec<String> {
        let finite = self.bounds.iter().map(|bound| match self.style {
            LeStyle::PythonFloat => format!("{bound:?}"),
            LeStyle::Integer => format!("{}", bound.round() as i64),
        });
        finite.chain(std::iter::once("+Inf".to_owned())).collect()
    }
}

/// A histogram of request latencies: regimes of requests, each with a rate and a distribution.
#[derive(Debug)]
pub(crate) struct LatencyHistogram {
    buckets: &'static Buckets,
    regimes: Vec<(Rate, LogNormal)>,
    /// Decimals kept in `_sum`: whole microseconds, or 0.1 ms in seconds.
    sum_decimals: i32,
    /// `shares[regime][bucket]`: the regime's share at or below each bound, `+Inf` last.
    shares: Vec<Vec<f64>>,
}

impl LatencyHistogram {
    pub(crate) fn new(
        buckets: &'static Buckets,
        regimes: Vec<(Rate, LogNormal)>,
        sum_decimals: i32,
    ) -> Self {
        let shares = regimes
            .iter()
            .map(|(_, latency)| {
                let finite = buckets.bounds.iter().map(|bound| latency.cdf(*bound));
                // +Inf holds every observation: exactly 1, so the last bucket equals the count.
                finite.chain(std::iter::once(1.0)).collect()
            })
            .collect();
        Self {
            buckets,
            regimes,
            sum_decimals,
            shares,
        }
    }

    pub(crate) fn buckets(&self) -> &'static Buckets {
        self.buckets
    }

    /// Observations per regime between `since_secs` and `t_secs`.
    fn counts(&self, since_secs: f64, t_secs: f64) -> impl Iterator<Item = f64> + '_ {
        self.regimes
            .iter()
            .map(move |(rate, _)| rate.integral(since_secs, t_secs))
    }

    /// The cumulative count of bucket `index` (the last index is `+Inf`).
    pub(crate) fn bucket(&self, index: usize, since_secs: f64, t_secs: f64) -> f64 {
        let total: f64 = self
            .counts(since_secs, t_secs)
            .zip(&self.shares)
            .map(|(count, shares)| count * shares.get(index).copied().unwrap_or(1.0))
            .sum();
        total.floor()
    }

    /// The number of observations: the same arithmetic as the `+Inf` bucket, so they are equal.
    pub(crate) fn count(&self, since_secs: f64, t_secs: f64) -> f64 {
        self.bucket(usize::MAX, since_secs, t_secs)
    }

    /// The sum of observed latencies.
    pub(crate) fn sum(&self, since_secs: f64, t_secs: f64) -> f64 {
        let sum: f64 = self
            .counts(since_secs, t_secs)
            .zip(&self.regimes)
            .map(|(count, (_, latency))| count * latency.mean())
            .sum();
        super::round_to(sum, self.sum_decimals)
    }

    /// The mean latency of requests arriving at `t_secs`, weighted by the regimes' rates.
    pub(crate) fn mean_at(&self, t_secs: f64) -> f64 {
        let (weighted, total) =
            self.regimes
                .iter()
                .fold((0.0, 0.0), |(weighted, total), (rate, latency)| {
                    let per_sec = rate.at(t_secs);
                    (weighted + per_sec * latency.mean(), total + per_sec)
                });
        if total > 0.0 { weighted / total } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signal::SECS_PER_DAY;

    const BOUNDS: [f64; 4] = [0.5, 1.0, 2.5, 10.0];

    #[test]
    fn le_labels_follow_the_exporter_style() {
        let python = Buckets::new(&BOUNDS, LeStyle::PythonFloat);
        assert_eq!(python.le_labels(), ["0.5", "1.0", "2.5", "10.0", "+Inf"]);
        let integer = Buckets::new(&[10.0, 18.0], LeStyle::Integer);
        assert_eq!(integer.le_labels(), ["10", "18", "+Inf"]);
    }

    #[test]
    fn buckets_are_cumulative_monotonic_and_end_at_the_count() {
        static BUCKETS: Buckets = Buckets::new(&BOUNDS, LeStyle::PythonFloat);
        let histogram = LatencyHistogram::new(
            &BUCKETS,
            vec![
                (
                    Rate::constant(4.0).daily(0.5, 14.0),
                    LogNormal::new(0.8, 0.5),
                ),
                (
                    Rate::constant(0.5).daily(0.9, 14.0),
                    LogNormal::new(4.0, 0.6),
                ),
            ],
            4,
        );
        let since_secs = 1_795_000_000.0;
        let mut previous = vec![0.0; BOUNDS.len() + 1];
        for step in 1..=288 {
            let t_secs = since_secs + f64::from(step) * SECS_PER_DAY / 288.0;
            let row: Vec<f64> = (0..=BOUNDS.len())
                .map(|index| histogram.bucket(index, since_secs, t_secs))
                .collect();
            assert!(
                row.windows(2).all(|pair| pair[0] <= pair[1]),
                "not cumulative: {row:?}"
            );
            assert!(row.iter().zip(&previous).all(|(now, before)| now >= before));
            assert_eq!(
                row.last().copied(),
                Some(histogram.count(since_secs, t_secs))
            );
            previous = row;
        }
        assert!(histogram.sum(since_secs, since_secs + 60.0) > 0.0);
    }
}
