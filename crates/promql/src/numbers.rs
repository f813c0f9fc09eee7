//! PromQL numbers and durations as Prometheus reads them.

/// Prometheus timestamps are milliseconds in an `i64`.
pub const MAX_TIMESTAMP_SECS: f64 = 9_223_372_036_854_775.0;

/// A PromQL number: decimal, exponent, hexadecimal, `Inf` or `NaN`, with a sign.
pub fn number(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let (sign, unsigned) = match lower.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    if let Some(hex) = unsigned.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16)
            .ok()
            .map(|value| sign * value as f64);
    }
    match unsigned {
        "inf" => Some(sign * f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ if unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.') => {
            unsigned.parse::<f64>().ok().map(|value| sign * value)
        }
        _ => None,
    }
}

/// The milliseconds of a duration written with units, e.g. `1h30m`, `500ms`; `None` when the
/// text is not one.
pub fn units_ms(text: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut rest = text;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        // Digits beyond f64 precision are still huge: the range check refuses them.
        let value: f64 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let unit_len = if rest.starts_with("ms") { 2 } else { 1 };
        let unit_ms = match rest.get(..unit_len)? {
            "ms" => 1.0,
            "s" => 1_000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            "d" => 86_400_000.0,
            "w" => 604_800_000.0,
            "y" => 31_536_000_000.0,
            _ => return None,
        };
        total += value * unit_ms;
        rest = &rest[unit_len..];
    }
    Some(total)
}
