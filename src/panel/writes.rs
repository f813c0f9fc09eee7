//! What a panel frame's effects write into its elements directly, instead of a binding per
//! attribute (see `PanelFrame`): its data attributes, the full-size view and its backdrop.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::summary;

/// The panel's data attributes, from its queries' summary: `data-state`, `data-series` and,
/// once a sample came back, `data-latest-ms`.
pub(super) fn show_summary(section: &web_sys::HtmlElement, summary: summary::QueriesSummary) {
    let _ = section.set_attribute("data-state", summary.state.as_str());
    let _ = section.set_attribute("data-series", &summary.series.to_string());
    let _ = match summary.latest_ms {
        Some(ms) => section.set_attribute("data-latest-ms", &ms.to_string()),
        None => section.remove_attribute("data-latest-ms"),
    };
}

/// The backdrop behind a panel shown full size (a click on it closes the view), made when the
/// view opens and removed when it closes or the panel goes, rather than a binding per panel.
#[derive(Clone)]
pub(super) struct Backdrop(Arc<SendWrapper<RefCell<Option<web_sys::Element>>>>);

impl Backdrop {
    /// None shown yet; whatever is shown is removed when the current owner (the panel) goes.
    pub fn new() -> Self {
        let backdrop = Self(Arc::new(SendWrapper::new(RefCell::new(None))));
        let leaving = backdrop.clone();
        on_cleanup(move || {
            if let Some(gone) = leaving.0.borrow_mut().take() {
                gone.remove();
            }
        });
        backdrop
    }

    /// Shows the backdrop beside `section` while `full`, calling `close` when it is clicked.
    pub fn show(&self, section: &web_sys::HtmlElement, full: bool, close: impl Fn() + 'static) {
        show_backdrop(section, &mut self.0.borrow_mut(), full, close);
    }
}

fn show_backdrop(
    section: &web_sys::HtmlElement,
    shown: &mut Option<web_sys::Element>,
    full: bool,
    close: impl Fn() + 'static,
) {
    match (full, shown.take()) {
        (true, None) => {
            let Some(made) = section
                .owner_document()
                .and_then(|document| document.create_element("div").ok())
            else {
                return;
            };
            made.set_class_name("obs-backdrop");
            // Owned by the page's JavaScript from here on: collected with the backdrop. The
            // closure's signature is the one Leptos' own listeners have, whose glue the page
            // already holds.
            let on_click = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
                move |_: web_sys::Event| close(),
            )
            .into_js_value();
            let _ = made.add_event_listener_with_callback("click", on_click.unchecked_ref());
            // Beside the panel, in its stacking context.
            if let Some(parent) = section.parent_node() {
                let _ = parent.insert_before(&made, None);
            }
            *shown = Some(made);
        }
        (true, kept) => *shown = kept,
        (false, Some(gone)) => gone.remove(),
        (false, None) => {}
    }
}

/// The panel shown full size as a modal dialog, or back in its place.
pub(super) fn show_full_size(section: &web_sys::HtmlElement, class: &str, full: bool) {
    section.set_class_name(class);
    for (name, value) in [
        ("role", "dialog"),
        ("aria-modal", "true"),
        ("tabindex", "-1"),
    ] {
        let _ = if full {
            section.set_attribute(name, value)
        } else {
            section.remove_attribute(name)
        };
    }
}
