//! The whole product end to end: the built page in headless Chromium against the development
//! backend and a real Prometheus. It opens a dashboard, changes a variable, the time range and
//! the project, and checks the requests the backend received and the panels on screen;
//! a slow backend makes a range change abort the request in flight.
//!
//! Ignored by a plain `cargo test` because it needs the page built by trunk; `scripts/test.sh`
//! builds it and runs this with `--ignored` and `OBS_E2E_DIST`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use obs_e2e::{Harness, prometheus_calls};
use serde_json::Value;

/// History in the test Prometheus: enough for every range the test picks up to six hours.
const BACKFILL_SECS: u64 = 7 * 3600;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the page built by trunk: run scripts/test.sh"]
async fn dashboards_come_alive_in_the_browser() {
    let harness = Harness::start(BACKFILL_SECS).await.unwrap();
    let outcome = scenario(&harness).await;
    if outcome.is_err() {
        harness
            .screenshot(&std::env::temp_dir().join("obs-e2e-failure.png"))
            .await;
    }
    harness.stop().await.unwrap();
    outcome.unwrap();
}

async fn scenario(harness: &Harness) -> Result<(), String> {
    opens_the_first_project_and_its_dashboard(harness).await?;
    a_variable_change_queries_again(harness).await?;
    a_range_change_queries_the_new_range(harness).await?;
    a_slow_backend_gets_its_request_aborted(harness).await?;
    a_project_change_queries_the_new_namespace(harness).await?;
    Ok(())
}

async fn opens_the_first_project_and_its_dashboard(harness: &Harness) -> Result<(), String> {
    harness.open("/").await?;
    harness
        .wait_until("the first project and its dashboard are chosen", || async {
            harness
                .eval_bool(
                    "return obsSelectValue('Project') === 'Customer support LLM' \
                     && obsSelectValue('Dashboard') === 'LLM serving'",
                )
                .await
        })
        .await?;
    wait_for_panel_data(harness, "End-to-end latency").await?;
    wait_for_panel_data(harness, "Requests").await?;
    // The project is in the URL, as Perses and ODH write it, so the page can be shared.
    let url = harness
        .browser
        .current_url()
        .await
        .map_err(|e| e.to_string())?;
    if !url.as_str().contains("project=customer-support-llm") {
        return Err(format!("the project is not in the URL: {url}"));
    }
    let calls = prometheus_calls(&harness.requests().await?);
    let namespaces: Vec<&str> = calls
        .iter()
        .filter_map(|(_, params, _)| params["namespace"].as_str())
        .collect();
    if namespaces.is_empty() || namespaces.iter().any(|ns| *ns != "customer-support-llm") {
        return Err(format!(
            "every query must be scoped to the project: {namespaces:?}"
        ));
    }
    Ok(())
}

async fn a_variable_change_queries_again(harness: &Harness) -> Result<(), String> {
    let before = harness.requests().await?.len();
    // "All" is selected; picking one model narrows every query to it.
    harness
        .choose("Model deployment", "llama-31-8b-instruct")
        .await?;
    harness
        .wait_until("queries filter on the chosen model", || async {
            let records = harness.requests().await?;
            Ok(queries_since(&records, before)
                .iter()
                .any(|query| query.contains("llama-31-8b-instruct")))
        })
        .await?;
    let url = harness
        .browser
        .current_url()
        .await
        .map_err(|e| e.to_string())?;
    if !url.as_str().contains("var-model_name=") {
        return Err(format!("the variable is not in the URL: {url}"));
    }
    wait_for_panel_data(harness, "End-to-end latency").await
}

async fn a_range_change_queries_the_new_range(harness: &Harness) -> Result<(), String> {
    let before = harness.requests().await?.len();
    harness.choose("Time range", "Last 6 hours").await?;
    harness
        .wait_until("a range query spans six hours", || async {
            let records = harness.requests().await?;
            Ok(prometheus_calls(&records[before.min(records.len())..])
                .iter()
                .any(|(route, params, _)| {
                    route == "queryRange" && span_secs(params) >= 6.0 * 3600.0 - 600.0
                }))
        })
        .await?;
    wait_for_panel_data(harness, "End-to-end latency").await?;
    // Back returns to the previous range, as the browser's history holds it.
    harness.browser.back().await.map_err(|e| e.to_string())?;
    harness
        .wait_until("back restores the previous range", || async {
            harness
                .eval_bool("return obsSelectValue('Time range') !== 'Last 6 hours'")
                .await
        })
        .await
}

async fn a_slow_backend_gets_its_request_aborted(harness: &Harness) -> Result<(), String> {
    harness.set_prometheus_delay_ms(6_000).await?;
    let before = harness.requests().await?.len();
    harness.choose("Time range", "Last 12 hours").await?;
    // Wait until the slow requests are under way, then move on before they answer.
    harness
        .wait_until("a panel is loading", || async {
            harness
                .eval_bool(
                    "return !!document.querySelector('section.obs-panel[data-state=loading]')",
                )
                .await
        })
        .await?;
    harness.choose("Time range", "Last 30 minutes").await?;
    let aborted = harness
        .wait_until("a request in flight is aborted", || async {
            let records = harness.requests().await?;
            Ok(prometheus_calls(&records[before.min(records.len())..])
                .iter()
                .any(|(_, _, aborted)| *aborted))
        })
        .await;
    harness.set_prometheus_delay_ms(0).await?;
    aborted?;
    wait_for_panel_data(harness, "End-to-end latency").await
}

async fn a_project_change_queries_the_new_namespace(harness: &Harness) -> Result<(), String> {
    let before = harness.requests().await?.len();
    harness.choose("Project", "Fraud detection").await?;
    harness
        .wait_until("the project's dashboard is shown", || async {
            harness
                .eval_bool("return obsSelectValue('Dashboard') === 'Fraud scoring'")
                .await
        })
        .await?;
    wait_for_panel_data(harness, "Scoring requests").await?;
    let records = harness.requests().await?;
    let calls = prometheus_calls(&records[before.min(records.len())..]);
    let namespaces: Vec<&str> = calls
        .iter()
        .filter(|(_, _, aborted)| !aborted)
        .filter_map(|(_, params, _)| params["namespace"].as_str())
        .collect();
    if !namespaces.contains(&"fraud-detection") {
        return Err(format!("no query for the new project: {namespaces:?}"));
    }
    let dashboards = records[before.min(records.len())..]
        .iter()
        .filter_map(|record| record["path"].as_str())
        .any(|path| path.contains("/namespaces/fraud-detection/persesdashboards"));
    if !dashboards {
        return Err("the new project's dashboards were not listed".to_owned());
    }
    Ok(())
}

/// Waits until the panel titled `title` has received at least one series.
async fn wait_for_panel_data(harness: &Harness, title: &str) -> Result<(), String> {
    let script = format!(
        "const p = obsPanel({}); return !!p && p.dataset.state === 'ready' && Number(p.dataset.series) > 0",
        serde_json::json!(title)
    );
    harness
        .wait_until(&format!("the panel {title:?} shows data"), || async {
            harness.eval_bool(&script).await
        })
        .await
}

/// The PromQL of the Prometheus calls recorded after the first `since` records.
fn queries_since(records: &[Value], since: usize) -> Vec<String> {
    prometheus_calls(&records[since.min(records.len())..])
        .into_iter()
        .filter_map(|(_, params, _)| params["query"].as_str().map(str::to_owned))
        .collect()
}

/// `end − start` of a range query's parameters, in seconds.
fn span_secs(params: &Value) -> f64 {
    let number = |name: &str| {
        params[name]
            .as_str()
            .and_then(|text| text.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    number("end") - number("start")
}
