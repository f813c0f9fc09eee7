//! Axis ticks: round values for value axes, round times for the time axis, with labels.

const SECOND_MS: i64 = 1_000;
const MINUTE_MS: i64 = 60 * SECOND_MS;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// Time tick intervals, smallest first.
const TIME_STEPS_MS: [i64; 24] = [
    SECOND_MS,
    2 * SECOND_MS,
    5 * SECOND_MS,
    10 * SECOND_MS,
    15 * SECOND_MS,
    30 * SECOND_MS,
    MINUTE_MS,
    2 * MINUTE_MS,
    5 * MINUTE_MS,
    10 * MINUTE_MS,
    15 * MINUTE_MS,
    30 * MINUTE_MS,
    HOUR_MS,
    2 * HOUR_MS,
    3 * HOUR_MS,
    6 * HOUR_MS,
    12 * HOUR_MS,
    DAY_MS,
    2 * DAY_MS,
    7 * DAY_MS,
    14 * DAY_MS,
    30 * DAY_MS,
    91 * DAY_MS,
    365 * DAY_MS,
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Round values between `min` and `max`, about `count` of them: multiples of 1, 2 or 5 × 10ⁿ.
/// Returns the step and the ticks.
pub fn value_ticks(min: f64, max: f64, count: usize) -> (f64, Vec<f64>) {
    if !(min.is_finite() && max.is_finite()) || count == 0 {
        return (0.0, Vec::new());
    }
    if min == max {
        return (0.0, vec![min]);
    }
    let (low, high) = if min < max { (min, max) } else { (max, min) };
    let step = nice_step((high - low) / count as f64);
    // A little slack so that 0.35 / 0.05 = 6.9999… still counts as 7.
    let first = (low / step - 1e-9).ceil() as i64;
    let last = (high / step + 1e-9).floor() as i64;
    // Multiplying integers by the step (not adding steps up) keeps 0.3 from becoming 0.30000000000000004.
    let ticks = (first..=last).map(|i| clean(i as f64 * step)).collect();
    (step, ticks)
}

/// The interval `[min, max]` widened to round multiples of its tick step.
pub fn nice_domain(min: f64, max: f64, count: usize) -> (f64, f64) {
    if !(min.is_finite() && max.is_finite()) || min >= max || count == 0 {
        return (min, max);
    }
    let step = nice_step((max - min) / count as f64);
    (
        clean((min / step).floor() * step),
        clean((max / step).ceil() * step),
    )
}

/// Powers of the base between `min` and `max` (both positive).
pub fn log_ticks(base: f64, min: f64, max: f64) -> Vec<f64> {
    if min <= 0.0 || max <= 0.0 || base <= 1.0 || min > max {
        return Vec::new();
    }
    // A little slack: 0.1.log(10.0) is -0.9999999999999998, and 0.1 is a tick.
    let first = (crate::math::log(min, base) - 1e-9).ceil() as i32;
    let last = (crate::math::log(max, base) + 1e-9).floor() as i32;
    (first..=last).map(|exponent| base.powi(exponent)).collect()
}

/// How a time tick is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLabel {
    /// `HH:mm:ss`
    Seconds,
    /// `HH:mm`
    Minutes,
    /// `MMM d`
    Day,
    /// `MMM d, HH:mm`: the first tick of a day when the axis shows hours.
    DayAndTime,
}

/// A tick of the time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeTick {
    pub time_ms: i64,
    pub label: String,
}

/// Round times between `start_ms` and `end_ms`, at least `min_spacing_px` apart on a
/// `width_px` axis, aligned in local time (`utc_offset_minutes` east of UTC).
pub fn time_ticks(
    start_ms: i64,
    end_ms: i64,
    width_px: f64,
    min_spacing_px: f64,
    utc_offset_minutes: i32,
) -> Vec<TimeTick> {
    if end_ms <= start_ms || width_px <= 0.0 {
        return Vec::new();
    }
    let max_ticks = (width_px / min_spacing_px.max(1.0)).floor().max(1.0);
    let span_ms = (end_ms - start_ms) as f64;
    let step_ms = TIME_STEPS_MS
        .iter()
        .copied()
        .find(|step| span_ms / *step as f64 <= max_ticks)
        .unwrap_or(365 * DAY_MS);
    let offset_ms = i64::from(utc_offset_minutes) * MINUTE_MS;
    let first = (start_ms + offset_ms).div_euclid(step_ms) * step_ms + step_ms - offset_ms;
    let first = if first - step_ms >= start_ms {
        first - step_ms
    } else {
        first
    };
    let kind = if step_ms < MINUTE_MS {
        TimeLabel::Seconds
    } else if step_ms < DAY_MS {
        TimeLabel::Minutes
    } else {
        TimeLabel::Day
    };
    let mut ticks = Vec::new();
    let mut previous_day = None;
    let mut time_ms = first;
    while time_ms <= end_ms {
        let local_ms = time_ms + offset_ms;
        let day = local_ms.div_euclid(DAY_MS);
        let label_kind = match kind {
            TimeLabel::Minutes if previous_day.is_some_and(|previous| previous != day) => {
                TimeLabel::DayAndTime
            }
            other => other,
        };
        previous_day = Some(day);
        ticks.push(TimeTick {
            time_ms,
            label: format_local(local_ms, label_kind),
        });
        time_ms += step_ms;
    }
    ticks
}

/// Formats a local time (milliseconds since the epoch, already shifted to local time).
pub fn format_local(local_ms: i64, kind: TimeLabel) -> String {
    let day = local_ms.div_euclid(DAY_MS);
    let in_day_ms = local_ms.rem_euclid(DAY_MS);
    let (hours, minutes, seconds) = (
        in_day_ms / HOUR_MS,
        in_day_ms % HOUR_MS / MINUTE_MS,
        in_day_ms % MINUTE_MS / SECOND_MS,
    );
    let (_, month, day_of_month) = civil_from_days(day);
    let month_name = MONTHS
        .get(usize::try_from(month - 1).unwrap_or(0))
        .copied()
        .unwrap_or("?");
    match kind {
        TimeLabel::Seconds => format!("{hours:02}:{minutes:02}:{seconds:02}"),
        TimeLabel::Minutes => format!("{hours:02}:{minutes:02}"),
        TimeLabel::Day => format!("{month_name} {day_of_month}"),
        TimeLabel::DayAndTime => format!("{month_name} {day_of_month}, {hours:02}:{minutes:02}"),
    }
}

/// The year, month (1–12) and day (1–31) of a day count since 1970-01-01 (H. Hinnant's
/// algorithm: exact for the proleptic Gregorian calendar, no table needed).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// 1, 2 or 5 × 10ⁿ, the nearest to `raw` from above.
fn nice_step(raw: f64) -> f64 {
    let power = crate::math::pow10(crate::math::log10(raw).floor() as i32);
    let error = raw / power;
    let factor = if error >= 50_f64.sqrt() {
        10.0
    } else if error >= 10_f64.sqrt() {
        5.0
    } else if error >= 2_f64.sqrt() {
        2.0
    } else {
        1.0
    };
    factor * power
}

/// Removes float noise from a tick value (12 significant digits are plenty for labels).
fn clean(value: f64) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    let digits = 12 - crate::math::log10(value.abs()).ceil() as i32;
    let scale = 10_f64.powi(digits.clamp(-300, 300));
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ticks_are_round() {
        assert_eq!(
            value_ticks(0.0, 100.0, 5),
            (20.0, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0])
        );
        assert_eq!(
            value_ticks(0.0, 1.0, 4).1,
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
        assert_eq!(
            value_ticks(0.1, 0.35, 5).1,
            vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35]
        );
        assert_eq!(value_ticks(-3.0, 7.0, 5).1, vec![-2.0, 0.0, 2.0, 4.0, 6.0]);
        assert_eq!(value_ticks(5.0, 5.0, 5).1, vec![5.0]);
        assert!(value_ticks(f64::NAN, 1.0, 5).1.is_empty());
        assert_eq!(nice_domain(3.0, 97.0, 5), (0.0, 100.0));
        assert_eq!(nice_domain(0.012, 0.047, 4), (0.01, 0.05));
        assert_eq!(log_ticks(10.0, 3.0, 5000.0), vec![10.0, 100.0, 1000.0]);
        assert_eq!(log_ticks(2.0, 1.0, 10.0), vec![1.0, 2.0, 4.0, 8.0]);
    }

    #[test]
    fn time_ticks_are_round_local_times() {
        let start = 1_700_000_000_000; // 2023-11-14 22:13:20 UTC
        let ticks = time_ticks(start, start + HOUR_MS, 800.0, 80.0, 0);
        assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("22:20"));
        assert!(ticks.iter().all(|t| t.time_ms % (10 * MINUTE_MS) == 0));
        assert!(ticks.len() <= 10);
        // In UTC+1 the same instants read an hour later, and day changes show the date.
        let ticks = time_ticks(start, start + 6 * HOUR_MS, 800.0, 80.0, 60);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["00:00", "01:00", "02:00", "03:00", "04:00", "05:00"]
        );
        let ticks = time_ticks(start, start + 6 * HOUR_MS, 800.0, 80.0, 0);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["23:00", "Nov 15, 00:00", "01:00", "02:00", "03:00", "04:00"]
        );
        let week = time_ticks(start, start + 7 * DAY_MS, 800.0, 80.0, 0);
        assert_eq!(week.first().map(|t| t.label.as_str()), Some("Nov 15"));
        let seconds = time_ticks(start, start + MINUTE_MS, 600.0, 80.0, 0);
        assert_eq!(seconds.first().map(|t| t.label.as_str()), Some("22:13:20"));
        assert!(time_ticks(start, start, 800.0, 80.0, 0).is_empty());
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_675), (2023, 11, 14));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
