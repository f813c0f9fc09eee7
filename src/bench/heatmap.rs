//! The heat map case: a 3-hour range at 15-second steps (720 columns) of a classic histogram
//! with `buckets` buckets, drawn with p50/p99 lines and an SLO on a log axis. It resolves to
//! `{renderMs, paintMs, prepareMs, hoverMs, paints, hoverPaints}`: the time from the data in
//! memory to the frame after the chart is painted, the longest single paint, the time spent
//! preparing the model (as the chart mounts, before it paints), the median work of a pointer move, how many times the canvas was painted
//! to show it, and how many more times the 21 pointer moves painted it (none: a
//! hover shows a DOM tooltip and never repaints the cells).

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::panels::QueryOutput;
use obs_core::panels::heatmap::prepare;
use obs_core::prometheus::{Sample, Series};
use obs_core::spec::panels::heatmap::HeatMapChartSpec;
use obs_core::time_range::AbsoluteRange;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{bench_host, next_frame};
use crate::chart::Shared;
use crate::chart::heatmap::HeatmapChart;
use crate::chart::theme::provide_chart_theme;
use crate::perf::now_ms;

/// The time between two samples of the generated histogram.
const STEP_MS: i64 = 15_000;

pub fn install(window: &web_sys::Window) {
    let run = Closure::<dyn Fn(u32, u32, f64, f64) -> js_sys::Promise>::new(
        |steps: u32, buckets: u32, width_px: f64, height_px: f64| {
            wasm_bindgen_futures::future_to_promise(async move {
                bench_heatmap(steps as usize, buckets as usize, width_px, height_px).await
            })
        },
    );
    let _ = js_sys::Reflect::set(window, &"obsBenchHeatmap".into(), run.as_ref());
    run.forget();
}

/// The durations recorded so far under a stage's name (`crate::perf::measure`).
fn stage(name: &str) -> Vec<f64> {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &"__obsTimings".into()).ok())
        .and_then(|timings| js_sys::Reflect::get(&timings, &name.into()).ok())
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map_or_else(Vec::new, |list| {
            list.iter().filter_map(|value| value.as_f64()).collect()
        })
}

/// How many times a canvas has been painted so far.
fn paints() -> u32 {
    u32::try_from(stage("canvas.paint").len()).unwrap_or(u32::MAX)
}

async fn bench_heatmap(
    steps: usize,
    buckets: usize,
    width_px: f64,
    height_px: f64,
) -> Result<JsValue, JsValue> {
    let (outputs, range) = generate(steps, buckets);
    let host = bench_host(width_px, height_px, "display:grid").await?;
    let paints_before = paints();
    let started_ms = now_ms();
    let host_for_mount = host.clone();
    let handle = leptos::mount::mount_to(host_for_mount, move || {
        provide_chart_theme();
        let spec = HeatMapChartSpec {
            log_base: Some(obs_core::spec::panels::time_series::LogBase::Ten),
            quantiles: vec![0.5, 0.99],
            slo: Some(0.5),
            ..HeatMapChartSpec::default()
        };
        let model = Memo::new(move |_| {
            Shared(Arc::new(crate::perf::measure("heatmap.prepare", || {
                prepare(&spec, &outputs, range)
            })))
        });
        // The chart's name says what it shows, as the heat map panel's summary does: the
        // model is then made as the chart mounts, before its first paint, in the panel too.
        let label = Signal::derive(move || {
            let steps = model.with(|model| {
                model
                    .histogram
                    .as_ref()
                    .map_or(0, |histogram| histogram.times_ms.len())
            });
            format!("Benchmark heat map: {steps} steps")
        });
        view! { <HeatmapChart model=model label=label timezone=Signal::derive(|| None)/> }
    });
    let chart: web_sys::HtmlElement = loop {
        next_frame().await?;
        if let Some(chart) = host.query_selector(".obs-canvas-chart")?
            && let Some(canvas) = chart.query_selector("canvas")?
            && canvas.get_attribute("data-painted").as_deref() == Some("complete")
        {
            break chart.unchecked_into();
        }
        if now_ms() - started_ms > 60_000.0 {
            return Err("the heat map was not painted within a minute".into());
        }
    };
    next_frame().await?;
    let render_ms = now_ms() - started_ms;
    let painted = paints() - paints_before;
    // The longest single paint: each must fit in a frame.
    let paint_ms = stage("canvas.paint")
        .iter()
        .skip(paints_before as usize)
        .fold(0.0, |longest: f64, ms| longest.max(*ms));
    let prepare_ms: f64 = stage("heatmap.prepare").iter().sum();

    let rect = chart.get_bounding_client_rect();
    let mut hover_ms = Vec::new();
    for index in 0..21 {
        let init = web_sys::PointerEventInit::new();
        init.set_client_x((rect.left() + rect.width() * (f64::from(index) + 0.5) / 21.0) as i32);
        init.set_client_y((rect.top() + rect.height() * 0.4) as i32);
        init.set_bubbles(true);
        let event = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init)?;
        let before = now_ms();
        chart.dispatch_event(&event)?;
        crate::dom::next_task().await;
        hover_ms.push(now_ms() - before);
        next_frame().await?;
    }
    let hover_paints = paints() - paints_before - painted;
    hover_ms.sort_by(f64::total_cmp);
    let median_hover_ms = hover_ms
        .get(hover_ms.len() / 2)
        .copied()
        .unwrap_or(f64::NAN);
    drop(handle);
    host.remove();

    let result = js_sys::Object::new();
    js_sys::Reflect::set(&result, &"renderMs".into(), &render_ms.into())?;
    js_sys::Reflect::set(&result, &"hoverMs".into(), &median_hover_ms.into())?;
    js_sys::Reflect::set(&result, &"paintMs".into(), &paint_ms.into())?;
    js_sys::Reflect::set(&result, &"prepareMs".into(), &prepare_ms.into())?;
    js_sys::Reflect::set(&result, &"paints".into(), &painted.into())?;
    js_sys::Reflect::set(&result, &"hoverPaints".into(), &hover_paints.into())?;
    Ok(result.into())
}

/// A latency histogram (cumulative bucket rates, as `rate(x_bucket[…])` returns them) with
/// `buckets` bounds from 1 ms doubling, whose median drifts over the range; deterministic.
fn generate(steps: usize, buckets: usize) -> (Vec<QueryOutput>, AbsoluteRange) {
    let start_ms: i64 = 1_700_000_000_000;
    let bounds: Vec<f64> = (0..buckets.saturating_sub(1))
        .map(|index| 0.001 * 2f64.powi(index as i32))
        .collect();
    let median_at = |step: usize| 0.05 * (1.0 + (step as f64 / 90.0).sin() * 0.6);
    let share_below = |bound: f64, step: usize| {
        // A logistic curve in log space: a log-normal-like latency distribution.
        let z = (bound / median_at(step)).ln() / 0.6;
        1.0 / (1.0 + (-1.7 * z).exp())
    };
    let series = bounds
        .iter()
        .map(|bound| Some(*bound))
        .chain(std::iter::once(None))
        .map(|bound| Series {
            labels: [(
                "le".to_owned(),
                bound.map_or_else(|| "+Inf".to_owned(), |bound| bound.to_string()),
            )]
            .into_iter()
            .collect(),
            samples: (0..steps)
                .map(|step| Sample {
                    time_ms: start_ms + step as i64 * STEP_MS,
                    value: 40.0 * bound.map_or(1.0, |bound| share_below(bound, step)),
                })
                .collect(),
        })
        .collect();
    let range = AbsoluteRange {
        start_ms: start_ms - STEP_MS,
        end_ms: start_ms + steps.saturating_sub(1) as i64 * STEP_MS,
    };
    (vec![QueryOutput::matrix(0, series, None)], range)
}
