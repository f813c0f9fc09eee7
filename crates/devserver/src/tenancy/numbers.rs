//! The `time`, `start`, `end` and `step` parameters of the query API, checked as Prometheus
//! reads them.
//!
//! Prometheus takes a time as unix seconds (a float) or RFC 3339, and a step as seconds or a
//! duration with units. It reads `NaN` or `Inf` as some time or other without a word; here a
//! time must be finite and within Prometheus' millisecond timestamps, and a step positive and
//! finite, or the answer is a 400 that says which parameter is wrong.

use obs_promql::numbers::{MAX_TIMESTAMP_SECS, units_ms};

use super::params::Param;
use crate::errors::shown;

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
