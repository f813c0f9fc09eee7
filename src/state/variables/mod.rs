//! The dashboard's variables at run time: their options (loaded through the query API in
//! dependency order), the selection Perses would make, and the values panels interpolate.
//! A variable named `namespace` is bound to the current project, as in ODH.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::{Dashboard, Variable, VariableKind};
use obs_core::interpolate::VariableValue;
use obs_core::scope::DashboardHome;
use obs_core::time_range::AbsoluteRange;
use obs_core::variable_state::{
    VariableOption, interpolation_value, load_order, select, value_without_options,
};

use crate::state::url::UrlSync;
use options::list_options;

mod options;

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
