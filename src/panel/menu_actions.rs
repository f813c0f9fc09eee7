//! The actions and settings inside a panel's menu, in a chunk of their own
//! (`chunks::menu_actions`): full size, data as a table or CSV, the series limit, the
//! threshold style and the queries as sent.

use leptos::html::Button;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::data::QueryView;
use super::kinds::outputs;
use super::menu::PanelSettings;
use crate::chart::time_series::ThresholdStyle;
use crate::ids::unique_id;

/// The menu's content, drawn inside its popover. `open` closes the menu without
/// moving focus (the full-size view takes it); `close` closes it and focuses its button.
#[component]
pub fn MenuActions(
    panel_title: Signal<String>,
    queries: Option<Signal<Vec<QueryView>>>,
    settings: PanelSettings,
    open: RwSignal<bool>,
    close: Callback<()>,
) -> impl IntoView {
    let limit_id = unique_id("limit");
    // Opening moves focus to the first action, once it is in the page: the menu's popover
    // shows "Loading…" until the chunk arrives, the first time a menu opens.
    let first_action = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if let Some(first) = first_action.get() {
            let _ = first.focus();
        }
    });
    let has_queries =
        Memo::new(move |_| queries.is_some_and(|queries| queries.with(|list| !list.is_empty())));
    let download = move |_| {
        let Some(queries) = queries else { return };
        let csv = obs_core::panels::csv::to_csv(&outputs(&queries.get_untracked()));
        let name = format!("{}.csv", file_name(&panel_title.get_untracked()));
        if let Err(error) = download_text(&csv, &name, "text/csv") {
            crate::dom::warn_with(&format!("could not download {name}:"), &error);
        }
        close.run(());
    };
    let query_list = move || {
        let list = queries.map(|queries| queries.get()).unwrap_or_default();
        (!list.is_empty()).then(|| {
            view! {
                <p class="obs-select__label">"Queries as sent"</p>
                <ol class="obs-panel-menu__queries">
                    {list.into_iter().map(|query| {
                        let text = query.sent.unwrap_or_else(|| format!("{} (not sent yet)", query.definition));
                        view! { <li><code class="obs-code">{text}</code></li> }
                    }).collect_view()}
                </ol>
            }
        })
    };
    view! {
        <button class="obs-button obs-button--plain obs-panel-menu__action" type="button" node_ref=first_action
            on:click=move |_| { open.set(false); settings.full_size.update(|f| *f = !*f); }>
            {move || if settings.full_size.get() { "Exit full size" } else { "View full size" }}
        </button>
        {move || has_queries.get().then(|| view! {
            <button class="obs-button obs-button--plain obs-panel-menu__action" type="button"
                on:click=move |_| { settings.as_table.update(|t| *t = !*t); close.run(()); }>
                {move || if settings.as_table.get() { "View as chart" } else { "View as table" }}
            </button>
            <button class="obs-button obs-button--plain obs-panel-menu__action" type="button" on:click=download>
                "Download data (CSV)"
            </button>
        })}
        <label class="obs-select__label" for=limit_id.clone()>"Series limit"</label>
        <input
            id=limit_id
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
        {query_list}
    }
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
