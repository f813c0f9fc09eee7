//! What a user does in the shell: the entry's contract, the nav item, the project from the
//! route and from memory, and navigation both ways.

use serde_json::json;

use super::{BASE, open_shell, router_in_step, wait_for_location, wait_for_page};
use obs_e2e::{Harness, all_queries_scoped_to, now_ms, prometheus_calls};

pub async fn the_entry_keeps_its_contract(harness: &Harness) -> Result<(), String> {
    open_shell(harness, "/").await?;
    // A fresh copy of the entry, evaluated apart from the one the shell loaded.
    let outcome = harness
        .eval_async(
            "const done = arguments[arguments.length - 1];\
             (async () => {\
               const text = await (await fetch('/_mf/observabilityWasm/remoteEntry.js')).text();\
               const fresh = new Function(text + '\\nreturn observabilityWasm;')();\
               const reason = (promise) => promise.then(() => 'resolved', (e) => String(e.message));\
               const noReact = await reason(fresh.init({}));\
               const otherModule = await reason(fresh.get('./page'));\
               const scope = window.testHost.shareScope();\
               const first = fresh.init(scope);\
               const again = fresh.init(scope);\
               await first;\
               const factory = await fresh.get('./extensions');\
               const extensions = factory().default.map((e) => [e.type, e.properties.href || e.properties.path || e.properties.id]);\
               const live = window.observabilityWasm;\
               done({ noReact, otherModule, idempotent: first === again, extensions,\
                      shellEntry: typeof live.init + typeof live.get });\
             })().catch((e) => done({ error: String(e) }));",
        )
        .await?;
    let text = |key: &str| outcome[key].as_str().unwrap_or_default().to_owned();
    if outcome["error"].is_string()
        || !text("noReact").contains("shares no React 18")
        || !text("otherModule").contains("only \"./extensions\"")
        || outcome["idempotent"] != true
        || text("shellEntry") != "functionfunction"
    {
        return Err(format!("the entry's contract: {outcome}"));
    }
    let expected = json!([
        ["app.area", "plugin-observability-wasm"],
        ["app.navigation/href", BASE],
        ["app.route", format!("{BASE}/*")],
    ]);
    if outcome["extensions"] != expected {
        return Err(format!("extensions: {}", outcome["extensions"]));
    }
    Ok(())
}

pub async fn the_nav_item_opens_the_page_with_data(harness: &Harness) -> Result<(), String> {
    open_shell(harness, "/").await?;
    harness.click_js("obsHostNavLink('Observability')").await?;
    wait_for_page(harness).await?;
    harness
        .wait_for_selected("Project", "Customer support LLM")
        .await?;
    harness
        .wait_for_selected("Dashboard", "LLM serving")
        .await?;
    harness.wait_for_panel_data("Requests").await?;
    // Below the fold in the shell's scrolling content area: a panel there loads when it nears.
    harness
        .eval(
            "obsPanel('End-to-end latency').scrollIntoView()",
            Vec::new(),
        )
        .await?;
    harness.wait_for_panel_data("End-to-end latency").await?;
    // A view from a panel chunk, downloaded beside the remote's other files.
    harness.open_table_view("End-to-end latency").await?;
    harness.wait_for_table_rows("End-to-end latency").await?;
    harness
        .choose_panel_action("End-to-end latency", "View as chart")
        .await?;
    harness
        .wait_until("the panel is a chart again", || async {
            harness
                .eval_bool(
                    "const p = obsPanel('End-to-end latency'); \
                     return !p.querySelector('.obs-data-table') && !!p.querySelector('canvas')",
                )
                .await
        })
        .await?;
    // The group repeated per model deployment: one copy each, each querying its own.
    for deployment in ["granite-31-2b-router", "llama-31-8b-instruct"] {
        let title = format!("Requests: {deployment}");
        harness
            .eval(
                &format!("obsPanel({}).scrollIntoView()", json!(title)),
                Vec::new(),
            )
            .await
            .map_err(|error| format!("no copy of the repeated group for {deployment}: {error}"))?;
        harness.wait_for_panel_data(&title).await?;
    }
    let queried = harness.requests().await?.iter().any(|record| {
        record["params"]["query"]
            .as_str()
            .is_some_and(|query| query.contains("model_name=\"granite-31-2b-router\""))
    });
    if !queried {
        return Err("the granite copy of the repeated group did not query its deployment".into());
    }
    // The project went into the path, as ODH's plugins keep `:namespace`, without a new entry.
    wait_for_location(
        harness,
        "the project is in the path",
        &format!("here.startsWith('{BASE}/customer-support-llm?')"),
    )
    .await?;
    router_in_step(harness).await?;
    let page = harness
        .eval(
            "const link = obsHostNavLink('Observability');\
             return { current: link.classList.contains('pf-m-current'),\
                      roots: document.querySelectorAll('.obs-root').length,\
                      title: document.querySelector('.obs-root h1').textContent,\
                      toggles: document.querySelectorAll('.obs-root .obs-page-header__actions').length,\
                      mounted: observabilityWasm.diagnostics().mountedPages };",
            Vec::new(),
        )
        .await?;
    if page
        != json!({"current": true, "roots": 1, "title": "Observability", "toggles": 0, "mounted": 1})
    {
        return Err(format!("the page in the shell: {page}"));
    }
    all_queries_scoped_to(harness, "customer-support-llm").await
}

pub async fn the_project_comes_from_the_route_then_from_memory(
    harness: &Harness,
) -> Result<(), String> {
    // From the route.
    open_shell(harness, &format!("{BASE}/fraud-detection")).await?;
    wait_for_page(harness).await?;
    harness.wait_for_panel_data("Scoring requests").await?;
    wait_for_location(
        harness,
        "the project stays in the path and the dashboard joins the query",
        &format!("here === '{BASE}/fraud-detection?dashboard=dashboard-1-fraud-scoring'"),
    )
    .await?;
    // From the host's remembered project when the route names none.
    harness
        .eval(
            "localStorage.setItem('mod-arch.namespace.lastUsed', JSON.stringify('fraud-detection'))",
            Vec::new(),
        )
        .await?;
    open_shell(harness, BASE).await?;
    wait_for_page(harness).await?;
    wait_for_location(
        harness,
        "the remembered project goes into the path",
        &format!("here.startsWith('{BASE}/fraud-detection')"),
    )
    .await?;
    harness
        .wait_for_selected("Project", "Fraud detection")
        .await?;
    // A project the user cannot see, by link: a clear message, no queries for it.
    let since_ms = now_ms();
    open_shell(harness, &format!("{BASE}/vision-training")).await?;
    wait_for_page(harness).await?;
    harness
        .wait_until("an unknown project says so", || async {
            harness
                .eval_bool("return document.body.innerText.includes('Project not available')")
                .await
        })
        .await?;
    let records = harness.requests_since(since_ms).await?;
    let leaked = prometheus_calls(&records)
        .into_iter()
        .any(|(_, params, _)| params["namespace"] == "vision-training");
    if leaked {
        return Err("a query was sent for a project the user cannot see".into());
    }
    Ok(())
}

pub async fn navigation_goes_both_ways_without_a_remount(harness: &Harness) -> Result<(), String> {
    open_shell(harness, &format!("{BASE}/fraud-detection")).await?;
    wait_for_page(harness).await?;
    harness.wait_for_panel_data("Scoring requests").await?;
    // A mark on the page's root: a remount would replace the element and lose it.
    harness
        .eval(
            "document.querySelector('.obs-root').dataset.e2eMark = 'kept'",
            Vec::new(),
        )
        .await?;
    let kept = "document.querySelector('.obs-root') && document.querySelector('.obs-root').dataset.e2eMark === 'kept' && observabilityWasm.diagnostics().mountedPages === 1";

    harness.choose("Project", "Customer support LLM").await?;
    wait_for_location(
        harness,
        "the picked project is in the path",
        &format!("here.startsWith('{BASE}/customer-support-llm')"),
    )
    .await?;
    router_in_step(harness).await?;
    harness.wait_for_panel_data("Requests").await?;
    harness.choose("Time range", "Last 6 hours").await?;
    let with_range = wait_for_location(
        harness,
        "the range is in the query",
        "here.includes('start=6h')",
    )
    .await?;
    router_in_step(harness).await?;

    // The host's back button: the page follows, without remounting.
    harness.browser.back().await.map_err(|e| e.to_string())?;
    wait_for_location(
        harness,
        "back undoes the range",
        &format!("here.startsWith('{BASE}/customer-support-llm') && !here.includes('start=6h')"),
    )
    .await?;
    harness
        .wait_until("the page shows the range it had", || async {
            harness
                .eval_bool("return obsSelectValue('Time range') !== 'Last 6 hours'")
                .await
        })
        .await?;
    harness.browser.back().await.map_err(|e| e.to_string())?;
    wait_for_location(
        harness,
        "back returns to the first project",
        &format!("here.startsWith('{BASE}/fraud-detection')"),
    )
    .await?;
    harness
        .wait_for_selected("Project", "Fraud detection")
        .await?;
    harness.browser.forward().await.map_err(|e| e.to_string())?;
    harness.browser.forward().await.map_err(|e| e.to_string())?;
    let here = wait_for_location(
        harness,
        "forward twice restores the range",
        "here.includes('start=6h')",
    )
    .await?;
    if here != with_range {
        return Err(format!("forward gave {here}, not {with_range}"));
    }
    harness
        .wait_for_selected("Time range", "Last 6 hours")
        .await?;
    // The host's own link to the plugin (no project): the remembered project, same page.
    harness.click_js("obsHostNavLink('Observability')").await?;
    wait_for_location(
        harness,
        "the nav item leads to the remembered project",
        &format!("here.startsWith('{BASE}/customer-support-llm?')"),
    )
    .await?;
    router_in_step(harness).await?;
    if !harness.eval_bool(&format!("return {kept}")).await? {
        return Err("the page was remounted by a navigation".into());
    }
    Ok(())
}
