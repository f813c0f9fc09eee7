//! A panel's menu: the queries as sent, and the panel's settings (the series limit).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::data::QueryView;
use crate::ids::unique_id;

#[component]
pub fn PanelMenu(
    panel_title: Signal<String>,
    queries: Option<Signal<Vec<QueryView>>>,
    series_limit: RwSignal<usize>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let menu_id = unique_id("panel-menu");
    let limit_id = unique_id("limit");
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            open.set(false);
        }
    };
    let content = move || {
        open.get().then(|| {
            let queries = queries.map(|queries| queries.get()).unwrap_or_default();
            view! {
                <div class="obs-panel-menu__popover" id=menu_id.clone() role="dialog" aria-label=move || format!("{} options", panel_title.get())>
                    <label class="obs-select__label" for=limit_id.clone()>"Series limit"</label>
                    <input
                        id=limit_id.clone()
                        class="obs-field__input"
                        type="number"
                        min="1"
                        step="1"
                        prop:value=move || series_limit.get().to_string()
                        on:change=move |event| {
                            if let Ok(limit) = event_target_value(&event).trim().parse::<usize>() {
                                series_limit.set(limit.max(1));
                            }
                        }
                    />
                    {(!queries.is_empty()).then(|| view! {
                        <p class="obs-select__label">"Queries as sent"</p>
                        <ol class="obs-panel-menu__queries">
                            {queries.into_iter().map(|query| {
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
        <span class="obs-panel-menu" on:keydown=on_keydown>
            <button
                class="obs-button obs-button--plain"
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
