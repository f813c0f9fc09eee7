//! The chart cases: one chart of generated data in the plugin's page (its benchmark hooks),
//! and the same data drawn by uPlot in the same browser.

use obs_e2e::Harness;
use serde_json::{Value, json};

use crate::profile::CpuProfile;

/// One chart from generated data, in a fresh page, with long tasks observed.
pub async fn chart(
    harness: &Harness,
    series: u32,
    points: u32,
    height_px: u32,
) -> Result<Value, String> {
    let what = format!("chart {series}×{points}");
    let result = run_hook(
        harness,
        "obsBenchChart",
        // The hovers are measured by the same code as uPlot's (`hoverLoop`).
        &format!(
            "{series}, {points}, 1920, {height_px}, target => hoverLoop(target, 'pointermove')"
        ),
        &what,
    )
    .await?;
    eprintln!("{what}: stages (ms) {}", result["stages"]);
    Ok(result)
}

/// One heat map from a generated classic histogram, in a fresh page, with long tasks observed.
pub async fn heatmap(harness: &Harness, steps: u32, buckets: u32) -> Result<Value, String> {
    let what = format!("heat map {steps}×{buckets}");
    let result = run_hook(
        harness,
        "obsBenchHeatmap",
        &format!("{steps}, {buckets}, 960, 400"),
        &what,
    )
    .await?;
    eprintln!("{what}: {result}");
    Ok(result)
}

/// Calls the page's benchmark hook `window.<hook>(<arguments>)` in a fresh page, with long
/// tasks observed and stage timings collected; `what` names the case in errors.
async fn run_hook(
    harness: &Harness,
    hook: &str,
    arguments: &str,
    what: &str,
) -> Result<Value, String> {
    harness.open("/?project=bench&dashboard=empty").await?;
    let installed = format!("return typeof window.{hook} === 'function'");
    harness
        .wait_until("the benchmark hooks are installed", || async {
            harness.eval_bool(&installed).await
        })
        .await?;
    // A development aid: OBS_BENCH_CSS=<rules> adds them to the page before the case runs, to
    // see what a style change does to the figures without building the page again.
    let style = match std::env::var("OBS_BENCH_CSS") {
        Ok(rules) => format!(
            "const style = document.createElement('style');
             style.textContent = {};
             document.head.appendChild(style);",
            Value::String(rules)
        ),
        Err(_) => String::new(),
    };
    let script = format!(
        "const done = arguments[arguments.length - 1];
         {hover_loop}
         {style}
         const tasks = [];
         const observer = new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)));
         observer.observe({{type: 'longtask', buffered: false}});
         window.__obsTimings = {{}};
         window.{hook}({arguments})
           .then(result => {{ observer.disconnect(); result.longestTaskMs = Math.max(0, ...tasks); result.stages = window.__obsTimings; done(result); }})
           .catch(error => done({{error: String(error)}}));",
        hover_loop = include_str!("js/hover_loop.js"),
    );
    let cpu_profile = CpuProfile::start(harness, 100).await?;
    let result = harness
        .browser
        .execute_async(&script, Vec::new())
        .await
        .map_err(|error| format!("{what}: {error}"));
    if let Some(profile) = cpu_profile {
        // Named by the case (`chart 3×55550` → `chart-3x55550`) and the time, one per run.
        let case: String = what
            .chars()
            .map(|c| match c {
                '×' => 'x',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect();
        profile
            .finish(harness, &format!("{case}-{}", obs_e2e::now_ms()))
            .await?;
    }
    let result = result?;
    if let Some(error) = result.get("error") {
        return Err(format!("{what}: {error}"));
    }
    Ok(result)
}

/// One uPlot chart of the same size and amount of data, in a fresh page of the same origin;
/// with `legend`, uPlot shows the hovered values in its legend.
pub async fn uplot_chart(
    harness: &Harness,
    (source, css): &(String, String),
    series: u32,
    points: u32,
    height_px: u32,
    legend: bool,
) -> Result<Value, String> {
    harness.open("/?project=bench&dashboard=empty").await?;
    let result = harness
        .browser
        .execute_async(
            &format!(
                "{}\n{}",
                include_str!("js/hover_loop.js"),
                include_str!("js/uplot_case.js")
            ),
            vec![
                json!(source),
                json!(css),
                json!(series),
                json!(points),
                json!(1920),
                json!(height_px),
                json!(legend),
            ],
        )
        .await
        .map_err(|error| format!("uPlot {series}×{points}: {error}"))?;
    if let Some(error) = result.get("error") {
        return Err(format!("uPlot {series}×{points}: {error}"));
    }
    Ok(result)
}
