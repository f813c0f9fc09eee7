//! Values as Perses shows them: one function for every unit of a panel's `format`.
//!
//! Panels never format numbers themselves; they call [`format_value`] (or
//! [`format_value_at`] when dates must be shown in the viewer's zone) and get the text in
//! parts, so a stat can draw its unit smaller than its number. The rules are Perses'
//! (`components/src/model/*.ts` of perses/shared): `Intl.NumberFormat` in en-US with at
//! most three significant digits unless `decimalPlaces` is set, compact notation unless
//! `shortValues` is false, numbro-style shortening of bytes and bits.

mod bytes;
mod date;
mod decimal;
mod number;
mod time;

#[cfg(test)]
mod tests;

use std::fmt;

pub use bytes::Base;
pub use date::DateContext;
pub use number::{Digits, NumberStyle, format_number, js_number_to_string};

use crate::spec::common::Format;
use crate::spec::unit::{Unit, UnitGroup};

/// Perses' default precision when `decimalPlaces` is not set.
pub const MAX_SIGNIFICANT_DIGITS: u32 = 3;
/// Perses clamps `decimalPlaces` to what `Intl.NumberFormat` accepts.
const MAX_DECIMAL_PLACES: f64 = 20.0;

/// A formatted value: an optional prefix (a currency symbol), the number, and an optional
/// suffix (the unit). `Display` joins them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormattedValue {
    pub prefix: String,
    pub number: String,
    pub suffix: String,
}

impl FormattedValue {
    fn plain(text: String) -> Self {
        Self {
            number: text,
            ..Self::default()
        }
    }
}

impl fmt::Display for FormattedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.prefix, self.number, self.suffix)
    }
}

/// `value` as Perses shows it with `format`; no format prints it as JavaScript does.
/// Dates are shown in UTC; use [`format_value_at`] for the viewer's zone.
pub fn format_value(value: f64, format: Option<&Format>) -> FormattedValue {
    format_value_at(value, format, &DateContext::utc())
}

/// [`format_value`] with the viewer's zone and clock for date units.
pub fn format_value_at(
    value: f64,
    format: Option<&Format>,
    dates: &DateContext<'_>,
) -> FormattedValue {
    let Some(format) = format else {
        return FormattedValue::plain(js_number_to_string(value));
    };
    let unit = format.unit.unwrap_or(Unit::Decimal);
    let places = decimal_places(format);
    // `shortValues` is on unless it is explicitly false.
    let short = format.short_values != Some(false);
    let significant_or = |places: Option<u32>| match places {
        Some(places) => Digits::Fraction(places),
        None => Digits::Significant(MAX_SIGNIFICANT_DIGITS),
    };
    match unit.group() {
        UnitGroup::Decimal => FormattedValue::plain(decimal(value, short, places)),
        UnitGroup::Percent => {
            let text = percent(value, unit, significant_or(places));
            split_suffix(text, "%")
        }
        UnitGroup::Time => FormattedValue::plain(time::format_time(value, unit, places)),
        UnitGroup::Bytes => {
            let base = if unit == Unit::DecBytes {
                Base::Decimal
            } else {
                Base::Binary
            };
            FormattedValue::plain(bytes::format_bytes(value, base, short, places))
        }
        UnitGroup::Bits => {
            let base = if unit == Unit::DecBits {
                Base::Decimal
            } else {
                Base::Binary
            };
            FormattedValue::plain(bytes::format_bits(value, base, short, places))
        }
        UnitGroup::Throughput => FormattedValue::plain(throughput(value, unit, short, places)),
        UnitGroup::Currency => currency(value, unit, significant_or(places)),
        UnitGroup::Temperature => {
            let number = format_number(value, NumberStyle::new(significant_or(places)));
            let symbol = if unit == Unit::Celsius { "°C" } else { "°F" };
            FormattedValue {
                prefix: String::new(),
                number,
                suffix: symbol.to_owned(),
            }
        }
        UnitGroup::Date => FormattedValue::plain(date::format_date(value, unit, dates)),
    }
}

/// `decimalPlaces` as Intl takes it: clamped to 0–20; 0 counts as set.
fn decimal_places(format: &Format) -> Option<u32> {
    let places = format.decimal_places?;
    if !places.is_finite() {
        return None;
    }
    Some(places.clamp(0.0, MAX_DECIMAL_PLACES).floor() as u32)
}

fn decimal(value: f64, short: bool, places: Option<u32>) -> String {
    let digits = match places {
        Some(places) => Digits::Fraction(places),
        None if short => Digits::Significant(MAX_SIGNIFICANT_DIGITS),
        None => Digits::FractionRange { min: 0, max: 3 },
    };
    let style = if short {
        NumberStyle::compact(digits)
    } else {
        NumberStyle::new(digits)
    };
    format_number(value, style)
}

fn percent(value: f64, unit: Unit, digits: Digits) -> String {
    if !value.is_finite() {
        return format!("{}%", format_number(value, NumberStyle::new(digits)));
    }
    // Perses divides `percent` values by 100 in floating point, then Intl multiplies the
    // decimal digits by 100 exactly; doing the same gives the same text.
    let fraction = if unit == Unit::Percent {
        value / 100.0
    } else {
        value
    };
    let shifted = number::Decimal::from_f64(fraction).shifted(2);
    format!(
        "{}%",
        number::format_decimal(shifted, NumberStyle::new(digits))
    )
}

fn throughput(value: f64, unit: Unit, short: bool, places: Option<u32>) -> String {
    let data = match unit {
        Unit::BitsPerSec => Some((Base::Binary, false)),
        Unit::DecBitsPerSec => Some((Base::Decimal, false)),
        Unit::BytesPerSec => Some((Base::Binary, true)),
        Unit::DecBytesPerSec => Some((Base::Decimal, true)),
        _ => None,
    };
    if let Some((base, is_bytes)) = data {
        let text = if is_bytes {
            bytes::format_bytes(value, base, short, places)
        } else {
            bytes::format_bits(value, base, short, places)
        };
        return bytes::per_second(text, value, base);
    }
    format!("{} {}", decimal(value, short, places), unit_name(unit))
}

fn currency(value: f64, unit: Unit, digits: Digits) -> FormattedValue {
    let number = format_number(value.abs(), NumberStyle::new(digits));
    let symbol = match unit {
        Unit::Aud => "A$",
        Unit::Cad => "CA$",
        Unit::Chf => "CHF\u{a0}",
        Unit::Cny => "CN¥",
        Unit::Eur => "€",
        Unit::Gbp => "£",
        Unit::Hkd => "HK$",
        Unit::Inr => "₹",
        Unit::Jpy => "¥",
        Unit::Krw => "₩",
        Unit::Nok => "NOK\u{a0}",
        Unit::Nzd => "NZ$",
        Unit::Sek => "SEK\u{a0}",
        Unit::Sgd => "SGD\u{a0}",
        _ => "$",
    };
    let sign = if value < 0.0 { "-" } else { "" };
    FormattedValue {
        prefix: format!("{sign}{symbol}"),
        number,
        suffix: String::new(),
    }
}

fn split_suffix(text: String, suffix: &str) -> FormattedValue {
    match text.strip_suffix(suffix) {
        Some(number) => FormattedValue {
            prefix: String::new(),
            number: number.to_owned(),
            suffix: suffix.to_owned(),
        },
        None => FormattedValue::plain(text),
    }
}

/// The name Perses prints after a throughput (`requests/sec`).
fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::CountsPerSec => "counts/sec",
        Unit::EventsPerSec => "events/sec",
        Unit::MessagesPerSec => "messages/sec",
        Unit::OpsPerSec => "ops/sec",
        Unit::PacketsPerSec => "packets/sec",
        Unit::ReadsPerSec => "reads/sec",
        Unit::RecordsPerSec => "records/sec",
        Unit::RequestsPerSec => "requests/sec",
        Unit::RowsPerSec => "rows/sec",
        Unit::WritesPerSec => "writes/sec",
        _ => "",
    }
}
