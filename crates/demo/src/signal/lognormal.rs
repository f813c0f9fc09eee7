//! Log-normal latency distributions: a long right tail, like real request latencies.

use std::f64::consts::SQRT_2;

/// A log-normal distribution given by its median and the standard deviation of its logarithm.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LogNormal {
    median: f64,
    sigma: f64,
}

impl LogNormal {
    pub(crate) const fn new(median: f64, sigma: f64) -> Self {
        Self { median, sigma }
    }

    pub(crate) const fn median(&self) -> f64 {
        self.median
    }

    /// The share of observations at or below `bound`.
    pub(crate) fn cdf(&self, bound: f64) -> f64 {
        if bound <= 0.0 {
            return 0.0;
        }
        if bound.is_infinite() {
            return 1.0;
        }
        0.5 * (1.0 + erf((bound / self.median).ln() / (self.sigma * SQRT_2)))
    }

    pub(crate) fn mean(&self) -> f64 {
        self.median * (self.sigma * self.sigma / 2.0).exp()
    }
}

/// The error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7): plenty for
/// bucket shares, and dependency-free.
fn erf(x: f64) -> f64 {
    const P: f64 = 0.327_591_1;
    const A: [f64; 5] = [
        0.254_829_592,
        -0.284_496_736,
        1.421_413_741,
        -1.453_152_027,
        1.061_405_429,
    ];
    let magnitude = x.abs();
    let t = 1.0 / (1.0 + P * magnitude);
    let polynomial = A
        .iter()
        .rev()
        .fold(0.0, |acc, coefficient| acc * t + coefficient)
        * t;
    let value = 1.0 - polynomial * (-magnitude * magnitude).exp();
    value.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_matches_known_values() {
        for (x, expected) in [
            (0.0, 0.0),
            (0.5, 0.520_499_9),
            (1.0, 0.842_700_8),
            (-1.0, -0.842_700_8),
            (2.0, 0.995_322_3),
        ] {
            assert!((erf(x) - expected).abs() < 1e-6, "erf({x}) = {}", erf(x));
        }
    }

    #[test]
    fn cdf_is_half_at_the_median_and_monotonic() {
        let latency = LogNormal::new(2.5, 0.6);
        assert!((latency.cdf(2.5) - 0.5).abs() < 1e-9);
        let bounds = [0.0, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 100.0, f64::INFINITY];
        let shares: Vec<f64> = bounds.iter().map(|bound| latency.cdf(*bound)).collect();
        assert!(
            shares.windows(2).all(|pair| pair[0] <= pair[1]),
            "{shares:?}"
        );
        assert_eq!(shares.last(), Some(&1.0));
        assert!(latency.mean() > 2.5);
    }
}
