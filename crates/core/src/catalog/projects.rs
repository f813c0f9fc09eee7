//! Who the user is and which namespaces they can open: their projects, and for
//! administrators the namespaces whose dashboards are about the whole cluster (ODH's own
//! namespace, and any labelled [`CLUSTER_DASHBOARDS_LABEL`]).

use crate::case::lowercase;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::scope::DashboardHome;

/// A namespace labelled with this (value `"true"`) holds cluster dashboards, as ODH's own
/// namespace does: administrators see them apart from projects, and their queries default to
/// the cluster route.
pub const CLUSTER_DASHBOARDS_LABEL: &str = "observability.opendatahub.io/cluster-dashboards";

/// The user, from `GET /api/status`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub user_name: Option<String>,
    /// May use the cluster-wide routes (`kube.isAdmin`).
    pub is_admin: bool,
    /// The namespace the ODH dashboard runs in (`kube.namespace`).
    pub dashboard_namespace: Option<String>,
}

/// Reads `/api/status`; whatever is missing is unknown (not an admin, no namespace).
pub fn parse_status(body: &str) -> Status {
    let Ok(value) = crate::json_tree::parse(body) else {
        return Status::default();
    };
    let text = |pointer: &str| {
        value
            .pointer(pointer)
            .and_then(serde_json::Value::as_str)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    Status {
        user_name: text("/kube/userName"),
        is_admin: value
            .pointer("/kube/isAdmin")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false),
        dashboard_namespace: text("/kube/namespace"),
    }
}

/// A namespace the user can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub name: String,
    /// `openshift.io/display-name`, else the name; "Cluster" for ODH's own namespace.
    pub display_name: String,
    pub description: Option<String>,
    /// Labelled `opendatahub.io/dashboard: "true"`: a data science project.
    pub is_ai_project: bool,
    /// A project, or a namespace of cluster dashboards (administrators only).
    pub home: DashboardHome,
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

/// The namespaces of a `ProjectList` reply the user can open: active projects that ODH would
/// show, sorted by display name, after them (administrators only) the namespaces of cluster
/// dashboards.
pub fn parse_projects(body: &str, status: &Status) -> Result<Vec<Project>, String> {
    let list: ProjectList =
        serde_json::from_str(body).map_err(|error| format!("unexpected project list: {error}"))?;
    let dashboard_namespace = status.dashboard_namespace.as_deref();
    let mut projects: Vec<Project> = list
        .items
        .into_iter()
        .filter(|item| {
            item.status
                .as_ref()
                .and_then(|s| s.phase.as_deref())
                .is_none_or(|phase| phase == "Active")
        })
        .filter_map(|item| {
            let metadata = item.metadata;
            let cluster = Some(metadata.name.as_str()) == dashboard_namespace
                || metadata
                    .labels
                    .get(CLUSTER_DASHBOARDS_LABEL)
                    .is_some_and(|value| value == "true");
            let home = match (cluster, status.is_admin) {
                (true, true) => DashboardHome::Cluster,
                // A non-admin could not run these dashboards' queries.
                (true, false) => return None,
                (false, _) if is_system_namespace(&metadata.name, dashboard_namespace) => {
                    return None;
                }
                (false, _) => DashboardHome::Project,
            };
            let named = metadata
                .annotations
                .get("openshift.io/display-name")
                .filter(|name| !name.trim().is_empty())
                .cloned();
            let display_name = match (home, named) {
                (DashboardHome::Cluster, _)
                    if Some(metadata.name.as_str()) == dashboard_namespace =>
                {
                    "Cluster".to_owned()
                }
                (DashboardHome::Cluster, named) => {
                    format!(
                        "Cluster: {}",
                        named.unwrap_or_else(|| metadata.name.clone())
                    )
                }
                (DashboardHome::Project, named) => named.unwrap_or_else(|| metadata.name.clone()),
            };
            Some(Project {
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
                home,
            })
        })
        .collect();
    crate::sort::sort_by(&mut projects, |a, b| {
        (a.home == DashboardHome::Cluster)
            .cmp(&(b.home == DashboardHome::Cluster))
            .then(lowercase(&a.display_name).cmp(&lowercase(&b.display_name)))
            .then(a.name.cmp(&b.name))
    });
    Ok(projects)
}

/// Which namespace the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectChoice {
    Chosen(Project),
    /// The user can open no namespace at all.
    NoProjects,
    /// The address names ODH's own namespace (cluster dashboards) and the user is no admin.
    NeedsClusterAccess(String),
    /// The address names a namespace the user cannot see, or that does not exist.
    Unknown(String),
}

/// The namespace to show: the one the address names, else the one remembered, else the first
/// project (a namespace of cluster dashboards only when there is no project).
pub fn choose_project(
    projects: &[Project],
    status: &Status,
    wanted: Option<&str>,
    remembered: Option<&str>,
) -> ProjectChoice {
    let find = |name: &str| {
        projects
            .iter()
            .find(|project| project.name == name)
            .cloned()
    };
    if let Some(wanted) = wanted {
        return match find(wanted) {
            Some(project) => ProjectChoice::Chosen(project),
            None if Some(wanted) == status.dashboard_namespace.as_deref() && !status.is_admin => {
                ProjectChoice::NeedsClusterAccess(wanted.to_owned())
            }
            None => ProjectChoice::Unknown(wanted.to_owned()),
        };
    }
    remembered
        .and_then(find)
        .or_else(|| {
            projects
                .iter()
                .find(|project| project.home == DashboardHome::Project)
                .cloned()
        })
        .or_else(|| projects.first().cloned())
        .map_or(ProjectChoice::NoProjects, ProjectChoice::Chosen)
}

#[cfg(test)]
#[path = "projects_tests.rs"]
mod tests;
