//! A select in PatternFly's style: a toggle button and a listbox, single or multiple,
//! optionally with a search field. Keyboard: arrows move, Enter/Space choose, Escape closes.

use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::html::{Div, Input};
use leptos::prelude::*;
use obs_core::case::lowercase;
use wasm_bindgen::JsCast;

use crate::icons::ChevronIcon;
use crate::ids::unique_id;

/// One choice of a select.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    pub value: String,
    pub label: String,
    /// A second line, e.g. a project's name under its display name.
    pub detail: Option<String>,
}

impl SelectOption {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            detail: None,
        }
    }
}

/// A select. `on_change` receives the new selection (one value unless `multiple`).
#[component]
pub fn Select(
    /// The accessible name, also shown as the field's label.
    #[prop(into)]
    label: String,
    /// The choices.
    #[prop(into)]
    options: Signal<Vec<SelectOption>>,
    /// The chosen values.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// Called with the new selection.
    on_change: Callback<Vec<String>>,
    /// Several values may be chosen.
    #[prop(optional)]
    multiple: bool,
    /// Show a search field above the choices.
    #[prop(optional)]
    searchable: bool,
    /// Shown instead of the selection, e.g. "Loading…".
    #[prop(optional, into)]
    placeholder: Signal<Option<String>>,
    /// The toggle cannot be opened.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let root = NodeRef::<Div>::new();
    let search = NodeRef::<Input>::new();
    let listbox_id = unique_id("listbox");
    let toggle_id = unique_id("toggle");
    let label_id = unique_id("label");
    let value_id = unique_id("value");
    let labelled_by = format!("{label_id} {value_id}");
    let summary = move || {
        if let Some(text) = placeholder.get() {
            return text;
        }
        let chosen = selected.get();
        let options = options.get();
        let labels: Vec<String> = chosen
            .iter()
            .map(|value| {
                options
                    .iter()
                    .find(|o| &o.value == value)
                    .map_or_else(|| value.clone(), |o| o.label.clone())
            })
            .collect();
        match labels.len() {
            0 => "None".to_owned(),
            1..=2 => labels.join(", "),
            count => format!("{count} selected"),
        }
    };
    let visible = move || {
        let needle = lowercase(&filter.get());
        options
            .get()
            .into_iter()
            .filter(|option| {
                needle.is_empty()
                    || lowercase(&option.label).contains(&needle)
                    || lowercase(&option.value).contains(&needle)
            })
            .collect::<Vec<_>>()
    };
    let choose = move |value: String| {
        if multiple {
            let mut next = selected.get_untracked();
            if let Some(position) = next.iter().position(|v| v == &value) {
                next.remove(position);
            } else {
                next.push(value);
            }
            on_change.run(next);
        } else {
            on_change.run(vec![value]);
            open.set(false);
            focus_toggle(root);
        }
    };
    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" if open.get_untracked() => {
            event.prevent_default();
            open.set(false);
            focus_toggle(root);
        }
        "ArrowDown" | "ArrowUp" | "Home" | "End" => {
            event.prevent_default();
            if !open.get_untracked() {
                open.set(true);
            }
            move_focus(root, &event.key());
        }
        _ => {}
    };
    // Closing when focus leaves the select covers clicks elsewhere and Tab.
    let on_focusout = move |event: FocusEvent| {
        let leaving = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .is_none_or(|target| {
                root.get_untracked()
                    .is_none_or(|root| !root.contains(Some(&target)))
            });
        if leaving {
            open.set(false);
        }
    };
    let field_label = label.clone();
    let menu = move || {
        open.get().then(|| {
            let listbox_label = label.clone();
            view! {
                <div class="obs-select__menu">
                    {searchable.then(|| view! {
                        <input
                            class="obs-select__search"
                            type="search"
                            placeholder="Search"
                            aria-label=format!("Search {}", listbox_label)
                            node_ref=search
                            prop:value=move || filter.get()
                            on:input=move |event| filter.set(event_target_value(&event))
                        />
                    })}
                    <ul
                        class="obs-select__list"
                        role="listbox"
                        id=listbox_id.clone()
                        aria-label=listbox_label
                        aria-multiselectable=multiple.to_string()
                    >
                        {move || {
                            let chosen = selected.get();
                            let items = visible();
                            if items.is_empty() {
                                return view! { <li class="obs-select__empty">"No results"</li> }.into_any();
                            }
                            items
                                .into_iter()
                                .map(|option| {
                                    let is_chosen = chosen.contains(&option.value);
                                    let value = option.value.clone();
                                    let on_key_value = option.value.clone();
                                    view! {
                                        <li
                                            class="obs-select__option"
                                            class:obs-select__option--selected=is_chosen
                                            role="option"
                                            tabindex="-1"
                                            aria-selected=is_chosen.to_string()
                                            data-value=option.value
                                            on:click=move |_| choose(value.clone())
                                            on:keydown=move |event: KeyboardEvent| {
                                                if event.key() == "Enter" || event.key() == " " {
                                                    event.prevent_default();
                                                    choose(on_key_value.clone());
                                                }
                                            }
                                        >
                                            {multiple.then(|| view! {
                                                <span class="obs-select__check" aria-hidden="true">
                                                    {if is_chosen { "☑" } else { "☐" }}
                                                </span>
                                            })}
                                            <span class="obs-select__option-text">
                                                <span>{option.label}</span>
                                                {option.detail.map(|detail| view! { <span class="obs-select__detail">{detail}</span> })}
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }}
                    </ul>
                </div>
            }
        })
    };
    view! {
        <div class="obs-select" node_ref=root on:keydown=on_keydown on:focusout=on_focusout>
            <label class="obs-select__label" id=label_id for=toggle_id.clone()>{field_label}</label>
            // Named by the label and the value shown ("Project Customer support LLM"), as
            // PatternFly's select toggles are, so a screen reader announces the choice too.
            <button
                id=toggle_id
                class="obs-select__toggle"
                type="button"
                aria-labelledby=labelled_by
                aria-haspopup="listbox"
                aria-expanded=move || open.get().to_string()
                disabled=move || disabled.get()
                on:click=move |_| {
                    open.update(|open| *open = !*open);
                    if open.get_untracked() {
                        filter.set(String::new());
                        // Focus moves into the list as PatternFly's Select does: to the
                        // search field, or to the chosen option, so arrows and Enter work
                        // from there and a screen reader hears where the choice stands.
                        request_animation_frame(move || {
                            if searchable {
                                if let Some(search) = search.get_untracked() {
                                    let _ = search.focus();
                                }
                            } else {
                                focus_chosen(root);
                            }
                        });
                    }
                }
            >
                <span class="obs-select__value" id=value_id>{summary}</span>
                <span class="obs-select__caret"><ChevronIcon/></span>
            </button>
            {menu}
        </div>
    }
}

fn focus_toggle(root: NodeRef<Div>) {
    if let Some(toggle) = root
        .get_untracked()
        .and_then(|root| root.query_selector(".obs-select__toggle").ok().flatten())
        .and_then(|toggle| toggle.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = toggle.focus();
    }
}

/// Focuses the chosen option, or the first when none is chosen.
fn focus_chosen(root: NodeRef<Div>) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    let option = root
        .query_selector("[role=option][aria-selected=true]")
        .ok()
        .flatten()
        .or_else(|| root.query_selector("[role=option]").ok().flatten())
        .and_then(|option| option.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(option) = option {
        let _ = option.focus();
    }
}

/// Moves keyboard focus among the options (after the menu has rendered).
fn move_focus(root: NodeRef<Div>, key: &str) {
    let key = key.to_owned();
    request_animation_frame(move || {
        let Some(root) = root.get_untracked() else {
            return;
        };
        let Ok(list) = root.query_selector_all("[role=option]") else {
            return;
        };
        let options: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into().ok())
            .collect();
        if options.is_empty() {
            return;
        }
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let current = options
            .iter()
            .position(|option| active.as_ref() == Some(option.as_ref()));
        let last = options.len() - 1;
        let next = match (key.as_str(), current) {
            ("Home", _) => 0,
            ("End", _) => last,
            ("ArrowDown", Some(index)) => (index + 1).min(last),
            ("ArrowUp", Some(index)) => index.saturating_sub(1),
            ("ArrowUp", None) => last,
            _ => 0,
        };
        if let Some(option) = options.get(next) {
            let _ = option.focus();
        }
    });
}
