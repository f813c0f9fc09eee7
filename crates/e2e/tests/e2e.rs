//! The whole product end to end: the built page in headless Chromium against the development
//! backend and a real Prometheus. It opens a dashboard, changes a variable, the time range and
//! the project, and checks the requests the backend received and the panels on screen; a
//! reload asks for what its address names at once, beside what would confirm it; a slow
//! backend makes a range change abort the request in flight; a 5 s refresh brings new
//! samples on screen within 30 s, and a backend slower than that never gets stacked requests.
//!
//! Ignored by a plain `cargo test` because it needs the page built by trunk; `scripts/test.sh`
//! builds it and runs this with `--ignored` and `OBS_E2E_DIST`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

#[path = "e2e/chunks.rs"]
mod chunks;

use obs_e2e::{Harness, all_queries_scoped_to, prometheus_calls};
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
    a_short_panels_menu_shows_whole(harness).await?;
    latency_distributions_are_drawn(harness).await?;
    chunks::a_chunk_that_does_not_download_fails_its_panel_only(harness).await?;
    chunks::a_slow_chunk_holds_back_its_panels_only(harness).await?;
    chunks::a_chunk_that_arrives_after_its_place_went_is_not_used(harness).await?;
    the_table_view_reads_like_the_panel(harness).await?;
    a_variable_change_queries_again(harness).await?;
    a_reload_asks_for_what_its_address_names_at_once(harness).await?;
    a_range_change_queries_the_new_range(harness).await?;
    a_slow_backend_gets_its_request_aborted(harness).await?;
    a_project_change_queries_the_new_namespace(harness).await?;
    a_five_second_refresh_shows_new_samples_within_30_s(harness).await?;
    a_slow_backend_never_stacks_refreshes(harness).await?;
    a_stopped_module_says_so_and_reloads(harness).await?;
    Ok(())
}

async fn opens_the_first_project_and_its_dashboard(harness: &Harness) -> Result<(), String> {
    harness.open("/").await?;
    harness
        .wait_for_selected("Project", "Customer support LLM")
        .await?;
    harness
        .wait_for_selected("Dashboard", "LLM serving")
        .await?;
    harness.wait_for_panel_data("End-to-end latency").await?;
    harness.wait_for_panel_data("Requests").await?;
    // The project is in the URL, as Perses and ODH write it, so the page can be shared.
    let url = harness
        .browser
        .current_url()
        .await
        .map_err(|e| e.to_string())?;
    if !url.as_str().contains("project=customer-support-llm") {
        return Err(format!("the project is not in the URL: {url}"));
    }
    all_queries_scoped_to(harness, "customer-support-llm").await
}

/// The menu of the dashboard's shortest panel shows whole, over the panels around it: the
/// panel does not cut it to its own height (it did, and a menu of a short stat showed as an
/// empty strip). Every action, and the menu's bottom edge, must be what the browser draws
/// there.
async fn a_short_panels_menu_shows_whole(harness: &Harness) -> Result<(), String> {
    harness
        .eval(
            "const panels = [...document.querySelectorAll('.obs-panel')]
               .filter(p => p.querySelector('.obs-panel-menu__toggle'));
             panels.sort((a, b) => a.getBoundingClientRect().height - b.getBoundingClientRect().height);
             panels[0].scrollIntoView({block: 'center'});
             panels[0].setAttribute('data-e2e-short', '');
             panels[0].querySelector('.obs-panel-menu__toggle').click();
             return true",
            Vec::new(),
        )
        .await?;
    let actions = "[...document.querySelectorAll('[data-e2e-short] .obs-panel-menu__action')]";
    harness
        .wait_until("the short panel's menu shows its actions", || async {
            harness
                .eval_bool(&format!("return {actions}.length > 0"))
                .await
        })
        .await?;
    let report = harness
        .eval(
            &format!(
                "const panel = document.querySelector('[data-e2e-short]').getBoundingClientRect();
                 const menu = document.querySelector('[data-e2e-short] .obs-panel-menu__popover')
                   .getBoundingClientRect();
                 const hidden = {actions}.filter(b => !obsShows(b)).map(b => b.textContent);
                 // The menu's last line too, past the bottom of the panel.
                 const popover = document.querySelector('[data-e2e-short] .obs-panel-menu__popover');
                 if (!obsShowsAt(popover, menu.left + menu.width / 2, menu.bottom - 4)) hidden.push('the bottom of the menu');
                 return {{ taller: menu.bottom > panel.bottom, hidden }}"
            ),
            Vec::new(),
        )
        .await?;
    // The case needs a menu that reaches past its panel, or it proves nothing.
    if report["taller"] != serde_json::json!(true) {
        return Err(format!(
            "the shortest panel is as tall as its menu, so this checks nothing: {report}"
        ));
    }
    if report["hidden"]
        .as_array()
        .is_none_or(|hidden| !hidden.is_empty())
    {
        return Err(format!(
            "a short panel's menu does not show whole: {report}"
        ));
    }
    harness
        .eval(
            "const panel = document.querySelector('[data-e2e-short]');
             panel.querySelector('.obs-panel-menu__toggle').click();
             panel.removeAttribute('data-e2e-short');
             return true",
            Vec::new(),
        )
        .await?;
    Ok(())
}

/// The LLM dashboard's heat maps and histogram: drawn from vLLM's classic buckets with their
/// quantile lines and SLO share, a hover names a cell without repainting, and the histogram's
/// query is an instant one over the dashboard's range.
async fn latency_distributions_are_drawn(harness: &Harness) -> Result<(), String> {
    let heat_map = "Time to first token, distribution";
    let histogram = "End-to-end latency over the range";
    harness
        .eval(
            "obsPanel(arguments[0]).scrollIntoView({block: 'center'})",
            vec![heat_map.into()],
        )
        .await?;
    harness.wait_for_panel_data(heat_map).await?;
    harness.wait_for_panel_data(histogram).await?;
    let painted = "const panel = obsPanel(arguments[0]); \
        const canvas = panel && panel.querySelector('.obs-canvas-chart canvas'); \
        return !!canvas && canvas.dataset.painted === 'complete'";
    for title in [heat_map, histogram] {
        harness
            .wait_until(&format!("{title:?} is painted"), || async {
                Ok(harness
                    .eval(painted, vec![title.into()])
                    .await?
                    .as_bool()
                    .unwrap_or(false))
            })
            .await?;
    }
    let seen = harness
        .eval(
            "const panel = obsPanel(arguments[0]); \
             const chart = panel.querySelector('.obs-canvas-chart'); \
             const canvas = chart.querySelector('canvas'); \
             const before = canvas.toDataURL(); \
             const rect = chart.getBoundingClientRect(); \
             chart.dispatchEvent(new PointerEvent('pointermove', {bubbles: true, \
               clientX: rect.left + rect.width * 0.4, clientY: rect.top + rect.height * 0.5})); \
             return {before, label: chart.getAttribute('aria-label'), \
               legend: [...panel.querySelectorAll('.obs-legend__name')].map(e => e.textContent)}",
            vec![heat_map.into()],
        )
        .await?;
    let legend: Vec<&str> = seen["legend"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let expected = ["p50 (last ", "p99 (last ", "SLO 500ms: "];
    if legend.len() != 3
        || !legend
            .iter()
            .zip(expected)
            .all(|(name, start)| name.starts_with(start))
    {
        return Err(format!("the heat map's legend: {legend:?}"));
    }
    if !legend[2].ends_with("% of observations within") {
        return Err(format!("the SLO's share: {legend:?}"));
    }
    let label = seen["label"].as_str().unwrap_or_default();
    if !label.contains("Heat map: 23 buckets over ") {
        return Err(format!("the heat map's accessible name: {label}"));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let after = harness
        .eval(
            "const panel = obsPanel(arguments[0]); \
             const tooltip = panel.querySelector('.obs-canvas-chart__tooltip'); \
             return {canvas: panel.querySelector('.obs-canvas-chart canvas').toDataURL(), \
               lines: tooltip ? [...tooltip.children].map(e => e.textContent) : []}",
            vec![heat_map.into()],
        )
        .await?;
    let lines: Vec<&str> = after["lines"]
        .as_array()
        .map(|lines| lines.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let names_a_bucket = lines.len() == 3
        && (lines[1].contains(" – ") || lines[1].starts_with("above "))
        && lines[2].starts_with("Count: ");
    if !names_a_bucket {
        return Err(format!("the heat map's tooltip: {lines:?}"));
    }
    if after["canvas"] != seen["before"] {
        return Err("hovering the heat map repainted its cells".to_owned());
    }
    // The histogram shows the latest histogram over the whole range: one instant query.
    let calls = prometheus_calls(&harness.requests().await?);
    let instant = calls.iter().any(|(route, params, _)| {
        route == "query"
            && params["query"].as_str().is_some_and(|query| {
                query.starts_with(
                    "sum by (le) (increase(kserve_vllm:e2e_request_latency_seconds_bucket",
                )
            })
    });
    if !instant {
        return Err("the histogram's increase over the range was not an instant query".to_owned());
    }
    Ok(())
}

/// "View as table" of a panel with three queries: a focusable region, a column that tells the
/// queries apart, and values in the panel's unit (seconds), not raw floats.
async fn the_table_view_reads_like_the_panel(harness: &Harness) -> Result<(), String> {
    let title = "End-to-end latency";
    harness.open_table_view(title).await?;
    let table = "const panel = obsPanel(arguments[0]); \
        const region = panel.querySelector('.obs-data-table'); \
        if (!region) return null; \
        return {role: region.getAttribute('role'), tabindex: region.getAttribute('tabindex'), \
          head: [...region.querySelectorAll('thead th')].map(e => e.textContent), \
          first: [...region.querySelectorAll('tbody tr:first-child td')].map(e => e.textContent)}";
    harness.wait_for_table_rows(title).await?;
    let seen = harness.eval(table, vec![title.into()]).await?;
    let head: Vec<&str> = seen["head"]
        .as_array()
        .map(|cells| cells.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let first: Vec<&str> = seen["first"]
        .as_array()
        .map(|cells| cells.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let in_seconds = first
        .iter()
        .skip(2)
        .all(|cell| cell.ends_with('s') || *cell == "–");
    if seen["role"] != "region"
        || seen["tabindex"] != "0"
        || head.first() != Some(&"Query")
        || first.first() != Some(&"Query 1")
        || !in_seconds
    {
        return Err(format!("the table view: {seen}"));
    }
    harness
        .eval(
            "obsPanel(arguments[0]).querySelector('.obs-panel-menu__toggle').click();",
            vec![title.into()],
        )
        .await?;
    harness
        .click_js(&format!(
            "[...obsPanel({}).querySelectorAll('.obs-panel-menu__action')].find(b => b.textContent === 'View as chart')",
            serde_json::json!(title)
        ))
        .await
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
    // A title that names the variable follows it everywhere the frame shows it: the heading,
    // its tooltip, the panel's region name and its menu button's name.
    const TITLE: &str = "Requests: llama-31-8b-instruct";
    harness
        .wait_until("a panel title follows the variable", || async {
            let follows = harness
                .eval(
                    "const title = arguments[0];
                     const panel = [...document.querySelectorAll('section.obs-panel')]
                       .find(section => section.getAttribute('aria-label') === title);
                     const heading = panel && panel.querySelector('.obs-panel__title');
                     const menu = panel && panel.querySelector('.obs-panel-menu__toggle');
                     return !!heading && heading.textContent === title && heading.title === title
                       && menu.getAttribute('aria-label') === 'Options of ' + title;",
                    vec![TITLE.into()],
                )
                .await?;
            Ok(follows.as_bool() == Some(true))
        })
        .await?;
    harness.wait_for_panel_data("End-to-end latency").await
}

/// A reload asks for what its address names at once, not a round trip after what precedes
/// it: the project's dashboards beside the user's projects, and the panels' queries for the
/// chosen model beside the model's options. With the cluster API and Prometheus both held
/// back, each request reaches the backend long before the one it could have waited for could
/// have come back.
async fn a_reload_asks_for_what_its_address_names_at_once(harness: &Harness) -> Result<(), String> {
    const KUBERNETES_DELAY_MS: i64 = 1_500;
    const PROMETHEUS_DELAY_MS: i64 = 2_500;
    const CHOSEN: &str = "llama-31-8b-instruct";
    // The steps before chose the project and the model: the address holds them.
    let address = harness.location().await?;
    if !address.contains(&format!("var-model_name={CHOSEN}")) {
        return Err(format!("the chosen model is not in the address: {address}"));
    }
    harness
        .set_kubernetes_delay_ms(KUBERNETES_DELAY_MS as u64)
        .await?;
    harness
        .set_prometheus_delay_ms(PROMETHEUS_DELAY_MS as u64)
        .await?;
    let since_ms = obs_e2e::now_ms();
    // The log writes a request when it ends, with the time it arrived; requests the previous
    // page gave up when it went are left out.
    let first_at = |records: &[Value], wanted: &dyn Fn(&Value) -> bool| {
        records
            .iter()
            .filter(|record| record["aborted"] != true && wanted(record))
            .filter_map(|record| record["at_ms"].as_i64())
            .min()
    };
    let path_ends = |suffix: &'static str| {
        move |record: &Value| {
            record["path"]
                .as_str()
                .is_some_and(|path| path.ends_with(suffix))
        }
    };
    let query_is = |test: fn(&str) -> bool| {
        move |record: &Value| record["params"]["query"].as_str().is_some_and(test)
    };
    let projects = path_ends("/projects");
    let dashboards = path_ends("/namespaces/customer-support-llm/persesdashboards");
    let options = query_is(|query| query.starts_with("group by (model_name)"));
    // A panel's query, not another variable's options (`group by (pod) (…model_name=~…)`).
    let panel = query_is(|query| query.contains(CHOSEN) && !query.starts_with("group by ("));
    let asked = async {
        harness.open(&address).await?;
        let arrived = std::cell::Cell::new(None);
        harness
            .wait_until(
                "the projects, the dashboards, the options and a panel are asked for",
                || async {
                    let records = harness.requests_since(since_ms).await?;
                    let wanted: [&dyn Fn(&Value) -> bool; 4] =
                        [&projects, &dashboards, &options, &panel];
                    if let [Some(projects), Some(dashboards), Some(options), Some(panel)] =
                        wanted.map(|wanted| first_at(&records, wanted))
                    {
                        arrived.set(Some((projects, dashboards, options, panel)));
                    }
                    Ok(arrived.get().is_some())
                },
            )
            .await?;
        let Some((projects_at, dashboards_at, options_at, panel_at)) = arrived.get() else {
            return Err("the requests were not recorded".to_owned());
        };
        if dashboards_at - projects_at >= KUBERNETES_DELAY_MS / 2 {
            return Err(format!(
                "the dashboards waited for the projects: asked {} ms after them",
                dashboards_at - projects_at
            ));
        }
        if panel_at - options_at >= PROMETHEUS_DELAY_MS / 2 {
            return Err(format!(
                "the panels waited for the options: asked {} ms after them",
                panel_at - options_at
            ));
        }
        Ok(())
    }
    .await;
    harness.set_kubernetes_delay_ms(0).await?;
    harness.set_prometheus_delay_ms(0).await?;
    asked?;
    harness.wait_for_panel_data("End-to-end latency").await
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
    harness.wait_for_panel_data("End-to-end latency").await?;
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
    harness.wait_for_panel_data("End-to-end latency").await
}

async fn a_project_change_queries_the_new_namespace(harness: &Harness) -> Result<(), String> {
    let before = harness.requests().await?.len();
    harness.choose("Project", "Fraud detection").await?;
    harness
        .wait_for_selected("Dashboard", "Fraud scoring")
        .await?;
    harness.wait_for_panel_data("Scoring requests").await?;
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

/// Near real time: with a 5 s refresh, a sample newer than the moment we start watching is on
/// screen within 30 s (scrape interval, step alignment and the refresh together).
async fn a_five_second_refresh_shows_new_samples_within_30_s(
    harness: &Harness,
) -> Result<(), String> {
    harness.choose("Refresh", "Every 5 seconds").await?;
    let watching_from_ms = harness
        .eval("return Date.now()", Vec::new())
        .await?
        .as_f64()
        .unwrap_or(f64::MAX);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let script =
        "const p = obsPanel('Scoring requests'); return p ? Number(p.dataset.latestMs || 0) : 0";
    loop {
        let latest_ms = harness
            .eval(script, Vec::new())
            .await?
            .as_f64()
            .unwrap_or(0.0);
        if latest_ms >= watching_from_ms {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "no sample newer than {watching_from_ms} on screen within 30 s (newest: {latest_ms})"
            ));
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

/// A backend slower than the refresh interval: ticks that come while the previous refresh is
/// still loading are skipped, so every refresh completes (none is aborted by the next) and no
/// two requests of one panel query overlap.
async fn a_slow_backend_never_stacks_refreshes(harness: &Harness) -> Result<(), String> {
    harness.set_prometheus_delay_ms(8_000).await?;
    let before = harness.requests().await?.len();
    tokio::time::sleep(std::time::Duration::from_secs(22)).await;
    harness.set_prometheus_delay_ms(0).await?;
    harness.choose("Refresh", "Off").await?;
    // Let the last slow requests finish so they are in the log with their durations.
    tokio::time::sleep(std::time::Duration::from_secs(9)).await;
    let records = harness.requests().await?;
    let mut spans: std::collections::BTreeMap<String, Vec<(i64, i64)>> = Default::default();
    for record in &records[before.min(records.len())..] {
        let path = record["path"].as_str().unwrap_or_default();
        if !path.starts_with("/api/prometheus/") {
            continue;
        }
        let query = record["params"]["query"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        // Aborting the previous refresh to start the next would never let data arrive.
        if record["aborted"].as_bool() == Some(true) {
            return Err(format!("a refresh aborted the one before it: {query:?}"));
        }
        let start_ms = record["at_ms"].as_i64().unwrap_or_default();
        let end_ms = start_ms + record["duration_ms"].as_i64().unwrap_or_default();
        spans.entry(query).or_default().push((start_ms, end_ms));
    }
    if spans.values().map(Vec::len).sum::<usize>() < 2 {
        return Err(format!("too few refreshes to judge: {spans:?}"));
    }
    for (query, mut list) in spans {
        list.sort_unstable();
        // A little slack for the log's clock: requests that merely touch do not stack.
        if let Some(pair) = list.windows(2).find(|pair| pair[1].0 + 50 < pair[0].1) {
            return Err(format!("refreshes of {query:?} stacked: {pair:?}"));
        }
    }
    Ok(())
}

/// The release page turns a panic into a WebAssembly trap, after which the module runs nothing.
/// The page's own script says so, keeps the dead controls from being used and reloads into the
/// same view. Other errors of the page are not mistaken for a trap.
async fn a_stopped_module_says_so_and_reloads(harness: &Harness) -> Result<(), String> {
    harness
        .throw_later("Error", "some script of the page failed")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    if harness
        .eval_bool("return !!document.getElementById('obs-stopped')")
        .await?
    {
        return Err("an ordinary error was taken for a stopped module".into());
    }
    let url = harness.location().await?;
    harness
        .throw_later("WebAssembly.RuntimeError", "unreachable")
        .await?;
    harness
        .wait_until("the page says it stopped", || async {
            harness
                .eval_bool(
                    "const alert = document.getElementById('obs-stopped');\
                     return !!alert && alert.getAttribute('role') === 'alert'\
                       && alert.textContent.includes('stopped because of an internal error')\
                       && alert.textContent.includes('unreachable')\
                       && document.activeElement === alert.querySelector('button')\
                       && document.querySelector('.obs-main').inert\
                       && document.querySelector('header').inert",
                )
                .await
        })
        .await?;
    harness
        .click_js("document.querySelector('#obs-stopped button')")
        .await?;
    harness
        .wait_until("the reload clears the message", || async {
            harness
                .eval_bool("return !document.getElementById('obs-stopped') && !!document.querySelector('.obs-main')")
                .await
        })
        .await?;
    let reloaded = harness.location().await?;
    if reloaded != url {
        return Err(format!("the reload moved from {url} to {reloaded}"));
    }
    // The same project and dashboard as before the reload (the last step chose them).
    harness.wait_for_panel_data("Scoring requests").await
}

/// Waits until the panel titled `title` has received at least one series.
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
