//! The whole product in headless Chromium: the page built by trunk, served by the development
//! backend on one origin (as the ODH shell serves it beside its backend), in front of a real
//! Prometheus holding the demo workloads. Chromium is driven through chromedriver.
//!
//! The tests and the benchmark need a built page: `scripts/test.sh` and `scripts/bench.sh`
//! run `trunk build` and pass its `dist/` in `OBS_E2E_DIST` (`OBS_BENCH_DIST`). Without it the
//! harness refuses to start with a message saying so. The ODH shell's tests also need the test
//! host (`scripts/build-host.sh`) in `OBS_E2E_HOST`: then the backend serves the host as the
//! shell and the same built page as the remote at `/_mf/observabilityWasm/`.

mod ax;
pub mod axe;
mod browser;
pub mod cdp;
pub mod leaks;
pub mod synthetic;
mod tab;

use std::ops::Deref;
use std::path::PathBuf;

use obs_devserver::{Config, PrometheusSource, RunningServer};
use serde_json::{Value, json};
use tokio::process::Child;

pub use ax::Focused;
pub use browser::BareBrowser;
use browser::{connect, start_chromedriver};
pub use tab::{Tab, WAIT};

/// The remote's name, as the host's federation config and `remoteEntry.js` spell it.
pub const REMOTE_NAME: &str = "observabilityWasm";

/// The development backend serving the built page, and a browser pointed at it. It derefs to
/// its first [`Tab`]; [`Harness::new_tab`] opens more, each its own Chromium.
pub struct Harness {
    pub server: RunningServer,
    tab: Tab,
    driver: Child,
    driver_url: String,
    window_px: (u32, u32),
    http: reqwest::Client,
}

impl Deref for Harness {
    type Target = Tab;

    fn deref(&self) -> &Tab {
        &self.tab
    }
}

/// What the backend serves as pages.
pub enum Pages {
    /// The standalone page (trunk's dist/) at `/`.
    Standalone(PathBuf),
    /// The test host at `/` and the plugin's dist/ as its remote at `/_mf/observabilityWasm/`.
    InHost { host: PathBuf, remote: PathBuf },
    /// The standalone page at `/` and, for the benchmark, other pages measured beside it at
    /// `/_mf/<name>/` (served as the backend serves remotes): `(name, built directory)`.
    BesidePeers {
        page: PathBuf,
        peers: Vec<(String, PathBuf)>,
    },
}

/// What the development backend runs with.
pub struct Backend {
    pub prometheus: PrometheusSource,
    pub dashboards_dir: PathBuf,
    pub rbac_file: PathBuf,
}

impl Backend {
    /// The repository's dashboards and users, with a managed Prometheus holding
    /// `backfill_secs` of demo workload history.
    pub fn demo(backfill_secs: u64) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        Self {
            prometheus: PrometheusSource::Managed {
                port: 0,
                backfill_secs,
            },
            dashboards_dir: root.join("dashboards"),
            rbac_file: root.join("dev/rbac.yaml"),
        }
    }
}

/// The built page named by an environment variable, checked.
pub fn built_page(variable: &str) -> Result<PathBuf, String> {
    let dist = std::env::var_os(variable)
        .map(PathBuf::from)
        .ok_or(format!(
            "{variable} is not set: build the page first (scripts/test.sh and scripts/bench.sh do, \
         with `trunk build`, and pass its dist/ in {variable})"
        ))?;
    built_page_at(dist)
}

/// A directory checked to hold a built page.
pub fn built_page_at(dist: PathBuf) -> Result<PathBuf, String> {
    if dist.join("index.html").is_file() {
        Ok(dist)
    } else {
        Err(format!(
            "{} holds no built page (index.html)",
            dist.display()
        ))
    }
}

impl Harness {
    /// Starts the backend on the demo setup (see [`Backend::demo`]) with the page of
    /// `OBS_E2E_DIST`, chromedriver and a 1400 × 1000 Chromium.
    pub async fn start(backfill_secs: u64) -> Result<Self, String> {
        let dist = built_page("OBS_E2E_DIST")?;
        Self::start_with(
            Pages::Standalone(dist),
            Backend::demo(backfill_secs),
            (1400, 1000),
        )
        .await
    }

    /// Starts the backend on the demo setup with the test host of `OBS_E2E_HOST` as the shell
    /// and the page of `OBS_E2E_DIST` as its remote.
    pub async fn start_in_host(backfill_secs: u64) -> Result<Self, String> {
        let pages = Pages::InHost {
            host: built_page("OBS_E2E_HOST")?,
            remote: built_page("OBS_E2E_DIST")?,
        };
        Self::start_with(pages, Backend::demo(backfill_secs), (1400, 1000)).await
    }

    /// Starts the backend serving `dist`, chromedriver, and Chromium with a window of
    /// `window_px` (width, height).
    pub async fn start_with(
        pages: Pages,
        backend: Backend,
        window_px: (u32, u32),
    ) -> Result<Self, String> {
        let mut config = Config::new(backend.dashboards_dir, backend.rbac_file);
        config.listen = "127.0.0.1:0".parse().map_err(|e| format!("{e}"))?;
        config.prometheus = backend.prometheus;
        match pages {
            Pages::Standalone(dist) => config.static_dir = Some(dist),
            Pages::InHost { host, remote } => {
                config.static_dir = Some(host);
                config.remotes = vec![(REMOTE_NAME.to_owned(), remote)];
            }
            Pages::BesidePeers { page, peers } => {
                config.static_dir = Some(page);
                config.remotes = peers;
            }
        }
        let server = RunningServer::start(config)
            .await
            .map_err(|error| format!("the development backend did not start: {error}"))?;
        let (driver, driver_url) = start_chromedriver().await?;
        let browser = connect(&driver_url, window_px).await?;
        let tab = Tab::new(browser, server.url());
        Ok(Self {
            server,
            tab,
            driver,
            driver_url,
            window_px,
            http: reqwest::Client::new(),
        })
    }

    /// Another browser on the same backend, for cases that run side by side.
    pub async fn new_tab(&self) -> Result<Tab, String> {
        let browser = connect(&self.driver_url, self.window_px).await?;
        Ok(Tab::new(browser, self.server.url()))
    }

    /// The page's address for `path_and_query` (starting with `/`).
    pub fn url(&self, path_and_query: &str) -> String {
        self.tab.url(path_and_query)
    }

    /// The requests the backend recorded, oldest first (see `/__dev/requests`).
    pub async fn requests(&self) -> Result<Vec<Value>, String> {
        let reply = self
            .http
            .get(self.url("/__dev/requests"))
            .send()
            .await
            .map_err(|error| error.to_string())?;
        let records: Value = reply.json().await.map_err(|error| error.to_string())?;
        Ok(records.as_array().cloned().unwrap_or_default())
    }

    /// The requests recorded from `since_ms` (unix milliseconds, see [`now_ms`]) on. Safer than
    /// an index into [`Harness::requests`] when another browser fills the log at the same time,
    /// as the log keeps only the newest records.
    pub async fn requests_since(&self, since_ms: i64) -> Result<Vec<Value>, String> {
        Ok(self
            .requests()
            .await?
            .into_iter()
            .filter(|record| record["at_ms"].as_i64().is_some_and(|at| at >= since_ms))
            .collect())
    }

    /// Adds `delay_ms` to every Prometheus call from now on (0 clears it).
    pub async fn set_prometheus_delay_ms(&self, delay_ms: u64) -> Result<(), String> {
        self.set_faults(json!({ "prometheusDelayMs": delay_ms }))
            .await
    }

    /// Adds `delay_ms` to every Kubernetes API call from now on (0 clears it).
    pub async fn set_kubernetes_delay_ms(&self, delay_ms: u64) -> Result<(), String> {
        self.set_faults(json!({ "kubernetesDelayMs": delay_ms }))
            .await
    }

    /// Injects faults through `/__dev/faults` (see the development backend's `dev` routes).
    pub async fn set_faults(&self, faults: Value) -> Result<(), String> {
        let reply = self
            .http
            .post(self.url("/__dev/faults"))
            .json(&faults)
            .send()
            .await
            .map_err(|error| error.to_string())?;
        if reply.status().is_success() {
            Ok(())
        } else {
            Err(format!(
                "setting the faults {faults} failed: {}",
                reply.status()
            ))
        }
    }

    /// Closes the browser and stops the driver, the backend and Prometheus.
    pub async fn stop(mut self) -> Result<(), String> {
        let closed = self.tab.close().await;
        let _ = self.driver.kill().await;
        self.server
            .stop()
            .await
            .map_err(|error| error.to_string())?;
        closed
    }
}

/// Fails unless the backend has recorded Prometheus calls and every one was scoped to
/// `project`.
pub async fn all_queries_scoped_to(harness: &Harness, project: &str) -> Result<(), String> {
    let calls = prometheus_calls(&harness.requests().await?);
    let namespaces: Vec<&str> = calls
        .iter()
        .filter_map(|(_, params, _)| params["namespace"].as_str())
        .collect();
    if namespaces.is_empty() || namespaces.iter().any(|ns| *ns != project) {
        return Err(format!(
            "every query must be scoped to the project {project}: {namespaces:?}"
        ));
    }
    Ok(())
}

/// The current time in unix milliseconds, to mark where [`Harness::requests_since`] starts.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64)
}

/// The Prometheus calls among recorded requests: (route, parameters, aborted).
pub fn prometheus_calls(records: &[Value]) -> Vec<(String, Value, bool)> {
    records
        .iter()
        .filter_map(|record| {
            let path = record["path"].as_str()?;
            let route = path.strip_prefix("/api/prometheus/")?;
            Some((
                route.to_owned(),
                record["params"].clone(),
                record["aborted"].as_bool().unwrap_or(false),
            ))
        })
        .collect()
}
