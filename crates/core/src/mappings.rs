//! Value mappings (stat, status history, table cells): a text and colour shown instead of
//! matching values, applied in order so the last matching mapping wins, as Perses'
//! `applyValueMapping` does.
//!
//! Regex mappings use JavaScript's RegExp in Perses, so the pattern engine is a parameter:
//! the web layer passes the browser's RegExp; native tools and tests pass their own.

use crate::format::js_number_to_string;
use crate::spec::common::{Mapping, MiscValue};

/// Replaces the first match of a pattern (or every match with the `g` flag). Patterns are
/// written `/source/flags` or as a bare source.
pub trait PatternEngine {
    /// `Some(replaced text)` when `pattern` matches `text`; `None` when it does not or is
    /// not a valid pattern.
    fn replace(&self, pattern: &str, text: &str, replacement: &str) -> Option<String>;
}

/// An engine that never matches: for callers with no regex support at hand.
pub struct NoPatterns;

impl PatternEngine for NoPatterns {
    fn replace(&self, _pattern: &str, _text: &str, _replacement: &str) -> Option<String> {
        None
    }
}

/// A value to map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapInput<'a> {
    Number(f64),
    Text(&'a str),
    /// No value (an empty reduction or a missing cell).
    Null,
}

/// What mappings made of a value: a replacement text and a colour, each only when a mapping
/// set it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    pub text: Option<String>,
    pub color: Option<String>,
}

/// Applies every mapping in order; a later match overrides an earlier one.
pub fn apply_mappings(
    input: MapInput<'_>,
    mappings: &[Mapping],
    patterns: &dyn PatternEngine,
) -> Mapped {
    let mut mapped = Mapped::default();
    let as_text = match input {
        MapInput::Number(value) => Some(js_number_to_string(value)),
        MapInput::Text(text) => Some(text.to_owned()),
        MapInput::Null => None,
    };
    for mapping in mappings {
        let hit: Option<(Option<String>, &Option<String>)> = match mapping {
            Mapping::Value { value, result } => (as_text.as_deref() == Some(value.as_str()))
                .then(|| (non_empty(&result.value), &result.color)),
            Mapping::Range { from, to, result } => match input {
                MapInput::Number(value) if from.is_some() || to.is_some() => {
                    let from = from.unwrap_or(f64::NEG_INFINITY);
                    let to = to.unwrap_or(f64::INFINITY);
                    (value >= from && value <= to)
                        .then(|| (non_empty(&result.value), &result.color))
                }
                _ => None,
            },
            Mapping::Regex { pattern, result } => match &as_text {
                Some(text) if !pattern.is_empty() => patterns
                    .replace(pattern, text, &result.value)
                    .map(|replaced| (non_empty(&replaced), &result.color)),
                _ => None,
            },
            Mapping::Misc { value, result } => {
                misc_matches(*value, input).then(|| (non_empty(&result.value), &result.color))
            }
        };
        if let Some((text, color)) = hit {
            // An empty result text keeps what was there, as in Perses.
            if text.is_some() {
                mapped.text = text;
            }
            mapped.color.clone_from(color);
        }
    }
    mapped
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

fn misc_matches(value: Option<MiscValue>, input: MapInput<'_>) -> bool {
    match (value, input) {
        (Some(MiscValue::Empty), MapInput::Text(text)) => text.is_empty(),
        (Some(MiscValue::Null), MapInput::Null) => true,
        (Some(MiscValue::NaN), MapInput::Number(number)) => number.is_nan(),
        (Some(MiscValue::True), MapInput::Text(text)) => text == "true",
        (Some(MiscValue::False), MapInput::Text(text)) => text == "false",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny engine for tests: `^prefix` patterns only, replacing the prefix.
    struct PrefixEngine;

    impl PatternEngine for PrefixEngine {
        fn replace(&self, pattern: &str, text: &str, replacement: &str) -> Option<String> {
            let prefix = pattern.strip_prefix('^')?;
            text.strip_prefix(prefix)
                .map(|rest| format!("{replacement}{rest}"))
        }
    }

    fn mappings(json: serde_json::Value) -> Vec<Mapping> {
        serde_json::from_value(json).unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn the_last_matching_mapping_wins() {
        let list = mappings(serde_json::json!([
            {"kind": "Value", "spec": {"value": "1", "result": {"value": "Up", "color": "green"}}},
            {"kind": "Value", "spec": {"value": 0, "result": {"value": "Down", "color": "red"}}},
            {"kind": "Range", "spec": {"from": 50, "to": 100, "result": {"value": "High"}}},
            {"kind": "Range", "spec": {"from": 90, "result": {"value": "", "color": "orange"}}},
            {"kind": "Regex", "spec": {"pattern": "^err", "result": {"value": "E:", "color": "red"}}},
            {"kind": "Misc", "spec": {"value": "NaN", "result": {"value": "n/a"}}},
            {"kind": "Misc", "spec": {"value": "null", "result": {"value": "none"}}},
            {"kind": "Misc", "spec": {"value": "empty", "result": {"value": "(empty)"}}},
        ]));
        let cases: &[(MapInput, Option<&str>, Option<&str>)] = &[
            (MapInput::Number(1.0), Some("Up"), Some("green")),
            (MapInput::Number(0.0), Some("Down"), Some("red")),
            (MapInput::Number(75.0), Some("High"), None),
            // The open range matches too: its empty text keeps "High", its colour wins.
            (MapInput::Number(95.0), Some("High"), Some("orange")),
            (MapInput::Number(7.0), None, None),
            (MapInput::Text("error 42"), Some("E:or 42"), Some("red")),
            (MapInput::Number(f64::NAN), Some("n/a"), None),
            (MapInput::Null, Some("none"), None),
            (MapInput::Text(""), Some("(empty)"), None),
        ];
        for (input, text, color) in cases {
            let mapped = apply_mappings(*input, &list, &PrefixEngine);
            assert_eq!(
                (mapped.text.as_deref(), mapped.color.as_deref()),
                (*text, *color),
                "{input:?}"
            );
        }
    }
}
