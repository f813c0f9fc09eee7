use serde_json::json;

use super::*;

fn cr(name: &str, title: &str, version: &str) -> serde_json::Value {
    let spec = json!({"display": {"name": title}, "panels": {}, "layouts": []});
    let spec = if version == "v1alpha2" {
        json!({"config": spec})
    } else {
        spec
    };
    json!({"apiVersion": format!("perses.dev/{version}"), "kind": "PersesDashboard",
            "metadata": {"name": name, "namespace": "team-a", "annotations": {"perses.dev/tags": "GPU, serving"}},
            "spec": spec})
}

#[test]
fn problems_are_named_in_the_resource_the_author_wrote() {
    let broken_panel = json!({"apiVersion": "perses.dev/v1alpha2", "kind": "PersesDashboard",
            "metadata": {"name": "serving", "namespace": "team-a"},
            "spec": {"config": {"panels": {"latency": {"kind": "Panel", "spec": {"plugin": {"kind": "StatChart", "spec": {"calculation": "most"}}}}},
                "layouts": []}}});
    let list = json!({"kind": "PersesDashboardList", "items": [cr("a", "A", "v1alpha2"), broken_panel,
            {"kind": "PersesDashboard", "metadata": {"name": "nospec"}}, 7]});
    let (entries, skipped) = parse_dashboard_list(&list.to_string()).unwrap();
    let serving = entries
        .iter()
        .find(|entry| entry.name == "serving")
        .unwrap();
    let paths: Vec<&str> = serving
        .loaded()
        .unwrap()
        .problems
        .iter()
        .map(|problem| problem.diagnostic.path.as_str())
        .collect();
    assert!(
        paths
            .iter()
            .all(|path| path.starts_with("spec.config.panels.latency")),
        "{paths:?}"
    );
    let skipped: Vec<&str> = skipped.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(skipped, ["nospec: spec", "items[3]"]);
}

#[test]
fn dashboard_lists_merge_and_search() {
    let crs = json!({"kind": "PersesDashboardList", "items": [cr("b", "Serving", "v1alpha2"), cr("a", "Training", "v1alpha2"), {"kind": "Other"}]});
    let (from_crs, skipped) = parse_dashboard_list(&crs.to_string()).unwrap();
    assert_eq!(skipped.len(), 1);
    let api = json!([{"kind": "Dashboard", "metadata": {"name": "b", "project": "team-a"}, "spec": {"panels": {}, "layouts": []}},
            {"kind": "Dashboard", "metadata": {"name": "c", "project": "team-a"}, "spec": {"display": {"name": "cluster"}, "panels": {}, "layouts": []}}]);
    let (from_api, _) = parse_dashboard_list(&api.to_string()).unwrap();
    let merged = merge(vec![from_crs, from_api]);
    let listed: Vec<(&str, &str, Envelope)> = merged
        .iter()
        .map(|e| (e.name.as_str(), e.title.as_str(), e.envelope))
        .collect();
    assert_eq!(
        listed,
        [
            ("c", "cluster", Envelope::Dashboard),
            ("b", "Serving", Envelope::PersesDashboardV1Alpha2),
            ("a", "Training", Envelope::PersesDashboardV1Alpha2),
        ]
    );
    assert_eq!(merged[1].tags, ["gpu", "serving"]);
    assert!(matches_search(&merged[1], "serv GPU"));
    assert!(!matches_search(&merged[1], "training"));
    assert!(matches_search(&merged[2], ""));
}

#[test]
fn what_a_list_shows_is_what_the_opened_dashboard_says() {
    let resources = json!([
        cr("a", "Serving", "v1alpha2"),
        cr("b", "", "v1alpha1"),
        {"kind": "Dashboard", "metadata": {"name": "c", "project": "p", "tags": ["x", "y"]},
         "spec": {"display": {"name": 7}, "panels": {}, "layouts": []}},
        {"kind": "Dashboard", "metadata": {"name": "d", "project": "p", "tags": " bad "},
         "spec": {"panels": {}, "layouts": []}},
        {"kind": "Dashboard", "metadata": {"project": "p"}, "spec": {"display": {"name": "No name"}}},
        {"apiVersion": "perses.dev/v1alpha1", "kind": "PersesDashboard",
         "metadata": {"name": "e", "annotations": {"perses.dev/tags": "B,a, ,A"}},
         "spec": {"display": {"name": "Tagged"}, "panels": {}, "layouts": []}},
    ]);
    let (entries, _) = parse_dashboard_list(&resources.to_string()).unwrap();
    assert_eq!(entries.len(), 6);
    for entry in &entries {
        let loaded = entry.loaded().unwrap();
        assert_eq!(entry.name, loaded.dashboard.name);
        assert_eq!(entry.title, loaded.dashboard.title(), "{}", entry.name);
        assert_eq!(entry.tags, loaded.dashboard.tags, "{}", entry.name);
        assert_eq!(entry.envelope, loaded.dashboard.envelope);
    }
    // Read once: the same dashboard every time.
    assert!(std::ptr::eq(
        entries[0].loaded().unwrap(),
        entries[0].loaded().unwrap()
    ));
}
