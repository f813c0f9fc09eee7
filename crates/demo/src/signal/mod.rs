//! The arithmetic behind the demo values: rates with closed-form integrals, latency
//! distributions, histograms built from both, and smooth deterministic noise for gauges.

pub(crate) mod histogram;
pub(crate) mod lognormal;
pub(crate) mod noise;
pub(crate) mod rate;
pub(crate) mod recurrence;

pub(crate) use histogram::{Buckets, LatencyHistogram};
pub(crate) use lognormal::LogNormal;
pub(crate) use rate::{Rate, SECS_PER_DAY, SECS_PER_HOUR};
pub(crate) use recurrence::Recurrence;

/// Unix milliseconds to unix seconds.
pub(crate) fn secs(at_ms: i64) -> f64 {
    at_ms as f64 / 1_000.0
}

/// Rounds to `decimals` places. Rounding is monotonic, so rounded counters stay monotonic.
pub(crate) fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}
