//! Loading a dashboard: panels mount a few per frame, the deepest JSON decodes within the
//! stack, and a query is asked for as soon as its caller is made.

use odh_observability::api::{QueryCache, QueryKey, use_prom_query};

use super::*;

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
    let key = QueryKey {
        path: "/api/prometheus/query",
        body: r#"{"query":"up","namespace":"demo"}"#.to_owned(),
        refreshed_at_ms: 0,
    };
    // Requests in flight as each caller was made, before any effect could run.
    let asked = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let handle = {
        let (asked, cache, key) = (asked.clone(), cache.clone(), key.clone());
        leptos::mount::mount_to(container(), move || {
            provide_context(cache.clone());
            let state = use_prom_query(Signal::stored(Some(key)));
            asked.borrow_mut().push(cache.in_flight());
            // Without a key there is nothing to ask for.
            let _idle = use_prom_query(Signal::stored(None));
            asked.borrow_mut().push(cache.in_flight());
            view! { <p>{move || state.get().loading.to_string()}</p> }
        })
    };
    assert_eq!(*asked.borrow(), [1, 1]);
    // The effect's first run finds the key already asked for and asks nothing more; leaving
    // gives the one subscription back.
    leptos::task::tick().await;
    assert_eq!(cache.subscribers(&key), 1);
    drop(handle);
    assert_eq!(cache.subscribers(&key), 0);
}
