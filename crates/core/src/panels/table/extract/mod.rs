//! `ExtractColumnFields`: fields parsed out of one column's text become columns of the row.
//!
//! Perses declares this transform (its CUE schema and types) but `transformData` does not
//! apply it yet, so the behaviour is this project's, modelled on Grafana's "Extract fields":
//! - `JSON`: a JSON object's top-level keys become columns; with a `matcher` such as
//!   `$.user.id`, only that value, in a column named by the path without `$.` (`user.id`).
//! - `Regex`: the `matcher` is matched once; named groups become columns by name, numbered
//!   groups `<column> <n>`; a pattern without groups gives the whole match as `<column> 1`.
//!   Only the first 99 numbered groups are reachable.
//! - `SplitByDelimiter`: the text split on the `matcher` (default `,`) gives `<column> 1`, ...
//! - `KeyValuePairs`: `a=1 b="x y"` or `a: 1, b: 2` give columns `a` and `b`; a `matcher`
//!   replaces the default pair separators (blanks, `,`, `;`, `&`).
//!
//! Extracted fields replace existing fields of the same name; the source column stays. Rows
//! whose column is missing or does not parse are left as they are.

mod pairs;
mod regex;

#[cfg(test)]
pub(crate) use regex::{Group, capture_groups, split_pattern};

use super::CellValue;
use super::rows::{Row, js_string};
use crate::mappings::PatternEngine;
use crate::spec::panels::table::ExtractFormat;
use regex::RegexPlan;

pub(crate) fn extract_fields(
    rows: Vec<Row>,
    column: &str,
    format: ExtractFormat,
    matcher: Option<&str>,
    patterns: &dyn PatternEngine,
) -> Vec<Row> {
    let matcher = matcher.filter(|matcher| !matcher.is_empty());
    let regex = match format {
        ExtractFormat::Regex => matcher.map(|matcher| RegexPlan::new(matcher, column)),
        ExtractFormat::Json | ExtractFormat::SplitByDelimiter | ExtractFormat::KeyValuePairs => {
            None
        }
    };
    rows.into_iter()
        .map(|mut row| {
            let Some(text) = row.get(column).and_then(js_string) else {
                return row;
            };
            let fields = match format {
                ExtractFormat::Json => json_fields(&text, matcher),
                ExtractFormat::Regex => regex
                    .as_ref()
                    .map(|plan| plan.fields(&text, patterns))
                    .unwrap_or_default(),
                ExtractFormat::SplitByDelimiter => text
                    .split(matcher.unwrap_or(","))
                    .enumerate()
                    .map(|(index, part)| {
                        (
                            format!("{column} {}", index + 1),
                            CellValue::Text(part.to_owned()),
                        )
                    })
                    .collect(),
                ExtractFormat::KeyValuePairs => pairs::key_value_fields(&text, matcher),
            };
            for (key, value) in fields {
                row.set(key, value);
            }
            row
        })
        .collect()
}

fn json_fields(text: &str, path: Option<&str>) -> Vec<(String, CellValue)> {
    let Ok(document) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    match path {
        Some(path) => {
            let Some(steps) = parse_json_path(path) else {
                return Vec::new();
            };
            let found = steps.iter().try_fold(&document, |value, step| match step {
                PathStep::Key(key) => value.get(key.as_str()),
                PathStep::Index(index) => value.get(*index),
            });
            let name = path.trim_start_matches('$').trim_start_matches('.');
            found
                .map(|value| vec![(name.to_owned(), json_cell(value))])
                .unwrap_or_default()
        }
        None => match document {
            serde_json::Value::Object(object) => object
                .iter()
                .map(|(key, value)| (key.clone(), json_cell(value)))
                .collect(),
            _ => Vec::new(),
        },
    }
}

fn json_cell(value: &serde_json::Value) -> CellValue {
    match value {
        serde_json::Value::Null => CellValue::Null,
        serde_json::Value::Bool(flag) => CellValue::Bool(*flag),
        serde_json::Value::Number(number) => {
            number.as_f64().map_or(CellValue::Null, CellValue::Number)
        }
        serde_json::Value::String(text) => CellValue::Text(text.clone()),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
            CellValue::Text(value.to_string())
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum PathStep {
    Key(String),
    Index(usize),
}

/// A small JSONPath: `$.a.b`, `$['a b']`, `$.items[0]`; the leading `$` may be left out.
fn parse_json_path(path: &str) -> Option<Vec<PathStep>> {
    let mut rest = path.strip_prefix('$').unwrap_or(path);
    if !rest.is_empty() && !rest.starts_with(['.', '[']) {
        // `a.b` is read as `$.a.b`.
        return parse_json_path(&format!("$.{path}"));
    }
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(after_dot) = rest.strip_prefix('.') {
            let end = after_dot.find(['.', '[']).unwrap_or(after_dot.len());
            let key = after_dot.get(..end)?;
            if key.is_empty() {
                return None;
            }
            steps.push(PathStep::Key(key.to_owned()));
            rest = after_dot.get(end..)?;
        } else if let Some(inside) = rest.strip_prefix('[') {
            let close = inside.find(']')?;
            let token = inside.get(..close)?.trim();
            let quoted = token
                .strip_prefix('\'')
                .and_then(|t| t.strip_suffix('\''))
                .or_else(|| token.strip_prefix('"').and_then(|t| t.strip_suffix('"')));
            steps.push(match quoted {
                Some(key) => PathStep::Key(key.to_owned()),
                None => PathStep::Index(token.parse().ok()?),
            });
            rest = inside.get(close + 1..)?;
        } else {
            return None;
        }
    }
    Some(steps)
}
