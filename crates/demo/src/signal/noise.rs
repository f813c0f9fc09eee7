//! Deterministic noise for gauges: hashed values on a time grid, so that any timestamp gets
//! the same value whoever asks (backfill or scrape).

use crate::hash;

/// Noise in [-1, 1] that moves smoothly: hashed values every `bucket_secs`, eased between them.
pub(crate) fn smooth(seed: u64, t_secs: f64, bucket_secs: f64) -> f64 {
    let position = t_secs / bucket_secs;
    let index = position.floor();
    let fraction = position - index;
    // Smoothstep easing avoids visible corners at the grid points.
    let eased = fraction * fraction * (3.0 - 2.0 * fraction);
    let from = hash::signed_unit(seed, index as i64);
    let to = hash::signed_unit(seed, index as i64 + 1);
    from + (to - from) * eased
}

/// Noise in [-1, 1] that holds its value for `bucket_secs`: a value recomputed on a schedule.
pub(crate) fn stepped(seed: u64, t_secs: f64, bucket_secs: f64) -> f64 {
    hash::signed_unit(seed, (t_secs / bucket_secs).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_stays_in_range_and_is_continuous() {
        let mut previous = smooth(3, 0.0, 30.0);
        for step in 1..10_000 {
            let t_secs = f64::from(step) * 0.5;
            let value = smooth(3, t_secs, 30.0);
            assert!((-1.0..=1.0).contains(&value));
            assert!((value - previous).abs() < 0.1, "jump at {t_secs}");
            previous = value;
            assert!((-1.0..=1.0).contains(&stepped(3, t_secs, 30.0)));
        }
    }
}
