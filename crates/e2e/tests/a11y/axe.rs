//! axe-core over every bundled dashboard and the views a user opens on them.

use serde_json::json;

use super::LLM;
use obs_e2e::Tab;

/// Every bundled dashboard, by project (namespace) and resource name.
const DASHBOARDS: [(&str, &str); 7] = [
    ("customer-support-llm", "dashboard-1-llm-serving"),
    ("fraud-detection", "dashboard-1-fraud-scoring"),
    ("fraud-detection", "dashboard-2-model-fairness"),
    ("vision-training", "dashboard-1-training-run"),
    ("vision-training", "dashboard-2-gpu-utilization"),
    ("vision-training", "dashboard-3-workbenches"),
    ("opendatahub", "dashboard-0-cluster-overview"),
];

/// Every dashboard in the light theme, then in the dark one, each with its views.
pub async fn every_view(tab: &Tab, axe: &str) -> Result<(), String> {
    // An administrator sees every project and the cluster dashboards.
    tab.goto("/__dev/as/admin?to=/").await?;
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        for (project, name) in DASHBOARDS {
            let path = format!("/?project={project}&dashboard={name}");
            open_settled(tab, &path).await?;
            set_theme(tab, theme).await?;
            found.extend(check(tab, axe, &format!("{name} ({theme})")).await?);
        }
        found.extend(views(tab, axe, theme).await?);
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "axe-core found {} violations:\n{}",
            found.len(),
            found.join("\n")
        ))
    }
}

/// The LLM dashboard with a panel menu open, in the table view and in the full-size view.
async fn views(tab: &Tab, axe: &str, theme: &str) -> Result<Vec<String>, String> {
    let title = "End-to-end latency";
    let mut found = Vec::new();
    open_settled(tab, LLM).await?;
    let menu = |action: &'static str| {
        format!(
            "[...obsPanel({}).querySelectorAll('.obs-panel-menu__action')].find(b => b.textContent === '{action}')",
            json!(title)
        )
    };
    let toggle = format!(
        "obsPanel({}).querySelector('.obs-panel-menu__toggle')",
        json!(title)
    );
    tab.click_js(&toggle).await?;
    wait_for(
        tab,
        "the panel menu opens",
        &format!("!!({})", menu("View as table")),
    )
    .await?;
    found.extend(check(tab, axe, &format!("a panel menu open ({theme})")).await?);
    tab.click_js(&menu("View as table")).await?;
    wait_for(
        tab,
        "the table view shows rows",
        &format!(
            "!!obsPanel({}).querySelector('.obs-data-table tbody tr')",
            json!(title)
        ),
    )
    .await?;
    found.extend(check(tab, axe, &format!("the table view ({theme})")).await?);
    tab.click_js(&toggle).await?;
    tab.click_js(&menu("View as chart")).await?;
    tab.click_js(&toggle).await?;
    tab.click_js(&menu("View full size")).await?;
    wait_for(
        tab,
        "the full-size view opens",
        "!!document.querySelector('[role=dialog][aria-modal=true] canvas')",
    )
    .await?;
    found.extend(check(tab, axe, &format!("the full-size view ({theme})")).await?);
    Ok(found)
}

/// Opens `path`, opens every row and waits until every panel has settled.
async fn open_settled(tab: &Tab, path: &str) -> Result<(), String> {
    tab.open(path).await?;
    wait_for(
        tab,
        "the dashboard opens",
        "!!document.querySelector('.obs-dashboard')",
    )
    .await?;
    let outcome = tab.eval_async(include_str!("../sweep/settle.js")).await?;
    if outcome["settled"] != true {
        return Err(format!("{path} did not settle: {outcome}"));
    }
    tab.eval("document.scrollingElement.scrollTo(0, 0)", Vec::new())
        .await
        .map(|_| ())
}

/// Switches the standalone page's theme with its toggle, as a user does.
async fn set_theme(tab: &Tab, theme: &str) -> Result<(), String> {
    let dark = theme == "dark";
    let toggle =
        "[...document.querySelectorAll('header button')].find(b => b.textContent === 'Dark theme')";
    let pressed = tab
        .eval(
            &format!("return {toggle}.getAttribute('aria-pressed')"),
            Vec::new(),
        )
        .await?;
    if pressed != json!(dark.to_string()) {
        tab.click_js(toggle).await?;
    }
    wait_for(
        tab,
        &format!("the {theme} theme"),
        &format!(
            "document.documentElement.classList.contains('pf-v6-theme-dark') === {dark} \
             && [...document.querySelectorAll('canvas[data-painted]')].every(c => c.dataset.painted === 'complete')"
        ),
    )
    .await
}

async fn wait_for(tab: &Tab, what: &str, condition: &str) -> Result<(), String> {
    let script = format!("return {condition};");
    tab.wait_until(what, || async { tab.eval_bool(&script).await })
        .await
}

/// axe-core's violations on the page as it is now; the rules passed are reported.
async fn check(tab: &Tab, axe: &str, what: &str) -> Result<Vec<String>, String> {
    let found = obs_e2e::axe::violations(tab, axe, what).await?;
    eprintln!("axe-core: {what}: {} violations", found.len());
    Ok(found)
}
