//! Sample values for a dashboard's variables, so a query can be parsed as Prometheus will
//! receive it: `rate(x[$__rate_interval])` is valid PromQL once `$__rate_interval` is `4m`, and
//! `sum(rate(x[5m])` is not, whatever the variables hold.
//!
//! Each variable gets a value of the shape it has at run time: one value, two values when it
//! allows several (`(a|b)` by default, or any of the `${name:format}` formats), and its "All"
//! value when it allows one (`customAllValue`, else every option). Static lists and text
//! variables give their own values; the others a placeholder. Where a query puts a variable
//! in a duration (`[$window]`, `offset $shift`), its sample is a duration.

use std::collections::BTreeMap;

use obs_core::dashboard::{Dashboard, ListSource, VariableKind};
use obs_core::interpolate::{VariableValue, interpolate};
use obs_core::spec::variable::StaticValue;

/// Which values the variables hold in one attempt to parse a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Every variable holds one value.
    One,
    /// Variables that allow several hold two.
    Several,
    /// Variables that allow "All" hold it.
    All,
}

impl Scenario {
    /// How a finding names the attempt that failed.
    pub fn describe(self) -> &'static str {
        match self {
            Self::One => "",
            Self::Several => " with two values selected in its multi-value variables",
            Self::All => " with \"All\" selected in its variables",
        }
    }
}

/// The sample values of one dashboard's variables, per scenario.
#[derive(Debug, Clone)]
pub struct Samples {
    one: BTreeMap<String, VariableValue>,
    several: BTreeMap<String, VariableValue>,
    all: BTreeMap<String, VariableValue>,
    /// Samples that fit a duration, for variables a query uses as one.
    durations: BTreeMap<String, VariableValue>,
}

/// A placeholder for a value the linter cannot know (a label value from Prometheus).
const PLACEHOLDER: &str = "sample";
const PLACEHOLDERS: [&str; 2] = ["sample_a", "sample_b"];
/// The duration a variable gets where a query uses it as one.
const DURATION_SAMPLE: &str = "5m";

impl Samples {
    pub fn of(dashboard: &Dashboard) -> Self {
        let mut samples = Self {
            one: builtins(dashboard),
            several: BTreeMap::new(),
            all: BTreeMap::new(),
            durations: BTreeMap::new(),
        };
        samples.several = samples.one.clone();
        samples.all = samples.one.clone();
        for variable in &dashboard.variables {
            let name = variable.name.clone();
            let (one, several, all, options) = match &variable.kind {
                VariableKind::Text { value, .. } => {
                    let value = single(if value.is_empty() { PLACEHOLDER } else { value });
                    (value.clone(), value.clone(), value, Vec::new())
                }
                VariableKind::List(list) => {
                    let options = match &list.source {
                        ListSource::Static { values } => values.iter().map(static_value).collect(),
                        ListSource::Datasource { .. } => vec!["sample-datasource".to_owned()],
                        _ => Vec::new(),
                    };
                    let first = options.first().map_or(PLACEHOLDER, String::as_str);
                    let two = if options.len() >= 2 {
                        options[..2].to_vec()
                    } else {
                        PLACEHOLDERS.map(str::to_owned).to_vec()
                    };
                    let one = single(first);
                    let several = if list.allow_multiple {
                        VariableValue::Multiple(two.clone())
                    } else {
                        one.clone()
                    };
                    // An empty custom value expands "All" like none, as in Perses.
                    let custom = list.custom_all_value.as_deref().filter(|c| !c.is_empty());
                    let all = match (custom, list.allow_all_value) {
                        (_, false) => one.clone(),
                        (Some(custom), true) => single(custom),
                        (None, true) if options.len() >= 2 => {
                            VariableValue::Multiple(options.clone())
                        }
                        (None, true) => VariableValue::Multiple(two),
                    };
                    (one, several, all, options)
                }
            };
            let duration = options
                .iter()
                .find(|option| option.parse::<obs_core::duration::Duration>().is_ok())
                .map_or_else(|| single(DURATION_SAMPLE), |option| single(option));
            samples.one.insert(name.clone(), one);
            samples.several.insert(name.clone(), several);
            samples.all.insert(name.clone(), all);
            samples.durations.insert(name, duration);
        }
        samples
    }

    /// Whether `name` is a variable of the dashboard or a builtin.
    pub fn defines(&self, name: &str) -> bool {
        self.one.contains_key(name)
    }

    /// The scenarios worth trying: "several" and "All" only when some variable allows them.
    pub fn scenarios(&self) -> Vec<Scenario> {
        let mut scenarios = vec![Scenario::One];
        if self.several != self.one {
            scenarios.push(Scenario::Several);
        }
        if self.all != self.one && self.all != self.several {
            scenarios.push(Scenario::All);
        }
        scenarios
    }

    /// `text` with every variable it uses replaced by its sample for `scenario`;
    /// `in_durations` are the variables it uses as durations ([`duration_references`]).
    pub fn interpolate(&self, text: &str, in_durations: &[String], scenario: Scenario) -> String {
        let values = match scenario {
            Scenario::One => &self.one,
            Scenario::Several => &self.several,
            Scenario::All => &self.all,
        };
        interpolate(text, |name| {
            if in_durations.iter().any(|used| used == name) {
                self.durations.get(name).or_else(|| values.get(name))
            } else {
                values.get(name)
            }
        })
    }
}

fn single(value: &str) -> VariableValue {
    VariableValue::Single(value.to_owned())
}

fn static_value(value: &StaticValue) -> String {
    match value {
        StaticValue::Plain(value) | StaticValue::Labelled { value, .. } => value.clone(),
    }
}

/// The builtins, with the values a one-hour dashboard at a 1m step gives them.
fn builtins(dashboard: &Dashboard) -> BTreeMap<String, VariableValue> {
    [
        ("__from", "1700000000000"),
        ("__to", "1700003600000"),
        ("__range", "1h"),
        ("__range_s", "3600"),
        ("__range_ms", "3600000"),
        ("__interval", "1m"),
        ("__interval_ms", "60000"),
        ("__rate_interval", "4m"),
        ("__dashboard", dashboard.name.as_str()),
        (
            "__project",
            dashboard.project.as_deref().unwrap_or("project"),
        ),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), single(value)))
    .collect()
}

/// The variables `text` uses where PromQL wants a duration: right after `[` or `:` inside
/// brackets, or after `offset`.
pub fn duration_references(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices('$') {
        let before = text[..at].trim_end();
        let in_duration = before.ends_with('[')
            || (before.ends_with(':') && inside_brackets(before))
            || before
                .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .next()
                .is_some_and(|word| word.eq_ignore_ascii_case("offset"));
        if !in_duration {
            continue;
        }
        let name: String = text[at + 1..]
            .trim_start_matches('{')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            names.push(name);
        }
    }
    names
}

/// Whether `before` ends inside an open `[` (a subquery's `[range:step]`).
fn inside_brackets(before: &str) -> bool {
    before
        .rfind('[')
        .is_some_and(|open| !before[open..].contains(']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_positions() {
        assert_eq!(
            duration_references("rate(x[$w])[1h:$step] offset $shift + $other"),
            ["w", "step", "shift"]
        );
        assert_eq!(
            duration_references("x{a=\"$v\"} > $threshold"),
            Vec::<String>::new()
        );
        assert_eq!(duration_references("rate(x[${w}])"), ["w"]);
    }
}
