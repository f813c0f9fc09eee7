//! The page's state in the URL, written as Perses writes it so links work in both:
//! `start` (a duration such as `1h`, or unix ms), `end` (unix ms, absolute ranges only),
//! `refresh` (a duration, `0s` = off), `tz`, and `var-<name>` with several values joined by
//! commas (`var-pod=a,b`, `var-pod=$__all`). This plugin adds `project` and `dashboard`;
//! [`Route`] says whether the project is in the query string or in the path (inside a host).

mod route;

use std::collections::BTreeMap;

use crate::duration::Duration;
use crate::interpolate::{VariableValue, encode_uri_component};
use crate::time_range::TimeRange;

pub use route::{BasePathError, Route};

const VARIABLE_PREFIX: &str = "var-";

/// Everything the URL says about the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlState {
    pub project: Option<String>,
    pub dashboard: Option<String>,
    pub time_range: Option<TimeRange>,
    /// `Some(Duration::ZERO)` means refresh is explicitly off.
    pub refresh: Option<Duration>,
    pub timezone: Option<String>,
    pub variables: BTreeMap<String, VariableValue>,
    /// Parameters this page does not own (the host's), kept in place.
    pub other: Vec<(String, String)>,
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`). Values that do not parse are
    /// ignored, so a hand-edited URL falls back to the dashboard's defaults.
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = Self::default();
        let mut start = None;
        let mut end = None;
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.into_owned();
            match key.as_ref() {
                "project" if !value.is_empty() => state.project = Some(value),
                "dashboard" if !value.is_empty() => state.dashboard = Some(value),
                "start" => start = Some(value),
                "end" => end = Some(value),
                "refresh" => state.refresh = value.parse().ok(),
                "tz" if !value.is_empty() => state.timezone = Some(value),
                key if key.starts_with(VARIABLE_PREFIX) => {
                    let name = &key[VARIABLE_PREFIX.len()..];
                    if let Some(value) = decode_variable(&value) {
                        state.variables.insert(name.to_owned(), value);
                    }
                }
                key => state.other.push((key.to_owned(), value)),
            }
        }
        state.time_range = start.and_then(|start| time_range(&start, end.as_deref()));
        state
    }

    /// Writes the query string, without the leading `?`.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        if let Some(project) = &self.project {
            pairs.push(("project".into(), project.clone()));
        }
        if let Some(dashboard) = &self.dashboard {
            pairs.push(("dashboard".into(), dashboard.clone()));
        }
        match self.time_range {
            Some(TimeRange::Relative { past }) => {
                pairs.push(("start".into(), past.to_day_string()));
            }
            Some(TimeRange::Absolute { start_ms, end_ms }) => {
                pairs.push(("start".into(), start_ms.to_string()));
                pairs.push(("end".into(), end_ms.to_string()));
            }
            None => {}
        }
        if let Some(refresh) = self.refresh {
            pairs.push(("refresh".into(), refresh.to_day_string()));
        }
        if let Some(timezone) = &self.timezone {
            pairs.push(("tz".into(), timezone.clone()));
        }
        for (name, value) in &self.variables {
            pairs.push((format!("{VARIABLE_PREFIX}{name}"), value.values().join(",")));
        }
        pairs.extend(self.other.iter().cloned());
        pairs
            .iter()
            .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn time_range(start: &str, end: Option<&str>) -> Option<TimeRange> {
    if let Ok(past) = start.parse::<Duration>()
        && !past.is_zero()
    {
        return Some(TimeRange::Relative { past });
    }
    let start_ms: i64 = start.parse().ok()?;
    let end_ms: i64 = end?.parse().ok()?;
    (end_ms > start_ms).then_some(TimeRange::Absolute { start_ms, end_ms })
}

/// `a,b` is two values, `a` one; an empty value is no value.
fn decode_variable(value: &str) -> Option<VariableValue> {
    if value.is_empty() {
        return None;
    }
    let values: Vec<String> = value.split(',').map(str::to_owned).collect();
    Some(match <[String; 1]>::try_from(values) {
        Ok([single]) => VariableValue::Single(single),
        Err(values) => VariableValue::Multiple(values),
    })
}

/// Percent-encodes like `encodeURIComponent` but keeps `, $ : /` readable, as they are in
/// Perses' links (`var-pod=a,b`, `var-x=$__all`).
fn encode(text: &str) -> String {
    encode_uri_component(text)
        .replace("%2C", ",")
        .replace("%24", "$")
        .replace("%3A", ":")
        .replace("%2F", "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(value: &str) -> VariableValue {
        VariableValue::Single(value.to_owned())
    }

    #[test]
    fn reads_perses_urls() {
        let state = UrlState::parse(
            "?start=6h&refresh=30s&var-pod=a,b&var-ns=team-a&var-x=$__all&var-empty=&tz=UTC&foo=bar",
        );
        assert_eq!(
            state.time_range,
            Some(TimeRange::Relative {
                past: Duration::from_secs(6 * 3600)
            })
        );
        assert_eq!(state.refresh, Some(Duration::from_secs(30)));
        assert_eq!(state.timezone.as_deref(), Some("UTC"));
        assert_eq!(
            state.variables["pod"],
            VariableValue::Multiple(vec!["a".into(), "b".into()])
        );
        assert_eq!(state.variables["ns"], single("team-a"));
        assert_eq!(state.variables["x"], single("$__all"));
        assert!(!state.variables.contains_key("empty"));
        assert_eq!(state.other, [("foo".to_owned(), "bar".to_owned())]);

        let absolute = UrlState::parse(
            "start=1700000000000&end=1700003600000&refresh=0s&project=team-a&dashboard=serving",
        );
        assert_eq!(
            absolute.time_range,
            Some(TimeRange::Absolute {
                start_ms: 1_700_000_000_000,
                end_ms: 1_700_003_600_000
            })
        );
        assert_eq!(absolute.refresh, Some(Duration::ZERO));
        assert_eq!(
            (absolute.project.as_deref(), absolute.dashboard.as_deref()),
            (Some("team-a"), Some("serving"))
        );
    }

    #[test]
    fn ignores_what_does_not_parse() {
        for query in [
            "start=yesterday",
            "start=1700000000000",
            "start=5&end=4",
            "start=0",
            "start=&end=",
        ] {
            assert_eq!(UrlState::parse(query).time_range, None, "{query}");
        }
        assert_eq!(UrlState::parse("refresh=often").refresh, None);
    }

    #[test]
    fn round_trips() {
        let mut state = UrlState {
            project: Some("team-a".into()),
            dashboard: Some("model serving".into()),
            time_range: Some(TimeRange::Relative {
                past: Duration::from_secs(14 * 86_400),
            }),
            refresh: Some(Duration::from_secs(5)),
            timezone: None,
            variables: BTreeMap::new(),
            other: vec![("host".into(), "x&y".into())],
        };
        state.variables.insert(
            "pod".into(),
            VariableValue::Multiple(vec!["a b".into(), "c".into()]),
        );
        state.variables.insert("all".into(), single("$__all"));
        let query = state.to_query();
        assert_eq!(
            query,
            "project=team-a&dashboard=model%20serving&start=14d&refresh=5s&var-all=$__all&var-pod=a%20b,c&host=x%26y"
        );
        assert_eq!(UrlState::parse(&query), state);
    }
}
