//! Writing the catalog: the Prometheus text format for scrapes, OpenMetrics for the backfill.

pub(crate) mod openmetrics;
pub(crate) mod text;

#[cfg(test)]
mod tests;

use std::fmt::Write as _;

/// A sample value as both formats spell it. Demo values are always finite; the others are
/// spelt out anyway so the output stays parseable whatever happens.
fn push_value(out: &mut String, value: f64) {
    if value.is_nan() {
        out.push_str("NaN");
    } else if value.is_infinite() {
        out.push_str(if value > 0.0 { "+Inf" } else { "-Inf" });
    } else {
        // Display prints the shortest text that reads back as the same f64, without exponent.
        let _ = write!(out, "{value}");
    }
}

/// Escapes `# HELP` text: backslash and line feed in both formats (OpenMetrics also escapes
/// double quotes, which our help texts never contain).
fn push_help(out: &mut String, help: &str) {
    for character in help.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
}
