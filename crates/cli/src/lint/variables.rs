//! Variables: those nothing uses, and those that wait on each other in a circle.

use std::collections::{BTreeMap, BTreeSet};

use obs_core::dashboard::Dashboard;
use obs_core::diagnostic::Path;
use obs_core::interpolate::referenced_variables;
use obs_core::variable_state::load_order;
use serde_json::Value;

use super::Issue;
use super::rule::Rule;

/// Unused variables (a warning each) and dependency cycles (one error) of a dashboard whose
/// raw spec is `spec` at `spec_path`.
pub fn check(dashboard: &Dashboard, spec: &Value, spec_path: &Path) -> Vec<Issue> {
    let mut issues = Vec::new();
    let used = used_names(spec);
    let variables_path = spec_path.key("variables");
    for (index, variable) in dashboard.variables.iter().enumerate() {
        let users = used.get(&variable.name);
        let used_elsewhere =
            users.is_some_and(|users| users.iter().any(|user| *user != Some(index)));
        if !used_elsewhere {
            issues.push(Issue::new(
                Rule::UnusedVariable,
                &variables_path.index(index).key("spec").key("name"),
                format!(
                    "${} is not used by any query, variable, title, text or link",
                    variable.name
                ),
            ));
        }
    }
    let order = load_order(&dashboard.variables);
    if let Some(first) = dashboard
        .variables
        .iter()
        .position(|variable| order.cyclic.contains(&variable.name))
    {
        let names: Vec<String> = order.cyclic.iter().map(|name| format!("${name}")).collect();
        issues.push(Issue::new(
            Rule::VariableCycle,
            &variables_path.index(first),
            format!(
                "{} depend on each other in a circle (or on such variables): none of them can \
                 load",
                names.join(", ")
            ),
        ));
    }
    issues
}

/// Every variable name the spec refers to (`$name`, `${name…}`, or a bare name in a
/// `repeatVariable`), with the index of the variable definition each use is in (`None`
/// outside the variables).
fn used_names(spec: &Value) -> BTreeMap<String, BTreeSet<Option<usize>>> {
    let mut used: BTreeMap<String, BTreeSet<Option<usize>>> = BTreeMap::new();
    let mut record = |name: String, owner: Option<usize>| {
        used.entry(name).or_default().insert(owner);
    };
    if let Some(object) = spec.as_object() {
        for (key, value) in object {
            if key == "variables"
                && let Some(definitions) = value.as_array()
            {
                for (index, definition) in definitions.iter().enumerate() {
                    visit(definition, false, &mut |name| record(name, Some(index)));
                }
            } else {
                visit(value, false, &mut |name| record(name, None));
            }
        }
    }
    used
}

/// Calls `found` with each name `value` refers to; `bare` when `value` sits under a
/// `repeatVariable` key, whose strings are variable names without `$`.
fn visit(value: &Value, bare: bool, found: &mut impl FnMut(String)) {
    match value {
        Value::String(text) => {
            if bare {
                found(text.trim_start_matches('$').to_owned());
            }
            referenced_variables(text).into_iter().for_each(&mut *found);
        }
        Value::Array(items) => items.iter().for_each(|item| visit(item, bare, found)),
        Value::Object(object) => {
            for (key, item) in object {
                visit(item, bare || key == "repeatVariable", found);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
