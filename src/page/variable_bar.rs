//! The variables of the dashboard on screen, as selectors above the panels.

use leptos::prelude::*;
use obs_core::dashboard::VariableKind;
use obs_core::interpolate::VariableValue;
use obs_core::variable_state::{ALL_VALUE, view_options};

use crate::ids::unique_id;
use crate::state::variables::{OptionsState, VariableRuntime, VariablesState};
use crate::widgets::{Select, SelectOption};

/// One control per visible variable.
#[component]
pub fn VariableBar() -> impl IntoView {
    let variables = expect_context::<VariablesState>();
    let controls = variables
        .runtimes
        .iter()
        .filter(|runtime| !runtime.variable.hidden)
        .map(|runtime| view! { <VariableControl runtime=runtime.clone()/> })
        .collect_view();
    view! { <div class="obs-variables" role="group" aria-label="Dashboard variables">{controls}</div> }
}

#[component]
fn VariableControl(runtime: VariableRuntime) -> impl IntoView {
    let variables = expect_context::<VariablesState>();
    if runtime.bound_to_project {
        let id = unique_id("variable");
        let selection = runtime.selection;
        return view! {
            <div class="obs-field">
                <label class="obs-select__label" for=id.clone()>"Project"</label>
                <output id=id class="obs-field__readonly" title="Follows the project picker">
                    {move || selection.get().values().join(", ")}
                </output>
            </div>
        }
        .into_any();
    }
    let label = runtime.variable.label().to_owned();
    let name = runtime.name().to_owned();
    match &runtime.variable.kind {
        VariableKind::Text { constant, .. } => {
            let id = unique_id("variable");
            let constant = *constant;
            let selection = runtime.selection;
            let commit = move |text: String| {
                if !constant {
                    variables.choose(&name, VariableValue::Single(text));
                }
            };
            view! {
                <div class="obs-field">
                    <label class="obs-select__label" for=id.clone()>{label}</label>
                    <input
                        id=id
                        class="obs-field__input"
                        type="text"
                        readonly=constant
                        prop:value=move || selection.get().values().join(",")
                        on:change=move |event| commit(event_target_value(&event))
                    />
                </div>
            }
            .into_any()
        }
        VariableKind::List(list) => {
            let list = list.clone();
            let multiple = list.allow_multiple;
            let options_state = runtime.options;
            let options = Signal::derive(move || match options_state.get() {
                OptionsState::Ready(options) => view_options(&list, &options)
                    .into_iter()
                    .map(|option| SelectOption::new(option.value, option.label))
                    .collect(),
                _ => Vec::new(),
            });
            let selection = runtime.selection;
            let selected = Signal::derive(move || selection.get().values().to_vec());
            let placeholder = Signal::derive(move || match options_state.get() {
                OptionsState::Loading => Some("Loading…".to_owned()),
                OptionsState::Waiting(names) => Some(format!("Waiting for ${}", names.join(", $"))),
                OptionsState::Failed(_) => Some("Could not load".to_owned()),
                OptionsState::Cyclic => Some("Circular reference".to_owned()),
                OptionsState::Ready(_) | OptionsState::Unsupported(_) => None,
            });
            let problem = move || match options_state.get() {
                OptionsState::Failed(message) => Some(message),
                OptionsState::Cyclic => {
                    Some("This variable depends on itself through other variables.".to_owned())
                }
                OptionsState::Unsupported(message) => Some(message),
                _ => None,
            };
            let reloading = runtime.reloading;
            let on_change = Callback::new(move |values: Vec<String>| {
                let value = if multiple {
                    VariableValue::Multiple(values)
                } else {
                    VariableValue::Single(values.into_iter().next().unwrap_or_default())
                };
                variables.choose(&name, normalise_all(value));
            });
            view! {
                <div class="obs-field" aria-busy=move || reloading.get().to_string()>
                    <Select
                        label=label
                        options=options
                        selected=selected
                        on_change=on_change
                        multiple=multiple
                        searchable=true
                        placeholder=placeholder
                    />
                    {move || problem().map(|message| view! { <p class="obs-field__error" role="alert">{message}</p> })}
                </div>
            }
            .into_any()
        }
    }
}

/// Choosing "All" in a multi-select selects only "All".
fn normalise_all(value: VariableValue) -> VariableValue {
    match value {
        VariableValue::Multiple(values) if values.last().is_some_and(|v| v == ALL_VALUE) => {
            VariableValue::Single(ALL_VALUE.to_owned())
        }
        VariableValue::Multiple(values) => {
            VariableValue::Multiple(values.into_iter().filter(|v| v != ALL_VALUE).collect())
        }
        single => single,
    }
}
