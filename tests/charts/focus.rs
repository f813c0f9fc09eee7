//! Keyboard focus around a chart: only a box whose content overflows takes a Tab stop.

use super::*;

/// A box that scrolls joins the Tab order, so a keyboard user can scroll it; one that fits
/// stays out, and leaves again when it is made tall enough (WCAG 2.1.1).
#[wasm_bindgen_test]
async fn only_a_box_that_scrolls_takes_focus() {
    use odh_observability::dom::focusable_when_scrolling;
    let root = container();
    let lines = |count: usize| (0..count).map(|i| format!("line {i} ")).collect::<String>();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <div class="short" style="height:60px;overflow:auto" use:focusable_when_scrolling>
                <p>"one line"</p>
            </div>
            <div class="long" style="height:60px;overflow:auto;width:100px" use:focusable_when_scrolling>
                <p>{lines(200)}</p>
            </div>
        }
    });
    for _ in 0..3 {
        next_frame().await;
    }
    let tabindex = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap()
            .get_attribute("tabindex")
    };
    assert_eq!(tabindex(".short"), None);
    assert_eq!(tabindex(".long").as_deref(), Some("0"));
    root.query_selector(".long")
        .unwrap()
        .unwrap()
        .set_attribute("style", "height:4000px;overflow:auto;width:100px")
        .unwrap();
    for _ in 0..3 {
        next_frame().await;
    }
    assert_eq!(tabindex(".long"), None);
}
