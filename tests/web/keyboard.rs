//! The page by keyboard: menus, the full-size view, tooltips and selects keep and return focus,
//! and say what they are.

use super::*;
use support::key_down;

/// The element that has focus.
fn focused() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// A panel's "About" tooltip hides on Escape without the pointer or focus moving, and shows
/// again once they leave and come back (WCAG 1.4.13).
#[wasm_bindgen_test]
async fn escape_dismisses_a_description_tooltip() {
    let (root, _handle) = mount_demo();
    let about = root
        .query_selector("button.obs-panel__info")
        .unwrap()
        .expect("a panel with a description");
    assert!(
        about
            .get_attribute("aria-label")
            .unwrap_or_default()
            .starts_with("About ")
    );
    let anchor = about.parent_element().unwrap();
    key_down(&about, "Escape", false);
    leptos::task::tick().await;
    assert!(anchor.has_attribute("data-dismissed"));
    let leave = web_sys::FocusEvent::new_with_focus_event_init_dict("focusout", &{
        let init = web_sys::FocusEventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    about.dispatch_event(&leave).unwrap();
    leptos::task::tick().await;
    assert!(!anchor.has_attribute("data-dismissed"));
}

/// A select of `options` (value, label) labelled `label`, with `chosen` selected; it stays
/// mounted while the handle lives.
fn mount_select(
    label: &'static str,
    options: &[(&str, &str)],
    chosen: &str,
) -> (web_sys::HtmlElement, RwSignal<Vec<String>>, impl Sized) {
    use odh_observability::widgets::{Select, SelectOption};
    let root = container();
    let selected = RwSignal::new(vec![chosen.to_owned()]);
    let options: Vec<SelectOption> = options
        .iter()
        .map(|(value, text)| SelectOption::new(*value, *text))
        .collect();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Select
                label=label
                options=options.clone()
                selected=selected
                on_change=Callback::new(move |next: Vec<String>| selected.set(next))
            />
        }
    });
    (root, selected, handle)
}

/// A select's toggle is named by its label and the value it shows, so the choice is announced
/// with the field (WCAG 4.1.2), and it follows the selection.
#[wasm_bindgen_test]
async fn a_select_announces_its_value_with_its_label() {
    let (root, selected, _handle) = mount_select(
        "Project",
        &[
            ("llm", "Customer support LLM"),
            ("fraud", "Fraud detection"),
        ],
        "llm",
    );
    leptos::task::tick().await;
    let toggle = root.query_selector(".obs-select__toggle").unwrap().unwrap();
    let name_of = |toggle: &web_sys::Element| {
        let document = web_sys::window().unwrap().document().unwrap();
        toggle
            .get_attribute("aria-labelledby")
            .unwrap_or_default()
            .split_whitespace()
            .map(|id| text_of(&document.get_element_by_id(id).unwrap()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(name_of(&toggle), "Project Customer support LLM");
    selected.set(vec!["fraud".to_owned()]);
    leptos::task::tick().await;
    assert_eq!(name_of(&toggle), "Project Fraud detection");
}

/// A select opened by an arrow key puts focus on the option the key names, whenever its list
/// is drawn (it may come after the key, with its chunk), and the keys move it from there;
/// Escape gives focus back to the toggle (WCAG 2.1.1).
#[wasm_bindgen_test]
async fn a_select_opened_by_a_key_focuses_the_option_it_names() {
    use wasm_bindgen::JsCast;
    let (root, _selected, _handle) = mount_select(
        "Letter",
        &[("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie")],
        "b",
    );
    leptos::task::tick().await;
    let toggle = root.query_selector(".obs-select__toggle").unwrap().unwrap();
    let focused_text = || focused().map(|element| text_of(&element));
    let focused_after_frames = |want: &'static str| async move {
        for _ in 0..60 {
            support::next_frame().await;
            if focused_text().as_deref() == Some(want) {
                return;
            }
        }
        panic!("focus never reached {want}: {:?}", focused_text());
    };
    toggle
        .dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    key_down(&toggle, "ArrowUp", false);
    focused_after_frames("Charlie").await;
    key_down(&focused().unwrap(), "Escape", false);
    leptos::task::tick().await;
    assert_eq!(focused().as_ref(), Some(&toggle));
    key_down(&toggle, "ArrowDown", false);
    focused_after_frames("Alpha").await;
    key_down(&focused().unwrap(), "ArrowDown", false);
    focused_after_frames("Bravo").await;
    key_down(&focused().unwrap(), "End", false);
    focused_after_frames("Charlie").await;
    key_down(&focused().unwrap(), "Home", false);
    focused_after_frames("Alpha").await;
}

/// A panel's menu takes focus when it opens, moves it with the arrows and gives it back to its
/// button on Escape; its full-size view is a modal dialog that keeps Tab inside and gives focus
/// back on Escape (WCAG 2.4.3, 2.4.11).
#[wasm_bindgen_test]
async fn the_panel_menu_and_full_size_view_keep_keyboard_focus() {
    let (root, _handle) = mount_demo();
    let toggle = by_role(&root, "button", "Options of End-to-end latency").unwrap();
    click(&toggle).await;
    next_frame().await;
    let first = focused().unwrap();
    assert_eq!(
        text_of(&first),
        "View full size",
        "opening focuses the first action"
    );
    // Up from the first wraps to the last (the thresholds checkbox), down from there back.
    key_down(&first, "ArrowUp", false);
    let last = focused().unwrap();
    assert_eq!(last.get_attribute("type").as_deref(), Some("checkbox"));
    key_down(&last, "ArrowDown", false);
    assert_eq!(focused().unwrap(), first);
    key_down(&first, "Escape", false);
    leptos::task::tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        focused().unwrap(),
        toggle,
        "Escape gives focus back to the menu's button"
    );

    click(&toggle).await;
    next_frame().await;
    click(&focused().unwrap()).await;
    next_frame().await;
    let dialog = by_role(&root, "dialog", "End-to-end latency").expect("a modal full-size view");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let inside = |element: &web_sys::Element| dialog.contains(Some(element));
    assert!(
        inside(&focused().unwrap()),
        "focus moved into the full-size view"
    );
    // Shift+Tab from the first focusable element wraps to the last, Tab from there to the first.
    let first = focused().unwrap();
    key_down(&first, "Tab", true);
    let last = focused().unwrap();
    assert!(inside(&last) && last != first, "Shift+Tab wrapped inside");
    key_down(&last, "Tab", false);
    assert_eq!(focused().unwrap(), first, "Tab wrapped inside");
    // Focus starts on the About button, whose tooltip shows: the first Escape hides it, the
    // next closes the view.
    assert_eq!(
        first.get_attribute("aria-label").as_deref(),
        Some("About End-to-end latency")
    );
    key_down(&first, "Escape", false);
    leptos::task::tick().await;
    assert!(by_role(&root, "dialog", "End-to-end latency").is_some());
    key_down(&first, "Escape", false);
    leptos::task::tick().await;
    next_frame().await;
    assert!(by_role(&root, "dialog", "End-to-end latency").is_none());
    assert_eq!(
        focused().unwrap(),
        toggle,
        "closing gives focus back to the menu's button"
    );
}
