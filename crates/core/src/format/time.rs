//! Durations: the largest unit in which the value is at least one (`1.67m`, `4.17d`,
//! `3.33 months`), as Perses picks it.

use super::number::{Digits, NumberStyle, format_number};
use crate::spec::unit::Unit;

/// The time units from the largest down, with their length in seconds (a month is 30 days
/// and a year 365, as in Perses).
const UNITS: [(Unit, f64); 10] = [
    (Unit::Years, 31_536_000.0),
    (Unit::Months, 2_592_000.0),
    (Unit::Weeks, 604_800.0),
    (Unit::Days, 86_400.0),
    (Unit::Hours, 3_600.0),
    (Unit::Minutes, 60.0),
    (Unit::Seconds, 1.0),
    (Unit::Milliseconds, 0.001),
    (Unit::Microseconds, 0.000_001),
    (Unit::Nanoseconds, 0.000_000_001),
];

/// A duration given in `unit` (seconds when the unit is not a time unit).
pub fn format_time(value: f64, unit: Unit, decimal_places: Option<u32>) -> String {
    if value == 0.0 {
        return "0s".to_owned();
    }
    let seconds_per_unit = seconds_in(unit);
    let value_secs = value * seconds_per_unit;
    // The first unit, from the largest, in which the value is at least one; a negative value
    // never is, so it ends in nanoseconds, exactly as in Perses.
    let (chosen, amount) = UNITS
        .iter()
        .map(|(unit, secs)| (*unit, value_secs / secs))
        .find(|(_, amount)| *amount >= 1.0)
        .unwrap_or((Unit::Nanoseconds, value_secs / 0.000_000_001));
    let digits = match decimal_places {
        Some(places) => Digits::Fraction(places),
        None => Digits::Significant(super::MAX_SIGNIFICANT_DIGITS),
    };
    let number = format_number(amount, NumberStyle::new(digits));
    match chosen {
        // Intl's long names for months and years; narrow symbols for the rest.
        Unit::Months | Unit::Years => {
            let name = if chosen == Unit::Months {
                "month"
            } else {
                "year"
            };
            let plural = if number == "1" { "" } else { "s" };
            format!("{number} {name}{plural}")
        }
        other => format!("{number}{}", symbol(other)),
    }
}

fn seconds_in(unit: Unit) -> f64 {
    UNITS
        .iter()
        .find(|(candidate, _)| *candidate == unit)
        .map_or(1.0, |(_, secs)| *secs)
}

fn symbol(unit: Unit) -> &'static str {
    match unit {
        Unit::Nanoseconds => "ns",
        Unit::Microseconds => "μs",
        Unit::Milliseconds => "ms",
        Unit::Minutes => "m",
        Unit::Hours => "h",
        Unit::Days => "d",
        Unit::Weeks => "w",
        _ => "s",
    }
}
