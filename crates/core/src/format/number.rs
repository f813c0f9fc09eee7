//! Numbers laid out as the browser's `Intl.NumberFormat("en-US")` lays them out, in pure Rust.
//!
//! Perses formats every value with `Intl.NumberFormat`. The plugin cannot call it from the core
//! (the core never touches the browser, and native tests must give the same text), so this
//! module reproduces the part Perses uses: significant or fraction digits, half-expand
//! rounding of the shortest decimal form of the double (ICU rounds that form, not the binary
//! value), comma grouping and the short compact notation (K, M, B, T).

pub(crate) use super::decimal::Decimal;

/// How many digits a number keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    /// At most this many significant digits, trailing zeros dropped.
    Significant(u32),
    /// Exactly this many digits after the point.
    Fraction(u32),
    /// Between `min` and `max` digits after the point (Intl's default is 0 to 3).
    FractionRange { min: u32, max: u32 },
}

/// The options of one layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub digits: Digits,
    /// Short compact notation: 1.2K, 3.4M, 5B, 6T.
    pub compact: bool,
}

impl NumberStyle {
    pub const fn new(digits: Digits) -> Self {
        Self {
            digits,
            compact: false,
        }
    }

    pub const fn compact(digits: Digits) -> Self {
        Self {
            digits,
            compact: true,
        }
    }
}

/// The compact suffixes of en-US, one per power of a thousand.
const COMPACT_SUFFIXES: [&str; 5] = ["", "K", "M", "B", "T"];

/// A number laid out as `Intl.NumberFormat("en-US", {useGrouping: true, …})` does.
/// Non-finite values print as Intl prints them: `NaN`, `∞`, `-∞`.
pub fn format_number(value: f64, style: NumberStyle) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_owned();
    }
    format_decimal(Decimal::from_f64(value), style)
}

/// Like [`format_number`] for a value that is already decimal (percentages shift it exactly).
pub(crate) fn format_decimal(value: Decimal, style: NumberStyle) -> String {
    let negative = value.negative;
    let (rounded, suffix) = if style.compact {
        compact(value, style.digits)
    } else {
        (round(value, style.digits), "")
    };
    let min_fraction = match style.digits {
        Digits::Significant(_) => 0,
        Digits::Fraction(fraction) => fraction,
        Digits::FractionRange { min, .. } => min,
    };
    // Intl keeps the sign of a negative number that rounds to zero ("-0").
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}{suffix}", rounded.layout(min_fraction, true))
}

fn round(value: Decimal, digits: Digits) -> Decimal {
    match digits {
        Digits::Significant(significant) => value.round_significant(significant),
        Digits::Fraction(fraction) => value.round_fraction(fraction),
        Digits::FractionRange { max, .. } => value.round_fraction(max),
    }
}

/// Scales by the largest power of a thousand below the value, rounds, and moves up one
/// power when rounding reaches a thousand (999,999 with 3 digits is 1M, not 1000K).
fn compact(value: Decimal, digits: Digits) -> (Decimal, &'static str) {
    let magnitude = value.magnitude().unwrap_or(0).max(0);
    let mut index = ((magnitude / 3) as usize).min(COMPACT_SUFFIXES.len() - 1);
    loop {
        let scaled = round(value.clone().shifted(-3 * index as i32), digits);
        let reached_next = scaled.magnitude().is_some_and(|power| power >= 3);
        if reached_next && index + 1 < COMPACT_SUFFIXES.len() {
            index += 1;
            continue;
        }
        return (scaled, COMPACT_SUFFIXES[index]);
    }
}

/// `value.toString()` in JavaScript: the shortest round-trip digits, in exponent notation
/// below 1e-6 and from 1e21 on.
pub fn js_number_to_string(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    let decimal = Decimal::from_f64(value);
    let sign = if decimal.negative { "-" } else { "" };
    let exponent = decimal.point - 1;
    if (-6..21).contains(&exponent) {
        return format!("{sign}{}", decimal.layout(0, false));
    }
    let mut digits: String = decimal
        .digits
        .iter()
        .map(|digit| char::from(b'0' + digit))
        .collect();
    if digits.len() > 1 {
        digits.insert(1, '.');
    }
    let exponent_sign = if exponent >= 0 { "+" } else { "-" };
    format!("{sign}{digits}e{exponent_sign}{}", exponent.abs())
}

#[cfg(test)]
#[path = "number_tests.rs"]
mod tests;
