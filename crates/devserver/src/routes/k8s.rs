//! `/api/k8s/…`: the Kubernetes API pass-through, for projects and PersesDashboards.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::http::HeaderMap;
use serde_json::{Map, Value, json};

use super::note_user;
use crate::errors::{KubeStatus, PERSES_DASHBOARDS};
use crate::manifests::{self, CrVersion};
use crate::rbac::{Project, User};
use crate::request_log::RequestNote;
use crate::state::AppState;

const PROJECT_API_VERSION: &str = "project.openshift.io/v1";

/// Waits the latency injected into Kubernetes API calls (`/__dev/faults`), if any, before
/// the call is handled: a layer over every Kubernetes route.
pub(super) async fn injected_delay(
    State(state): State<Arc<AppState>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let delay_ms = state.kubernetes_delay_ms.load(Ordering::Relaxed);
    if delay_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
    }
    next.run(request).await
}

/// `GET /api/k8s/apis/project.openshift.io/v1/projects`: the projects the user may see, as
/// OpenShift filters them.
pub(super) async fn projects(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
) -> Result<Json<Value>, KubeStatus> {
    let user = identify(&state, note.as_deref(), &headers)?;
    let created_at = manifests::rfc3339(state.started_at);
    let items: Vec<Value> = state
        .rbac
        .visible_projects(user)
        .map(|project| project_resource(project, &created_at))
        .collect();
    Ok(Json(json!({
        "kind": "ProjectList",
        "apiVersion": PROJECT_API_VERSION,
        "metadata": {"resourceVersion": "1"},
        "items": items,
    })))
}

/// `GET …/persesdashboards`: the dashboards of a namespace.
pub(super) async fn list_dashboards(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    Path((version, namespace)): Path<(String, String)>,
) -> Result<Json<Value>, KubeStatus> {
    let user = identify(&state, note.as_deref(), &headers)?;
    let version = CrVersion::from_path(&version).ok_or_else(KubeStatus::unknown_path)?;
    if !state.rbac.may_read(user, &namespace) {
        return Err(KubeStatus::forbidden(
            &user.name,
            "list",
            PERSES_DASHBOARDS,
            None,
            &namespace,
        ));
    }
    let snapshot = state.dashboards().await.map_err(KubeStatus::internal)?;
    Ok(Json(manifests::custom_resource_list(
        snapshot.in_namespace(&namespace),
        version,
        snapshot.generation,
    )))
}

/// `GET …/persesdashboards/{name}`: one dashboard.
pub(super) async fn get_dashboard(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    Path((version, namespace, name)): Path<(String, String, String)>,
) -> Result<Json<Value>, KubeStatus> {
    let user = identify(&state, note.as_deref(), &headers)?;
    let version = CrVersion::from_path(&version).ok_or_else(KubeStatus::unknown_path)?;
    if !state.rbac.may_read(user, &namespace) {
        return Err(KubeStatus::forbidden(
            &user.name,
            "get",
            PERSES_DASHBOARDS,
            Some(&name),
            &namespace,
        ));
    }
    let snapshot = state.dashboards().await.map_err(KubeStatus::internal)?;
    let dashboard = snapshot
        .get(&namespace, &name)
        .ok_or_else(|| KubeStatus::not_found(PERSES_DASHBOARDS, &name))?;
    Ok(Json(manifests::custom_resource(dashboard, version)))
}

/// Any other Kubernetes path: this server emulates only the resources above.
pub(super) async fn unknown_path(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
) -> KubeStatus {
    match identify(&state, note.as_deref(), &headers) {
        Ok(_) => KubeStatus::unknown_path(),
        Err(status) => status,
    }
}

fn identify<'a>(
    state: &'a AppState,
    note: Option<&RequestNote>,
    headers: &HeaderMap,
) -> Result<&'a User, KubeStatus> {
    let user = state.identify(headers).map_err(KubeStatus::unauthorized)?;
    note_user(note, &user.name);
    Ok(user)
}

fn project_resource(project: &Project, created_at: &str) -> Value {
    let mut annotations = Map::new();
    if let Some(name) = &project.display_name {
        annotations.insert("openshift.io/display-name".to_owned(), name.as_str().into());
    }
    if let Some(description) = &project.description {
        annotations.insert(
            "openshift.io/description".to_owned(),
            description.as_str().into(),
        );
    }
    let mut labels = Map::new();
    labels.insert(
        "kubernetes.io/metadata.name".to_owned(),
        project.name.as_str().into(),
    );
    if project.ai_project {
        labels.insert("opendatahub.io/dashboard".to_owned(), "true".into());
    }
    for (name, value) in &project.labels {
        labels.insert(name.clone(), value.as_str().into());
    }
    json!({
        "kind": "Project",
        "apiVersion": PROJECT_API_VERSION,
        "metadata": {
            "name": project.name,
            "uid": crate::ids::stable_uid(&format!("projects/{}", project.name)),
            "resourceVersion": "1",
            "creationTimestamp": created_at,
            "annotations": annotations,
            "labels": labels,
        },
        "spec": {"finalizers": ["kubernetes"]},
        "status": {"phase": "Active"},
    })
}
