//! When a panel counts as seen (which sends its queries): at once in or near the viewport, and
//! with a prefetch queue also when the page is idle and it is within a screen of it.

use leptos::html::Div;
use odh_observability::dom::{Prefetch, idle, use_seen};

use super::*;

/// Mounts three boxes in a scroller one viewport tall: one at its top, one a screen and a half
/// down (within a screen below the viewport), one four and a half screens down; returns
/// whether each has been seen, as it changes.
fn mount_boxes(
    prefetch: bool,
) -> (
    RwSignal<Vec<bool>>,
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let root = container();
    // A scroller of its own, whatever the test page holds above it.
    root.set_attribute(
        "style",
        "position: fixed; inset: 0; overflow-y: auto; background: white; z-index: 10",
    )
    .unwrap();
    let viewport_px = web_sys::window()
        .unwrap()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap();
    let seen = RwSignal::new(Vec::new());
    let handle = leptos::mount::mount_to(root.clone(), move || {
        if prefetch {
            Prefetch::provide();
        }
        let boxes = [NodeRef::<Div>::new(), NodeRef::new(), NodeRef::new()];
        let signals: Vec<ReadSignal<bool>> = boxes.iter().map(|node| use_seen(*node)).collect();
        Effect::new(move |_| seen.set(signals.iter().map(|signal| signal.get()).collect()));
        let gap = |screens: f64| format!("height: {}px", screens * viewport_px);
        view! {
            <div node_ref=boxes[0] style="height: 50px"></div>
            <div style=gap(1.5)></div>
            <div node_ref=boxes[1] style="height: 50px"></div>
            <div style=gap(3.0)></div>
            <div node_ref=boxes[2] style="height: 50px"></div>
        }
    });
    (seen, root, handle)
}

/// Waits for frames and idle periods until `seen` reads `expected`, or gives up after many.
async fn settle(seen: RwSignal<Vec<bool>>, expected: &[bool]) -> Vec<bool> {
    for _ in 0..40 {
        next_frame().await;
        idle().await;
        if seen.get_untracked() == expected {
            break;
        }
    }
    seen.get_untracked()
}

/// With a prefetch queue, the box within a screen is seen once the page is idle; without one,
/// only the box in view is. A few more idle periods change nothing: the far box waits for a
/// scroll, and is seen once scrolled to.
#[wasm_bindgen_test]
async fn a_panel_within_a_screen_is_seen_when_the_page_is_idle() {
    for (prefetch, expected) in [(true, [true, true, false]), (false, [true, false, false])] {
        let (seen, root, handle) = mount_boxes(prefetch);
        let settled = settle(seen, &expected).await;
        for _ in 0..3 {
            next_frame().await;
            idle().await;
        }
        assert_eq!(settled, expected, "prefetch {prefetch}");
        assert_eq!(seen.get_untracked(), expected, "prefetch {prefetch}, later");
        // Scrolled to the bottom at once, the far box is seen too (the middle one only if the
        // queue saw it before: the jump passes over it).
        root.set_scroll_top(i32::MAX);
        let scrolled_expected = [true, prefetch, true];
        let scrolled = settle(seen, &scrolled_expected).await;
        assert_eq!(scrolled, scrolled_expected, "prefetch {prefetch}, scrolled");
        drop(handle);
        // The scroller covers the test page: it goes with the test.
        root.remove();
    }
}
