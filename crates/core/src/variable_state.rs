//! Variables at run time: their options, the selection Perses would make, and the value each
//! one contributes to interpolation. The browser loads the options; this module decides.

use crate::case::lowercase;
use std::collections::{BTreeMap, BTreeSet};

use crate::dashboard::{ListSource, ListVariable, Variable, VariableKind};
use crate::interpolate::{VariableValue, referenced_variables};
use crate::spec::variable::{DefaultValue, SortMethod, StaticValue};

/// The value Perses stores for "All".
pub const ALL_VALUE: &str = "$__all";

/// One option of a list variable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VariableOption {
    pub value: String,
    pub label: String,
}

impl VariableOption {
    pub fn plain(value: impl Into<String>) -> Self {
        let value = value.into();
        Self {
            label: value.clone(),
            value,
        }
    }
}

/// The options of a static list, in order.
pub fn static_options(values: &[StaticValue]) -> Vec<VariableOption> {
    values
        .iter()
        .map(|value| match value {
            StaticValue::Plain(value) => VariableOption::plain(value.clone()),
            StaticValue::Labelled { value, label } => VariableOption {
                value: value.clone(),
                label: label.clone().unwrap_or_else(|| value.clone()),
            },
        })
        .collect()
}

/// Keeps what `capturingRegexp` captures of each option, as Perses does: the capture groups of
/// every match, concatenated; options that capture nothing are dropped, and repeats too. The
/// label stays the option's own. `captures` runs the regex (JavaScript's, in the browser) and
/// returns the groups of every match in order.
pub fn filter_by_captures(
    options: Vec<VariableOption>,
    captures: impl Fn(&str) -> Vec<String>,
) -> Vec<VariableOption> {
    let mut seen = BTreeSet::new();
    options
        .into_iter()
        .filter_map(|option| {
            let captured = captures(&option.value).concat();
            (!captured.is_empty() && seen.insert(captured.clone())).then_some(VariableOption {
                value: captured,
                label: option.label,
            })
        })
        .collect()
}

/// Sorts options by label as Perses' sort methods do. Numerical sorts read the leading integer
/// of each label (JavaScript's `parseInt`); labels without one go last.
pub fn sort_options(mut options: Vec<VariableOption>, method: SortMethod) -> Vec<VariableOption> {
    let leading_int = |label: &str| -> Option<i64> {
        let trimmed = label.trim_start();
        let sign_len = usize::from(trimmed.starts_with(['-', '+']));
        let digits = trimmed[sign_len..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        trimmed[..sign_len + digits].parse().ok()
    };
    match method {
        SortMethod::None => {}
        SortMethod::AlphabeticalAsc => {
            crate::sort::sort_by(&mut options, |a, b| a.label.cmp(&b.label))
        }
        SortMethod::AlphabeticalDesc => {
            crate::sort::sort_by(&mut options, |a, b| b.label.cmp(&a.label))
        }
        SortMethod::AlphabeticalCiAsc => {
            crate::sort::sort_by_key(&mut options, |option| lowercase(&option.label));
        }
        SortMethod::AlphabeticalCiDesc => {
            crate::sort::sort_by_key(&mut options, |option| {
                std::cmp::Reverse(lowercase(&option.label))
            });
        }
        SortMethod::NumericalAsc => crate::sort::sort_by_key(&mut options, |option| {
            let number = leading_int(&option.label);
            (number.is_none(), number)
        }),
        SortMethod::NumericalDesc => crate::sort::sort_by_key(&mut options, |option| {
            let number = leading_int(&option.label);
            (number.is_none(), std::cmp::Reverse(number))
        }),
    }
    options
}

/// The options shown in the selector: "All" first when allowed, then the sorted options.
pub fn view_options(variable: &ListVariable, options: &[VariableOption]) -> Vec<VariableOption> {
    let mut view = Vec::with_capacity(options.len() + 1);
    if variable.allow_all_value {
        view.push(VariableOption {
            value: ALL_VALUE.to_owned(),
            label: "All".to_owned(),
        });
    }
    view.extend(sort_options(options.to_vec(), variable.sort));
    view
}

/// The selection of a list variable, as Perses makes it: the requested value (from the URL or
/// the user), else the default; a multi-select always holds a list, and "All" is the single
/// value `$__all`; when options exist and none of them is selected, the first option is.
pub fn select(
    variable: &ListVariable,
    options: &[VariableOption],
    requested: Option<&VariableValue>,
) -> VariableValue {
    let mut value = requested.cloned().or_else(|| {
        variable
            .default_value
            .as_ref()
            .map(|default| match default {
                DefaultValue::Single(value) => VariableValue::Single(value.clone()),
                DefaultValue::Multiple(values) => VariableValue::Multiple(values.clone()),
            })
    });
    // "All" wins when it was picked last; picking another value after it drops it.
    if let Some(VariableValue::Multiple(values)) = &value
        && values.iter().any(|v| v == ALL_VALUE)
    {
        value = Some(if values.last().is_some_and(|v| v == ALL_VALUE) {
            VariableValue::Single(ALL_VALUE.to_owned())
        } else {
            VariableValue::Multiple(values.iter().filter(|v| *v != ALL_VALUE).cloned().collect())
        });
    }
    if variable.allow_multiple
        && let Some(VariableValue::Single(single)) = &value
        && single != ALL_VALUE
    {
        value = Some(VariableValue::Multiple(vec![single.clone()]));
    }
    let view = view_options(variable, options);
    let first = view
        .get(usize::from(variable.allow_all_value))
        .map(|option| option.value.clone());
    let selected: Vec<&String> = value
        .as_ref()
        .map(|v| v.values().iter().collect())
        .unwrap_or_default();
    let in_options = view.iter().any(|option| selected.contains(&&option.value));
    let is_empty = selected.iter().all(|v| v.is_empty());
    match first {
        Some(first) if !in_options || is_empty => {
            if variable.allow_multiple {
                VariableValue::Multiple(vec![first])
            } else {
                VariableValue::Single(first)
            }
        }
        _ => value.unwrap_or_else(|| {
            if variable.allow_multiple {
                VariableValue::Multiple(Vec::new())
            } else {
                VariableValue::Single(String::new())
            }
        }),
    }
}

/// The value interpolation uses: "All" becomes `customAllValue`, else every option.
pub fn interpolation_value(
    variable: &ListVariable,
    selection: &VariableValue,
    options: &[VariableOption],
) -> VariableValue {
    let is_all = matches!(selection, VariableValue::Single(value) if value == ALL_VALUE);
    if !is_all {
        return selection.clone();
    }
    // Perses tests the custom value for truth: an empty one (what its editor writes when the
    // box is ticked and left blank) expands "All" like none at all.
    match variable.custom_all_value.as_deref() {
        Some(custom) if !custom.is_empty() => VariableValue::Single(custom.to_owned()),
        _ => VariableValue::Multiple(options.iter().map(|option| option.value.clone()).collect()),
    }
}

/// The value a list variable's queries may use while its options are not in: its selection
/// made without options (`select` with none), when that names values. The page uses it for a
/// value its address names, so that a reload or a shared link queries at once, beside the
/// options' own query, instead of one round trip later; when the options do not hold it,
/// `select` picks again and the panels ask again. "All" needs the options to expand, unless
/// the variable's custom value says what it stands for (and only if it allows "All");
/// nothing selected waits for the first option.
pub fn value_without_options(
    variable: &ListVariable,
    selection: &VariableValue,
) -> Option<VariableValue> {
    let is_all = matches!(selection, VariableValue::Single(value) if value == ALL_VALUE);
    if selection.values().iter().all(String::is_empty) || (is_all && !variable.allow_all_value) {
        return None;
    }
    match interpolation_value(variable, selection, &[]) {
        VariableValue::Multiple(values) if values.is_empty() => None,
        value => Some(value),
    }
}

/// The other variables a variable's options depend on (its matchers, expression or label name
/// refer to them). Builtins (`$__range`, ...) are not variables.
pub fn dependencies(variable: &Variable, names: &BTreeSet<&str>) -> BTreeSet<String> {
    let VariableKind::List(list) = &variable.kind else {
        return BTreeSet::new();
    };
    let texts: Vec<&str> = match &list.source {
        ListSource::PrometheusLabelValues {
            label_name,
            matchers,
            ..
        } => std::iter::once(label_name.as_str())
            .chain(matchers.iter().map(String::as_str))
            .collect(),
        ListSource::PrometheusLabelNames { matchers, .. } => {
            matchers.iter().map(String::as_str).collect()
        }
        ListSource::PrometheusPromQl {
            expr, label_name, ..
        } => vec![expr, label_name],
        ListSource::Static { .. }
        | ListSource::Datasource { .. }
        | ListSource::Unsupported { .. }
        | ListSource::Invalid { .. } => Vec::new(),
    };
    crate::sort::btree_set(
        texts
            .into_iter()
            .flat_map(referenced_variables)
            .filter(|name| name != &variable.name && names.contains(name.as_str())),
    )
}

/// The order in which variables can load: each after those it depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOrder {
    /// Names in an order where every dependency comes first.
    pub order: Vec<String>,
    /// Variables in a dependency cycle, or depending on one; they cannot load.
    pub cyclic: BTreeSet<String>,
}

/// Orders the variables so each loads after the ones it depends on (Kahn's algorithm); a cycle
/// is reported instead of waiting forever.
pub fn load_order(variables: &[Variable]) -> LoadOrder {
    let names: BTreeSet<&str> =
        crate::sort::btree_set(variables.iter().map(|variable| variable.name.as_str()));
    let mut waiting_on: BTreeMap<&str, BTreeSet<String>> = crate::sort::btree_map(
        variables
            .iter()
            .map(|variable| (variable.name.as_str(), dependencies(variable, &names))),
    );
    let mut order = Vec::with_capacity(variables.len());
    loop {
        // Declaration order among the ready ones keeps the result stable and readable.
        let ready: Vec<&str> = variables
            .iter()
            .map(|variable| variable.name.as_str())
            .filter(|name| waiting_on.get(name).is_some_and(BTreeSet::is_empty))
            .collect();
        if ready.is_empty() {
            break;
        }
        for name in ready {
            waiting_on.remove(name);
            for dependencies in waiting_on.values_mut() {
                dependencies.remove(name);
            }
            order.push(name.to_owned());
        }
    }
    LoadOrder {
        order,
        cyclic: crate::sort::btree_set(waiting_on.keys().map(|name| (*name).to_owned())),
    }
}

#[cfg(test)]
mod tests;
