//! `/perses/api/…`: the Perses server's API as the ODH backend proxies it, over the same
//! dashboards and with the same visibility as the Kubernetes routes.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::note_user;
use crate::errors::PersesError;
use crate::manifests::{self, Snapshot};
use crate::rbac::User;
use crate::request_log::RequestNote;
use crate::state::AppState;

/// `GET /perses/api/api/v1/projects`: the user's projects as Perses projects.
pub(super) async fn projects(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
) -> Result<Json<Value>, PersesError> {
    let user = identify(&state, note.as_deref(), &headers)?;
    let created_at = manifests::rfc3339(state.started_at);
    let projects: Vec<Value> = state
        .rbac
        .visible_projects(user)
        .map(|project| perses_project(&project.name, project.display_name.as_deref(), &created_at))
        .collect();
    Ok(Json(Value::Array(projects)))
}

/// `GET /perses/api/api/v1/projects/{project}`.
pub(super) async fn project(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Result<Json<Value>, PersesError> {
    let user = identify(&state, note.as_deref(), &headers)?;
    authorize(&state, user, &name)?;
    let project = state
        .rbac
        .visible_projects(user)
        .find(|project| project.name == name)
        .ok_or_else(PersesError::not_found)?;
    let created_at = manifests::rfc3339(state.started_at);
    Ok(Json(perses_project(
        &project.name,
        project.display_name.as_deref(),
        &created_at,
    )))
}

/// `GET /perses/api/api/v1/dashboards`: the dashboards of every project the user may see.
pub(super) async fn all_dashboards(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
) -> Result<Json<Value>, PersesError> {
    let user = identify(&state, note.as_deref(), &headers)?;
    let snapshot = snapshot(&state).await?;
    let dashboards: Vec<Value> = snapshot
        .all()
        .filter(|dashboard| state.rbac.may_read(user, &dashboard.namespace))
        .map(manifests::perses_dashboard)
        .collect();
    Ok(Json(Value::Array(dashboards)))
}

/// `GET /perses/api/api/v1/projects/{project}/dashboards`.
pub(super) async fn project_dashboards(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    Path(project): Path<String>,
) -> Result<Json<Value>, PersesError> {
    let user = identify(&state, note.as_deref(), &headers)?;
    authorize(&state, user, &project)?;
    let snapshot = snapshot(&state).await?;
    let dashboards: Vec<Value> = snapshot
        .in_namespace(&project)
        .map(manifests::perses_dashboard)
        .collect();
    Ok(Json(Value::Array(dashboards)))
}

/// `GET /perses/api/api/v1/projects/{project}/dashboards/{name}`.
pub(super) async fn dashboard(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    Path((project, name)): Path<(String, String)>,
) -> Result<Json<Value>, PersesError> {
    let user = identify(&state, note.as_deref(), &headers)?;
    authorize(&state, user, &project)?;
    let snapshot = snapshot(&state).await?;
    snapshot
        .get(&project, &name)
        .map(|dashboard| Json(manifests::perses_dashboard(dashboard)))
        .ok_or_else(PersesError::not_found)
}

/// Any other Perses path: echo's own answer.
pub(super) async fn not_found() -> PersesError {
    PersesError {
        status: StatusCode::NOT_FOUND,
        message: "Not Found".to_owned(),
    }
}

fn identify<'a>(
    state: &'a AppState,
    note: Option<&RequestNote>,
    headers: &HeaderMap,
) -> Result<&'a User, PersesError> {
    let user = state.identify(headers).map_err(PersesError::unauthorized)?;
    note_user(note, &user.name);
    Ok(user)
}

fn authorize(state: &AppState, user: &User, project: &str) -> Result<(), PersesError> {
    if state.rbac.may_read(user, project) {
        Ok(())
    } else {
        Err(PersesError::forbidden(&user.name, project))
    }
}

async fn snapshot(state: &AppState) -> Result<Arc<Snapshot>, PersesError> {
    state.dashboards().await.map_err(PersesError::internal)
}

fn perses_project(name: &str, display_name: Option<&str>, created_at: &str) -> Value {
    json!({
        "kind": "Project",
        "metadata": {
            "name": name,
            "createdAt": created_at,
            "updatedAt": created_at,
            "version": 0,
        },
        "spec": {"display": {"name": display_name.unwrap_or(name)}},
    })
}
