//! Component tests of the heat map and the histogram chart in headless Chromium: cells and
//! bars are painted where the core's layout puts them, in the colour of their count; the
//! tooltip names the bucket under the pointer (the hit test reads the painted layout), and a
//! hover never repaints the canvas.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::chart::heatmap::heat_color;
use obs_core::panels::QueryOutput;
use obs_core::prometheus::{Sample, Series};
use obs_core::spec::panels::heatmap::HeatMapChartSpec;
use obs_core::spec::panels::histogram::HistogramChartSpec;
use obs_core::thresholds::ThresholdPalette;
use obs_core::time_range::AbsoluteRange;
use odh_observability::chart::Shared;
use odh_observability::chart::heatmap::HeatmapChart;
use odh_observability::chart::histogram::HistogramChart;
use support::{container, next_frame, text_of};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const START_MS: i64 = 1_700_000_000_000;

/// A classic histogram a minute apart for an hour: 5 observations per step in (0.1 s, 1 s]
/// and 10 in (1 s, 10 s], none elsewhere (cumulative, as Prometheus keeps them).
fn latency() -> (Vec<QueryOutput>, AbsoluteRange) {
    let bucket = |le: &str, cumulative: f64| Series {
        labels: [("le".to_owned(), le.to_owned())].into_iter().collect(),
        samples: (1..=60)
            .map(|minute| Sample {
                time_ms: START_MS + minute * 60_000,
                value: cumulative,
            })
            .collect(),
    };
    let series = vec![
        bucket("0.1", 0.0),
        bucket("1", 5.0),
        bucket("10", 15.0),
        bucket("+Inf", 15.0),
    ];
    let range = AbsoluteRange {
        start_ms: START_MS,
        end_ms: START_MS + 60 * 60_000,
    };
    (vec![QueryOutput::matrix(0, series, None)], range)
}

/// The chart's canvas once painted.
async fn painted_canvas(root: &web_sys::HtmlElement) -> web_sys::HtmlCanvasElement {
    support::painted_canvas(root, ".obs-canvas-chart canvas").await
}

/// The RGB of the canvas pixel under CSS pixel (x, y) of the chart.
fn rgb_at(canvas: &web_sys::HtmlCanvasElement, x_css: f64, y_css: f64) -> [u8; 3] {
    let ratio = f64::from(canvas.width()) / canvas.get_bounding_client_rect().width();
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = context
        .get_image_data((x_css * ratio).floor(), (y_css * ratio).floor(), 1.0, 1.0)
        .unwrap()
        .data()
        .0;
    [data[0], data[1], data[2]]
}

/// The page's style sheets for charts and tooltips, which place a tooltip over its chart.
fn use_chart_styles() {
    support::with_styles(
        "chart-and-tooltip-styles",
        concat!(
            include_str!("../style/dashboard.css"),
            include_str!("../style/charts.css")
        ),
    );
}

/// Where the first element matching `selector` is on the page.
fn rect_of(root: &web_sys::HtmlElement, selector: &str) -> web_sys::DomRect {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .get_bounding_client_rect()
}

/// Moves the pointer to CSS pixel (x, y) of the chart and returns the tooltip's lines.
async fn hover(root: &web_sys::HtmlElement, x_css: f64, y_css: f64) -> Vec<String> {
    let chart = root.query_selector(".obs-canvas-chart").unwrap().unwrap();
    let rect = chart.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + x_css) as i32);
    init.set_client_y((rect.top() + y_css) as i32);
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
    chart.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    let Some(tooltip) = root.query_selector(".obs-canvas-chart__tooltip").unwrap() else {
        return Vec::new();
    };
    let lines = tooltip.children();
    (0..lines.length())
        .filter_map(|index| lines.item(index))
        .map(|line| text_of(&line))
        .collect()
}

#[wasm_bindgen_test]
async fn heat_map_cells_take_their_counts_colour_and_the_tooltip_names_their_bucket() {
    use_chart_styles();
    let root = container();
    let (outputs, range) = latency();
    let spec: HeatMapChartSpec = serde_json::from_value(serde_json::json!({
        "yAxisFormat": {"unit": "seconds"}, "logBase": 10
    }))
    .unwrap();
    let model = obs_core::panels::heatmap::prepare(&spec, &outputs, range);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let model = Memo::new(move |_| Shared(Arc::new(model.clone())));
        view! {
            <div style="width:600px;height:300px;display:grid">
                <HeatmapChart model=model label="Latency" timezone=Signal::derive(|| None)/>
            </div>
        }
    });
    let canvas = painted_canvas(&root).await;
    // The axis runs from 0.1 s to 10 s (the used buckets), a decade each: the plot's upper
    // half is (1 s, 10 s], its lower half (0.1 s, 1 s]. Well inside each, across the hour:
    let (x, upper_y, lower_y) = (250.0, 90.0, 210.0);
    let upper = rgb_at(&canvas, x, upper_y);
    let lower = rgb_at(&canvas, x, lower_y);
    assert_eq!(upper, heat_color(1.0, "#ffffff"), "10 per step is the most");
    assert_eq!(
        lower,
        heat_color(0.5, "#ffffff"),
        "5 per step is half of it"
    );

    let lines = hover(&root, x, lower_y).await;
    assert_eq!(lines.len(), 3, "{lines:?}");
    // In the chart's lower half the tooltip sits above the pointer, inside the chart.
    let (chart, tooltip) = (
        rect_of(&root, ".obs-canvas-chart"),
        rect_of(&root, ".obs-canvas-chart__tooltip"),
    );
    assert!(
        tooltip.bottom() <= chart.top() + lower_y - 12.0 + 0.5,
        "above the pointer: {} {} {} {}",
        tooltip.top(),
        tooltip.bottom(),
        chart.top(),
        chart.bottom()
    );
    assert!(tooltip.top() >= chart.top(), "inside the chart");
    assert_eq!(lines[1], "100ms – 1s");
    assert_eq!(lines[2], "Count: 5");
    let lines = hover(&root, x, upper_y).await;
    assert_eq!(
        (lines[1].as_str(), lines[2].as_str()),
        ("1s – 10s", "Count: 10")
    );
    // In its upper half, below the pointer.
    let tooltip = rect_of(&root, ".obs-canvas-chart__tooltip");
    assert!(
        (tooltip.top() - (chart.top() + upper_y + 12.0)).abs() < 0.5,
        "below the pointer"
    );
    assert!(tooltip.bottom() <= chart.bottom(), "inside the chart");
    // The pointer over the axis labels names no cell.
    assert_eq!(hover(&root, 5.0, upper_y).await, Vec::<String>::new());
    next_frame().await;
    assert_eq!(
        rgb_at(&canvas, x, upper_y),
        upper,
        "hovering never repaints the cells"
    );
    assert_eq!(
        canvas.get_attribute("data-painted").as_deref(),
        Some("complete")
    );
}

#[wasm_bindgen_test]
async fn histogram_bars_stand_over_their_buckets_and_name_them() {
    let root = container();
    let (outputs, _) = latency();
    let spec: HistogramChartSpec = serde_json::from_value(serde_json::json!({
        "format": {"unit": "seconds"}, "logBase": 10,
        "thresholds": {"steps": [{"value": 1, "color": "#ff0000"}], "defaultColor": "#00ff00"}
    }))
    .unwrap();
    let model = obs_core::panels::histogram::prepare(
        &spec,
        &outputs,
        &ThresholdPalette::patternfly_light(),
    );
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let model = Memo::new(move |_| Shared(Arc::new(model.clone())));
        view! {
            <div style="width:600px;height:300px;display:grid">
                <HistogramChart model=model label="Latency"/>
            </div>
        }
    });
    let canvas = painted_canvas(&root).await;
    // A range: the mean per step, 5 and 10. The x axis spans 0.1 s to 10 s (the +Inf bucket is
    // empty, but keeps its slot at the right); the bars' bottoms sit on the count axis.
    let bottom = 300.0 - 20.0 - 2.0;
    let lines = hover(&root, 150.0, 100.0).await;
    assert_eq!(lines, ["100ms – 1s", "mean over the range: 5"]);
    assert_eq!(
        rgb_at(&canvas, 150.0, bottom),
        [0, 255, 0],
        "within 1 s: the base colour"
    );
    let lines = hover(&root, 400.0, 100.0).await;
    assert_eq!(lines, ["1s – 10s", "mean over the range: 10"]);
    assert_eq!(
        rgb_at(&canvas, 400.0, bottom),
        [255, 0, 0],
        "from 1 s: the step's colour"
    );
}
