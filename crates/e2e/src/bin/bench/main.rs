//! The benchmark (`scripts/bench.sh`): prints figures, asserts nothing (these machines are
//! noisy). In headless Chromium at 1920 × 1080:
//!
//! 1. one 1920 × 400 time series chart of 3 × 55,550 points: render and hover;
//! 2. one chart of 500 series × 1,000 points: render, hover and the longest main-thread task;
//!    both beside uPlot drawing the same data in the same browser;
//! 3. two dashboards of the shared corpus, ODH's "Models" and the 114-panel NodeExporter,
//!    through the whole product (backend, tenancy, queries, every panel drawn) and in Perses'
//!    own page built from the npm `@perses-dev` packages, both fed by one synthetic
//!    Prometheus (`dashboards.rs`).
//!
//! Each case runs in a fresh document; the figures are the median of `OBS_BENCH_RUNS` runs
//! (default 3), printed as one table with the ratios and targets of issue 12, and written raw
//! as JSON to `OBS_BENCH_JSON` (default: `obs-bench.json` in the temporary directory).

#![allow(clippy::print_stdout)] // Printing the figures is the point.

mod bytes;
mod charts;
mod dashboards;
mod profile;
mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use obs_core::source::{SourceFormat, parse_documents};
use obs_devserver::PrometheusSource;
use obs_e2e::synthetic::SyntheticPrometheus;
use obs_e2e::{Backend, Harness, Pages, built_page, built_page_at};
use serde_json::{Value, json};

use crate::bytes::Downloads;
use crate::charts::{chart, heatmap, uplot_chart};
use crate::dashboards::{Dashboard, PERSES_PEER, Page};

const NODE_EXPORTER: &str = "perses__dev__data__9-dashboard__NodeExporter.json";
const ODH_MODELS: &str =
    "odh-dashboard__manifests__observability__odh__perses-dashboard-model.yaml";

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
    // Perses' page, built by scripts/bench.sh; without it the dashboards are measured in the
    // plugin only.
    let perses_dist = match std::env::var_os("OBS_BENCH_PERSES") {
        Some(dir) => Some(built_page_at(PathBuf::from(dir))?),
        None => {
            eprintln!("OBS_BENCH_PERSES is not set: Perses' page is not measured");
            None
        }
    };
    let scratch = scratch_dir()?;
    let prometheus = SyntheticPrometheus::start().await?;
    let backend = Backend {
        prometheus: PrometheusSource::External {
            url: prometheus.url.clone(),
        },
        dashboards_dir: scratch.join("dashboards"),
        rbac_file: scratch.join("rbac.yaml"),
    };
    let pages = Pages::BesidePeers {
        page: dist.clone(),
        peers: perses_dist
            .iter()
            .map(|dir| (PERSES_PEER.to_owned(), dir.clone()))
            .collect(),
    };
    let harness = Harness::start_with(pages, backend, (1920, 1080)).await?;
    let built = dashboards::Pages {
        plugin_dist: dist.clone(),
        perses_dist,
        prometheus_url: prometheus.url.clone(),
    };
    let setup = Setup {
        harness: &harness,
        prometheus: &prometheus,
        pages: &built,
        dashboards: bench_dashboards(&scratch)?,
    };
    let outcome = cases(&setup, runs).await;
    let Setup { dashboards, .. } = setup;
    if outcome.is_err() {
        harness
            .screenshot(&std::env::temp_dir().join("obs-bench-failure.png"))
            .await;
    }
    let _ = harness.stop().await;
    let _ = std::fs::remove_dir_all(&scratch);
    let figures = outcome?;
    report::print(&figures, &dashboards, runs);
    let json_path = std::env::var_os("OBS_BENCH_JSON").map_or_else(
        || std::env::temp_dir().join("obs-bench.json"),
        PathBuf::from,
    );
    report::write_json(&figures, &json_path, runs)?;
    println!("\nRaw figures: {}", json_path.display());
    Ok(())
}

/// What the cases run against.
struct Setup<'a> {
    harness: &'a Harness,
    prometheus: &'a SyntheticPrometheus,
    pages: &'a dashboards::Pages,
    dashboards: Vec<Dashboard>,
}

/// Every run's raw figures, per case.
#[derive(Default)]
pub struct Figures {
    pub chart_3x55550: Vec<Value>,
    pub chart_500x1000: Vec<Value>,
    /// uPlot drawing the same cases in the same browser, when `OBS_BENCH_UPLOT` names its
    /// `dist` folder (scripts/bench.sh installs it from npm).
    pub uplot_3x55550: Vec<Value>,
    /// The same with uPlot's legend, which shows the hovered values as the plugin's tooltip does.
    pub uplot_3x55550_legend: Vec<Value>,
    pub uplot_500x1000: Vec<Value>,
    /// A heat map of 720 steps (3 h at 15 s) × 30 buckets.
    pub heatmap_720x30: Vec<Value>,
    /// Per dashboard key, per page key.
    pub dashboards: BTreeMap<String, BTreeMap<String, Vec<Value>>>,
}

async fn cases(setup: &Setup<'_>, runs: usize) -> Result<Figures, String> {
    let harness = setup.harness;
    // A development aid: OBS_BENCH_PROBE=<file.js> runs that script (asynchronously, with
    // `done` as its last argument) in the benchmark page (or OBS_BENCH_PROBE_PAGE) and prints
    // what it returns; OBS_BENCH_PROBE_SHOT=<file.png> then takes a screenshot.
    if let Ok(path) = std::env::var("OBS_BENCH_PROBE") {
        let script = std::fs::read_to_string(&path).map_err(|error| format!("{path}: {error}"))?;
        let page = std::env::var("OBS_BENCH_PROBE_PAGE")
            .unwrap_or_else(|_| "/?project=bench&dashboard=empty".to_owned());
        harness.goto(&page).await?;
        let result = harness
            .browser
            .execute_async(&script, Vec::new())
            .await
            .map_err(|error| format!("probe: {error}"))?;
        println!("probe: {result}");
        if let Ok(shot) = std::env::var("OBS_BENCH_PROBE_SHOT") {
            harness.screenshot(Path::new(&shot)).await;
        }
    }
    // OBS_BENCH_ONLY=charts or =dashboards runs one part, for development.
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
    let mut downloads = Downloads::default();
    for run in 0..runs {
        eprintln!("run {} of {runs}", run + 1);
        if only != "dashboards" {
            figures
                .chart_3x55550
                .push(chart(harness, 3, 55_550, 400).await?);
            figures
                .chart_500x1000
                .push(chart(harness, 500, 1_000, 400).await?);
            figures
                .heatmap_720x30
                .push(heatmap(harness, 720, 30).await?);
            if let Some(source) = &uplot {
                figures
                    .uplot_3x55550
                    .push(uplot_chart(harness, source, 3, 55_550, 400, false).await?);
                figures
                    .uplot_3x55550_legend
                    .push(uplot_chart(harness, source, 3, 55_550, 400, true).await?);
                figures
                    .uplot_500x1000
                    .push(uplot_chart(harness, source, 500, 1_000, 400, false).await?);
            }
        }
        if only != "charts" {
            for dashboard in &setup.dashboards {
                for page in Page::ALL {
                    if !setup.pages.has(page) {
                        continue;
                    }
                    let started = std::time::Instant::now();
                    let result = dashboards::measure(
                        harness,
                        setup.prometheus,
                        setup.pages,
                        &mut downloads,
                        page,
                        dashboard,
                    )
                    .await
                    .map_err(|error| format!("{} in {}: {error}", dashboard.label, page.key()))?;
                    eprintln!(
                        "{} in {}: {:.0} s",
                        dashboard.label,
                        page.key(),
                        started.elapsed().as_secs_f64()
                    );
                    figures
                        .dashboards
                        .entry(dashboard.key.to_owned())
                        .or_default()
                        .entry(page.key().to_owned())
                        .or_default()
                        .push(result);
                }
            }
        }
    }
    Ok(figures)
}

/// The dashboards both pages open, written into the scratch project `bench`.
fn bench_dashboards(scratch: &Path) -> Result<Vec<Dashboard>, String> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/perses");
    let project = scratch.join("dashboards").join("bench");
    let read = |name: &str, format: SourceFormat| -> Result<Value, String> {
        let path = corpus.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        parse_documents(&text, format)
            .map_err(|error| format!("{}: {error}", path.display()))?
            .into_iter()
            .next()
            .ok_or(format!("{}: no document", path.display()))
    };
    let node_exporter = read(NODE_EXPORTER, SourceFormat::Json)?;
    write_manifest(&project, "node-exporter", &node_exporter["spec"])?;
    // ODH's own "Models" dashboard, as its manifest is (a v1alpha2 PersesDashboard).
    let models = read(ODH_MODELS, SourceFormat::Yaml)?;
    let models_name = models["metadata"]["name"]
        .as_str()
        .ok_or("the Models dashboard has no name")?
        .to_owned();
    std::fs::write(
        project.join(format!("{models_name}.json")),
        models.to_string(),
    )
    .map_err(|error| error.to_string())?;
    Ok(vec![
        Dashboard {
            key: "odhModels",
            label: "ODH Models",
            name: models_name,
            panels: panel_count(&models["spec"]["config"]),
            perses_variables: "&var-namespace=bench",
        },
        Dashboard {
            key: "nodeExporter",
            label: "NodeExporter",
            name: "node-exporter".to_owned(),
            panels: panel_count(&node_exporter["spec"]),
            perses_variables: "",
        },
    ])
}

/// How many panels a dashboard's layouts place.
fn panel_count(spec: &Value) -> usize {
    spec["layouts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|layout| layout["spec"]["items"].as_array())
        .map(Vec::len)
        .sum()
}

/// A temporary manifest directory with an empty dashboard in project `bench` for the chart
/// cases (the dashboards are added by [`bench_dashboards`]), and a user who may see it.
fn scratch_dir() -> Result<PathBuf, String> {
    let root = std::env::temp_dir().join(format!("obs-bench-{}", std::process::id()));
    let project = root.join("dashboards").join("bench");
    std::fs::create_dir_all(&project).map_err(|error| error.to_string())?;
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
