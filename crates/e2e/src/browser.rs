//! Chromium driven through chromedriver: starting the driver, opening a browser session, and
//! a bare browser on an empty page for tests that only run scripts.

use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::ClientBuilder;
use serde_json::{Value, json};
use tokio::process::{Child, Command};

use crate::Tab;

/// Chromium without a backend, on an empty page: for tests that only run scripts (the
/// differential test of the core against Perses' own functions).
pub struct BareBrowser {
    pub tab: Tab,
    driver: Child,
}

impl BareBrowser {
    pub async fn start() -> Result<Self, String> {
        let (driver, driver_url) = start_chromedriver().await?;
        let browser = connect(&driver_url, (800, 600)).await?;
        Ok(Self {
            tab: Tab::new(browser, "about:blank".to_owned()),
            driver,
        })
    }

    pub async fn stop(mut self) -> Result<(), String> {
        let closed = self.tab.close().await;
        let _ = self.driver.kill().await;
        closed
    }
}

/// A new Chromium session with the timeouts the tests and the benchmark need.
pub(crate) async fn connect(
    driver_url: &str,
    window_px: (u32, u32),
) -> Result<fantoccini::Client, String> {
    let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(chromium_capabilities(window_px))
        .connect(driver_url)
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
    Ok(browser)
}

pub(crate) async fn start_chromedriver() -> Result<(Child, String), String> {
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
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // A page left behind stays alive in the back/forward cache, and its heap would count
        // in the figures of the next page measured in the same browser.
        "--disable-features=BackForwardCache",
        // Headless Chromium reports no hover and no pointer; a desktop browser has both, and
        // the page hides panel actions until hover only where a pointer can hover.
        "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
    ]
    .map(str::to_owned)
    .into();
    args.push(format!("--window-size={},{}", window_px.0, window_px.1));
    // More flags for an investigation, e.g. OBS_CHROMIUM_ARGS="--js-flags=--no-opt".
    if let Ok(extra) = std::env::var("OBS_CHROMIUM_ARGS") {
        args.extend(extra.split_whitespace().map(str::to_owned));
    }
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": binary, "args": args }
    });
    match capabilities {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}
