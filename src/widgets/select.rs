//! A select in PatternFly's style: a toggle button and a listbox, single or multiple,
//! optionally with a search field. Keyboard: arrows move, Enter/Space choose, Escape closes.

use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::html::{Div, Input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::select_menu::{MenuParts, NavKey, OpenedBy, move_focus};
use crate::focus::when_focus_leaves;
use crate::icons::ChevronIcon;
use crate::ids::unique_id;
use crate::panel::chunks;

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
    let choose = Callback::new(move |value: String| {
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
    });
    // Where focus goes once the list is drawn, which may be after its chunk has come: the
    // list itself moves it there (`SelectMenu`), so a key that opened the list before the
    // chunk was in still moves focus to its option.
    let opened_by = StoredValue::new(OpenedBy::Click);
    let on_keydown = move |event: KeyboardEvent| {
        let key = event.key();
        if key == "Escape" && open.get_untracked() {
            event.prevent_default();
            open.set(false);
            focus_toggle(root);
        } else if let Some(key) = NavKey::from_key(&key) {
            event.prevent_default();
            if open.get_untracked() {
                move_focus(root, key);
            } else {
                opened_by.set_value(OpenedBy::Key(key));
                open.set(true);
            }
        }
    };
    // Closing when focus leaves the select covers clicks elsewhere and Tab.
    let on_focusout = move |event: FocusEvent| {
        // `try_`: a focused element removed with the page (the shell navigating away) still
        // says that focus left it, after this select's state has gone.
        let root = root.try_get_untracked().flatten().map(Into::into);
        when_focus_leaves(&event, root, move || {
            let _ = open.try_set(false);
        });
    };
    let field_label = label.clone();
    // The list is drawn by the interaction chunk, which the page asks for when the pointer
    // first moves over it or something in it takes focus
    // (`Chunk::preload_interact_on_first_use`), so it is usually in by the time a select opens.
    let menu = move || {
        open.get().then(|| {
            let parts = MenuParts {
                label: label.clone(),
                listbox_id: listbox_id.clone(),
                options,
                selected,
                filter,
                search,
                root,
                multiple,
                searchable,
                opened_by: opened_by.get_value(),
                choose,
            };
            view! {
                <div class="obs-select__menu">
                    {chunks::chunk_view_titled("The list could not be loaded", move || {
                        chunks::select_menu(parts.clone())
                    })}
                </div>
            }
        })
    };
    view! {
        <div
            class="obs-select"
            node_ref=root
            on:keydown=on_keydown
            on:focusout=on_focusout
        >
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
                    opened_by.set_value(OpenedBy::Click);
                    if !open.get_untracked() {
                        filter.set(String::new());
                    }
                    open.update(|open| *open = !*open);
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
