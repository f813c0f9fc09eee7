//! Component tests in headless Chromium: the page shell mounted with real dashboards.
//! Run by `scripts/test.sh` (wasm-bindgen-test-runner drives Chromium through chromedriver).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

#[path = "../support/mod.rs"]
mod support;

mod keyboard;
mod loading;
mod seen;

use leptos::prelude::*;
use odh_observability::dashboard::{DashboardView, MountScheduler};
use odh_observability::fixtures;
use support::{by_role, click, container, next_frame, text_of};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_demo() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let root = container();
    let loaded = fixtures::load_json(fixtures::DEMO_DASHBOARD_JSON).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <DashboardView dashboard=loaded.dashboard problems=loaded.problems/> }
    });
    (root, handle)
}

#[wasm_bindgen_test]
async fn rows_and_panels_are_found_by_role_and_name() {
    let (root, _handle) = mount_demo();
    assert!(by_role(&root, "heading", "Model serving").is_some());
    for (row, button) in [
        ("Overview", "Overview"),
        ("Latency and throughput", "Latency and throughput"),
        // A closed row's button says how many panels it holds, as it shows.
        ("Notes and logs", "Notes and logs 2 panels"),
    ] {
        assert!(by_role(&root, "region", row).is_some(), "row {row}");
        assert!(
            by_role(&root, "button", button).is_some(),
            "row header {button}"
        );
    }
    for panel in [
        "Requests (24h)",
        "GPU utilization",
        "End-to-end latency",
        "Serving pods",
    ] {
        let region = by_role(&root, "region", panel).unwrap_or_else(|| panic!("panel {panel}"));
        assert!(
            by_role(&region, "heading", panel).is_some(),
            "title of {panel}"
        );
    }
    // Four panels in the first row, on the 24-column grid.
    let overview = by_role(&root, "region", "Overview").unwrap();
    assert_eq!(
        overview
            .query_selector_all("section.obs-panel")
            .unwrap()
            .length(),
        4
    );
    let cell = by_role(&root, "region", "GPU utilization")
        .unwrap()
        .parent_element()
        .unwrap();
    assert_eq!(
        cell.get_attribute("style").unwrap(),
        "grid-column: 13 / span 6; grid-row: 1 / span 5;"
    );
}

#[wasm_bindgen_test]
async fn collapsed_rows_open_and_close_with_their_header() {
    let (root, _handle) = mount_demo();
    let header = by_role(&root, "button", "Notes and logs 2 panels").unwrap();
    assert_eq!(
        header.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(by_role(&root, "region", "About this dashboard").is_none());
    assert!(text_of(&header).contains("2 panels"));

    click(&header).await;
    assert_eq!(
        header.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(by_role(&root, "region", "About this dashboard").is_some());
    let logs = by_role(&root, "region", "Server logs").unwrap();
    assert!(
        text_of(&logs).contains("LogsTable panels are not supported"),
        "{}",
        text_of(&logs)
    );

    let overview = by_role(&root, "button", "Overview").unwrap();
    click(&overview).await;
    assert_eq!(
        overview.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(by_role(&root, "region", "GPU utilization").is_none());
}

#[wasm_bindgen_test]
async fn descriptions_are_tooltips_tied_to_their_button() {
    let (root, _handle) = mount_demo();
    let button = by_role(&root, "button", "About End-to-end latency").unwrap();
    let tooltip_id = button.get_attribute("aria-describedby").unwrap();
    let tooltip = root
        .query_selector(&format!("#{tooltip_id}"))
        .unwrap()
        .unwrap();
    assert_eq!(tooltip.get_attribute("role").as_deref(), Some("tooltip"));
    assert_eq!(
        text_of(&tooltip),
        "Time from request to last token, 50th and 90th percentiles."
    );
    assert!(
        by_role(&root, "button", "About GPU utilization").is_none(),
        "no description, no button"
    );
}

#[wasm_bindgen_test]
async fn broken_parts_are_marked_where_they_are() {
    let mut document: serde_json::Value =
        serde_json::from_str(fixtures::DEMO_DASHBOARD_JSON).unwrap();
    let config = &mut document["spec"]["config"];
    config["panels"]["gpu_util"]["spec"]["plugin"]["spec"]["format"]["unit"] = "percentunit".into();
    config["layouts"][0]["spec"]["items"][3]["content"]["$ref"] = "#/spec/panels/gone".into();
    let loaded = fixtures::load_json(&document.to_string()).unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <DashboardView dashboard=loaded.dashboard problems=loaded.problems/> }
    });
    let alert = by_role(&root, "alert", "").unwrap();
    let alert_text = text_of(&alert);
    assert!(
        alert_text.contains("spec.config.panels.gpu_util.spec.plugin.spec.format.unit"),
        "{alert_text}"
    );
    assert!(
        alert_text.contains("spec.config.layouts[0].spec.items[3].content.$ref"),
        "{alert_text}"
    );
    // One bad option costs only that option: the gauge draws with the default format, and
    // the alert names the unit in words, with the accepted units on request.
    assert!(
        alert_text.contains("unknown unit \"percentunit\"; see the accepted values"),
        "{alert_text}"
    );
    assert!(alert.query_selector("details").unwrap().is_some());
    let gauge = by_role(&root, "region", "GPU utilization").unwrap();
    assert!(
        !text_of(&gauge).contains("cannot be shown"),
        "{}",
        text_of(&gauge)
    );
    let missing = by_role(&root, "region", "Missing panel").unwrap();
    assert!(text_of(&missing).contains("#/spec/panels/gone"));
    // The other panels are drawn as usual.
    assert!(by_role(&root, "region", "Requests (24h)").is_some());
}

/// Regions sharing a title are numbered after the first, so a screen reader's landmark list
/// tells them apart; a region that leaves frees its number.
#[wasm_bindgen_test]
async fn regions_with_one_title_are_named_apart() {
    use odh_observability::region_names::RegionNames;
    use wasm_bindgen::JsCast;
    let root = container();
    let third = RwSignal::new(true);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        RegionNames::provide();
        let region = |title: &'static str| {
            let name = RegionNames::name_of(Signal::stored(title.to_owned()));
            view! { <section aria-label=move || name.get()></section> }
        };
        view! {
            {region("Uptime")}
            {region("Latency")}
            {region("Uptime")}
            {move || third.get().then(|| region("UPTIME "))}
        }
    });
    let names = || {
        let list = root.query_selector_all("section").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .map(|element| element.get_attribute("aria-label").unwrap_or_default())
            .collect::<Vec<_>>()
    };
    next_frame().await;
    // Told apart as a screen reader does: case and spaces do not count.
    assert_eq!(names(), ["Uptime", "Latency", "Uptime (2)", "UPTIME (3)"]);
    third.set(false);
    next_frame().await;
    assert_eq!(names(), ["Uptime", "Latency", "Uptime (2)"]);
}

/// The problem list is an alert (a live region): any change inside it is announced. The
/// deferred panels' options arriving usually give an equal list, which must leave the alert
/// untouched (drawn again, its texts are set again, which a screen reader announces); a list
/// that really changes is shown. A `MutationObserver` sees what a screen reader would.
#[wasm_bindgen_test]
async fn the_problem_alert_changes_only_when_the_list_does() {
    use obs_core::dashboard::{Problem, ProblemKind, Severity};
    use obs_core::diagnostic::{Diagnostic, Path};
    use wasm_bindgen::prelude::*;
    let problem = |message: &str| Problem {
        severity: Severity::Warning,
        kind: ProblemKind::Invalid,
        diagnostic: Diagnostic::new(&Path::root().key("spec"), message),
    };
    let root = container();
    let loaded = fixtures::load_json(fixtures::DEMO_DASHBOARD_JSON).unwrap();
    let problems = RwSignal::new(vec![problem("first")]);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <DashboardView dashboard=loaded.dashboard problems=problems/> }
    });
    next_frame().await;
    let alert = || {
        root.query_selector("[role=alert]")
            .unwrap()
            .expect("the alert")
    };
    let before = alert();
    // The observer's callback gets the records (a microtask after each change): it counts them.
    let seen = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    let count = {
        let seen = std::rc::Rc::clone(&seen);
        Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
            seen.set(seen.get() + records.length());
        })
    };
    let observer = web_sys::MutationObserver::new(count.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_character_data(true);
    options.set_attributes(true);
    observer.observe_with_options(&root, &options).unwrap();
    // An equal list in a new vector, as resolving the deferred panels gives.
    problems.set(vec![problem("first")]);
    next_frame().await;
    assert!(alert().is_same_node(Some(&before)));
    assert_eq!(seen.get(), 0, "an equal list changed the alert");
    problems.set(vec![problem("first"), problem("second")]);
    next_frame().await;
    assert!(seen.get() > 0, "the observer saw nothing");
    assert!(
        text_of(&alert()).contains("second"),
        "{}",
        text_of(&alert())
    );
    observer.disconnect();
}
