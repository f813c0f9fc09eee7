//! A list variable's options: fixed ones, the dashboard's datasources, or a query's reply
//! once the variables it names have values.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::{Dashboard, ListSource, ListVariable, Variable};
use obs_core::interpolate::VariableValue;
use obs_core::plan::{PlanContext, PlanError, plan_variable, variable_options};
use obs_core::scope::datasource_options;
use obs_core::time_range::AbsoluteRange;
use obs_core::variable_state::{VariableOption, filter_by_captures, static_options};

use super::{OptionsState, VariableInputs, VariableRuntime};
use crate::api::{QueryKey, use_prom_query};
use crate::regex::js_captures;

/// The options of a list variable and whether they are being reloaded.
pub(super) fn list_options(
    variable: &Arc<Variable>,
    list: &Arc<ListVariable>,
    dashboard: &Arc<Dashboard>,
    built: &BTreeMap<String, VariableRuntime>,
    inputs: VariableInputs,
) -> (Signal<OptionsState>, Signal<bool>) {
    let capture = list.capturing_regexp.clone();
    let filter = move |options: Vec<VariableOption>| match &capture {
        Some(pattern) => filter_by_captures(options, |value| js_captures(pattern, value)),
        None => options,
    };
    match &list.source {
        ListSource::Static { values } => {
            let options = filter(static_options(values));
            (
                Signal::stored(OptionsState::Ready(options)),
                Signal::stored(false),
            )
        }
        ListSource::Datasource { plugin_kind } => {
            let options = filter(
                datasource_options(dashboard, plugin_kind)
                    .into_iter()
                    .map(VariableOption::plain)
                    .collect(),
            );
            (
                Signal::stored(OptionsState::Ready(options)),
                Signal::stored(false),
            )
        }
        ListSource::Unsupported { plugin_kind } => {
            let message = format!("{plugin_kind} variables cannot list options here");
            (
                Signal::stored(OptionsState::Unsupported(message)),
                Signal::stored(false),
            )
        }
        ListSource::Invalid { problem, .. } => {
            let message = problem.to_string();
            (
                Signal::stored(OptionsState::Failed(message)),
                Signal::stored(false),
            )
        }
        source => {
            let source = Arc::new(source.clone());
            // Only the variables this one depends on are read, so the reactive graph has no
            // cycles: load_order put them before it.
            let names: BTreeSet<&str> =
                obs_core::sort::btree_set(dashboard.variables.iter().map(|v| v.name.as_str()));
            let dependencies: Vec<(String, Signal<Option<VariableValue>>)> =
                obs_core::variable_state::dependencies(variable, &names)
                    .into_iter()
                    .filter_map(|name| built.get(&name).map(|runtime| (name, runtime.value)))
                    .collect();
            let plan = {
                let dashboard = Arc::clone(dashboard);
                let source = Arc::clone(&source);
                Memo::new(move |_| {
                    let mut values = BTreeMap::new();
                    let mut pending = BTreeSet::new();
                    for (name, value) in &dependencies {
                        match value.get() {
                            Some(value) => {
                                values.insert(name.clone(), value);
                            }
                            None => {
                                pending.insert(name.clone());
                            }
                        }
                    }
                    let project = inputs.project.get();
                    let range = inputs.range.get();
                    let context =
                        plan_context(&inputs, &dashboard, range, (&values, &pending), &project);
                    match plan_variable(&source, &context) {
                        Ok(Some(query)) => {
                            Ok((QueryKey::new(&query, &project, range.end_ms), values, range))
                        }
                        Ok(None) => Err(Vec::new()),
                        Err(PlanError::Waiting { variables }) => Err(variables),
                        Err(
                            error
                            @ (PlanError::InvalidMinStep { .. } | PlanError::Undefined { .. }),
                        ) => Err(vec![error.to_string()]),
                    }
                })
            };
            let state = use_prom_query(Signal::derive(move || {
                plan.get().ok().map(|(key, _, _)| key)
            }));
            let dashboard = Arc::clone(dashboard);
            // A memo, not a derived signal: the selection, the value, the failures and the
            // variable bar each read the options, and reading a derived signal would list them
            // from the reply again each time (through a JavaScript regular expression when the
            // variable captures).
            let options = Memo::new(move |_| {
                let (values, range) = match plan.get() {
                    Ok((_, values, range)) => (values, range),
                    Err(waiting) => return OptionsState::Waiting(waiting),
                };
                match state.get().outcome {
                    None => OptionsState::Loading,
                    Some(Err(message)) => OptionsState::Failed(message),
                    Some(Ok(result)) => {
                        let project = inputs.project.get_untracked();
                        let pending = BTreeSet::new();
                        let context =
                            plan_context(&inputs, &dashboard, range, (&values, &pending), &project);
                        let loaded = variable_options(&source, &result, &context)
                            .into_iter()
                            .map(VariableOption::plain)
                            .collect();
                        OptionsState::Ready(filter(loaded))
                    }
                }
            });
            (options.into(), Signal::derive(move || state.get().loading))
        }
    }
}

/// What planning a variable's query, and reading its reply, go by: the range's end is "now",
/// since a variable's options do not move with a live range's edge.
fn plan_context<'a>(
    inputs: &VariableInputs,
    dashboard: &'a Dashboard,
    range: AbsoluteRange,
    (values, pending): (&'a BTreeMap<String, VariableValue>, &'a BTreeSet<String>),
    project: &'a str,
) -> PlanContext<'a> {
    PlanContext {
        dashboard,
        range,
        now_ms: range.end_ms,
        values,
        pending,
        project,
        utc_offset_secs: inputs.utc_offset_secs,
        live_edge: false,
        home: inputs.home,
    }
}
