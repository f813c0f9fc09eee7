//! The dashboard cases: one dashboard file opened in the plugin's page and in Perses' own page
//! (built from the npm `@perses-dev` packages, `crates/e2e/perses-page`), in the same browser,
//! against the same synthetic Prometheus, each in a fresh document. The same figures for both:
//! above the fold drawn, every panel drawn after opening the rows and scrolling, long tasks and
//! total blocking time, the heap after garbage collection, the requests Prometheus answered
//! and the bytes the page downloaded.

use std::path::PathBuf;
use std::time::Duration;

use obs_e2e::Harness;
use obs_e2e::synthetic::SyntheticPrometheus;
use serde_json::{Value, json};

use crate::bytes::Downloads;
use crate::profile::CpuProfile;

/// Where Perses' page is served, as a peer of the plugin's page.
pub const PERSES_PEER: &str = "perses-page";

/// One of the two pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Plugin,
    Perses,
}

impl Page {
    pub const ALL: [Page; 2] = [Page::Plugin, Page::Perses];

    pub fn key(self) -> &'static str {
        match self {
            Page::Plugin => "plugin",
            Page::Perses => "perses",
        }
    }

    /// The script that tells this page's panels apart, prepended to each probe.
    fn panels_script(self) -> &'static str {
        match self {
            Page::Plugin => include_str!("js/plugin_panels.js"),
            Page::Perses => include_str!("js/perses_panels.js"),
        }
    }
}

/// A dashboard as both pages open it.
pub struct Dashboard {
    /// The key of its figures in the JSON.
    pub key: &'static str,
    /// How the report names it.
    pub label: &'static str,
    /// Its name in project `bench` of the backend.
    pub name: String,
    /// How many panels it has with every row open.
    pub panels: usize,
    /// Variables Perses' page is given in its address, as ODH's shell fills them for the
    /// plugin (the project's namespace).
    pub perses_variables: &'static str,
}

/// The built pages and where their files are.
pub struct Pages {
    pub plugin_dist: PathBuf,
    /// Perses' page, when it was built.
    pub perses_dist: Option<PathBuf>,
    pub prometheus_url: String,
}

impl Pages {
    /// Whether `page` can be measured.
    pub fn has(&self, page: Page) -> bool {
        page == Page::Plugin || self.perses_dist.is_some()
    }

    fn address(&self, page: Page, dashboard: &Dashboard) -> String {
        match page {
            Page::Plugin => format!("/?project=bench&dashboard={}", dashboard.name),
            Page::Perses => format!(
                "/_mf/{PERSES_PEER}/index.html?project=bench&dashboard={}&prometheus={}{}",
                dashboard.name,
                url_encode(&self.prometheus_url),
                dashboard.perses_variables
            ),
        }
    }

    /// The built file behind a path the page fetched, if it is one.
    fn file_of(&self, page: Page, path: &str) -> Option<PathBuf> {
        let (dir, rest) = match page {
            Page::Plugin => (&self.plugin_dist, path.strip_prefix('/')?),
            Page::Perses => (
                self.perses_dist.as_ref()?,
                path.strip_prefix(&format!("/_mf/{PERSES_PEER}/"))?,
            ),
        };
        let rest = if rest.is_empty() { "index.html" } else { rest };
        let file = dir.join(rest);
        (!rest.contains("..") && file.is_file()).then_some(file)
    }
}

/// One dashboard in one page, from navigation to every panel drawn.
pub async fn measure(
    harness: &Harness,
    prometheus: &SyntheticPrometheus,
    pages: &Pages,
    downloads: &mut Downloads,
    page: Page,
    dashboard: &Dashboard,
) -> Result<Value, String> {
    // Each page starts in a renderer process of its own: the pages share an origin, so one
    // navigating to the other stays in its process, whose JavaScript heap keeps some of what
    // the page before compiled and allocated, counted then as the next page's. A document of
    // no site (a `data:` address) is put in another process, and so is the page after it.
    harness
        .browser
        .goto("data:text/html,<title>between pages</title>")
        .await
        .map_err(|error| format!("cannot open an empty page: {error}"))?;
    let since_ms = obs_e2e::now_ms();
    // A development aid: OBS_BENCH_HEAP_PROFILE=<dir> writes where the live heap was
    // allocated (Chromium's sampling heap profiler) per page and dashboard.
    let heap_profile = std::env::var_os("OBS_BENCH_HEAP_PROFILE").map(PathBuf::from);
    if heap_profile.is_some() {
        harness
            .cdp(
                "HeapProfiler.startSampling",
                json!({"samplingInterval": 16384}),
            )
            .await?;
    }
    // From the navigation to every panel drawn.
    let cpu_profile = CpuProfile::start(harness, 200).await?;
    let drawn = draw(harness, pages, page, dashboard).await;
    if let Some(profile) = cpu_profile {
        profile
            .finish(harness, &format!("{}-{}", dashboard.key, page.key()))
            .await?;
    }
    let (above_fold, all) = drawn?;
    // Late answers still count as requests the page sent.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let heap_bytes = harness.heap_after_gc().await? as f64;
    if let Some(dir) = &heap_profile {
        let profile = harness
            .cdp("HeapProfiler.getSamplingProfile", json!({}))
            .await?;
        harness.cdp("HeapProfiler.stopSampling", json!({})).await?;
        let path = dir.join(format!("{}-{}.json", dashboard.key, page.key()));
        std::fs::write(&path, profile.to_string())
            .map_err(|error| format!("{}: {error}", path.display()))?;
    }
    // What the heap holds up: DOM nodes (each with its JavaScript wrapper once a script
    // touched it) and event listeners.
    let metrics = harness.metrics().await?;
    let metric = |name: &str| metrics.get(name).copied().unwrap_or(0.0);
    let wasm_bytes = harness
        .eval(
            "return window.obsWasmMemoryBytes ? window.obsWasmMemoryBytes() : 0",
            Vec::new(),
        )
        .await?
        .as_f64()
        .unwrap_or(0.0);
    // What of the WebAssembly memory the page holds, and the most it held: the memory grows
    // to the peak and never shrinks.
    let allocated = harness
        .eval(
            "return window.obsWasmAllocatedBytes ? window.obsWasmAllocatedBytes() : [0, 0]",
            Vec::new(),
        )
        .await?;
    let allocated_mb = |index: usize| allocated[index].as_f64().unwrap_or(0.0) / 1_048_576.0;
    // The page's own stage timings (benchmark builds record them), for the raw figures.
    let stages = harness
        .eval("return window.__obsTimings || null", Vec::new())
        .await?;
    let fetched = harness
        .eval(
            "return performance.getEntriesByType('navigation')
               .concat(performance.getEntriesByType('resource'))
               .map(entry => new URL(entry.name))
               .filter(url => url.origin === location.origin)
               .map(url => url.pathname)",
            Vec::new(),
        )
        .await?;
    let files: Vec<PathBuf> = fetched
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter_map(|path| pages.file_of(page, path))
        .collect();
    let bytes = downloads.total(&files)?;
    // When each request of the page started and ended (ms from navigation), to tell what the
    // time to the first panel waited on. The browser keeps the first 250 entries: enough for
    // the page's load, which comes first.
    let requests = harness
        .eval(
            "return performance.getEntriesByType('resource').map(entry => {
               const url = new URL(entry.name);
               return [url.pathname + url.search.slice(0, 80),
                       Math.round(entry.startTime), Math.round(entry.responseEnd)];
             })",
            Vec::new(),
        )
        .await?;
    let calls = prometheus.calls_since(since_ms);
    let unresolved: Vec<String> = calls
        .iter()
        .filter(|call| call.has_unresolved_variable())
        .map(|call| format!("{} {}", call.path, call.promql))
        .collect();
    let errors = [above_fold.get("error"), all.get("error")]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    let number = |value: &Value| value.as_f64().unwrap_or(0.0);
    Ok(json!({
        "aboveFoldMs": above_fold["ms"],
        "aboveFoldPanels": above_fold["panels"],
        "loadLongestTaskMs": above_fold["longestTaskMs"],
        "allMs": all["ms"],
        "allPanels": all["panels"],
        "allLongestTaskMs": all["longestTaskMs"],
        "longestTaskMs": number(&above_fold["longestTaskMs"]).max(number(&all["longestTaskMs"])),
        // What ran in the longest animation frames, to tell what a long task was.
        "loadLongFrames": above_fold["longFrames"],
        "allLongFrames": all["longFrames"],
        "stages": stages,
        "blockingMs": number(&above_fold["blockingMs"]) + number(&all["blockingMs"]),
        "heapMb": heap_bytes / 1_048_576.0,
        "wasmMb": wasm_bytes / 1_048_576.0,
        "wasmLiveMb": allocated_mb(0),
        "wasmPeakMb": allocated_mb(1),
        "memoryMb": (heap_bytes + wasm_bytes) / 1_048_576.0,
        "domNodes": metric("Nodes"),
        "eventListeners": metric("JSEventListeners"),
        "requests": calls.len(),
        "unresolvedRequests": unresolved.len(),
        "unresolvedSamples": unresolved.iter().take(5).collect::<Vec<_>>(),
        "bytes": bytes,
        "requestTimes": requests,
        "error": errors,
    }))
}

/// Percent-encodes a URL for a query parameter.
/// Opens the dashboard in the page and waits for its top, then for every panel (after opening
/// the rows and scrolling): the probes' two answers.
async fn draw(
    harness: &Harness,
    pages: &Pages,
    page: Page,
    dashboard: &Dashboard,
) -> Result<(Value, Value), String> {
    harness.goto(&pages.address(page, dashboard)).await?;
    let probe = |script: &str| {
        format!(
            "{}\n{}\n{script}",
            page.panels_script(),
            include_str!("js/common.js")
        )
    };
    let above_fold = harness
        .browser
        .execute_async(&probe(include_str!("js/above_fold.js")), Vec::new())
        .await
        .map_err(|error| format!("above the fold: {error}"))?;
    let all = harness
        .browser
        .execute_async(
            &probe(include_str!("js/all_panels.js")),
            vec![json!(dashboard.panels)],
        )
        .await
        .map_err(|error| format!("all panels: {error}"))?;
    Ok((above_fold, all))
}

fn url_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
