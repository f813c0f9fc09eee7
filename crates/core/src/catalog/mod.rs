//! What the user can open: their projects and each project's dashboards, read from the
//! replies of the Kubernetes pass-through and the Perses API.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::dashboard::{Loaded, load_document};
use crate::diagnostic::Diagnostic;
use crate::envelope::Envelope;

mod sources;

pub use sources::{Answer, Assembled, Failure, assemble, dashboard_namespace, status_message};

/// A project (namespace) the user can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub name: String,
    /// `openshift.io/display-name`, else the name.
    pub display_name: String,
    pub description: Option<String>,
    /// Labelled `opendatahub.io/dashboard: "true"`: a data science project.
    pub is_ai_project: bool,
}

/// Whether ODH hides a namespace from project lists: `openshift-*`, `kube-*`, `default`,
/// `system`, `openshift`, and the dashboard's own namespace.
pub fn is_system_namespace(name: &str, dashboard_namespace: Option<&str>) -> bool {
    name.starts_with("openshift-")
        || name.starts_with("kube-")
        || matches!(name, "default" | "system" | "openshift")
        || Some(name) == dashboard_namespace
}

#[derive(Deserialize)]
struct ProjectList {
    #[serde(default)]
    items: Vec<ProjectItem>,
}

#[derive(Deserialize)]
struct ProjectItem {
    metadata: ProjectMetadata,
    #[serde(default)]
    status: Option<ProjectStatus>,
}

#[derive(Deserialize)]
struct ProjectMetadata {
    name: String,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct ProjectStatus {
    #[serde(default)]
    phase: Option<String>,
}

/// The projects of a `ProjectList` reply that ODH would show: active, not system namespaces,
/// sorted by display name.
pub fn parse_projects(
    body: &str,
    dashboard_namespace: Option<&str>,
) -> Result<Vec<Project>, String> {
    let list: ProjectList =
        serde_json::from_str(body).map_err(|error| format!("unexpected project list: {error}"))?;
    let mut projects: Vec<Project> = list
        .items
        .into_iter()
        .filter(|item| {
            item.status
                .as_ref()
                .and_then(|s| s.phase.as_deref())
                .is_none_or(|phase| phase == "Active")
        })
        .filter(|item| !is_system_namespace(&item.metadata.name, dashboard_namespace))
        .map(|item| {
            let metadata = item.metadata;
            let display_name = metadata
                .annotations
                .get("openshift.io/display-name")
                .filter(|name| !name.trim().is_empty())
                .cloned()
                .unwrap_or_else(|| metadata.name.clone());
            Project {
                description: metadata
                    .annotations
                    .get("openshift.io/description")
                    .filter(|d| !d.is_empty())
                    .cloned(),
                is_ai_project: metadata
                    .labels
                    .get("opendatahub.io/dashboard")
                    .is_some_and(|v| v == "true"),
                display_name,
                name: metadata.name,
            }
        })
        .collect();
    projects.sort_by(|a, b| {
        a.display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase())
            .then(a.name.cmp(&b.name))
    });
    Ok(projects)
}

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

    #[test]
    fn projects_are_filtered_and_sorted_like_odh() {
        let body = json!({"kind": "ProjectList", "items": [
            {"metadata": {"name": "zeta", "annotations": {"openshift.io/display-name": "Alpha team"},
                "labels": {"opendatahub.io/dashboard": "true"}}, "status": {"phase": "Active"}},
            {"metadata": {"name": "beta"}, "status": {"phase": "Active"}},
            {"metadata": {"name": "openshift-monitoring"}},
            {"metadata": {"name": "kube-system"}},
            {"metadata": {"name": "default"}},
            {"metadata": {"name": "redhat-ods-applications"}},
            {"metadata": {"name": "leaving"}, "status": {"phase": "Terminating"}}
        ]})
        .to_string();
        let projects = parse_projects(&body, Some("redhat-ods-applications")).unwrap();
        let names: Vec<(&str, &str, bool)> = projects
            .iter()
            .map(|p| (p.name.as_str(), p.display_name.as_str(), p.is_ai_project))
            .collect();
        assert_eq!(
            names,
            [("zeta", "Alpha team", true), ("beta", "beta", false)]
        );
        assert!(parse_projects("<html>", None).is_err());
        assert!(parse_projects(r#"{"items": 3}"#, None).is_err());
    }

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
