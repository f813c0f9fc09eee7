//! Helpers for DOM tests: find elements the way assistive technology sees them (by role and
//! accessible name), click them, and wait for Leptos to update the DOM.

#![allow(dead_code)] // Each test binary uses a different subset.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A fresh element attached to the document body to mount a component in.
pub fn container() -> HtmlElement {
    // As the page does when it starts: the core computes with the browser's functions.
    odh_observability::engines::install();
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element("div").unwrap();
    element.set_class_name("obs-root");
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

/// The text content of an element with whitespace collapsed.
pub fn text_of(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first element under `root` with this ARIA role (explicit, or implicit from its tag)
/// whose accessible name (aria-label, else text) is `name`; an empty name matches any.
pub fn by_role(root: &Element, role: &str, name: &str) -> Option<Element> {
    all_by_role(root, role)
        .into_iter()
        .find(|element| name.is_empty() || accessible_name(element) == name)
}

pub fn all_by_role(root: &Element, role: &str) -> Vec<Element> {
    let selector = match role {
        "button" => "button, [role=button]".to_owned(),
        "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]".to_owned(),
        "region" => "section[aria-label], section[aria-labelledby], [role=region]".to_owned(),
        "table" => "table, [role=table]".to_owned(),
        "link" => "a[href], [role=link]".to_owned(),
        other => format!("[role={other}]"),
    };
    let list = root.query_selector_all(&selector).unwrap();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

pub fn accessible_name(element: &Element) -> String {
    element
        .get_attribute("aria-label")
        .unwrap_or_else(|| text_of(element))
        .trim()
        .to_owned()
}

/// Clicks an element and waits until Leptos has applied the resulting changes.
pub async fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
    leptos::task::tick().await;
}

/// Dispatches a `keydown` of `key` (with Shift when `shift`) on `target`, as a keyboard would.
pub fn key_down(target: &Element, key: &str, shift: bool) {
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        init.set_cancelable(true);
        init
    })
    .unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Puts style sheet `css` in the document once (the first call with `id`), so charts are laid
/// out as on the page: without them, a canvas sized for its box is laid out at that size and
/// grows the box it measures, and a tooltip is not placed over its chart.
pub fn with_styles(id: &str, css: &str) {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id(id).is_some() {
        return;
    }
    let style = document.create_element("style").unwrap();
    style.set_id(id);
    style.set_text_content(Some(css));
    document.head().unwrap().append_child(&style).unwrap();
}

/// The canvas `selector` finds in `root`, once its picture is complete (`data-painted`);
/// fails the test after 300 frames.
pub async fn painted_canvas(root: &HtmlElement, selector: &str) -> web_sys::HtmlCanvasElement {
    for _ in 0..300 {
        next_frame().await;
        if let Some(canvas) = root.query_selector(selector).unwrap()
            && canvas.get_attribute("data-painted").as_deref() == Some("complete")
        {
            return canvas.unchecked_into();
        }
    }
    panic!("{selector} was not painted within 300 frames");
}

/// Waits for the next animation frame (what frame-by-frame work needs to progress).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
