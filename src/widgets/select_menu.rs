//! A select's open list: the search field and the options. It is drawn by the interaction
//! chunk (`panel::chunks::select_menu`), since a page shows its selects closed until someone
//! opens one, and moves focus into itself when it arrives, so that opening works the same
//! whether the chunk was already in or came after the click or the key.

use leptos::ev::KeyboardEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use obs_core::case::lowercase;
use wasm_bindgen::JsCast;

use super::select::SelectOption;

/// What an open select's list needs from its select.
#[derive(Clone)]
pub struct MenuParts {
    /// The select's accessible name.
    pub label: String,
    pub listbox_id: String,
    pub options: Signal<Vec<SelectOption>>,
    pub selected: Signal<Vec<String>>,
    /// The search field's text.
    pub filter: RwSignal<String>,
    pub search: NodeRef<Input>,
    pub root: NodeRef<Div>,
    pub multiple: bool,
    pub searchable: bool,
    /// Where focus goes once the list is drawn.
    pub opened_by: OpenedBy,
    /// Called with the value of the option chosen.
    pub choose: Callback<String>,
}

/// How a select's list was opened, which says where focus goes once it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenedBy {
    /// A click: to the search field, or to the chosen option.
    Click,
    /// A key that moves among the options: to the option it names.
    Key(NavKey),
}

/// The keys that move focus among a select's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavKey {
    Down,
    Up,
    Home,
    End,
}

impl NavKey {
    /// The key of a keyboard event (`KeyboardEvent.key`), if it is one of these.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "ArrowDown" => Some(Self::Down),
            "ArrowUp" => Some(Self::Up),
            "Home" => Some(Self::Home),
            "End" => Some(Self::End),
            _ => None,
        }
    }
}

/// The open list of a select.
#[component]
pub fn SelectMenu(parts: MenuParts) -> impl IntoView {
    // Focus moves into the list as PatternFly's Select does: to the search field, or to the
    // chosen option, so arrows and Enter work from there and a screen reader hears where the
    // choice stands. After the list is in the page: the next frame.
    match parts.opened_by {
        OpenedBy::Click => request_animation_frame(move || {
            if parts.searchable {
                if let Some(search) = parts.search.get_untracked() {
                    let _ = search.focus();
                }
            } else {
                focus_chosen(parts.root);
            }
        }),
        OpenedBy::Key(key) => move_focus(parts.root, key),
    }
    let visible = move || {
        let needle = lowercase(&parts.filter.get());
        parts
            .options
            .get()
            .into_iter()
            .filter(|option| {
                needle.is_empty()
                    || lowercase(&option.label).contains(&needle)
                    || lowercase(&option.value).contains(&needle)
            })
            .collect::<Vec<_>>()
    };
    let search_label = format!("Search {}", parts.label);
    view! {
        {parts.searchable.then(|| view! {
            <input
                class="obs-select__search"
                type="search"
                placeholder="Search"
                aria-label=search_label
                node_ref=parts.search
                prop:value=move || parts.filter.get()
                on:input=move |event| parts.filter.set(event_target_value(&event))
            />
        })}
        <ul
            class="obs-select__list"
            role="listbox"
            id=parts.listbox_id
            aria-label=parts.label
            aria-multiselectable=parts.multiple.to_string()
        >
            {move || {
                let chosen = parts.selected.get();
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
                                on:click=move |_| parts.choose.run(value.clone())
                                on:keydown=move |event: KeyboardEvent| {
                                    if event.key() == "Enter" || event.key() == " " {
                                        event.prevent_default();
                                        parts.choose.run(on_key_value.clone());
                                    }
                                }
                            >
                                {parts.multiple.then(|| view! {
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

/// Moves keyboard focus among the options the key names (after the list has rendered): the
/// select's toggle calls it for a key pressed while the list is open, the list itself for the
/// key that opened it.
pub(super) fn move_focus(root: NodeRef<Div>, key: NavKey) {
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
        let next = match (key, current) {
            (NavKey::Home, _) | (NavKey::Down, None) => 0,
            (NavKey::End, _) | (NavKey::Up, None) => last,
            (NavKey::Down, Some(index)) => (index + 1).min(last),
            (NavKey::Up, Some(index)) => index.saturating_sub(1),
        };
        if let Some(option) = options.get(next) {
            let _ = option.focus();
        }
    });
}
