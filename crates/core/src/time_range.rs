//! Time ranges as the dashboard and the URL hold them: "the last 1h" or a fixed start and end.

use crate::duration::Duration;

/// The quick ranges offered in the time picker, as in Perses.
pub const QUICK_RANGES: [Duration; 9] = [
    Duration::from_secs(5 * 60),
    Duration::from_secs(15 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(60 * 60),
    Duration::from_secs(6 * 60 * 60),
    Duration::from_secs(12 * 60 * 60),
    Duration::from_secs(24 * 60 * 60),
    Duration::from_secs(7 * 24 * 60 * 60),
    Duration::from_secs(14 * 24 * 60 * 60),
];

/// The refresh intervals offered; zero means off.
pub const REFRESH_INTERVALS: [Duration; 10] = [
    Duration::ZERO,
    Duration::from_secs(5),
    Duration::from_secs(10),
    Duration::from_secs(15),
    Duration::from_secs(30),
    Duration::from_secs(60),
    Duration::from_secs(5 * 60),
    Duration::from_secs(15 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(60 * 60),
];

/// A dashboard's time range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeRange {
    /// The last `past`, ending now; moves with every refresh.
    Relative { past: Duration },
    /// A fixed interval in unix milliseconds.
    Absolute { start_ms: i64, end_ms: i64 },
}

impl TimeRange {
    /// The concrete interval at `now_ms`.
    pub fn resolve(self, now_ms: i64) -> AbsoluteRange {
        match self {
            Self::Relative { past } => AbsoluteRange {
                start_ms: now_ms
                    .saturating_sub(i64::try_from(past.as_millis()).unwrap_or(i64::MAX)),
                end_ms: now_ms,
            },
            Self::Absolute { start_ms, end_ms } => AbsoluteRange { start_ms, end_ms },
        }
    }

    pub fn is_relative(self) -> bool {
        matches!(self, Self::Relative { .. })
    }
}

/// A resolved interval, unix milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AbsoluteRange {
    pub start_ms: i64,
    pub end_ms: i64,
}

impl AbsoluteRange {
    pub fn duration_ms(self) -> i64 {
        self.end_ms - self.start_ms
    }

    /// Unix seconds of the start and end, as Perses sends them to Prometheus (rounded down).
    pub fn start_secs(self) -> i64 {
        self.start_ms.div_euclid(1000)
    }

    pub fn end_secs(self) -> i64 {
        self.end_ms.div_euclid(1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_ranges_end_now() {
        let range = TimeRange::Relative {
            past: Duration::from_secs(3600),
        }
        .resolve(10_000_000);
        assert_eq!(
            range,
            AbsoluteRange {
                start_ms: 6_400_000,
                end_ms: 10_000_000
            }
        );
        assert_eq!(
            (range.start_secs(), range.end_secs(), range.duration_ms()),
            (6400, 10_000, 3_600_000)
        );
        let fixed = TimeRange::Absolute {
            start_ms: 1_500,
            end_ms: 2_999,
        };
        assert_eq!(
            fixed.resolve(0),
            AbsoluteRange {
                start_ms: 1_500,
                end_ms: 2_999
            }
        );
        assert_eq!(
            (fixed.resolve(0).start_secs(), fixed.resolve(0).end_secs()),
            (1, 2)
        );
        assert_eq!(QUICK_RANGES[0].to_string(), "5m");
        assert_eq!(QUICK_RANGES[8].to_day_string(), "14d");
    }
}
