//! Event rates whose integrals have a closed form.
//!
//! A demo counter is the integral of a rate since its pod started. Summing samples from some
//! epoch would make a scrape cost grow with the age of the demo and tie values to the order in
//! which they are computed; a closed-form integral makes the counter at any timestamp a direct
//! computation, identical for the backfill and for a live scrape.
//!
//! A rate is a sum of terms, each with a known antiderivative:
//! - a mean level;
//! - waves (the daily traffic shape, slower and faster wobbles): cosines;
//! - jitter: within every bucket of `bucket_secs`, one period of a sine with a hashed amplitude.
//!   It integrates to zero over each bucket, so its antiderivative needs no sum over past buckets;
//! - windows: an extra rate during a recurring window (error bursts, business hours), one window
//!   per period at an offset that may be hashed per period.

use std::f64::consts::TAU;

use super::Recurrence;
use crate::hash;

pub(crate) const SECS_PER_HOUR: f64 = 3_600.0;
pub(crate) const SECS_PER_DAY: f64 = 86_400.0;

/// A non-negative rate (events per second) as a function of unix time in seconds.
#[derive(Clone, Debug)]
pub(crate) struct Rate {
    mean_per_sec: f64,
    waves: Vec<Wave>,
    jitter: Option<Jitter>,
    windows: Vec<Window>,
}

#[derive(Clone, Copy, Debug)]
struct Wave {
    amplitude_per_sec: f64,
    period_secs: f64,
    peak_at_secs: f64,
}

impl Wave {
    /// The phase in radians; reduced before scaling so that unix-sized times keep precision.
    fn phase_rad(&self, t_secs: f64) -> f64 {
        ((t_secs - self.peak_at_secs) / self.period_secs).rem_euclid(1.0) * TAU
    }

    fn at(&self, t_secs: f64) -> f64 {
        self.amplitude_per_sec * self.phase_rad(t_secs).cos()
    }

    fn antiderivative(&self, t_secs: f64) -> f64 {
        self.amplitude_per_sec * self.period_secs / TAU * self.phase_rad(t_secs).sin()
    }
}

#[derive(Clone, Copy, Debug)]
struct Jitter {
    amplitude_per_sec: f64,
    bucket_secs: f64,
    seed: u64,
}

impl Jitter {
    /// The bucket's hashed amplitude and the phase within the bucket.
    fn bucket(&self, t_secs: f64) -> (f64, f64) {
        let index = (t_secs / self.bucket_secs).floor();
        let phase_rad = (t_secs - index * self.bucket_secs) / self.bucket_secs * TAU;
        (
            self.amplitude_per_sec * hash::signed_unit(self.seed, index as i64),
            phase_rad,
        )
    }

    fn at(&self, t_secs: f64) -> f64 {
        let (amplitude_per_sec, phase_rad) = self.bucket(t_secs);
        amplitude_per_sec * phase_rad.sin()
    }

    /// Zero at every bucket boundary: earlier buckets contribute nothing.
    fn antiderivative(&self, t_secs: f64) -> f64 {
        let (amplitude_per_sec, phase_rad) = self.bucket(t_secs);
        amplitude_per_sec * self.bucket_secs / TAU * (1.0 - phase_rad.cos())
    }
}

#[derive(Clone, Copy, Debug)]
struct Window {
    extra_per_sec: f64,
    recurrence: Recurrence,
}

impl Rate {
    pub(crate) fn constant(mean_per_sec: f64) -> Self {
        Self {
            mean_per_sec,
            waves: Vec::new(),
            jitter: None,
            windows: Vec::new(),
        }
    }

    /// Adds the daily cycle: `relative_amplitude` of the mean, highest at `peak_hour_utc`.
    pub(crate) fn daily(self, relative_amplitude: f64, peak_hour_utc: f64) -> Self {
        self.wave(
            relative_amplitude,
            SECS_PER_DAY,
            peak_hour_utc * SECS_PER_HOUR,
        )
    }

    /// Adds a cosine of `relative_amplitude` of the mean, highest at `peak_at_secs` (mod period).
    pub(crate) fn wave(
        mut self,
        relative_amplitude: f64,
        period_secs: f64,
        peak_at_secs: f64,
    ) -> Self {
        self.waves.push(Wave {
            amplitude_per_sec: relative_amplitude * self.mean_per_sec,
            period_secs,
            peak_at_secs,
        });
        self
    }

    /// Adds three slow waves with hashed periods and phases (about 2 hours, 8 hours and 3.5
    /// days) so that neighbouring hours and consecutive days are not copies of each other.
    pub(crate) fn wobbles(self, relative_amplitude: f64, seed: u64) -> Self {
        const PERIODS_SECS: [(f64, f64, f64); 3] = [
            (4_200.0, 9_000.0, 0.3),
            (18_000.0, 39_600.0, 0.3),
            (216_000.0, 388_800.0, 0.4),
        ];
        PERIODS_SECS
            .iter()
            .enumerate()
            .fold(self, |rate, (index, &(shortest, longest, share))| {
                let period_secs = shortest + (longest - shortest) * hash::unit(seed, index as i64);
                let peak_at_secs = period_secs * hash::unit(seed, 100 + index as i64);
                rate.wave(relative_amplitude * share, period_secs, peak_at_secs)
            })
    }

    /// Adds bucket-wise jitter of up to `relative_amplitude` of the mean.
    pub(crate) fn jitter(mut self, relative_amplitude: f64, bucket_secs: f64, seed: u64) -> Self {
        self.jitter = Some(Jitter {
            amplitude_per_sec: relative_amplitude * self.mean_per_sec,
            bucket_secs,
            seed,
        });
        self
    }

    /// Adds `extra_per_sec` during every window of `recurrence`.
    pub(crate) fn during(mut self, extra_per_sec: f64, recurrence: Recurrence) -> Self {
        self.windows.push(Window {
            extra_per_sec,
            recurrence,
        });
        self
    }

    /// The lowest value the rate can take; counters stay monotonic while it is not negative.
    #[cfg(test)]
    pub(crate) fn min_per_sec(&self) -> f64 {
        let waves: f64 = self
            .waves
            .iter()
            .map(|wave| wave.amplitude_per_sec.abs())
            .sum();
        let jitter = self
            .jitter
            .map_or(0.0, |jitter| jitter.amplitude_per_sec.abs());
        let windows: f64 = self
            .windows
            .iter()
            .map(|window| window.extra_per_sec.min(0.0))
            .sum();
        self.mean_per_sec - waves - jitter + windows
    }

    /// The instantaneous rate at `t_secs`.
    pub(crate) fn at(&self, t_secs: f64) -> f64 {
        let waves: f64 = self.waves.iter().map(|wave| wave.at(t_secs)).sum();
        let jitter = self.jitter.map_or(0.0, |jitter| jitter.at(t_secs));
        let windows: f64 = self
            .windows
            .iter()
            .filter(|window| window.recurrence.contains(t_secs))
            .map(|window| window.extra_per_sec)
            .sum();
        (self.mean_per_sec + waves + jitter + windows).max(0.0)
    }

    /// The number of events between `from_secs` and `to_secs` (0 when `to_secs <= from_secs`).
    pub(crate) fn integral(&self, from_secs: f64, to_secs: f64) -> f64 {
        if to_secs <= from_secs {
            return 0.0;
        }
        let waves: f64 = self
            .waves
            .iter()
            .map(|wave| wave.antiderivative(to_secs) - wave.antiderivative(from_secs))
            .sum();
        let jitter = self.jitter.map_or(0.0, |jitter| {
            jitter.antiderivative(to_secs) - jitter.antiderivative(from_secs)
        });
        let windows: f64 = self
            .windows
            .iter()
            .map(|window| {
                let covered_secs = window.recurrence.covered_secs(to_secs)
                    - window.recurrence.covered_secs(from_secs);
                window.extra_per_sec * covered_secs
            })
            .sum();
        // Rounding can leave a tiny negative value for a near-empty interval.
        (self.mean_per_sec * (to_secs - from_secs) + waves + jitter + windows).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A busy rate with every kind of term.
    fn busy() -> Rate {
        Rate::constant(5.0)
            .daily(0.5, 14.0)
            .wobbles(0.12, 9)
            .jitter(0.25, 60.0, 11)
            .during(3.0, Recurrence::hashed(5.0 * SECS_PER_HOUR, 420.0, 13))
    }

    /// Numeric integration with a fine midpoint rule, for comparison with the closed form.
    fn numeric_integral(rate: &Rate, from_secs: f64, to_secs: f64) -> f64 {
        let steps = ((to_secs - from_secs) * 20.0).ceil() as usize;
        let step_secs = (to_secs - from_secs) / steps as f64;
        (0..steps)
            .map(|i| rate.at(from_secs + (i as f64 + 0.5) * step_secs) * step_secs)
            .sum()
    }

    #[test]
    fn closed_form_integral_matches_numeric_integration() {
        let start_secs = 1_795_000_000.0;
        for (rate, from_offset_secs, length_secs) in [
            (busy(), 0.0, 3_600.0),
            (busy(), 1_234.5, 600.0),
            (Rate::constant(2.0), 0.0, 100.0),
            (
                Rate::constant(0.0)
                    .during(1.0, Recurrence::fixed(SECS_PER_DAY, 36_000.0, 28_800.0)),
                0.0,
                2.0 * SECS_PER_DAY,
            ),
        ] {
            let from_secs = start_secs + from_offset_secs;
            let exact = rate.integral(from_secs, from_secs + length_secs);
            let numeric = numeric_integral(&rate, from_secs, from_secs + length_secs);
            assert!(
                (exact - numeric).abs() <= 1e-3 * numeric.max(1.0),
                "{exact} vs {numeric}"
            );
        }
    }

    #[test]
    fn integrals_add_up_and_never_decrease() {
        let rate = busy();
        let origin_secs = 1_795_000_000.0;
        let mut previous = 0.0;
        for step in 1..=2_880 {
            let t_secs = origin_secs + f64::from(step) * 30.0;
            let total = rate.integral(origin_secs, t_secs);
            assert!(total >= previous, "decreased at step {step}");
            previous = total;
        }
        let split = rate.integral(origin_secs, origin_secs + 5_000.0)
            + rate.integral(origin_secs + 5_000.0, origin_secs + 9_000.0);
        assert!((split - rate.integral(origin_secs, origin_secs + 9_000.0)).abs() < 1e-6);
        assert!(rate.min_per_sec() > 0.0);
    }
}
