//! A panel's menu: full size, data as a table or CSV, the queries as sent, and the panel's
//! settings (series limit, threshold style).

use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::html::{Button, Div, Span};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::data::QueryView;
use super::kinds::outputs;
use crate::chart::time_series::ThresholdStyle;
use crate::focus::{focusable_within, move_with_arrows};
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
    let limit_id = unique_id("limit");
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
    // Opening moves focus to the first action; focus leaving the menu (Tab, a click elsewhere,
    // another panel's menu opening) closes it, so only one is ever open.
    Effect::new(move |_| {
        if open.get()
            && let Some(popover) = popover.get()
            && let Some(first) = focusable_within(&popover).first()
        {
            let _ = first.focus();
        }
    });
    let on_focusout = move |event: FocusEvent| {
        let leaving = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .is_none_or(|target| {
                wrapper
                    .get_untracked()
                    .is_none_or(|wrapper| !wrapper.contains(Some(&target)))
            });
        if leaving {
            open.set(false);
        }
    };
    let download = move |_| {
        let Some(queries) = queries else { return };
        let csv = obs_core::panels::csv::to_csv(&outputs(&queries.get_untracked()));
        let name = format!("{}.csv", file_name(&panel_title.get_untracked()));
        if let Err(error) = download_text(&csv, &name, "text/csv") {
            leptos::logging::warn!("could not download {name}: {error:?}");
        }
        close();
    };
    let content = move || {
        open.get().then(|| {
            let query_list = queries.map(|queries| queries.get()).unwrap_or_default();
            let has_queries = !query_list.is_empty();
            view! {
                <div class="obs-panel-menu__popover" node_ref=popover id=menu_id.clone() tabindex="-1" role="dialog" aria-label=move || format!("{} options", panel_title.get())>
                    <button class="obs-button obs-button--plain obs-panel-menu__action" type="button"
                        on:click=move |_| { open.set(false); settings.full_size.update(|f| *f = !*f); }>
                        {move || if settings.full_size.get() { "Exit full size" } else { "View full size" }}
                    </button>
                    {has_queries.then(|| view! {
                        <button class="obs-button obs-button--plain obs-panel-menu__action" type="button"
                            on:click=move |_| { settings.as_table.update(|t| *t = !*t); close(); }>
                            {move || if settings.as_table.get() { "View as chart" } else { "View as table" }}
                        </button>
                        <button class="obs-button obs-button--plain obs-panel-menu__action" type="button" on:click=download>
                            "Download data (CSV)"
                        </button>
                    })}
                    <label class="obs-select__label" for=limit_id.clone()>"Series limit"</label>
                    <input
                        id=limit_id.clone()
                        class="obs-field__input"
                        type="number"
                        min="1"
                        step="1"
                        prop:value=move || settings.series_limit.get().to_string()
                        on:change=move |event| {
                            if let Ok(limit) = event_target_value(&event).trim().parse::<usize>() {
                                settings.series_limit.set(limit.max(1));
                            }
                        }
                    />
                    <label class="obs-panel-menu__check">
                        <input
                            type="checkbox"
                            prop:checked=move || settings.threshold_style.get() == ThresholdStyle::Bands
                            on:change=move |event| {
                                let bands = event_target_checked(&event);
                                settings.threshold_style.set(if bands { ThresholdStyle::Bands } else { ThresholdStyle::Lines });
                            }
                        />
                        " Show thresholds as bands"
                    </label>
                    {has_queries.then(|| view! {
                        <p class="obs-select__label">"Queries as sent"</p>
                        <ol class="obs-panel-menu__queries">
                            {query_list.into_iter().map(|query| {
                                let text = query.sent.unwrap_or_else(|| format!("{} (not sent yet)", query.definition));
                                view! { <li><code class="obs-code">{text}</code></li> }
                            }).collect_view()}
                        </ol>
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
                aria-label=move || format!("Options of {}", panel_title.get())
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|open| *open = !*open)
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

/// A file name from a panel title: letters, digits, `-` and `_`.
fn file_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('-');
    if trimmed.is_empty() {
        "panel".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Saves `text` as a file through a temporary object URL.
fn download_text(text: &str, name: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
