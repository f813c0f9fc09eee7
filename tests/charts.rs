//! Component tests of the time series chart in headless Chromium: it paints, reads out values
//! to the keyboard, shows the hovered values with a crosshair and markers without repainting,
//! isolates a series from its legend, and stacks areas on each other.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::QueryOutput;
use obs_core::panels::time_series::prepare;
use obs_core::prometheus::{Sample, Series};
use obs_core::spec::panels::time_series::TimeSeriesChartSpec;
use obs_core::time_range::AbsoluteRange;
use odh_observability::chart::Shared;
use odh_observability::chart::time_series::{ThresholdStyle, TimeSeriesChartView};
use support::{all_by_role, click, container, next_frame, text_of};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const START_MS: i64 = 1_700_000_000_000;

/// Series `gpu-0`, `gpu-1`, … of 60 points, a minute apart, at constant `values`.
fn outputs(values: &[f64]) -> (Vec<QueryOutput>, AbsoluteRange) {
    let series = values
        .iter()
        .enumerate()
        .map(|(index, &value)| Series {
            labels: [("gpu".to_owned(), format!("gpu-{index}"))]
                .into_iter()
                .collect(),
            samples: (0..60)
                .map(|minute| Sample {
                    time_ms: START_MS + minute * 60_000,
                    value,
                })
                .collect(),
        })
        .collect();
    let output = QueryOutput::matrix(0, series, Some("{{gpu}}"));
    let range = AbsoluteRange {
        start_ms: START_MS,
        end_ms: START_MS + 59 * 60_000,
    };
    (vec![output], range)
}

/// Mounts a 600 × 300 chart of `spec` (Perses JSON) over two constant series.
fn mount_chart(
    spec: serde_json::Value,
    values: [f64; 2],
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    mount_sized(spec, values.to_vec(), 300)
}

/// Mounts a chart 600 px wide and `height_px` high of `spec` over constant series.
fn mount_sized(
    spec: serde_json::Value,
    values: Vec<f64>,
    height_px: u32,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let root = container();
    with_chart_styles();
    root.set_attribute(
        "style",
        &format!("width:600px;height:{height_px}px;display:flex;flex-direction:column"),
    )
    .unwrap();
    let spec: TimeSeriesChartSpec = serde_json::from_value(spec).unwrap();
    let (outputs, range) = outputs(&values);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let model =
            Memo::new(move |_| Some(Shared(Arc::new(prepare(&spec, &outputs, range, 1_000)))));
        view! {
            <div class="obs-panel__chart" style="flex:1 1 auto;display:flex;min-height:0">
                <TimeSeriesChartView model=model label="GPU use" threshold_style=ThresholdStyle::Lines/>
            </div>
        }
    });
    (root, handle)
}

/// Puts the page's chart styles in the document (once), so charts are laid out as on the
/// page: without them, a canvas sized for its box is laid out at that size and grows the box
/// it measures, and the chart paints again and again.
fn with_chart_styles() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("chart-styles").is_some() {
        return;
    }
    let style = document.create_element("style").unwrap();
    style.set_id("chart-styles");
    style.set_text_content(Some(include_str!("../style/charts.css")));
    document.head().unwrap().append_child(&style).unwrap();
}

/// The chart's base canvas once its picture is complete.
async fn painted_canvas(root: &web_sys::HtmlElement) -> web_sys::HtmlCanvasElement {
    for _ in 0..300 {
        next_frame().await;
        if let Some(canvas) = root.query_selector("canvas.obs-ts__canvas").unwrap()
            && canvas.get_attribute("data-painted").as_deref() == Some("complete")
        {
            return canvas.unchecked_into();
        }
    }
    panic!("the chart was not painted within 300 frames");
}

/// The RGBA of one pixel of the plot as shown, at a fraction of its width and height: the
/// painting canvas's, or once the plot is shown as a still picture (`chart::snapshot`), the
/// still's (drawn into a probe canvas, since a `bitmaprenderer` canvas cannot be read).
fn pixel(canvas: &web_sys::HtmlCanvasElement, x_fraction: f64, y_fraction: f64) -> Vec<u8> {
    let still = canvas
        .parent_element()
        .and_then(|plot| plot.query_selector(".obs-ts__still-overlay").unwrap())
        .map(|still| still.unchecked_into::<web_sys::HtmlCanvasElement>())
        .filter(|still| shown(still));
    let shown_canvas = still.as_ref().unwrap_or(canvas);
    let probe: web_sys::HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    probe.set_width(shown_canvas.width());
    probe.set_height(shown_canvas.height());
    let context: web_sys::CanvasRenderingContext2d =
        probe.get_context("2d").unwrap().unwrap().unchecked_into();
    context
        .draw_image_with_html_canvas_element(shown_canvas, 0.0, 0.0)
        .unwrap();
    let x = (f64::from(probe.width()) * x_fraction).floor();
    let y = (f64::from(probe.height()) * y_fraction).floor();
    context.get_image_data(x, y, 1.0, 1.0).unwrap().data().0
}

#[wasm_bindgen_test]
async fn the_chart_paints_and_reads_values_to_the_keyboard() {
    let (root, _handle) = mount_chart(
        serde_json::json!({"legend": {"position": "bottom"}}),
        [40.0, 60.0],
    );
    painted_canvas(&root).await;
    let plot = root.query_selector(".obs-ts__plot").unwrap().unwrap();
    let name = plot.get_attribute("aria-label").unwrap();
    assert!(
        name.starts_with("GPU use. Time series chart, 2 series"),
        "{name}"
    );
    assert_eq!(plot.get_attribute("tabindex").as_deref(), Some("0"));

    // Pointer tooltips are not announced; the keyboard's readout is, in one live region.
    let live = root.query_selector("[aria-live]").unwrap().unwrap();
    assert_eq!(text_of(&live), "");
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("ArrowRight");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    plot.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    let readout = text_of(&live);
    assert!(
        readout.contains("gpu-0 40") && readout.contains("gpu-1 60"),
        "{readout}"
    );
    assert_eq!(root.query_selector_all("[aria-live]").unwrap().length(), 1);
}

/// Whether an element is shown (its inline style does not hide it).
fn shown(element: &web_sys::Element) -> bool {
    !element
        .get_attribute("style")
        .unwrap_or_default()
        .contains("display: none")
        && !element
            .get_attribute("style")
            .unwrap_or_default()
            .contains("display:none")
}

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

#[wasm_bindgen_test]
async fn stacked_areas_sit_on_the_series_below_and_the_legend_isolates() {
    let spec = serde_json::json!({
        "legend": {"position": "bottom"},
        "visual": {"stack": "all", "areaOpacity": 0.5},
        "yAxis": {"min": 0, "max": 2}
    });
    let (root, _handle) = mount_chart(spec, [1.0, 1.0]);
    let canvas = painted_canvas(&root).await;
    // Low in the plot, under both lines: only the lower series' area is there.
    let both = pixel(&canvas, 0.5, 0.75);
    let upper = pixel(&canvas, 0.5, 0.3);
    assert_ne!(both, upper, "the upper band has its own colour");

    let legend = root
        .query_selector("[role=group][aria-label=Legend]")
        .unwrap()
        .unwrap();
    let items = all_by_role(&legend, "button");
    assert_eq!(items.len(), 2);
    click(&items[0]).await;
    // The legend is drawn anew in its box: the same two buttons, the other one now off.
    let items = all_by_role(&legend, "button");
    let pressed: Vec<Option<String>> = items
        .iter()
        .map(|item| item.get_attribute("aria-pressed"))
        .collect();
    assert_eq!(
        pressed,
        [Some("true".to_owned()), Some("false".to_owned())],
        "one button per series, once"
    );
    let plot = root.query_selector(".obs-ts__plot").unwrap().unwrap();
    let name = plot.get_attribute("aria-label").unwrap();
    assert!(name.contains("(1 hidden)"), "{name}");
    let canvas = painted_canvas(&root).await;
    next_frame().await;
    let alone = pixel(&canvas, 0.5, 0.75);
    assert_eq!(
        both, alone,
        "the upper series' area must not cover the lower one's"
    );
}

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

#[wasm_bindgen_test]
async fn a_painted_plot_is_shown_as_a_still_picture_and_the_canvas_emptied() {
    let (root, _handle) = mount_chart(serde_json::json!({}), [40.0, 60.0]);
    let canvas = painted_canvas(&root).await;
    let still: web_sys::HtmlCanvasElement = root
        .query_selector(".obs-ts__still-overlay")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The copy waits for the browser to be idle (`snapshot`).
    let started_ms = js_sys::Date::now();
    while !shown(&still) && js_sys::Date::now() - started_ms < 3_000.0 {
        next_frame().await;
    }
    assert!(
        shown(&still),
        "the still picture is shown once the plot is painted"
    );
    assert!(still.width() > 0 && still.height() > 0);
    // The painting canvas no longer holds its pixels twice.
    assert_eq!((canvas.width(), canvas.height()), (0, 0));
    let style = canvas.get_attribute("style").unwrap_or_default();
    assert!(style.contains("visibility: hidden"), "{style}");
    // The picture is the plot: a line's colour is somewhere on it, not only the background.
    let colours: std::collections::BTreeSet<Vec<u8>> = (1..20)
        .flat_map(|x| (1..20).map(move |y| (f64::from(x) / 20.0, f64::from(y) / 20.0)))
        .map(|(x, y)| pixel(&canvas, x, y))
        .collect();
    assert!(colours.len() > 2, "{colours:?}");
}

/// A named zone's offset from UTC, looked up once a quarter hour, still changes at the very
/// second the zone changes its clocks (Berlin: 2026-03-29 01:00 UTC, UTC+1 to UTC+2).
#[wasm_bindgen_test]
fn a_zone_offset_changes_at_its_transition() {
    use odh_observability::intl::offset_minutes;
    const CHANGE_MS: i64 = 1_774_746_000_000;
    let cases = [
        (CHANGE_MS - 600_000, 60),
        (CHANGE_MS - 1_000, 60),
        (CHANGE_MS, 120),
        (CHANGE_MS + 600_000, 120),
        (CHANGE_MS - 300_000, 60),
        (CHANGE_MS - 1_000, 60),
    ];
    for (time_ms, minutes) in cases {
        assert_eq!(
            offset_minutes(time_ms, "Europe/Berlin"),
            Some(minutes),
            "{time_ms}"
        );
    }
    assert_eq!(offset_minutes(CHANGE_MS, "Asia/Kathmandu"), Some(345));
    // A tooltip's time in that zone, either side of the change.
    use odh_observability::chart::hover_time_text;
    for (time_ms, text) in [
        (CHANGE_MS - 1_000, "Mar 29, 01:59:59"),
        (CHANGE_MS, "Mar 29, 03:00:00"),
    ] {
        assert_eq!(hover_time_text(time_ms, Some("Europe/Berlin")), text);
    }
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
