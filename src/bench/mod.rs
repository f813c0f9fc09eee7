//! Benchmark hooks, compiled only with the `bench` feature (`scripts/bench.sh`): the page
//! gets `window.obsBenchChart(series, points, widthPx, heightPx, hover)`, which draws one time
//! series chart from generated data, lets `hover` (the harness' function, which measures
//! uPlot's chart the same way) move the pointer over its plot, and resolves to
//! `{renderMs, hoverMs, …}`, and
//! `window.obsWasmMemoryBytes()`, the size of the WebAssembly memory, and
//! `window.obsWasmAllocatedBytes()`, what of it the page holds and held at most.
//!
//! The render time runs from the data (already in memory, as uPlot's own benchmark has it) to
//! the frame after the chart is painted: preparing the model, decimating, painting. The hover
//! time is the work one pointer move causes (the event, the reactive updates and the overlay
//! repaint), the median of 21 moves across the plot, measured by the harness.
//!
//! `window.obsBenchHeatmap(steps, buckets, widthPx, heightPx)` does the same for a heat map of
//! a classic histogram (`heatmap`).

mod heatmap;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::QueryOutput;
use obs_core::panels::time_series::prepare;
use obs_core::prometheus::{Sample, Series};
use obs_core::spec::panels::time_series::TimeSeriesChartSpec;
use obs_core::time_range::AbsoluteRange;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::chart::Shared;
use crate::chart::theme::provide_chart_theme;
use crate::chart::time_series::{ThresholdStyle, TimeSeriesChartView};
use crate::perf::now_ms;

/// The standard allocator, counting the bytes the page holds and the most it held: the
/// benchmark tells data kept from memory grown once, which WebAssembly never gives back.
#[global_allocator]
static ALLOCATOR: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// Puts the benchmark functions on `window`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let run = Closure::<dyn Fn(u32, u32, f64, f64, js_sys::Function) -> js_sys::Promise>::new(
        |series: u32, points: u32, width_px: f64, height_px: f64, hover: js_sys::Function| {
            wasm_bindgen_futures::future_to_promise(async move {
                bench_chart(
                    series as usize,
                    points as usize,
                    (width_px, height_px),
                    hover,
                )
                .await
            })
        },
    );
    let _ = js_sys::Reflect::set(&window, &"obsBenchChart".into(), run.as_ref());
    run.forget();
    heatmap::install(&window);
    // The WebAssembly memory is not part of the JS heap figure: the benchmark adds it.
    let memory = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .ok()
            .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
            .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
    });
    let _ = js_sys::Reflect::set(&window, &"obsWasmMemoryBytes".into(), memory.as_ref());
    memory.forget();
    // What of that memory the page holds, and the most it held (`[live, peak]` in bytes).
    let allocated = Closure::<dyn Fn() -> js_sys::Array>::new(|| {
        [ALLOCATOR.current_usage(), ALLOCATOR.peak_usage()]
            .into_iter()
            .map(|bytes| JsValue::from_f64(bytes as f64))
            .collect()
    });
    let _ = js_sys::Reflect::set(&window, &"obsWasmAllocatedBytes".into(), allocated.as_ref());
    allocated.forget();
}

async fn bench_chart(
    series_count: usize,
    points: usize,
    (width_px, height_px): (f64, f64),
    hover: js_sys::Function,
) -> Result<JsValue, JsValue> {
    let (outputs, range) = generate(series_count, points);
    let host = bench_host(width_px, height_px, "display:flex;flex-direction:column").await?;

    let started_ms = now_ms();
    crate::perf::mark("at.start");
    let host_for_mount = host.clone();
    let handle = crate::perf::measure("bench.mount", move || {
        leptos::mount::mount_to(host_for_mount, move || {
            provide_chart_theme();
            let spec = TimeSeriesChartSpec::default();
            let model = Memo::new(move |_| {
                Some(Shared(Arc::new(crate::perf::measure(
                    "chart.prepare",
                    || prepare(&spec, &outputs, range, usize::MAX),
                ))))
            });
            view! {
                <div class="obs-panel__chart" style="flex:1 1 auto;display:flex;min-height:0">
                    <TimeSeriesChartView
                        model=model
                        label="Benchmark"
                        threshold_style=ThresholdStyle::Lines
                    />
                </div>
            }
        })
    });
    // Painted once the canvas shows every series (painting may take several frames): the
    // frame after that shows it.
    let canvas: web_sys::HtmlCanvasElement = loop {
        next_frame().await?;
        if let Some(canvas) = host.query_selector("canvas.obs-ts__canvas")?
            && let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>()
            && canvas.get_attribute("data-painted").as_deref() == Some("complete")
        {
            break canvas;
        }
        if now_ms() - started_ms > 60_000.0 {
            return Err("the chart was not painted within a minute".into());
        }
    };
    crate::perf::mark("at.seen-painted");
    next_frame().await?;
    crate::perf::mark("at.next-frame");
    let render_ms = now_ms() - started_ms;
    // A warm hover is one over a settled chart: its plot shown as a still picture, which the
    // page makes once the browser is idle after the paint (`chart::snapshot`), long before a
    // reader's pointer arrives. Hovering at once measured the canvas the still replaces for
    // the first moves.
    let settle_from_ms = now_ms();
    while now_ms() - settle_from_ms < 2_000.0 {
        let shown = host
            .query_selector(".obs-ts__still-overlay")?
            .and_then(|still| still.get_attribute("style"))
            .is_some_and(|style| !style.replace(' ', "").contains("display:none"));
        if shown {
            crate::perf::mark("at.still-shown");
            break;
        }
        next_frame().await?;
    }

    let plot = host.query_selector(".obs-ts__plot")?.ok_or("no plot")?;
    // The harness' `hoverLoop`, the code that measures uPlot's hovers too.
    let hovers = wasm_bindgen_futures::JsFuture::from(
        hover
            .call1(&JsValue::NULL, &plot)?
            .unchecked_into::<js_sys::Promise>(),
    )
    .await?;
    drop(canvas);
    drop(handle);
    host.remove();

    let result = js_sys::Object::assign(&js_sys::Object::new(), &hovers.unchecked_into());
    js_sys::Reflect::set(&result, &"renderMs".into(), &render_ms.into())?;
    Ok(result.into())
}

/// `series_count` series of `points` samples one second apart, shaped like monitoring data:
/// a slow wave plus a bounded random walk (each step moves at most 1.5 % of the range), as CPU,
/// latency and throughput series look. Deterministic, so runs compare.
fn generate(series_count: usize, points: usize) -> (Vec<QueryOutput>, AbsoluteRange) {
    let start_ms: i64 = 1_700_000_000_000;
    let series = (0..series_count)
        .map(|index| {
            let mut state = (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            let mut walk = 0.0_f64;
            Series {
                labels: [("series".to_owned(), format!("s{index}"))]
                    .into_iter()
                    .collect(),
                samples: (0..points)
                    .map(|point| {
                        // xorshift: a cheap, repeatable source of steps.
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let step = (state % 1000) as f64 / 1000.0 - 0.5;
                        walk = (walk + step * 3.0).clamp(-20.0, 20.0);
                        let wave = (point as f64 / 2_000.0 + index as f64).sin() * 30.0;
                        Sample {
                            time_ms: start_ms + point as i64 * 1000,
                            value: 60.0 + wave + walk,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let output = QueryOutput::matrix(0, series, None);
    let range = AbsoluteRange {
        start_ms,
        end_ms: start_ms + points.saturating_sub(1).max(1) as i64 * 1000,
    };
    (vec![output], range)
}

/// A fresh element of the page's root class, `width_px` × `height_px` at the top left, for one
/// benchmark case to mount in; resolves once it is in the document.
pub(crate) async fn bench_host(
    width_px: f64,
    height_px: f64,
    layout_css: &str,
) -> Result<web_sys::HtmlElement, JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let host: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
    host.set_class_name("obs-root");
    host.set_attribute(
        "style",
        &format!("position:absolute;left:0;top:0;width:{width_px}px;height:{height_px}px;{layout_css};background:#fff"),
    )?;
    document.body().ok_or("no body")?.append_child(&host)?;
    next_frame().await?;
    Ok(host)
}

pub(crate) async fn next_frame() -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}
