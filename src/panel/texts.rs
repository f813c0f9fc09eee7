//! A panel frame's texts: its title, its region's name and its description, written when the
//! frame is made and kept up to date by one effect per panel (see `PanelFrame`), and the
//! description's tooltip.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::icons::InfoIcon;
use crate::ids::unique_id;

/// What the frame shows of the panel's title and description.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PanelTexts {
    pub title: String,
    /// The panel's region name: the title, numbered when another panel has the same.
    pub name: String,
    pub description: Option<String>,
}

/// How a panel's body that scrolls is named when it takes focus (`focusable_when_scrolling`).
pub(super) fn scroll_label(title: &str) -> String {
    format!("{title} content")
}

/// Writes changed texts into the frame made with earlier ones (see `PanelFrame`).
pub(super) fn show_texts(section: &web_sys::HtmlElement, texts: &PanelTexts) {
    let _ = section.set_attribute("aria-label", &texts.name);
    // The classes are the frame's own: nothing a panel's body draws carries them.
    let find = |selector: &str| section.query_selector(selector).ok().flatten();
    if let Some(heading) = find(".obs-panel__title") {
        let _ = heading.set_attribute("title", &texts.title);
        heading.set_text_content(Some(&texts.title));
    }
    if let Some(info) = find(".obs-panel__info") {
        let _ = info.set_attribute("aria-label", &about_label(&texts.title));
    }
    if let (Some(tooltip), Some(description)) =
        (find(".obs-panel__info + .obs-tooltip"), &texts.description)
    {
        tooltip.set_text_content(Some(description));
    }
    if let Some(toggle) = find(".obs-panel-menu__toggle") {
        let _ = toggle.set_attribute("aria-label", &options_label(&texts.title));
    }
    if let Some(body) = find(".obs-panel__body") {
        let label = scroll_label(&texts.title);
        // A body that scrolls is a named group while it is a Tab stop (see
        // `focusable_when_scrolling`), named by the same label.
        if body.has_attribute("role") {
            let _ = body.set_attribute("aria-label", &label);
        }
        let _ = body.set_attribute("data-scroll-label", &label);
    }
}

/// The name of a panel's description button.
fn about_label(title: &str) -> String {
    format!("About {title}")
}

/// The name of a panel's menu button.
pub(crate) fn options_label(title: &str) -> String {
    format!("Options of {title}")
}

/// An info button whose tooltip shows the panel's description on hover and keyboard focus;
/// Escape hides it until the pointer or the focus leaves (WCAG 1.4.13: dismissable without
/// moving either).
#[component]
pub(super) fn DescriptionTooltip(panel_title: String, text: String) -> impl IntoView {
    let tooltip_id = unique_id("tooltip");
    // Dismissed is the anchor's `data-dismissed` alone, set and cleared by its own events: no
    // state to follow, so no binding per panel.
    let anchor_of = |event: &web_sys::Event| {
        event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest(".obs-tooltip-anchor").ok().flatten())
    };
    let dismiss = move |event: &web_sys::Event, dismissed: bool| {
        if let Some(anchor) = anchor_of(event) {
            let _ = if dismissed {
                anchor.set_attribute("data-dismissed", "")
            } else {
                anchor.remove_attribute("data-dismissed")
            };
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let dismissed =
            anchor_of(&event).is_some_and(|anchor| anchor.has_attribute("data-dismissed"));
        if event.key() == "Escape" && !dismissed {
            dismiss(&event, true);
            // Escape is spent here: a dialog or menu around must not close as well.
            event.stop_propagation();
        }
    };
    view! {
        <span
            class="obs-tooltip-anchor"
            on:keydown=on_keydown
            on:pointerleave=move |event| dismiss(&event, false)
            on:focusout=move |event| dismiss(&event, false)
        >
            <button
                class="obs-button obs-button--plain obs-panel__info"
                type="button"
                aria-label=about_label(&panel_title)
                aria-describedby=tooltip_id.clone()
            >
                <InfoIcon/>
            </button>
            <span class="obs-tooltip" role="tooltip" id=tooltip_id>{text}</span>
        </span>
    }
}
