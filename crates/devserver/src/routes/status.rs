//! `GET /api/status`: who the user is, in the ODH backend's shape.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::note_user;
use crate::errors::OdhError;
use crate::request_log::RequestNote;
use crate::state::AppState;

/// The namespace the dashboard would be deployed in; ODH reports its own namespace here.
const DASHBOARD_NAMESPACE: &str = "opendatahub";

pub(super) async fn status(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
) -> Result<Json<Value>, OdhError> {
    let user = state
        .identify(&headers)
        .map_err(|error| OdhError::new(StatusCode::UNAUTHORIZED, error.to_string()))?;
    note_user(note.as_deref(), &user.name);
    Ok(Json(json!({
        "kube": {
            "currentContext": "obs-devserver",
            // The backend's own service account in a cluster; never the user's token.
            "currentUser": {"name": "inClusterUser"},
            "namespace": DASHBOARD_NAMESPACE,
            "userName": user.name,
            "userID": user.name,
            "clusterID": "obs-devserver",
            "clusterBranding": "okd",
            "isAdmin": user.admin,
            "isAllowed": true,
            "serverURL": state.server_url,
        }
    })))
}
