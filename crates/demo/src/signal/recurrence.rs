//! Recurring windows of time: error bursts at a different moment every few hours, office hours
//! at the same moment every day. Periods count from the unix epoch, so any moment maps to its
//! window directly and the time spent inside windows has a closed form.

use crate::hash;

/// A window of `length_secs` once in every `period_secs` (periods counted from the unix epoch).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Recurrence {
    period_secs: f64,
    length_secs: f64,
    offset: Offset,
}

/// Where a window starts within its period.
#[derive(Clone, Copy, Debug)]
enum Offset {
    /// Always at the same place: business hours.
    Fixed { secs: f64 },
    /// Somewhere else in every period: incidents.
    Hashed { seed: u64 },
}

impl Recurrence {
    /// A window at the same place in every period, e.g. business hours in every day.
    pub(crate) fn fixed(period_secs: f64, length_secs: f64, offset_secs: f64) -> Self {
        Self {
            period_secs,
            length_secs,
            offset: Offset::Fixed { secs: offset_secs },
        }
    }

    /// A window at a different, hashed place in every period, e.g. an error burst.
    pub(crate) fn hashed(period_secs: f64, length_secs: f64, seed: u64) -> Self {
        Self {
            period_secs,
            length_secs,
            offset: Offset::Hashed { seed },
        }
    }

    /// Seconds since the current window opened, or `None` outside every window.
    pub(crate) fn elapsed_secs(&self, t_secs: f64) -> Option<f64> {
        let elapsed_secs = t_secs - self.window_start_secs(self.period_index(t_secs));
        (0.0..self.length_secs)
            .contains(&elapsed_secs)
            .then_some(elapsed_secs)
    }

    pub(crate) fn contains(&self, t_secs: f64) -> bool {
        self.elapsed_secs(t_secs).is_some()
    }

    fn period_index(&self, t_secs: f64) -> i64 {
        (t_secs / self.period_secs).floor() as i64
    }

    /// Windows never cross the end of their period, so every period holds exactly one.
    fn window_start_secs(&self, period_index: i64) -> f64 {
        let slack_secs = (self.period_secs - self.length_secs).max(0.0);
        let offset_secs = match self.offset {
            Offset::Fixed { secs } => secs.clamp(0.0, slack_secs),
            Offset::Hashed { seed } => hash::unit(seed, period_index) * slack_secs,
        };
        period_index as f64 * self.period_secs + offset_secs
    }

    /// Seconds spent inside windows from the epoch to `t_secs`: the antiderivative of the
    /// window's indicator function.
    pub(super) fn covered_secs(&self, t_secs: f64) -> f64 {
        let period_index = self.period_index(t_secs);
        let in_current_secs =
            (t_secs - self.window_start_secs(period_index)).clamp(0.0, self.length_secs);
        period_index as f64 * self.length_secs + in_current_secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signal::{SECS_PER_DAY, SECS_PER_HOUR};

    #[test]
    fn recurrences_open_once_per_period() {
        let recurrence = Recurrence::hashed(3_600.0, 300.0, 5);
        for hour in 0..48 {
            let start_secs = f64::from(hour) * 3_600.0;
            let open = (0..3_600)
                .filter(|s| recurrence.contains(start_secs + f64::from(*s)))
                .count();
            assert_eq!(open, 300, "hour {hour}");
        }
        let business = Recurrence::fixed(SECS_PER_DAY, 36_000.0, 28_800.0);
        assert!(!business.contains(7.0 * SECS_PER_HOUR));
        assert_eq!(business.elapsed_secs(9.0 * SECS_PER_HOUR), Some(3_600.0));
    }
}
