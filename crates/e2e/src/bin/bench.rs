//! The benchmark (`scripts/bench.sh`): prints figures, asserts nothing (these machines are
//! noisy). In headless Chromium at 1920 × 1080:
//!
//! 1. one 1920 × 400 time series chart of 3 × 55,550 points: render and hover;
//! 2. one chart of 500 series × 1,000 points: render, hover and the longest main-thread task;
//! 3. the 114-panel NodeExporter dashboard of the shared corpus through the whole product
//!    (backend, tenancy, queries, every panel drawn), fed by a synthetic Prometheus: above the
//!    fold, all panels after opening every row and scrolling to the bottom, the longest task,
//!    the heap, and the queries sent.
//!
//! Each case runs in a fresh browser page; the figures are the median of `OBS_BENCH_RUNS`
//! runs (default 3), printed beside the anchors of ../shared/reference/performance-anchors.md.

#![allow(clippy::print_stdout)] // Printing the figures is the point.

use std::path::{Path, PathBuf};
use std::time::Duration;

use obs_devserver::PrometheusSource;
use obs_e2e::synthetic::SyntheticPrometheus;
use obs_e2e::{Backend, Harness, Pages, built_page, prometheus_calls};
use serde_json::{Value, json};

const NODE_EXPORTER: &str = "perses__dev__data__9-dashboard__NodeExporter.json";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("benchmark failed: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let dist = built_page("OBS_BENCH_DIST")?;
    let runs: usize = std::env::var("OBS_BENCH_RUNS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(3)
        .max(1);
    let scratch = scratch_dir()?;
    let prometheus = SyntheticPrometheus::start().await?;
    let backend = Backend {
        prometheus: PrometheusSource::External {
            url: prometheus.url.clone(),
        },
        dashboards_dir: scratch.join("dashboards"),
        rbac_file: scratch.join("rbac.yaml"),
    };
    let harness =
        Harness::start_with(Pages::Standalone(dist.clone()), backend, (1920, 1080)).await?;
    let outcome = cases(&harness, runs).await;
    if outcome.is_err() {
        harness
            .screenshot(&std::env::temp_dir().join("obs-bench-failure.png"))
            .await;
    }
    let _ = harness.stop().await;
    let _ = std::fs::remove_dir_all(&scratch);
    let figures = outcome?;
    print_report(&figures, &dist, runs);
    Ok(())
}

#[derive(Default)]
struct Figures {
    chart_3x55550: Vec<Value>,
    chart_500x1000: Vec<Value>,
    /// uPlot drawing the same cases in the same browser, when `OBS_BENCH_UPLOT` names its
    /// `dist` folder (scripts/bench.sh installs it from npm).
    uplot_3x55550: Vec<Value>,
    uplot_500x1000: Vec<Value>,
    dashboard: Vec<Value>,
}

async fn cases(harness: &Harness, runs: usize) -> Result<Figures, String> {
    // A development aid: OBS_BENCH_PROBE=<file.js> runs that script (asynchronously, with
    // `done` as its last argument) in the benchmark page and prints what it returns.
    if let Ok(path) = std::env::var("OBS_BENCH_PROBE") {
        let script = std::fs::read_to_string(&path).map_err(|error| format!("{path}: {error}"))?;
        let page = std::env::var("OBS_BENCH_PROBE_PAGE")
            .unwrap_or_else(|_| "/?project=bench&dashboard=empty".to_owned());
        harness.open(&page).await?;
        let result = harness
            .browser
            .execute_async(&script, Vec::new())
            .await
            .map_err(|error| format!("probe: {error}"))?;
        println!("probe: {result}");
    }
    // OBS_BENCH_ONLY=charts or =dashboard runs one part, for development.
    let only = std::env::var("OBS_BENCH_ONLY").unwrap_or_default();
    let uplot = match std::env::var("OBS_BENCH_UPLOT") {
        Ok(dir) => {
            let read = |name: &str| {
                let path = Path::new(&dir).join(name);
                std::fs::read_to_string(&path)
                    .map_err(|error| format!("{}: {error}", path.display()))
            };
            Some((read("uPlot.iife.min.js")?, read("uPlot.min.css")?))
        }
        Err(_) => None,
    };
    let mut figures = Figures::default();
    for run in 0..runs {
        eprintln!("run {} of {runs}", run + 1);
        if only != "dashboard" {
            figures
                .chart_3x55550
                .push(chart(harness, 3, 55_550, 400).await?);
            figures
                .chart_500x1000
                .push(chart(harness, 500, 1_000, 400).await?);
            if let Some(source) = &uplot {
                figures
                    .uplot_3x55550
                    .push(uplot_chart(harness, source, 3, 55_550, 400).await?);
                figures
                    .uplot_500x1000
                    .push(uplot_chart(harness, source, 500, 1_000, 400).await?);
            }
        }
        if only != "charts" {
            figures.dashboard.push(dashboard(harness).await?);
        }
    }
    Ok(figures)
}

/// One chart from generated data, in a fresh page, with long tasks observed.
async fn chart(
    harness: &Harness,
    series: u32,
    points: u32,
    height_px: u32,
) -> Result<Value, String> {
    harness.open("/?project=bench&dashboard=empty").await?;
    harness
        .wait_until("the benchmark hooks are installed", || async {
            harness
                .eval_bool("return typeof window.obsBenchChart === 'function'")
                .await
        })
        .await?;
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const tasks = [];
         const observer = new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)));
         observer.observe({{type: 'longtask', buffered: false}});
         window.__obsTimings = {{}};
         window.obsBenchChart({series}, {points}, 1920, {height_px})
           .then(result => {{ observer.disconnect(); result.longestTaskMs = Math.max(0, ...tasks); result.stages = window.__obsTimings; done(result); }})
           .catch(error => done({{error: String(error)}}));"
    );
    let result = harness
        .browser
        .execute_async(&script, Vec::new())
        .await
        .map_err(|error| format!("chart {series}×{points}: {error}"))?;
    if let Some(error) = result.get("error") {
        return Err(format!("chart {series}×{points}: {error}"));
    }
    eprintln!("chart {series}×{points}: stages (ms) {}", result["stages"]);
    Ok(result)
}

/// One uPlot chart of the same size and amount of data, in a fresh page of the same origin.
async fn uplot_chart(
    harness: &Harness,
    (source, css): &(String, String),
    series: u32,
    points: u32,
    height_px: u32,
) -> Result<Value, String> {
    harness.open("/?project=bench&dashboard=empty").await?;
    let result = harness
        .browser
        .execute_async(
            include_str!("uplot_case.js"),
            vec![
                json!(source),
                json!(css),
                json!(series),
                json!(points),
                json!(1920),
                json!(height_px),
            ],
        )
        .await
        .map_err(|error| format!("uPlot {series}×{points}: {error}"))?;
    if let Some(error) = result.get("error") {
        return Err(format!("uPlot {series}×{points}: {error}"));
    }
    Ok(result)
}

/// The NodeExporter dashboard, from navigation to every panel drawn.
async fn dashboard(harness: &Harness) -> Result<Value, String> {
    // Requests are told apart by time: the backend's log is a ring and may have wrapped.
    let since_ms = unix_now_ms();
    harness
        .browser
        .goto(&harness.url("/?project=bench&dashboard=node-exporter"))
        .await
        .map_err(|error| error.to_string())?;
    let above_fold = harness
        .browser
        .execute_async(
            concat!(include_str!("panels.js"), include_str!("above_fold.js")),
            Vec::new(),
        )
        .await
        .map_err(|error| format!("above the fold: {error}"))?;
    let all = harness
        .browser
        .execute_async(
            concat!(include_str!("panels.js"), include_str!("all_panels.js")),
            Vec::new(),
        )
        .await
        .map_err(|error| format!("all panels: {error}"))?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let records: Vec<Value> = harness
        .requests()
        .await?
        .into_iter()
        .filter(|record| record["at_ms"].as_i64().unwrap_or(0) >= since_ms)
        .collect();
    let calls = prometheus_calls(&records);
    let unresolved = calls
        .iter()
        .filter(|(_, params, _)| {
            params["query"]
                .as_str()
                .is_some_and(|query| query.contains("=\"\"") || query.contains('$'))
        })
        .count();
    let errors = [above_fold.get("error"), all.get("error")]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    Ok(json!({
        "aboveFoldMs": above_fold["ms"],
        "aboveFoldPanels": above_fold["panels"],
        "loadLongestTaskMs": above_fold["longestTaskMs"],
        "allMs": all["ms"],
        "allPanels": all["panels"],
        "longestTaskMs": all["longestTaskMs"],
        "heapMb": all["heapMb"],
        "wasmMb": all["wasmMb"],
        "queries": calls.len(),
        "unresolvedQueries": unresolved,
        "error": errors,
    }))
}

/// A temporary manifest directory with the NodeExporter dashboard in project `bench`, an
/// empty dashboard for the chart cases, and a user who may see the project.
fn scratch_dir() -> Result<PathBuf, String> {
    let root = std::env::temp_dir().join(format!("obs-bench-{}", std::process::id()));
    let project = root.join("dashboards").join("bench");
    std::fs::create_dir_all(&project).map_err(|error| error.to_string())?;
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/perses");
    let text = std::fs::read_to_string(corpus.join(NODE_EXPORTER))
        .map_err(|error| format!("{}: {error}", corpus.join(NODE_EXPORTER).display()))?;
    let dashboard: Value = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    write_manifest(&project, "node-exporter", &dashboard["spec"])?;
    let empty =
        json!({"display": {"name": "Empty"}, "duration": "1h", "panels": {}, "layouts": []});
    write_manifest(&project, "empty", &empty)?;
    let rbac = "localUser: bench\nprojects:\n  - name: bench\n    displayName: Benchmark\n    aiProject: true\nusers:\n  - name: bench\n    token: bench-token\n    projects: [bench]\n";
    std::fs::write(root.join("rbac.yaml"), rbac).map_err(|error| error.to_string())?;
    Ok(root)
}

fn write_manifest(dir: &Path, name: &str, spec: &Value) -> Result<(), String> {
    let manifest = json!({
        "apiVersion": "perses.dev/v1alpha1",
        "kind": "PersesDashboard",
        "metadata": {"name": name, "namespace": "bench"},
        "spec": spec,
    });
    std::fs::write(dir.join(format!("{name}.json")), manifest.to_string())
        .map_err(|error| error.to_string())
}

/// The current unix time in milliseconds.
fn unix_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

fn median(values: &[Value], key: &str) -> Option<f64> {
    let mut numbers: Vec<f64> = values
        .iter()
        .filter_map(|value| value[key].as_f64())
        .collect();
    numbers.sort_by(f64::total_cmp);
    numbers.get(numbers.len() / 2).copied()
}

fn print_report(figures: &Figures, dist: &Path, runs: usize) {
    let ms = |value: Option<f64>| value.map_or("–".to_owned(), |v| format!("{v:.1} ms"));
    println!(
        "\nBenchmark: median of {runs} runs, headless Chromium, 1920 × 1080, device scale 1\n"
    );
    println!(
        "{:<52} {:>12} {:>16} {:>20}",
        "case", "this plugin", "uPlot, this run", "anchor"
    );
    let row3 = |case: &str, value: String, here: String, anchor: &str| {
        println!("{case:<52} {value:>12} {here:>16} {anchor:>20}");
    };
    let row = |case: &str, value: String, anchor: &str| row3(case, value, String::new(), anchor);
    let (a, ua) = (&figures.chart_3x55550, &figures.uplot_3x55550);
    row3(
        "1 chart, 3 × 55,550 points: render incl. paint",
        ms(median(a, "renderMs")),
        ms(median(ua, "renderMs")),
        "uPlot 58.5 ms",
    );
    row3(
        "  warm hover",
        ms(median(a, "hoverMs")),
        ms(median(ua, "hoverMs")),
        "uPlot 2.5 ms",
    );
    row3(
        "  longest main-thread task",
        ms(median(a, "longestTaskMs")),
        ms(median(ua, "longestTaskMs")),
        "",
    );
    let (b, ub) = (&figures.chart_500x1000, &figures.uplot_500x1000);
    row3(
        "1 chart, 500 series × 1,000 points: render",
        ms(median(b, "renderMs")),
        ms(median(ub, "renderMs")),
        "uPlot 177 ms",
    );
    row3(
        "  warm hover",
        ms(median(b, "hoverMs")),
        ms(median(ub, "hoverMs")),
        "uPlot 12.9 ms",
    );
    row3(
        "  longest main-thread task (target ≤ 200 ms)",
        ms(median(b, "longestTaskMs")),
        ms(median(ub, "longestTaskMs")),
        "",
    );
    let c = &figures.dashboard;
    row(
        "NodeExporter, 114 panels: above the fold drawn",
        ms(median(c, "aboveFoldMs")),
        "Perses 3,550 ms",
    );
    row(
        "  longest main-thread task while loading",
        ms(median(c, "loadLongestTaskMs")),
        "Perses 444 ms",
    );
    row(
        "  all 114 drawn, from opening the rows",
        ms(median(c, "allMs")),
        "Perses 19,764 ms",
    );
    row(
        "  longest main-thread task after opening the rows",
        ms(median(c, "longestTaskMs")),
        "Perses 695 ms",
    );
    row(
        "  JS heap + WebAssembly memory, every panel drawn",
        match (median(c, "heapMb"), median(c, "wasmMb")) {
            (Some(heap), Some(wasm)) => format!("{heap:.0} + {wasm:.0} MB"),
            _ => "–".to_owned(),
        },
        "Perses 220 MB",
    );
    row(
        "  Prometheus queries sent / with unresolved variables",
        format!(
            "{} / {}",
            median(c, "queries").map_or("–".to_owned(), |v| format!("{v:.0}")),
            median(c, "unresolvedQueries").map_or("–".to_owned(), |v| format!("{v:.0}"))
        ),
        "Perses 7–50 unresolved",
    );
    for (index, run) in c.iter().enumerate() {
        if run["error"].as_str().is_some_and(|error| !error.is_empty()) {
            println!("  run {}: {}", index + 1, run["error"]);
        }
    }
    println!(
        "\nBundle in {}: see scripts/bench.sh's size line (anchor: Perses 833 KB brotli).",
        dist.display()
    );
}
