//! Variable interpolation exactly as Perses writes it: `$name`, `${name}` and `${name:format}`.
//!
//! A single value is inserted raw; several values use the `prometheus` format `(a|b)`; a
//! `:format` picks one of the 16 formats of [`InterpolationFormat`]. Names are `\w+` (ASCII
//! letters, digits, `_`), so `$__range_ms` is one name and never `$__range` followed by `_ms`.
//! Unknown variables, unknown formats and the `${name.field}` form stay as written.
//!
//! Perses replaces text with `replaceAll` once per variable, longest names first; this module
//! scans the text once and replaces each reference on its own. The results are the same except
//! where Perses' way corrupts the text (a known `$a` inside an unknown `$ab`, or one variable
//! used with two formats), which this module leaves intact.

use std::collections::BTreeSet;

/// The value of a variable: one text, or a list (a multi-select, or "All").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VariableValue {
    Single(String),
    Multiple(Vec<String>),
}

impl VariableValue {
    /// The values as a list.
    pub fn values(&self) -> &[String] {
        match self {
            Self::Single(value) => std::slice::from_ref(value),
            Self::Multiple(values) => values,
        }
    }
}

/// The formats of `${name:format}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InterpolationFormat {
    Csv,
    Distributed,
    DoubleQuote,
    Glob,
    Json,
    Lucene,
    PercentEncode,
    Pipe,
    Prometheus,
    Raw,
    Regex,
    RegexLiteral,
    SingleQuote,
    SqlString,
    Text,
    QueryParam,
}

impl InterpolationFormat {
    pub const ALL: [Self; 16] = [
        Self::Csv,
        Self::Distributed,
        Self::DoubleQuote,
        Self::Glob,
        Self::Json,
        Self::Lucene,
        Self::PercentEncode,
        Self::Pipe,
        Self::Prometheus,
        Self::Raw,
        Self::Regex,
        Self::RegexLiteral,
        Self::SingleQuote,
        Self::SqlString,
        Self::Text,
        Self::QueryParam,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Distributed => "distributed",
            Self::DoubleQuote => "doublequote",
            Self::Glob => "glob",
            Self::Json => "json",
            Self::Lucene => "lucene",
            Self::PercentEncode => "percentencode",
            Self::Pipe => "pipe",
            Self::Prometheus => "prometheus",
            Self::Raw => "raw",
            Self::Regex => "regex",
            Self::RegexLiteral => "regexliteral",
            Self::SingleQuote => "singlequote",
            Self::SqlString => "sqlstring",
            Self::Text => "text",
            Self::QueryParam => "queryparam",
        }
    }

    /// The format written after the colon. Like Perses, only the exact lower-case names match.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.name() == name)
    }

    /// Formats `values` of the variable `name`.
    pub fn apply(self, values: &[String], name: &str) -> String {
        match self {
            Self::Csv | Self::Raw => values.join(","),
            Self::Distributed => {
                let mut parts = values.iter().take(1).cloned().collect::<Vec<_>>();
                parts.extend(values.iter().skip(1).map(|value| format!("{name}={value}")));
                parts.join(",")
            }
            Self::DoubleQuote => join_mapped(values, ",", |value| format!("\"{value}\"")),
            Self::Glob => format!("{{{}}}", values.join(",")),
            // Values that are JSON themselves are embedded as JSON, as Perses does.
            Self::Json => json_values(values),
            Self::Lucene => format!(
                "({})",
                join_mapped(values, " OR ", |value| format!("\"{value}\""))
            ),
            Self::PercentEncode => encode_uri_component(&values.join(",")),
            Self::Pipe => values.join("|"),
            Self::Prometheus => format!("({})", values.join("|")),
            Self::Regex => format!(
                "({})",
                join_mapped(values, "|", |value| escape_regex(value, "\\"))
            ),
            Self::RegexLiteral => {
                format!(
                    "({})",
                    join_mapped(values, "|", |value| escape_regex(value, "\\\\"))
                )
            }
            Self::SingleQuote => join_mapped(values, ",", |value| format!("'{value}'")),
            Self::SqlString => join_mapped(values, ",", |value| {
                format!("'{}'", value.replace('\'', "''"))
            }),
            Self::Text => values.join(" + "),
            Self::QueryParam => join_mapped(values, "&", |value| {
                format!("{name}={}", encode_uri_component(value))
            }),
        }
    }
}

/// Replaces every reference to a known variable in `text`. `lookup` gives a variable's value,
/// or `None` when the name is not a variable (the reference then stays as written).
pub fn interpolate<'a>(text: &str, lookup: impl Fn(&str) -> Option<&'a VariableValue>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let after = &rest[dollar..];
        match parse_reference(after) {
            Some(reference) if reference.field.is_none() => {
                let value = lookup(reference.name);
                let format = match reference.format {
                    None => Some(None),
                    Some(name) => InterpolationFormat::from_name(name).map(Some),
                };
                match (value, format) {
                    (Some(value), Some(format)) => {
                        out.push_str(&format_value(value, reference.name, format));
                    }
                    _ => out.push_str(&after[..reference.len]),
                }
                rest = &after[reference.len..];
            }
            Some(reference) => {
                out.push_str(&after[..reference.len]);
                rest = &after[reference.len..];
            }
            None => {
                out.push('$');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the variables `text` refers to, in order of first use, without repeats.
pub fn referenced_variables(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        let after = &rest[dollar..];
        match parse_reference(after) {
            Some(reference) => {
                if seen.insert(reference.name) {
                    names.push(reference.name.to_owned());
                }
                rest = &after[reference.len..];
            }
            None => rest = &after[1..],
        }
    }
    names
}

/// A value as Perses inserts it: a single value raw, a list as `(a|b)`, unless a format is
/// given.
pub fn format_value(
    value: &VariableValue,
    name: &str,
    format: Option<InterpolationFormat>,
) -> String {
    let default = match value {
        VariableValue::Single(_) => InterpolationFormat::Raw,
        VariableValue::Multiple(_) => InterpolationFormat::Prometheus,
    };
    format.unwrap_or(default).apply(value.values(), name)
}

/// `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` is percent-encoded
/// as UTF-8. Written out because no common crate offers exactly this set.
pub fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let unreserved = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            );
        if unreserved {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn join_mapped(values: &[String], separator: &str, map: impl Fn(&str) -> String) -> String {
    values
        .iter()
        .map(|value| map(value))
        .collect::<Vec<_>>()
        .join(separator)
}

/// Escapes the characters JavaScript regexes treat specially: `- / \ ^ $ * + ? . ( ) | [ ] { }`.
fn escape_regex(value: &str, escape: &str) -> String {
    let mut out = String::with_capacity(value.len() * 2);
    for c in value.chars() {
        if "-/\\^$*+?.()|[]{}".contains(c) {
            out.push_str(escape);
        }
        out.push(c);
    }
    out
}

#[cfg(feature = "json-format")]
mod json;
mod reference;

use reference::parse_reference;

/// The engine of the `json` format, where the caller gave one ([`use_json_engine`]).
static JSON_ENGINE: std::sync::OnceLock<fn(&[String]) -> String> = std::sync::OnceLock::new();

/// Has the `json` format computed by `engine`, which must do what Perses does:
/// `JSON.stringify(values.map(v => { try { return JSON.parse(v) } catch { return v } }))`.
/// The browser passes JavaScript's own JSON, so this crate's reader (the `json-format`
/// feature) stays out of the page. The first engine given stays.
pub fn use_json_engine(engine: fn(&[String]) -> String) {
    let _ = JSON_ENGINE.set(engine);
}

fn json_values(values: &[String]) -> String {
    JSON_ENGINE
        .get()
        .map_or_else(|| json_without_engine(values), |engine| engine(values))
}

#[cfg(feature = "json-format")]
fn json_without_engine(values: &[String]) -> String {
    json::stringify_values(values)
}

/// Without the reader or an engine, every value as a JSON string: what Perses writes for
/// values that are not JSON themselves.
#[cfg(not(feature = "json-format"))]
fn json_without_engine(values: &[String]) -> String {
    serde_json::to_string(values).unwrap_or_default()
}

#[cfg(test)]
mod tests;
