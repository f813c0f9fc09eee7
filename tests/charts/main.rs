//! Component tests of the time series chart in headless Chromium: it paints, reads out values
//! to the keyboard, shows the hovered values with a crosshair and markers without repainting,
//! isolates a series from its legend, and stacks areas on each other.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

#[path = "../support/mod.rs"]
mod support;

mod focus;
mod pointer;
mod time_zones;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::QueryOutput;
use obs_core::panels::time_series::prepare;
use obs_core::prometheus::{Sample, Series};
use obs_core::spec::panels::time_series::TimeSeriesChartSpec;
use obs_core::time_range::AbsoluteRange;
use odh_observability::chart::Shared;
use odh_observability::chart::time_series::{ThresholdStyle, TimeSeriesChartView};
use support::{all_by_role, click, container, key_down, next_frame, text_of};
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

/// The page's chart styles, so charts are laid out as on the page (`support::with_styles`).
fn with_chart_styles() {
    support::with_styles("chart-styles", include_str!("../../style/charts.css"));
}

/// The chart's base canvas once its picture is complete.
async fn painted_canvas(root: &web_sys::HtmlElement) -> web_sys::HtmlCanvasElement {
    support::painted_canvas(root, "canvas.obs-ts__canvas").await
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
    key_down(&plot, "ArrowRight", false);
    leptos::task::tick().await;
    let readout = text_of(&live);
    assert!(
        readout.contains("gpu-0 40") && readout.contains("gpu-1 60"),
        "{readout}"
    );
    assert_eq!(root.query_selector_all("[aria-live]").unwrap().length(), 1);
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
