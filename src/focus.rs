//! Keyboard focus for popovers and dialogs: what can take focus inside an element, moving it
//! with arrow keys, keeping Tab inside a modal view, and giving focus back.

use leptos::ev::{FocusEvent, KeyboardEvent};
use wasm_bindgen::JsCast;

/// What can take keyboard focus inside `root`, in document order (hidden and disabled
/// controls left out).
pub fn focusable_within(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    const SELECTOR: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
         textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";
    let Ok(list) = root.query_selector_all(SELECTOR) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        // Rendered elements have a size; `display: none` ones have none.
        .filter(|element| {
            let rect = element.get_bounding_client_rect();
            rect.width() > 0.0 || rect.height() > 0.0
        })
        .collect()
}

/// The element that has focus, if any.
pub fn active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// Focuses `element` (an element that cannot take focus ignores it).
pub fn focus(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Arrow keys, Home and End move focus among the focusable elements of `root` (wrapping at
/// the ends); returns whether the key was one of them.
pub fn move_with_arrows(root: &web_sys::Element, event: &KeyboardEvent) -> bool {
    let items = focusable_within(root);
    if items.is_empty() {
        return false;
    }
    let current = active_element().and_then(|active| {
        items
            .iter()
            .position(|item| item.unchecked_ref::<web_sys::Element>() == &active)
    });
    let last = items.len() - 1;
    let next = match (event.key().as_str(), current) {
        ("ArrowDown", Some(index)) => (index + 1) % items.len(),
        ("ArrowUp", Some(0)) => last,
        ("ArrowUp", Some(index)) => index - 1,
        ("ArrowDown", None) | ("Home", _) => 0,
        ("ArrowUp", None) | ("End", _) => last,
        _ => return false,
    };
    event.prevent_default();
    if let Some(item) = items.get(next) {
        let _ = item.focus();
    }
    true
}

/// Keeps Tab and Shift+Tab inside `root`: from its last focusable element Tab goes to the
/// first, and Shift+Tab from the first to the last (a modal dialog's focus trap).
pub fn trap_tab(root: &web_sys::Element, event: &KeyboardEvent) {
    if event.key() != "Tab" {
        return;
    }
    let items = focusable_within(root);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        event.prevent_default();
        return;
    };
    let active = active_element();
    let at = |item: &web_sys::HtmlElement| {
        active.as_ref() == Some(item.unchecked_ref::<web_sys::Element>())
    };
    let inside = active
        .as_ref()
        .is_some_and(|active| root.contains(Some(active.unchecked_ref::<web_sys::Node>())));
    if event.shift_key() && (at(first) || !inside) {
        event.prevent_default();
        let _ = last.focus();
    } else if !event.shift_key() && (at(last) || !inside) {
        event.prevent_default();
        let _ = first.focus();
    }
}

/// Runs `close` when focus leaves `root` (Tab, a click elsewhere), for a `focusout` event of
/// a popover. Focus lost because its element went away is not leaving: a Retry replaced by
/// "Loading…" when clicked loses focus that way. That is told a moment later, once the
/// element is out of the page.
pub fn when_focus_leaves(
    event: &FocusEvent,
    root: Option<web_sys::Element>,
    close: impl FnOnce() + 'static,
) {
    let leaving = event
        .related_target()
        .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
        .is_none_or(|target| root.is_none_or(|root| !root.contains(Some(&target))));
    if !leaving {
        return;
    }
    let left = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        if left.is_none_or(|left| left.is_connected()) {
            close();
        }
    });
}
