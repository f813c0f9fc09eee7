//! Date units: timestamps shown as dates and times, as Perses shows them.
//!
//! The core has no time zone database, so the caller says how far local time is from UTC
//! (the browser knows; native tests pass a fixed offset). The `-us` units are US Eastern
//! time, whose daylight-saving rule (since 2007) is computed here.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc, Weekday};

use super::number::js_number_to_string;
use crate::spec::unit::Unit;

/// What date units need besides the value: the local zone and the present.
pub struct DateContext<'a> {
    /// Minutes east of UTC of the viewer's zone at a given unix millisecond.
    pub local_offset_minutes: &'a dyn Fn(i64) -> i32,
    /// Now, in unix milliseconds, for `relative-time`.
    pub now_ms: i64,
}

impl DateContext<'static> {
    /// UTC as the local zone and the epoch as now: deterministic, for tests and tools.
    pub fn utc() -> Self {
        Self {
            local_offset_minutes: &|_| 0,
            now_ms: 0,
        }
    }
}

/// A value in a date unit. Values below ten billion are seconds, larger ones milliseconds.
pub fn format_date(value: f64, unit: Unit, context: &DateContext<'_>) -> String {
    match unit {
        Unit::UnixTimestamp => {
            let secs = if value > 1e12 {
                (value / 1000.0).floor()
            } else {
                value
            };
            return js_number_to_string(secs);
        }
        Unit::UnixTimestampMs => {
            let ms = if value < 1e11 { value * 1000.0 } else { value };
            return js_number_to_string(ms.floor());
        }
        _ => {}
    }
    let Some(time) = to_datetime(value) else {
        return "Invalid Date".to_owned();
    };
    let time_ms = time.timestamp_millis();
    let local = || time + Duration::minutes(i64::from((context.local_offset_minutes)(time_ms)));
    let eastern = || time + Duration::minutes(i64::from(us_eastern_offset_minutes(time)));
    // Years are written as JavaScript writes them, which chrono's %Y does not past 9999:
    // toISOString takes a sign and six digits (+033658), Intl the plain number (33658).
    let iso_date = |time: DateTime<Utc>| {
        let year = time.year();
        let year = if (0..=9999).contains(&year) {
            format!("{year:04}")
        } else {
            format!(
                "{}{:06}",
                if year < 0 { '-' } else { '+' },
                year.unsigned_abs()
            )
        };
        format!("{year}-{:02}-{:02}", time.month(), time.day())
    };
    let intl_date =
        |time: DateTime<Utc>| format!("{:02}/{:02}/{}", time.month(), time.day(), time.year());
    match unit {
        Unit::DatetimeIso => format!("{}T{}Z", iso_date(time), clock_ms(time)),
        Unit::DateIso => iso_date(time),
        Unit::TimeIso => clock_ms(time),
        Unit::DatetimeUs => format!("{}, {}", intl_date(eastern()), clock_12h(eastern())),
        Unit::DateUs => intl_date(eastern()),
        Unit::TimeUs => clock_12h(eastern()),
        Unit::DatetimeLocal => format!("{}, {}", intl_date(local()), clock(local())),
        Unit::DateLocal => intl_date(local()),
        Unit::TimeLocal => clock(local()),
        Unit::RelativeTime => relative(time_ms - context.now_ms),
        _ => js_number_to_string(value),
    }
}

// The clock is written by hand rather than with chrono's `format`, which reads a strftime
// pattern at run time: its interpreter cost the page about 4 KB brotli for these three shapes.

/// `13:04:05`.
fn clock(time: DateTime<Utc>) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// `13:04:05.678`, the milliseconds cut, not rounded, as `toISOString` does.
fn clock_ms(time: DateTime<Utc>) -> String {
    format!(
        "{}.{:03}",
        clock(time),
        time.timestamp_subsec_millis() % 1000
    )
}

/// `01:04:05 PM`, as Intl writes en-US with two-digit hours.
fn clock_12h(time: DateTime<Utc>) -> String {
    let (afternoon, hour) = time.hour12();
    let half = if afternoon { "PM" } else { "AM" };
    format!("{hour:02}:{:02}:{:02} {half}", time.minute(), time.second())
}

/// Seconds or milliseconds, told apart as Perses does.
fn to_datetime(value: f64) -> Option<DateTime<Utc>> {
    if !value.is_finite() {
        return None;
    }
    let seconds_like = if value < 0.0 {
        value.abs() <= 1e10
    } else if (2.5e11..=2.6e11).contains(&value) {
        // Year 9999 written in seconds.
        DateTime::from_timestamp_millis((value * 1000.0) as i64).is_some_and(|t| t.year() >= 9999)
    } else {
        value < 1e10
    };
    let ms = if seconds_like { value * 1000.0 } else { value };
    DateTime::from_timestamp_millis(ms.floor() as i64)
}

/// `Intl.RelativeTimeFormat("en", {numeric: "auto"})` of the largest unit that is at least one.
fn relative(diff_ms: i64) -> String {
    const UNITS: [(&str, i64); 7] = [
        ("year", 365 * 86_400_000),
        ("month", 30 * 86_400_000),
        ("week", 7 * 86_400_000),
        ("day", 86_400_000),
        ("hour", 3_600_000),
        ("minute", 60_000),
        ("second", 1_000),
    ];
    for (name, unit_ms) in UNITS {
        // JavaScript's Math.round: halves go up, so -0.5 is 0 and 30 s ago stays in seconds.
        let amount = (diff_ms as f64 / unit_ms as f64 + 0.5).floor() as i64;
        if amount == 0 {
            continue;
        }
        let special = match (name, amount) {
            ("day", -1) => Some("yesterday"),
            ("day", 1) => Some("tomorrow"),
            ("week", -1) => Some("last week"),
            ("week", 1) => Some("next week"),
            ("month", -1) => Some("last month"),
            ("month", 1) => Some("next month"),
            ("year", -1) => Some("last year"),
            ("year", 1) => Some("next year"),
            _ => None,
        };
        if let Some(text) = special {
            return text.to_owned();
        }
        let count = amount.unsigned_abs();
        let plural = if count == 1 { "" } else { "s" };
        let number = group_thousands(count);
        return if amount > 0 {
            format!("in {number} {name}{plural}")
        } else {
            format!("{number} {name}{plural} ago")
        };
    }
    "now".to_owned()
}

fn group_thousands(count: u64) -> String {
    let digits = count.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// US Eastern time: UTC−5, or UTC−4 from the second Sunday of March at 02:00 to the first
/// Sunday of November at 02:00 local time.
fn us_eastern_offset_minutes(time: DateTime<Utc>) -> i32 {
    let year = time.year();
    let start = nth_sunday(year, 3, 2).map(|day| day.and_hms_opt(7, 0, 0));
    let end = nth_sunday(year, 11, 1).map(|day| day.and_hms_opt(6, 0, 0));
    let naive = time.naive_utc();
    match (start.flatten(), end.flatten()) {
        (Some(start), Some(end)) if naive >= start && naive < end => -240,
        _ => -300,
    }
}

fn nth_sunday(year: i32, month: u32, nth: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, nth as u8)
}
