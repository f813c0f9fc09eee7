//! A panel's menu: full size, data as a table or CSV, the queries as sent, and the panel's
//! settings (series limit, threshold style).

use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::html::{Button, Div, Span};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chunks;
use super::data::QueryView;
use crate::chart::time_series::ThresholdStyle;
use crate::focus::{move_with_arrows, when_focus_leaves};
use crate::ids::unique_id;

/// What the menu can change on its panel.
#[derive(Debug, Clone, Copy)]
pub struct PanelSettings {
    pub series_limit: RwSignal<usize>,
    pub threshold_style: RwSignal<ThresholdStyle>,
    pub full_size: RwSignal<bool>,
    pub as_table: RwSignal<bool>,
}

impl PanelSettings {
    pub fn new(series_limit: usize) -> Self {
        Self {
            series_limit: RwSignal::new(series_limit),
            threshold_style: RwSignal::new(ThresholdStyle::default()),
            full_size: RwSignal::new(false),
            as_table: RwSignal::new(false),
        }
    }
}

#[component]
pub fn PanelMenu(
    panel_title: Signal<String>,
    queries: Option<Signal<Vec<QueryView>>>,
    settings: PanelSettings,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let menu_id = unique_id("panel-menu");
    let wrapper = NodeRef::<Span>::new();
    let toggle = NodeRef::<Button>::new();
    let popover = NodeRef::<Div>::new();
    // Closes the menu and gives focus back to its button, so keyboard users stay where they
    // were instead of landing on the page's body.
    let close = move || {
        open.set(false);
        if let Some(toggle) = toggle.get_untracked() {
            let _ = toggle.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        if event.key() == "Escape" {
            event.stop_propagation();
            close();
        } else if let Some(popover) = popover.get_untracked()
            && matches!(
                event.key().as_str(),
                "ArrowDown" | "ArrowUp" | "Home" | "End"
            )
            && !is_text_field(&event)
        {
            move_with_arrows(&popover, &event);
        }
    };
    // Focus leaving the menu (Tab, a click elsewhere, another panel's menu opening) closes
    // it, so only one is ever open.
    let on_focusout = move |event: FocusEvent| {
        // `try_`: a focused element removed with the page (the shell navigating away) still
        // says that focus left it, after this menu's state has gone.
        let wrapper = wrapper.try_get_untracked().flatten().map(Into::into);
        when_focus_leaves(&event, wrapper, move || {
            let _ = open.try_set(false);
        });
    };
    let close = Callback::new(move |()| close());
    // The actions are a chunk of their own (`chunks::menu_actions`): the page shows its
    // panels without them, and the chunk is fetched when a menu's button is first pointed at
    // or focused, so it is usually there by the time the menu opens.
    let content = move || {
        open.get().then(|| {
            view! {
                <div class="obs-panel-menu__popover" node_ref=popover id=menu_id.clone() tabindex="-1" role="dialog" aria-label=move || format!("{} options", panel_title.get())>
                    {chunks::chunk_view_titled("The menu could not be loaded", move || {
                        chunks::menu_actions(panel_title, queries, settings, open, close)
                    })}
                </div>
            }
        })
    };
    view! {
        <span class="obs-panel-menu" node_ref=wrapper on:keydown=on_keydown on:focusout=on_focusout>
            <button
                node_ref=toggle
                class="obs-button obs-button--plain obs-panel-menu__toggle"
                type="button"
                // Kept up to date by the panel's frame (`show_texts`), as its other texts.
                aria-label=super::texts::options_label(&panel_title.get_untracked())
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|open| *open = !*open)
                on:pointerenter=move |_| chunks::Chunk::Menu.preload()
                on:focus=move |_| chunks::Chunk::Menu.preload()
            >
                "⋮"
            </button>
            {content}
        </span>
    }
}

/// Arrow keys belong to a text or number field while it has focus.
fn is_text_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.type_() != "checkbox")
}
