//! The dashboard's variables at run time: their options (loaded through the query API in
//! dependency order), the selection Perses would make, and the values panels interpolate.
//! A variable named `namespace` is bound to the current project, as in ODH.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::{Dashboard, ListSource, ListVariable, Variable, VariableKind};
use obs_core::interpolate::VariableValue;
use obs_core::plan::{PlanContext, PlanError, plan_variable, variable_options};
use obs_core::scope::{DashboardHome, datasource_options};
use obs_core::time_range::AbsoluteRange;
use obs_core::variable_state::{
    VariableOption, filter_by_captures, interpolation_value, load_order, select, static_options,
    value_without_options,
};

use crate::api::{QueryKey, use_prom_query};
use crate::regex::js_captures;
use crate::state::url::UrlSync;

/// The name of the variable ODH binds to the project (project dashboards only).
pub const PROJECT_VARIABLE: &str = "namespace";

/// Where a variable's options stand.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionsState {
    Ready(Vec<VariableOption>),
    /// Waiting for these other variables.
    Waiting(Vec<String>),
    Loading,
    Failed(String),
    /// Part of a dependency cycle: it can never load.
    Cyclic,
    /// A source this viewer cannot list (a Loki or datasource variable).
    Unsupported(String),
}

/// One variable at run time.
#[derive(Clone)]
pub struct VariableRuntime {
    pub variable: Arc<Variable>,
    pub options: Signal<OptionsState>,
    /// Options are being reloaded (the previous ones are still shown).
    pub reloading: Signal<bool>,
    /// What the selector shows; "All" is `$__all`.
    pub selection: Signal<VariableValue>,
    /// The value interpolated into queries; `None` while the variable is not ready.
    pub value: Signal<Option<VariableValue>>,
    /// True for the `namespace` variable, which follows the project picker.
    pub bound_to_project: bool,
}

impl VariableRuntime {
    pub fn name(&self) -> &str {
        &self.variable.name
    }
}

/// All variables of a dashboard, provided as context.
#[derive(Clone)]
pub struct VariablesState {
    pub runtimes: Arc<Vec<VariableRuntime>>,
    /// Values of the ready variables, by name.
    pub values: Memo<BTreeMap<String, VariableValue>>,
    /// Variables that are not ready.
    pub pending: Memo<BTreeSet<String>>,
    /// Variables that will not be ready: their options failed to load, or they depend on each
    /// other in a cycle. By name, the reason.
    pub failed: Memo<BTreeMap<String, String>>,
    url: UrlSync,
}

/// What variables need from the page.
#[derive(Clone, Copy)]
pub struct VariableInputs {
    pub url: UrlSync,
    pub project: Signal<String>,
    pub range: Memo<AbsoluteRange>,
    pub now_ms: Signal<i64>,
    pub utc_offset_secs: i64,
    /// Where the dashboard lives: its variables' default datasource follows it.
    pub home: DashboardHome,
}

impl VariablesState {
    pub fn new(dashboard: Arc<Dashboard>, inputs: VariableInputs) -> Self {
        let order = load_order(&dashboard.variables);
        let mut built: BTreeMap<String, VariableRuntime> = BTreeMap::new();
        let in_order = order.order.iter().chain(order.cyclic.iter());
        for name in in_order {
            let Some(variable) = dashboard.variables.iter().find(|v| &v.name == name) else {
                continue;
            };
            let cyclic = order.cyclic.contains(name);
            let runtime = build(
                Arc::new(variable.clone()),
                &dashboard,
                &built,
                inputs,
                cyclic,
            );
            built.insert(name.clone(), runtime);
        }
        let runtimes: Vec<VariableRuntime> = dashboard
            .variables
            .iter()
            .filter_map(|variable| built.get(&variable.name).cloned())
            .collect();
        let runtimes = Arc::new(runtimes);
        let values = {
            let runtimes = Arc::clone(&runtimes);
            Memo::new(move |_| {
                obs_core::sort::btree_map(runtimes.iter().filter_map(|runtime| {
                    runtime
                        .value
                        .get()
                        .map(|value| (runtime.name().to_owned(), value))
                }))
            })
        };
        let pending = {
            let runtimes = Arc::clone(&runtimes);
            Memo::new(move |_| {
                obs_core::sort::btree_set(
                    runtimes
                        .iter()
                        .filter(|runtime| runtime.value.get().is_none())
                        .map(|r| r.name().to_owned()),
                )
            })
        };
        let failed = {
            let runtimes = Arc::clone(&runtimes);
            Memo::new(move |_| {
                obs_core::sort::btree_map(runtimes.iter().filter_map(|runtime| {
                    match runtime.options.get() {
                        OptionsState::Failed(reason) => Some((runtime.name().to_owned(), reason)),
                        OptionsState::Cyclic => Some((
                            runtime.name().to_owned(),
                            "it depends on itself through other variables".to_owned(),
                        )),
                        _ => None,
                    }
                }))
            })
        };
        Self {
            runtimes,
            values,
            pending,
            failed,
            url: inputs.url,
        }
    }

    /// The user picked `value` for `name`: a new history entry.
    pub fn choose(&self, name: &str, value: VariableValue) {
        let name = name.to_owned();
        self.url.push(move |state| {
            state.variables.insert(name, value);
        });
    }
}

fn build(
    variable: Arc<Variable>,
    dashboard: &Arc<Dashboard>,
    built: &BTreeMap<String, VariableRuntime>,
    inputs: VariableInputs,
    cyclic: bool,
) -> VariableRuntime {
    let name = variable.name.clone();
    let requested = {
        let name = name.clone();
        move || inputs.url.with(|state| state.variables.get(&name).cloned())
    };
    // In a project, ODH binds `namespace` to the project; in the cluster view it is the
    // dashboard's own list, free to choose among every namespace.
    if name == PROJECT_VARIABLE && inputs.home == DashboardHome::Project {
        let project = inputs.project;
        return VariableRuntime {
            variable,
            options: Signal::derive(move || {
                OptionsState::Ready(vec![VariableOption::plain(project.get())])
            }),
            reloading: Signal::stored(false),
            selection: Signal::derive(move || VariableValue::Single(project.get())),
            value: Signal::derive(move || Some(VariableValue::Single(project.get()))),
            bound_to_project: true,
        };
    }
    let list = match &variable.kind {
        VariableKind::Text { value, constant } => {
            let (value, constant) = (value.clone(), *constant);
            let selection = Memo::new(move |_| match requested() {
                Some(requested) if !constant => requested,
                _ => VariableValue::Single(value.clone()),
            });
            return VariableRuntime {
                variable,
                options: Signal::stored(OptionsState::Ready(Vec::new())),
                reloading: Signal::stored(false),
                selection: selection.into(),
                value: Signal::derive(move || Some(selection.get())),
                bound_to_project: false,
            };
        }
        VariableKind::List(list) => Arc::new(list.clone()),
    };
    let (options, reloading) = if cyclic {
        (Signal::stored(OptionsState::Cyclic), Signal::stored(false))
    } else {
        list_options(&variable, &list, dashboard, built, inputs)
    };
    let selection = {
        let list = Arc::clone(&list);
        let requested = requested.clone();
        Memo::new(move |_| {
            let loaded = match options.get() {
                OptionsState::Ready(options) => options,
                _ => Vec::new(),
            };
            select(&list, &loaded, requested().as_ref())
        })
    };
    let value = Memo::new(move |_| match options.get() {
        OptionsState::Ready(loaded) => Some(interpolation_value(&list, &selection.get(), &loaded)),
        // Without a way to list options, the URL's or the default value is used as it is.
        OptionsState::Unsupported(_) => Some(selection.get()),
        // Until the options are in, so is a value the URL names (a reload, a shared link):
        // panels query beside the options' query, not one round trip after it. A default is
        // not: dashboards often carry defaults from where they were made, and every panel
        // would ask twice.
        OptionsState::Waiting(_) | OptionsState::Loading => requested()
            .and_then(|_| selection.with(|selection| value_without_options(&list, selection))),
        OptionsState::Failed(_) | OptionsState::Cyclic => None,
    });
    VariableRuntime {
        variable,
        options,
        reloading,
        selection: selection.into(),
        value: value.into(),
        bound_to_project: false,
    }
}

/// The options of a list variable and whether they are being reloaded.
fn list_options(
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
                    let context = PlanContext {
                        dashboard: &dashboard,
                        range,
                        now_ms: range.end_ms,
                        values: &values,
                        pending: &pending,
                        project: &project,
                        utc_offset_secs: inputs.utc_offset_secs,
                        live_edge: false,
                        home: inputs.home,
                    };
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
                        let context = PlanContext {
                            dashboard: &dashboard,
                            range,
                            now_ms: range.end_ms,
                            values: &values,
                            pending: &pending,
                            project: &project,
                            utc_offset_secs: inputs.utc_offset_secs,
                            live_edge: false,
                            home: inputs.home,
                        };
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
