//! The chart under the pointer: hovered values with a crosshair and markers, a tooltip that
//! fits a short chart, and the span a drag selects.

use super::*;

/// How many of the elements `selector` finds in `root` are shown.
fn count_shown(root: &web_sys::Element, selector: &str) -> usize {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .filter_map(|index| found.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .filter(shown)
        .count()
}

fn pointer(plot: &web_sys::Element, kind: &str, x_fraction: f64, y_fraction: f64) {
    let rect = plot.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + rect.width() * x_fraction) as i32);
    init.set_client_y((rect.top() + rect.height() * y_fraction) as i32);
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    plot.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn hovering_shows_values_crosshair_and_markers_and_never_repaints_the_plot() {
    let (root, _handle) = mount_chart(serde_json::json!({}), [40.0, 60.0]);
    let canvas = painted_canvas(&root).await;
    let plot = root.query_selector(".obs-ts__plot").unwrap().unwrap();
    let before = pixel(&canvas, 0.5, 0.5);
    // Nothing of the cursor is made before the first hover but its lines, hidden.
    assert!(root.query_selector(".obs-ts__tooltip").unwrap().is_none());
    assert_eq!(
        root.query_selector_all(".obs-ts__marker").unwrap().length(),
        0
    );

    pointer(&plot, "pointermove", 0.5, 0.5);
    leptos::task::tick().await;
    let tooltip = root.query_selector(".obs-ts__tooltip").unwrap().unwrap();
    assert!(shown(&tooltip));
    let text = text_of(&tooltip);
    assert!(text.contains("gpu-0") && text.contains("40"), "{text}");
    // The time as the axis says it, in 24 hours, to the second: "Nov 14, 22:13:20".
    let time = tooltip
        .query_selector(".obs-ts__tooltip-time")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    let (day, clock) = time.split_once(", ").unwrap_or_default();
    let day_ok = day.len() >= 5 && day.split(' ').count() == 2;
    let clock_ok = clock.len() == 8
        && clock.chars().enumerate().all(|(at, c)| {
            if at % 3 == 2 {
                c == ':'
            } else {
                c.is_ascii_digit()
            }
        });
    assert!(day_ok && clock_ok, "{time:?}");
    assert!(text.contains("gpu-1") && text.contains("60"), "{text}");
    let line = root
        .query_selector(".obs-ts__line:not(.obs-ts__line--synced)")
        .unwrap()
        .unwrap();
    assert!(shown(&line));
    let style = line.get_attribute("style").unwrap_or_default();
    assert!(style.contains("translateX("), "{style}");
    assert_eq!(
        count_shown(&root, ".obs-ts__marker"),
        2,
        "one marker per series"
    );
    assert_eq!(
        root.query_selector_all(".obs-ts__marker--nearest")
            .unwrap()
            .length(),
        1
    );

    // Another position moves the same elements; the plot's pixels stay as they were.
    pointer(&plot, "pointermove", 0.7, 0.5);
    leptos::task::tick().await;
    let moved = line.get_attribute("style").unwrap_or_default();
    assert_ne!(style, moved);
    assert!(
        root.query_selector(".obs-ts__tooltip").unwrap().unwrap() == tooltip,
        "the tooltip is filled in place, not made again"
    );
    next_frame().await;
    assert_eq!(before, pixel(&canvas, 0.5, 0.5));

    pointer(&plot, "pointerleave", 0.7, 0.5);
    leptos::task::tick().await;
    assert!(!shown(&tooltip));
    assert!(!shown(&line));
    assert_eq!(count_shown(&root, ".obs-ts__marker"), 0, "no marker left");
}

/// In a short chart the tooltip shows the rows that fit and counts the rest, instead of
/// reaching past the chart, where the panel's scrolling body would cut it off.
#[wasm_bindgen_test]
async fn a_short_charts_tooltip_shows_the_rows_that_fit() {
    let values: Vec<f64> = (0..12).map(|index| f64::from(index) * 10.0).collect();
    let (root, _handle) = mount_sized(serde_json::json!({}), values, 150);
    painted_canvas(&root).await;
    let plot = root.query_selector(".obs-ts__plot").unwrap().unwrap();
    for x_fraction in [0.3, 0.6, 0.9] {
        pointer(&plot, "pointermove", x_fraction, 0.5);
        leptos::task::tick().await;
        let tooltip = root.query_selector(".obs-ts__tooltip").unwrap().unwrap();
        assert!(shown(&tooltip));
        let (tip, chart) = (
            tooltip.get_bounding_client_rect(),
            plot.get_bounding_client_rect(),
        );
        assert!(
            tip.bottom() <= chart.bottom() + 0.5,
            "the tooltip ends at {} px, the chart at {} px",
            tip.bottom(),
            chart.bottom()
        );
        let shown_rows = count_shown(&tooltip, ".obs-ts__tooltip-row");
        let more = tooltip
            .query_selector(".obs-ts__tooltip-more")
            .unwrap()
            .unwrap();
        assert!(shown(&more));
        let more_text = more.text_content().unwrap_or_default();
        let hidden: usize = more_text
            .trim_start_matches("and ")
            .trim_end_matches(" more")
            .parse()
            .unwrap_or_else(|_| panic!("{more_text:?}"));
        assert!((1..10).contains(&shown_rows), "{shown_rows} rows");
        assert_eq!(shown_rows + hidden, 12, "every series shown or counted");
        assert_eq!(
            count_shown(&plot, ".obs-ts__marker"),
            shown_rows,
            "a marker for each row, none for a series the tooltip does not name"
        );
    }
}

/// Dragging across the plot shows the span it would zoom to, from where the drag began to the
/// pointer, and nothing once the button is up; a plain move shows no span.
#[wasm_bindgen_test]
async fn a_drag_shows_the_span_it_selects() {
    let (root, _handle) = mount_chart(serde_json::json!({}), [40.0, 60.0]);
    painted_canvas(&root).await;
    let plot = root.query_selector(".obs-ts__plot").unwrap().unwrap();
    pointer(&plot, "pointermove", 0.3, 0.5);
    leptos::task::tick().await;
    let selection = root.query_selector(".obs-ts__selection").unwrap().unwrap();
    assert!(!shown(&selection), "no drag, no span");

    pointer(&plot, "pointerdown", 0.3, 0.5);
    pointer(&plot, "pointermove", 0.6, 0.5);
    leptos::task::tick().await;
    assert!(shown(&selection));
    let plot_px = plot.get_bounding_client_rect().width();
    let width_px = selection.get_bounding_client_rect().width();
    assert!(
        (width_px - 0.3 * plot_px).abs() <= 2.0,
        "{width_px} px of a {plot_px} px plot"
    );
    pointer(&plot, "pointermove", 0.5, 0.5);
    leptos::task::tick().await;
    let narrower_px = selection.get_bounding_client_rect().width();
    assert!(
        (narrower_px - 0.2 * plot_px).abs() <= 2.0,
        "the span follows the pointer: {narrower_px} px"
    );

    pointer(&plot, "pointerup", 0.5, 0.5);
    leptos::task::tick().await;
    assert!(!shown(&selection), "the button is up");
    pointer(&plot, "pointermove", 0.7, 0.5);
    leptos::task::tick().await;
    assert!(!shown(&selection), "a move after the drag selects nothing");
}
