//! Bounds a query must keep before it is parsed at all, and numbers where durations and times
//! go, checked as Prometheus checks them.
//!
//! Prometheus and prom-label-proxy set no limit on a query of their own (Prometheus' Go parser
//! grows its stack as needed; only the HTTP server's 1 MiB header limit bounds a GET). The
//! parser here is recursive and its work grows with the square of a long operator chain, so
//! the backend sets its own bounds, far above any real dashboard (the 941 queries of the 34
//! corpus dashboards and the bundled ones: the longest under 4 KB, at most 143 operators,
//! nesting at most 7):
//!
//! - at most [`MAX_QUERY_BYTES`] bytes, [`MAX_NESTING`] levels of `(`/`[`/`{`, and
//!   [`MAX_OPERATORS`] operators;
//! - durations (`[5m]`, `[5m:1m]`, `offset 5m`) between 1 ms and Go's `time.Duration` limit
//!   (about 292 years), whether written as units or as seconds; `@` times finite and within
//!   Prometheus' millisecond timestamps. promql-parser panics on `offset Inf`, `[1e30]` and the
//!   like, and prints a sub-millisecond duration as nothing (`[0.0001]` becomes `[]`): such
//!   numbers are refused here, with a 400, before the parser sees them.

/// The longest query accepted.
pub const MAX_QUERY_BYTES: usize = 64 * 1024;
/// The deepest nesting of brackets accepted.
pub const MAX_NESTING: usize = 256;
/// The most operators (binary or unary, `or`, `and`, `unless` included) accepted.
pub const MAX_OPERATORS: usize = 1_000;
/// Go's `time.Duration` holds at most 2^63 − 1 nanoseconds.
const MAX_DURATION_MS: f64 = 9_223_372_036_854.0;

use crate::numbers::{MAX_TIMESTAMP_SECS, number, units_ms};
use crate::shown;

/// Why a query is refused before parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("the query is {bytes} bytes long; the most this backend accepts is {max}")]
    TooLong { bytes: usize, max: usize },
    #[error("the query nests brackets {depth} deep; the most this backend accepts is {max}")]
    TooDeep { depth: usize, max: usize },
    #[error("the query has more than {max} operators")]
    TooManyOperators { max: usize },
    #[error("invalid duration {text:?}: {reason}")]
    Duration { text: String, reason: &'static str },
    #[error("invalid @ time {text:?}: {reason}")]
    Time { text: String, reason: &'static str },
}

/// Checks the bounds, then every duration and `@` time of `query`.
pub fn check(query: &str) -> Result<(), LimitError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(LimitError::TooLong {
            bytes: query.len(),
            max: MAX_QUERY_BYTES,
        });
    }
    let code = code_only(query);
    let mut depth = 0usize;
    let mut deepest = 0usize;
    // Matchers (`{a=~"b"}`) are not operators: only what is outside braces counts.
    let mut braces = 0usize;
    let mut operators = 0usize;
    for byte in code.bytes() {
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                braces += usize::from(byte == b'{');
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                braces = braces.saturating_sub(usize::from(byte == b'}'));
            }
            b'+' | b'-' | b'*' | b'/' | b'%' | b'^' | b'<' | b'>' | b'=' | b'!' if braces == 0 => {
                operators += 1;
            }
            _ => {}
        }
    }
    operators += words(&code)
        .filter(|word| {
            matches!(
                word.to_ascii_lowercase().as_str(),
                "or" | "and" | "unless" | "atan2"
            )
        })
        .count();
    if deepest > MAX_NESTING {
        return Err(LimitError::TooDeep {
            depth: deepest,
            max: MAX_NESTING,
        });
    }
    if operators > MAX_OPERATORS {
        return Err(LimitError::TooManyOperators { max: MAX_OPERATORS });
    }
    check_ranges(&code)?;
    check_offsets(&code)?;
    check_times(&code)
}

/// The query with string literals and comments blanked out (same length), so that brackets
/// and keywords inside them are not taken for code.
fn code_only(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut chars = query.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' | '`' => {
                out.push(' ');
                let mut escaped = false;
                for inner in chars.by_ref() {
                    out.push(' ');
                    if escaped {
                        escaped = false;
                    } else if inner == '\\' && c != '`' {
                        escaped = true;
                    } else if inner == c {
                        break;
                    }
                }
            }
            '#' => {
                out.push(' ');
                for inner in chars.by_ref() {
                    if inner == '\n' {
                        out.push('\n');
                        break;
                    }
                    out.push(' ');
                }
            }
            other if other.is_ascii() => out.push(other),
            // Nothing outside a string is written with other characters; blanks keep the
            // length the same.
            other => out.extend(std::iter::repeat_n(' ', other.len_utf8())),
        }
    }
    out
}

fn words(code: &str) -> impl Iterator<Item = &str> {
    code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .filter(|word| !word.is_empty())
}

/// `[range]` and `[range:step]`.
fn check_ranges(code: &str) -> Result<(), LimitError> {
    let mut rest = code;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            break;
        };
        let inside = &after[..close];
        let mut parts = inside.splitn(2, ':');
        if let Some(range) = parts.next() {
            check_duration(range.trim(), Sign::Positive)?;
        }
        if let Some(step) = parts.next() {
            let step = step.trim();
            // An empty subquery step means the default resolution.
            if !step.is_empty() {
                check_duration(step, Sign::Positive)?;
            }
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// `offset <duration>`, which may be negative.
fn check_offsets(code: &str) -> Result<(), LimitError> {
    let lower = code.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("offset") {
        let start = from + found;
        let end = start + "offset".len();
        from = end;
        let before_ok = start == 0 || !is_word_byte(lower.as_bytes()[start - 1]);
        let after_ok = lower.as_bytes().get(end).is_none_or(|b| !is_word_byte(*b));
        if before_ok && after_ok {
            check_duration(next_token(&code[end..]), Sign::Any)?;
        }
    }
    Ok(())
}

/// `@ <time>`, unless `@ start()` or `@ end()`.
fn check_times(code: &str) -> Result<(), LimitError> {
    for (at, _) in code.match_indices('@') {
        let text = next_token(&code[at + 1..]);
        if text.starts_with("start") || text.starts_with("end") || text.is_empty() {
            continue;
        }
        let reason = match number(text) {
            None => continue, // Not a number: the parser says what is wrong.
            Some(value) if !value.is_finite() => "not a finite number",
            Some(value) if value.abs() > MAX_TIMESTAMP_SECS => "outside Prometheus' timestamps",
            Some(_) => continue,
        };
        return Err(LimitError::Time {
            text: shown(text),
            reason,
        });
    }
    Ok(())
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The token after whitespace: a sign and the characters of a number or duration.
fn next_token(text: &str) -> &str {
    let text = text.trim_start();
    let end = text
        .char_indices()
        .find(|&(index, c)| {
            !(c.is_ascii_alphanumeric() || c == '.' || ((c == '-' || c == '+') && index == 0))
        })
        .map_or(text.len(), |(index, _)| index);
    &text[..end]
}

/// Which durations a position takes: an offset may be zero or negative, a range or a step
/// must be positive (promql-parser reads `[0]` but cannot read back the `[0s]` it prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Any,
    Positive,
}

/// A duration written with units (`1h30m`) or as seconds (`90`, `1.5`); checked for range.
fn check_duration(text: &str, sign: Sign) -> Result<(), LimitError> {
    let refuse = |reason| {
        Err(LimitError::Duration {
            text: shown(text),
            reason,
        })
    };
    let unsigned = match sign {
        Sign::Any => text
            .strip_prefix('-')
            .or_else(|| text.strip_prefix('+'))
            .unwrap_or(text),
        Sign::Positive => text,
    };
    if unsigned.is_empty() {
        return Ok(()); // The parser says what is missing.
    }
    let milliseconds = match units_ms(unsigned) {
        Some(ms) => ms,
        None => match number(unsigned) {
            Some(seconds) if !seconds.is_finite() => return refuse("not a finite number"),
            Some(seconds) => seconds * 1000.0,
            // Neither: not a duration the parser will take either; it says why.
            None => return Ok(()),
        },
    };
    if milliseconds > MAX_DURATION_MS {
        return refuse("longer than Prometheus can hold (about 292 years)");
    }
    if milliseconds == 0.0 && sign == Sign::Positive {
        return refuse("a range or step must be longer than 0");
    }
    if milliseconds != 0.0 && milliseconds < 1.0 {
        return refuse("shorter than a millisecond");
    }
    Ok(())
}

#[cfg(test)]
#[path = "limits_tests.rs"]
mod tests;
