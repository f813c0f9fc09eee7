//! What the user can open: their projects and each project's dashboards, read from the
//! replies of the Kubernetes pass-through and the Perses API.

use std::collections::BTreeMap;

use crate::dashboard::{Loaded, load_document};
use crate::diagnostic::Diagnostic;
use crate::envelope::Envelope;

mod projects;
mod sources;

pub use projects::{
    CLUSTER_DASHBOARDS_LABEL, Project, ProjectChoice, Status, choose_project, is_system_namespace,
    parse_projects, parse_status,
};
pub use sources::{Answer, Assembled, Failure, assemble, status_message};

/// One dashboard a project offers.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub name: String,
    pub title: String,
    pub tags: Vec<String>,
    pub envelope: Envelope,
    pub loaded: Loaded,
}

/// The dashboards of list replies (a `PersesDashboardList`, or the Perses API's array), each
/// with its problems. Resources that are not dashboards are returned as diagnostics.
pub fn parse_dashboard_list(body: &str) -> Result<(Vec<CatalogEntry>, Vec<Diagnostic>), String> {
    let document: serde_json::Value = serde_json::from_str(body)
        .map_err(|error| format!("unexpected dashboard list: {error}"))?;
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    for loaded in load_document(&document) {
        match loaded {
            Ok(loaded) => entries.push(CatalogEntry {
                name: loaded.dashboard.name.clone(),
                title: loaded.dashboard.title().to_owned(),
                tags: loaded.dashboard.tags.clone(),
                envelope: loaded.dashboard.envelope,
                loaded,
            }),
            Err(diagnostic) => skipped.push(diagnostic),
        }
    }
    Ok((entries, skipped))
}

/// Joins the dashboards of several sources (the custom resources first, then the Perses API):
/// one entry per name, the first source winning, sorted by title.
pub fn merge(sources: Vec<Vec<CatalogEntry>>) -> Vec<CatalogEntry> {
    let mut by_name: BTreeMap<String, CatalogEntry> = BTreeMap::new();
    for entry in sources.into_iter().flatten() {
        by_name.entry(entry.name.clone()).or_insert(entry);
    }
    let mut entries: Vec<CatalogEntry> = by_name.into_values().collect();
    entries.sort_by(|a, b| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then(a.name.cmp(&b.name))
    });
    entries
}

/// Whether an entry matches a search: every word of `needle` appears, case-insensitively, in
/// its title, name or tags.
pub fn matches_search(entry: &CatalogEntry, needle: &str) -> bool {
    let haystack =
        format!("{} {} {}", entry.title, entry.name, entry.tags.join(" ")).to_lowercase();
    needle
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
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
}
