//! The whole product in headless Chromium: the page built by trunk, served by the development
//! backend on one origin (as the ODH shell serves it beside its backend), in front of a real
//! Prometheus holding the demo workloads. Chromium is driven through chromedriver.
//!
//! The tests and the benchmark need a built page: `scripts/test.sh` and `scripts/bench.sh`
//! run `trunk build` and pass its `dist/` in `OBS_E2E_DIST` (`OBS_BENCH_DIST`). Without it the
//! harness refuses to start with a message saying so.

pub mod synthetic;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use obs_devserver::{Config, PrometheusSource, RunningServer};
use serde_json::{Value, json};
use tokio::process::{Child, Command};

/// How long a condition may take to become true: the machine may be busy building.
pub const WAIT: Duration = Duration::from_secs(60);

/// The development backend serving the built page, and a browser pointed at it.
pub struct Harness {
    pub server: RunningServer,
    pub browser: Client,
    driver: Child,
    http: reqwest::Client,
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
        Self::start_with(dist, Backend::demo(backfill_secs), (1400, 1000)).await
    }

    /// Starts the backend serving `dist`, chromedriver, and Chromium with a window of
    /// `window_px` (width, height).
    pub async fn start_with(
        dist: PathBuf,
        backend: Backend,
        window_px: (u32, u32),
    ) -> Result<Self, String> {
        let mut config = Config::new(backend.dashboards_dir, backend.rbac_file);
        config.listen = "127.0.0.1:0".parse().map_err(|e| format!("{e}"))?;
        config.prometheus = backend.prometheus;
        config.static_dir = Some(dist);
        let server = RunningServer::start(config)
            .await
            .map_err(|error| format!("the development backend did not start: {error}"))?;
        let (driver, driver_url) = start_chromedriver().await?;
        let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(chromium_capabilities(window_px))
            .connect(&driver_url)
            .await
            .map_err(|error| format!("cannot start Chromium through chromedriver: {error}"))?;
        // The benchmark's in-page measurements wait minutes for a whole dashboard.
        browser
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(300)),
                Some(Duration::from_secs(120)),
                Some(Duration::ZERO),
            ))
            .await
            .map_err(|error| format!("cannot set the browser's timeouts: {error}"))?;
        Ok(Self {
            server,
            browser,
            driver,
            http: reqwest::Client::new(),
        })
    }

    /// The page's address for `path_and_query` (starting with `/`).
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.server.url())
    }

    /// Opens a page and waits until the application has mounted.
    pub async fn open(&self, path_and_query: &str) -> Result<(), String> {
        self.browser
            .goto(&self.url(path_and_query))
            .await
            .map_err(|error| format!("cannot open {path_and_query}: {error}"))?;
        self.wait_until("the page mounts", || async {
            self.eval_bool("return !!document.querySelector('.obs-toolbar')")
                .await
        })
        .await
    }

    /// Runs JavaScript in the page (with the helpers of `page.js` defined) and returns its
    /// value. `arguments[0..]` are `args`.
    pub async fn eval(&self, body: &str, args: Vec<Value>) -> Result<Value, String> {
        let script = format!("{}\n{body}", include_str!("page.js"));
        self.browser
            .execute(&script, args)
            .await
            .map_err(|error| format!("script failed: {error}\n{body}"))
    }

    pub async fn eval_bool(&self, body: &str) -> Result<bool, String> {
        Ok(self
            .eval(body, Vec::new())
            .await?
            .as_bool()
            .unwrap_or(false))
    }

    /// Waits until `check` says yes, polling; fails with `what` after [`WAIT`].
    pub async fn wait_until<F, Fut>(&self, what: &str, mut check: F) -> Result<(), String>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<bool, String>>,
    {
        let deadline = Instant::now() + WAIT;
        let mut last_error = String::new();
        while Instant::now() < deadline {
            match check().await {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(error) => last_error = error,
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let text = self
            .eval("return document.body.innerText.slice(0, 2000)", Vec::new())
            .await
            .unwrap_or_default();
        Err(format!(
            "timed out waiting until {what} {last_error}\npage text:\n{}",
            text.as_str().unwrap_or_default()
        ))
    }

    /// Opens the select labelled `label` and picks the option whose text starts with `option`.
    pub async fn choose(&self, label: &str, option: &str) -> Result<(), String> {
        let toggle = format!("obsSelectToggle({})", json!(label));
        self.click_js(&toggle).await?;
        let wanted = json!(option);
        self.wait_until(&format!("{label} lists {option:?}"), || async {
            self.eval_bool(&format!("return !!obsOption({}, {wanted})", json!(label)))
                .await
        })
        .await?;
        self.click_js(&format!("obsOption({}, {wanted})", json!(label)))
            .await
    }

    /// Clicks, as a user does, the element a JavaScript expression finds. The script marks
    /// the element so WebDriver can find it, then the browser clicks it for real.
    pub async fn click_js(&self, expression: &str) -> Result<(), String> {
        let marked = self
            .eval(
                &format!(
                    "document.querySelectorAll('[data-e2e-target]')\
                       .forEach(e => e.removeAttribute('data-e2e-target'));\n\
                     const element = {expression};\n\
                     if (!element) return false;\n\
                     element.setAttribute('data-e2e-target', '');\n\
                     return true;"
                ),
                Vec::new(),
            )
            .await?;
        if marked != Value::Bool(true) {
            return Err(format!("{expression} found no element"));
        }
        let element = self
            .browser
            .find(fantoccini::Locator::Css("[data-e2e-target]"))
            .await
            .map_err(|error| format!("{expression}: {error}"))?;
        element
            .click()
            .await
            .map_err(|error| format!("cannot click {expression}: {error}"))
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

    /// Adds `delay_ms` to every Prometheus call from now on (0 clears it).
    pub async fn set_prometheus_delay_ms(&self, delay_ms: u64) -> Result<(), String> {
        let reply = self
            .http
            .post(self.url("/__dev/faults"))
            .json(&json!({ "prometheusDelayMs": delay_ms }))
            .send()
            .await
            .map_err(|error| error.to_string())?;
        if reply.status().is_success() {
            Ok(())
        } else {
            Err(format!("setting the delay failed: {}", reply.status()))
        }
    }

    /// Saves a screenshot of the page to `path` (for a failure's report).
    pub async fn screenshot(&self, path: &std::path::Path) {
        match self.browser.screenshot().await {
            Ok(png) => {
                if std::fs::write(path, png).is_ok() {
                    eprintln!("screenshot: {}", path.display());
                }
            }
            Err(error) => eprintln!("no screenshot: {error}"),
        }
    }

    /// Closes the browser and stops the driver, the backend and Prometheus.
    pub async fn stop(mut self) -> Result<(), String> {
        let closed = self
            .browser
            .close()
            .await
            .map_err(|error| error.to_string());
        let _ = self.driver.kill().await;
        self.server
            .stop()
            .await
            .map_err(|error| error.to_string())?;
        closed
    }
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

async fn start_chromedriver() -> Result<(Child, String), String> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|error| error.to_string())?
        .port();
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
    let driver = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|error| format!("cannot start {binary}: {error}"))?;
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok((driver, url));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{binary} did not listen on {port} within 20 s"))
}

/// Headless Chromium as the tests and the benchmark run it. Background networking is off:
/// this machine has no internet, and Chromium's own connections would only add noise.
fn chromium_capabilities(window_px: (u32, u32)) -> serde_json::Map<String, Value> {
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": binary,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
                format!("--window-size={},{}", window_px.0, window_px.1)
            ]
        }
    });
    match capabilities {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}
