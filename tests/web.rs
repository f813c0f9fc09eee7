//! Component tests in headless Chromium: the page shell mounted with real dashboards.
//! Run by `scripts/test.sh` (wasm-bindgen-test-runner drives Chromium through chromedriver).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use leptos::prelude::*;
use odh_observability::api::{QueryCache, QueryKey, use_prom_query};
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

#[wasm_bindgen_test]
async fn many_panels_mount_within_a_budget_per_frame_top_to_bottom() {
    let panels: serde_json::Map<String, serde_json::Value> = (0..20)
        .map(|index| {
            let panel = serde_json::json!({"kind": "Panel", "spec": {
                "display": {"name": format!("Note {index}")},
                "plugin": {"kind": "Markdown", "spec": {"text": "A note."}}}});
            (format!("p{index}"), panel)
        })
        .collect();
    let items: Vec<serde_json::Value> = (0..20)
        .map(|index| {
            serde_json::json!({"x": (index % 4) * 6, "y": (index / 4) * 4, "width": 6, "height": 4,
                "content": {"$ref": format!("#/spec/panels/p{index}")}})
        })
        .collect();
    let document = serde_json::json!({"kind": "Dashboard",
        "metadata": {"name": "many", "project": "team"},
        "spec": {"duration": "1h", "panels": panels,
                 "layouts": [{"kind": "Grid", "spec": {"items": items}}]}});
    let loaded = fixtures::load_json(&document.to_string()).unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        MountScheduler::provide();
        view! { <DashboardView dashboard=loaded.dashboard problems=loaded.problems/> }
    });
    leptos::task::tick().await;
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
    // A few cells mount at once (the first always, the others within the time); the others
    // wait for the frames' rounds (the cells of a view all ask before any is drawn, so the
    // time alone could not stop them).
    let at_once = count("section.obs-panel");
    assert!(
        (1..=obs_core::pacing::MAX_CELLS_AT_ONCE as u32).contains(&at_once),
        "a few at once, never more than the count: {at_once}"
    );
    assert_eq!(count(".obs-grid__cell--pending"), 20 - at_once);
    for index in 0..20 {
        assert_eq!(
            by_role(&root, "region", &format!("Note {index}")).is_some(),
            index < at_once,
            "top first: Note {index} of {at_once} mounted"
        );
    }
    for _ in 0..30 {
        if count(".obs-grid__cell--pending") == 0 {
            break;
        }
        next_frame().await;
    }
    assert_eq!(
        count("section.obs-panel"),
        20,
        "all mounted within a few frames"
    );
    assert!(by_role(&root, "region", "Note 19").is_some());
}

/// A panel's "About" tooltip hides on Escape without the pointer or focus moving, and shows
/// again once they leave and come back (WCAG 1.4.13).
#[wasm_bindgen_test]
async fn escape_dismisses_a_description_tooltip() {
    let (root, _handle) = mount_demo();
    let about = root
        .query_selector("button.obs-panel__info")
        .unwrap()
        .expect("a panel with a description");
    assert!(
        about
            .get_attribute("aria-label")
            .unwrap_or_default()
            .starts_with("About ")
    );
    let anchor = about.parent_element().unwrap();
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    about.dispatch_event(&escape).unwrap();
    leptos::task::tick().await;
    assert!(anchor.has_attribute("data-dismissed"));
    let leave = web_sys::FocusEvent::new_with_focus_event_init_dict("focusout", &{
        let init = web_sys::FocusEventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    about.dispatch_event(&leave).unwrap();
    leptos::task::tick().await;
    assert!(!anchor.has_attribute("data-dismissed"));
}

/// A select's toggle is named by its label and the value it shows, so the choice is announced
/// with the field (WCAG 4.1.2), and it follows the selection.
#[wasm_bindgen_test]
async fn a_select_announces_its_value_with_its_label() {
    use odh_observability::widgets::{Select, SelectOption};
    let root = container();
    let selected = RwSignal::new(vec!["llm".to_owned()]);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let options = vec![
            SelectOption::new("llm", "Customer support LLM"),
            SelectOption::new("fraud", "Fraud detection"),
        ];
        view! {
            <Select
                label="Project"
                options=options
                selected=selected
                on_change=Callback::new(move |next: Vec<String>| selected.set(next))
            />
        }
    });
    leptos::task::tick().await;
    let toggle = root.query_selector(".obs-select__toggle").unwrap().unwrap();
    let name_of = |toggle: &web_sys::Element| {
        let document = web_sys::window().unwrap().document().unwrap();
        toggle
            .get_attribute("aria-labelledby")
            .unwrap_or_default()
            .split_whitespace()
            .map(|id| text_of(&document.get_element_by_id(id).unwrap()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(name_of(&toggle), "Project Customer support LLM");
    selected.set(vec!["fraud".to_owned()]);
    leptos::task::tick().await;
    assert_eq!(name_of(&toggle), "Project Fraud detection");
}

/// The element that has focus.
fn focused() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

fn key(target: &web_sys::Element, key: &str, shift: bool) {
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        init.set_cancelable(true);
        init
    })
    .unwrap();
    target.dispatch_event(&event).unwrap();
}

/// A panel's menu takes focus when it opens, moves it with the arrows and gives it back to its
/// button on Escape; its full-size view is a modal dialog that keeps Tab inside and gives focus
/// back on Escape (WCAG 2.4.3, 2.4.11).
#[wasm_bindgen_test]
async fn the_panel_menu_and_full_size_view_keep_keyboard_focus() {
    let (root, _handle) = mount_demo();
    let toggle = by_role(&root, "button", "Options of End-to-end latency").unwrap();
    click(&toggle).await;
    next_frame().await;
    let first = focused().unwrap();
    assert_eq!(
        text_of(&first),
        "View full size",
        "opening focuses the first action"
    );
    // Up from the first wraps to the last (the thresholds checkbox), down from there back.
    key(&first, "ArrowUp", false);
    let last = focused().unwrap();
    assert_eq!(last.get_attribute("type").as_deref(), Some("checkbox"));
    key(&last, "ArrowDown", false);
    assert_eq!(focused().unwrap(), first);
    key(&first, "Escape", false);
    leptos::task::tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        focused().unwrap(),
        toggle,
        "Escape gives focus back to the menu's button"
    );

    click(&toggle).await;
    next_frame().await;
    click(&focused().unwrap()).await;
    next_frame().await;
    let dialog = by_role(&root, "dialog", "End-to-end latency").expect("a modal full-size view");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let inside = |element: &web_sys::Element| dialog.contains(Some(element));
    assert!(
        inside(&focused().unwrap()),
        "focus moved into the full-size view"
    );
    // Shift+Tab from the first focusable element wraps to the last, Tab from there to the first.
    let first = focused().unwrap();
    key(&first, "Tab", true);
    let last = focused().unwrap();
    assert!(inside(&last) && last != first, "Shift+Tab wrapped inside");
    key(&last, "Tab", false);
    assert_eq!(focused().unwrap(), first, "Tab wrapped inside");
    // Focus starts on the About button, whose tooltip shows: the first Escape hides it, the
    // next closes the view.
    assert_eq!(
        first.get_attribute("aria-label").as_deref(),
        Some("About End-to-end latency")
    );
    key(&first, "Escape", false);
    leptos::task::tick().await;
    assert!(by_role(&root, "dialog", "End-to-end latency").is_some());
    key(&first, "Escape", false);
    leptos::task::tick().await;
    next_frame().await;
    assert!(by_role(&root, "dialog", "End-to-end latency").is_none());
    assert_eq!(
        focused().unwrap(),
        toggle,
        "closing gives focus back to the menu's button"
    );
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

/// The page's stack is 256 KB (.cargo/config.toml). The deepest JSON serde_json reads (128
/// levels; deeper is refused) is decoded, wherever a dashboard puts it, within that stack: an
/// overflow would trap and fail this test.
#[wasm_bindgen_test]
fn the_deepest_json_is_decoded_within_the_stack() {
    let arrays = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = |depth: usize| format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    let places = [
        "display_name",
        "variables",
        "layouts",
        "queries",
        "legend",
        "unknown",
    ];
    for depth in [100, 115, 118, 119, 120, 121, 122, 125, 127, 200] {
        for deep in [arrays(depth), objects(depth)] {
            for place in places {
                let at = |name: &str| if name == place { deep.as_str() } else { "null" };
                let text = format!(
                    r#"{{"kind":"Dashboard","metadata":{{"name":"deep","project":"p"}},"spec":{{"duration":"1h","display":{{"name":{name}}},"variables":{variables},"layouts":{layouts},"panels":{{"a":{{"kind":"Panel","spec":{{"display":{{"name":"A"}},"queries":{queries},"plugin":{{"kind":"TimeSeriesChart","spec":{{"legend":{legend},"unknown":{unknown}}}}}}}}}}}}}}}"#,
                    name = at("display_name"),
                    variables = at("variables"),
                    layouts = at("layouts"),
                    queries = at("queries"),
                    legend = at("legend"),
                    unknown = at("unknown"),
                );
                let loaded = fixtures::load_json(&text);
                if depth >= 128 {
                    assert!(loaded.is_err(), "{place} at {depth} levels was read");
                }
            }
        }
    }
}

/// A query is asked for as its caller is made, not by an effect after the whole view around it
/// has mounted: a dashboard's first variable request waited for the dashboard to mount.
#[wasm_bindgen_test]
async fn a_query_is_asked_for_as_its_caller_is_made() {
    let cache = QueryCache::new();
    // Requests in flight as each caller was made, before any effect could run.
    let asked = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let _handle = {
        let (cache, asked) = (cache.clone(), asked.clone());
        leptos::mount::mount_to(container(), move || {
            provide_context(cache.clone());
            let key = QueryKey {
                path: "/api/prometheus/query",
                body: r#"{"query":"up","namespace":"demo"}"#.to_owned(),
                refreshed_at_ms: 0,
            };
            let state = use_prom_query(Signal::stored(Some(key)));
            asked.borrow_mut().push(cache.in_flight());
            // Without a key there is nothing to ask for.
            let _idle = use_prom_query(Signal::stored(None));
            asked.borrow_mut().push(cache.in_flight());
            view! { <p>{move || state.get().loading.to_string()}</p> }
        })
    };
    assert_eq!(*asked.borrow(), [1, 1]);
}
