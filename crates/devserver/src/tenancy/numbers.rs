//! Numbers of PromQL and of the query API: PromQL numbers and durations, and the `time`,
//! `start`, `end` and `step` parameters, checked as Prometheus reads them.
//!
//! Prometheus takes a time as unix seconds (a float) or RFC 3339, and a step as seconds or a
//! duration with units. It reads `NaN` or `Inf` as some time or other without a word; here a
//! time must be finite and within Prometheus' millisecond timestamps, and a step positive and
//! finite, or the answer is a 400 that says which parameter is wrong.

use super::params::Param;
use crate::errors::shown;

/// Prometheus timestamps are milliseconds in an `i64`.
pub(super) const MAX_TIMESTAMP_SECS: f64 = 9_223_372_036_854_775.0;

/// Why a time or step parameter cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid parameter \"{param}\": {text:?} is {reason}")]
pub struct TimeParamError {
    pub param: Param,
    pub text: String,
    pub reason: &'static str,
}

/// Checks a `time`, `start`, `end` (a timestamp) or `step` (a duration) parameter.
pub fn check_time_param(param: Param, text: &str) -> Result<(), TimeParamError> {
    let refuse = |reason| {
        Err(TimeParamError {
            param,
            text: shown(text),
            reason,
        })
    };
    let text = text.trim();
    match param {
        Param::Step => match units_ms(text).map(|ms| ms / 1000.0).or_else(|| float(text)) {
            None => refuse("not a number of seconds or a duration like 30s"),
            Some(seconds) if !seconds.is_finite() => refuse("not a finite number"),
            Some(seconds) if seconds <= 0.0 => refuse(
                "a zero or negative query resolution step width, which Prometheus does not accept",
            ),
            Some(seconds) if seconds * 1000.0 > MAX_TIMESTAMP_SECS => {
                refuse("longer than Prometheus can hold")
            }
            Some(_) => Ok(()),
        },
        Param::Time | Param::Start | Param::End => match float(text) {
            Some(seconds) if !seconds.is_finite() => refuse("not a finite number"),
            Some(seconds) if seconds.abs() > MAX_TIMESTAMP_SECS => {
                refuse("outside Prometheus' timestamps")
            }
            Some(_) => Ok(()),
            None if chrono::DateTime::parse_from_rfc3339(text).is_ok() => Ok(()),
            None => refuse("neither unix seconds nor an RFC 3339 time"),
        },
        Param::Namespace | Param::Query => Ok(()),
    }
}

/// A float as Go's `strconv.ParseFloat` reads one (Rust's parser takes the same decimal,
/// exponent, `Inf` and `NaN` forms).
fn float(text: &str) -> Option<f64> {
    text.parse::<f64>().ok()
}

/// A PromQL number: decimal, exponent, hexadecimal, `Inf` or `NaN`, with a sign.
pub(super) fn number(text: &str) -> Option<f64> {
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
pub(super) fn units_ms(text: &str) -> Option<f64> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_and_step_parameters() {
        let cases = [
            (Param::Time, "1700000000", true),
            (Param::Time, "1700000000.123", true),
            (Param::Time, "-1", true),
            (Param::Start, "2026-12-05T06:00:00Z", true),
            (Param::End, "2026-12-05T06:00:00.5+01:00", true),
            (Param::Time, "NaN", false),
            (Param::Time, "Inf", false),
            (Param::Time, "-inf", false),
            (Param::Time, "1e300", false),
            (Param::Start, "yesterday", false),
            (Param::End, "2026-13-45T00:00:00Z", false),
            (Param::Step, "15", true),
            (Param::Step, "0.5", true),
            (Param::Step, "1m30s", true),
            (Param::Step, "0", false),
            (Param::Step, "-5", false),
            (Param::Step, "0s", false),
            (Param::Step, "NaN", false),
            (Param::Step, "Inf", false),
            (Param::Step, "1e300", false),
            (Param::Step, "fast", false),
        ];
        for (param, text, valid) in cases {
            assert_eq!(
                check_time_param(param, text).is_ok(),
                valid,
                "{param}={text}"
            );
        }
        let error = check_time_param(Param::Time, &"9".repeat(5_000)).unwrap_err();
        assert!(error.to_string().len() < 200, "{error}");
    }
}
