//! Durations as Perses and Prometheus write them: `1h30m`, `5m`, `0s`, `2w`, `500ms`.
//!
//! The grammar is Prometheus' (`model.ParseDuration`): the units `y w d h m s ms`, each at most
//! once and in that order, with `y` = 365 days. It is hand-written rather than a regex so the
//! wasm bundle does not carry a regex engine for one pattern.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const MS_PER_SECOND: u64 = 1_000;
const MS_PER_MINUTE: u64 = 60 * MS_PER_SECOND;
const MS_PER_HOUR: u64 = 60 * MS_PER_MINUTE;
const MS_PER_DAY: u64 = 24 * MS_PER_HOUR;
const MS_PER_WEEK: u64 = 7 * MS_PER_DAY;
const MS_PER_YEAR: u64 = 365 * MS_PER_DAY;

/// The units in the order the grammar requires them.
const UNITS: [(&str, u64); 7] = [
    ("y", MS_PER_YEAR),
    ("w", MS_PER_WEEK),
    ("d", MS_PER_DAY),
    ("h", MS_PER_HOUR),
    ("m", MS_PER_MINUTE),
    ("s", MS_PER_SECOND),
    ("ms", 1),
];

/// A non-negative duration with millisecond precision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    millis: u64,
}

/// Why a text is not a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    pub text: String,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.is_empty() {
            write!(
                f,
                "empty duration: expected a duration such as 1h, 30m or 1h30m"
            )
        } else {
            write!(
                f,
                "invalid duration {:?}: expected numbers with the units y, w, d, h, m, s, ms \
                 in that order, such as 1h30m",
                self.text
            )
        }
    }
}

impl std::error::Error for DurationError {}

impl Duration {
    pub const ZERO: Self = Self { millis: 0 };

    pub const fn from_millis(millis: u64) -> Self {
        Self { millis }
    }

    pub const fn from_secs(secs: u64) -> Self {
        Self {
            millis: secs * MS_PER_SECOND,
        }
    }

    pub const fn as_millis(self) -> u64 {
        self.millis
    }

    /// Whole seconds, rounded down.
    pub const fn as_secs(self) -> u64 {
        self.millis / MS_PER_SECOND
    }

    pub fn as_secs_f64(self) -> f64 {
        self.millis as f64 / MS_PER_SECOND as f64
    }

    pub const fn is_zero(self) -> bool {
        self.millis == 0
    }

    /// Formats with days as the largest unit (`14d`, `1h30m`), as the quick ranges are written
    /// in Perses' picker and URL; `0s` for zero.
    pub fn to_day_string(self) -> String {
        if self.millis == 0 {
            return "0s".to_owned();
        }
        let mut rest = self.millis;
        let mut text = String::new();
        for (name, unit_millis) in UNITS.iter().skip(2) {
            let count = rest / unit_millis;
            if count > 0 {
                text.push_str(&format!("{count}{name}"));
                rest -= count * unit_millis;
            }
        }
        text
    }

    /// Formats as the Perses UI does for `$__range`, `$__interval` and `$__rate_interval`:
    /// every unit greedily from years down (so 8 days is `1w1d`), and zero as an empty text.
    pub fn to_perses_string(self) -> String {
        let mut rest = self.millis;
        let mut text = String::new();
        for (name, unit_millis) in UNITS {
            let count = rest / unit_millis;
            if count > 0 {
                text.push_str(&format!("{count}{name}"));
                rest -= count * unit_millis;
            }
        }
        text
    }
}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DurationError {
            text: text.to_owned(),
        };
        if text == "0" {
            return Ok(Self::ZERO);
        }
        if text.is_empty() {
            return Err(error());
        }
        let mut rest = text;
        let mut next_unit = 0;
        let mut millis: u64 = 0;
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(error());
            }
            let (number, after) = rest.split_at(digits);
            let value: u64 = number.parse().map_err(|_| error())?;
            // "ms" must be tried before "m", or "5ms" would read as 5 minutes and a stray "s".
            let unit_len = if after.starts_with("ms") { 2 } else { 1 };
            let unit = after.get(..unit_len).ok_or_else(error)?;
            let position = UNITS[next_unit..]
                .iter()
                .position(|(name, _)| *name == unit)
                .ok_or_else(error)?;
            let (_, unit_millis) = UNITS[next_unit + position];
            next_unit += position + 1;
            millis = value
                .checked_mul(unit_millis)
                .and_then(|part| millis.checked_add(part))
                .ok_or_else(error)?;
            rest = &after[unit_len..];
        }
        Ok(Self { millis })
    }
}

impl fmt::Display for Duration {
    /// Formats as Prometheus does: `0s`, `1h30m`, `1y`, with years and weeks used only when
    /// they divide the duration exactly (so 8 days is `8d`, not `1w1d`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.millis == 0 {
            return f.write_str("0s");
        }
        let mut rest = self.millis;
        for (name, unit_millis) in UNITS {
            let exact_only = matches!(name, "y" | "w");
            if exact_only && !rest.is_multiple_of(unit_millis) {
                continue;
            }
            let count = rest / unit_millis;
            if count > 0 {
                write!(f, "{count}{name}")?;
                rest -= count * unit_millis;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected_millis: Option<u64>) {
        let parsed = text.parse::<Duration>().ok().map(Duration::as_millis);
        assert_eq!(parsed, expected_millis, "parsing {text:?}");
    }

    #[test]
    fn parses_the_prometheus_grammar() {
        check("0", Some(0));
        check("0s", Some(0));
        check("5m", Some(300_000));
        check("1h30m", Some(5_400_000));
        check("500ms", Some(500));
        check("1m500ms", Some(60_500));
        check("2w", Some(14 * MS_PER_DAY));
        check("1y", Some(365 * MS_PER_DAY));
        check(
            "1d2h3m4s5ms",
            Some(MS_PER_DAY + 2 * MS_PER_HOUR + 3 * MS_PER_MINUTE + 4_005),
        );
        check("", None);
        check("5", None);
        check("m", None);
        check("1.5h", None);
        check("30m1h", None);
        check("1h1h", None);
        check("-1h", None);
        check("1H", None);
        check("1h ", None);
        check("5x", None);
        check("99999999999999999999y", None);
    }

    #[test]
    fn formats_like_prometheus() {
        let cases = [
            (0, "0s"),
            (500, "500ms"),
            (60_000, "1m"),
            (5_400_000, "1h30m"),
            (MS_PER_DAY, "1d"),
            (8 * MS_PER_DAY, "8d"),
            (14 * MS_PER_DAY, "2w"),
            (365 * MS_PER_DAY, "1y"),
            (MS_PER_HOUR + 1, "1h1ms"),
        ];
        for (millis, text) in cases {
            assert_eq!(Duration::from_millis(millis).to_string(), text);
            assert_eq!(
                text.parse::<Duration>().map(Duration::as_millis),
                Ok(millis)
            );
        }
    }

    #[test]
    fn formats_with_days_for_urls() {
        for (millis, text) in [
            (0, "0s"),
            (14 * MS_PER_DAY, "14d"),
            (5_400_000, "1h30m"),
            (MS_PER_YEAR, "365d"),
        ] {
            assert_eq!(Duration::from_millis(millis).to_day_string(), text);
        }
    }

    #[test]
    fn formats_like_the_perses_ui() {
        let cases = [
            (0, ""),
            (500, "500ms"),
            (30_000, "30s"),
            (90_000, "1m30s"),
            (3_600_000, "1h"),
            (8 * MS_PER_DAY, "1w1d"),
            (14 * MS_PER_DAY, "2w"),
            (366 * MS_PER_DAY, "1y1d"),
        ];
        for (millis, text) in cases {
            assert_eq!(Duration::from_millis(millis).to_perses_string(), text);
        }
    }

    #[test]
    fn errors_say_what_is_expected() {
        let message = "1x".parse::<Duration>().unwrap_err().to_string();
        assert!(
            message.contains("\"1x\"") && message.contains("1h30m"),
            "{message}"
        );
    }
}
