//! The step of a range query and the `$__interval` family, computed exactly as Perses does
//! (perses/spec `getSuggestedStepMs`, perses/plugins `getRangeStep` and the query's alignment).

use crate::duration::Duration;
use crate::time_range::AbsoluteRange;

/// Perses' rounding ladder: a raw step below `max_ms` becomes `rounded_ms`.
/// The 15-minute rung has the same bound as the 10-minute one, so Perses never picks it; it is
/// kept so the table reads like the original.
const ROUNDED_STEPS_MS: [(f64, i64); 28] = [
    (15.0, 10),
    (35.0, 20),
    (75.0, 50),
    (150.0, 100),
    (350.0, 200),
    (750.0, 500),
    (1_500.0, 1_000),
    (3_500.0, 2_000),
    (7_500.0, 5_000),
    (12_500.0, 10_000),
    (17_500.0, 15_000),
    (25_000.0, 20_000),
    (45_000.0, 30_000),
    (90_000.0, 60_000),
    (210_000.0, 120_000),
    (450_000.0, 300_000),
    (750_000.0, 600_000),
    (750_000.0, 900_000),
    (1_500_000.0, 1_200_000),
    (2_700_000.0, 1_800_000),
    (5_400_000.0, 3_600_000),
    (9_000_000.0, 7_200_000),
    (16_200_000.0, 10_800_000),
    (32_400_000.0, 21_600_000),
    (86_400_000.0, 43_200_000),
    (604_800_000.0, 86_400_000),
    (1_814_400_000.0, 604_800_000),
    (3_628_800_000.0, 2_592_000_000),
];
/// The last rung: up to two years, one year.
const LAST_RUNG_MS: (f64, i64) = (63_072_000_000.0, 31_536_000_000);
/// What Perses falls back to past the ladder.
const DEFAULT_STEP_MS: i64 = 15_000;
/// Prometheus refuses more than 11,000 points per series; Perses stays under 10,000.
const MAX_POINTS: f64 = 10_000.0;
/// A datasource without `scrapeInterval` is scraped every minute, as far as Perses assumes.
pub const DEFAULT_SCRAPE_INTERVAL: Duration = Duration::from_secs(60);

/// Rounds a raw step to the ladder.
pub fn round_step_ms(step_ms: i64) -> i64 {
    let step = step_ms as f64;
    ROUNDED_STEPS_MS
        .iter()
        .chain(std::iter::once(&LAST_RUNG_MS))
        .find(|(max_ms, _)| step < *max_ms)
        .map_or(DEFAULT_STEP_MS, |(_, rounded)| *rounded)
}

/// The step a chart `width_px` wide suggests for a range: one point per pixel, rounded.
pub fn suggested_step_ms(range: AbsoluteRange, width_px: u32) -> i64 {
    // Perses divides by the width: at 0 px the raw step is infinite and falls off the
    // ladder to its default, 15 s.
    if width_px == 0 {
        return DEFAULT_STEP_MS;
    }
    round_step_ms(range.duration_ms().div_euclid(i64::from(width_px)))
}

/// The step and the aligned interval of one query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueryWindow {
    /// Unix seconds, aligned to the step.
    pub start_secs: f64,
    pub end_secs: f64,
    pub step_secs: f64,
    /// The smallest step (`minStep`, else the scrape interval), whole seconds.
    pub min_step_secs: f64,
}

impl QueryWindow {
    /// `$__interval`: the step.
    pub fn interval_ms(&self) -> i64 {
        (self.step_secs * 1000.0).round() as i64
    }

    /// `$__rate_interval`: `max($__interval + min step, 4 × min step)`.
    pub fn rate_interval_ms(&self) -> i64 {
        let min_step_ms = (self.min_step_secs * 1000.0).round() as i64;
        (self.interval_ms() + min_step_ms).max(4 * min_step_ms)
    }
}

/// Computes a query's step and aligned interval as Perses does:
/// `step = max(suggested step, min step, range / 10,000)`, then start and end rounded down to
/// multiples of the step in the browser's local time (`utc_offset_secs` is JavaScript's
/// `getTimezoneOffset() × 60`: positive west of UTC).
pub fn query_window(
    range: AbsoluteRange,
    min_step: Duration,
    suggested_step_ms: i64,
    utc_offset_secs: i64,
) -> QueryWindow {
    let start = range.start_secs() as f64;
    let end = range.end_secs() as f64;
    let min_step_secs = min_step.as_secs() as f64;
    let mut safe_step = (end - start) / MAX_POINTS;
    if safe_step > 1.0 {
        safe_step = safe_step.ceil();
    }
    let step = (suggested_step_ms as f64 / 1000.0)
        .max(min_step_secs)
        .max(safe_step);
    if step <= 0.0 {
        // Only an empty range with a zero min step gets here; Prometheus needs a positive step.
        return QueryWindow {
            start_secs: start,
            end_secs: end.max(start + 1.0),
            step_secs: 1.0,
            min_step_secs,
        };
    }
    let offset = utc_offset_secs as f64;
    let align = |time: f64| ((time + offset) / step).floor() * step - offset;
    let start_secs = align(start);
    let mut end_secs = align(end);
    if end_secs == start_secs {
        end_secs = start_secs + step;
    }
    QueryWindow {
        start_secs,
        end_secs,
        step_secs: step,
        min_step_secs,
    }
}

/// The window of a live dashboard (a relative range with auto refresh): the same step, but
/// ending at `range`'s end to the second and starting a whole number of steps before it.
///
/// Perses ends every window on a multiple of the step, so with a one-minute step the newest
/// point can be a minute old and a fresh scrape waits up to a minute to show. Anchoring the
/// grid at now shows it on the next refresh; the points still lie one step apart.
pub fn live_window(window: QueryWindow, range: AbsoluteRange) -> QueryWindow {
    let end_secs = range.end_secs() as f64;
    let steps = ((end_secs - range.start_secs() as f64) / window.step_secs)
        .ceil()
        .max(1.0);
    QueryWindow {
        start_secs: end_secs - steps * window.step_secs,
        end_secs,
        ..window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(seconds: i64) -> AbsoluteRange {
        // A round end time so alignment is easy to follow.
        let end_ms = 1_800_000_000_000;
        AbsoluteRange {
            start_ms: end_ms - seconds * 1000,
            end_ms,
        }
    }

    #[test]
    fn live_windows_end_now_and_keep_the_step() {
        let range = AbsoluteRange {
            start_ms: 1_700_000_000_000 - 3_600_000 + 1_234,
            end_ms: 1_700_000_037_500,
        };
        let aligned = query_window(range, Duration::from_secs(60), 5_000, 0);
        let live = live_window(aligned, range);
        assert_eq!(live.step_secs, 60.0);
        assert_eq!(live.end_secs, 1_700_000_037.0);
        assert_eq!((live.end_secs - live.start_secs) % 60.0, 0.0);
        assert!(live.start_secs <= range.start_secs() as f64);
        assert!(
            aligned.end_secs < live.end_secs,
            "Perses' end is a step multiple"
        );
    }

    #[test]
    fn the_ladder_rounds_like_perses() {
        let cases = [
            (0, 10),
            (14, 10),
            (15, 20),
            (700, 500),
            (1_499, 1_000),
            (12_000, 10_000),
            (16_000, 15_000),
            (40_000, 30_000),
            (60_000, 60_000),
            (100_000, 120_000),
            (700_000, 600_000),
            (800_000, 1_200_000),
            (4_000_000, 3_600_000),
            (100_000_000, 86_400_000),
            (4_000_000_000, 31_536_000_000),
            (70_000_000_000, 15_000),
        ];
        for (raw_ms, expected_ms) in cases {
            assert_eq!(round_step_ms(raw_ms), expected_ms, "raw step {raw_ms} ms");
        }
    }

    #[test]
    fn suggested_step_is_one_point_per_pixel_rounded() {
        assert_eq!(suggested_step_ms(range(3600), 1000), 5_000); // 3.6 s → 5 s
        assert_eq!(suggested_step_ms(range(86_400), 1000), 60_000); // 86.4 s is under 1.5 m → 1 m
        assert_eq!(suggested_step_ms(range(7 * 86_400), 600), 1_200_000); // 1008 s → 20 m
        assert_eq!(suggested_step_ms(range(3600), 0), 15_000); // Perses: the ladder's default
    }

    #[test]
    fn step_is_the_largest_of_suggested_min_and_safe() {
        let minute = Duration::from_secs(60);
        // 1 h, 1000 px: suggested 5 s, min step 1 m wins.
        let window = query_window(range(3600), minute, 5_000, 0);
        assert_eq!((window.step_secs, window.min_step_secs), (60.0, 60.0));
        // 7 d, 1000 px: suggested 10 m wins over the 1 m min step.
        let window = query_window(range(7 * 86_400), minute, 600_000, 0);
        assert_eq!(window.step_secs, 600.0);
        // 14 d with a 15 s min step and no width: range/10,000 = 120.96 → 121 s.
        let window = query_window(range(14 * 86_400), Duration::from_secs(15), 0, 0);
        assert_eq!(window.step_secs, 121.0);
        // A fraction below one second stays a fraction.
        let window = query_window(range(3600), Duration::ZERO, 0, 0);
        assert_eq!(window.step_secs, 0.36);
    }

    #[test]
    fn start_and_end_are_aligned_to_the_step_in_local_time() {
        let end_ms = 1_800_000_130_000; // 130 s past a multiple of 60 s (in UTC)
        let range = AbsoluteRange {
            start_ms: end_ms - 3_600_000,
            end_ms,
        };
        let utc = query_window(range, Duration::from_secs(60), 0, 0);
        assert_eq!(
            (utc.start_secs, utc.end_secs),
            (1_799_996_520.0, 1_800_000_120.0)
        );
        // 30 minutes west of UTC: multiples of 60 s are the same; with a 7 m step they shift.
        let step_7m = Duration::from_secs(420);
        let west = query_window(range, step_7m, 0, 1800);
        let utc_7m = query_window(range, step_7m, 0, 0);
        assert_eq!(
            ((west.end_secs + 1800.0) % 420.0, utc_7m.end_secs % 420.0),
            (0.0, 0.0)
        );
        assert_ne!(west.end_secs, utc_7m.end_secs);
        // A step longer than the range: end moves one step past start.
        let tiny = AbsoluteRange {
            start_ms: end_ms - 30_000,
            end_ms,
        };
        let window = query_window(tiny, Duration::from_secs(60), 0, 0);
        assert_eq!(window.end_secs - window.start_secs, 60.0);
    }

    #[test]
    fn interval_builtins() {
        let window = query_window(range(3600), Duration::from_secs(60), 0, 0);
        assert_eq!(
            (window.interval_ms(), window.rate_interval_ms()),
            (60_000, 240_000)
        );
        let window = query_window(range(86_400), Duration::from_secs(15), 300_000, 0);
        assert_eq!(
            (window.interval_ms(), window.rate_interval_ms()),
            (300_000, 315_000)
        );
        assert_eq!(
            Duration::from_millis(315_000u64).to_perses_string(),
            "5m15s"
        );
    }
}
