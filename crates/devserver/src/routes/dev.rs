//! DEVELOPMENT ONLY helpers for end-to-end tests; nothing like them exists in ODH. Only the
//! local user or an administrator may use them, from this server's own pages or a tool, and a
//! change must be JSON (see [`super::access`]).
//!
//! - `GET /__dev/requests`: the last requests to `/api` and `/perses` (see
//!   [`crate::request_log`]).
//! - `GET /__dev/faults`, `POST /__dev/faults {"prometheusDelayMs": n, "kubernetesDelayMs": n,
//!   "missingFiles": [..]}`: latency added to every Prometheus call, or every Kubernetes API
//!   call, from now on (0 clears it), and files of the module-federation remotes that answer
//!   404 (suffixes of their paths; `[]` clears it). A field left out keeps its value.
//! - `GET /__dev/as/<user>`: the browser acts as that user of the RBAC file from now on (a
//!   cookie with the user's token), then goes to `?to=` (default `/`); `GET /__dev/as` goes
//!   back to the local user.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::request_log::RequestRecord;
use crate::state::{AppState, DEV_LOGIN_COOKIE};

/// The faults that can be injected.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Faults {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prometheus_delay_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kubernetes_delay_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    missing_files: Option<Vec<String>>,
}

pub(super) async fn requests(State(state): State<Arc<AppState>>) -> Json<Vec<RequestRecord>> {
    Json(state.requests.records())
}

pub(super) async fn faults(State(state): State<Arc<AppState>>) -> Json<Faults> {
    Json(current(&state))
}

fn current(state: &AppState) -> Faults {
    Faults {
        prometheus_delay_ms: Some(state.upstream.delay_ms()),
        kubernetes_delay_ms: Some(state.kubernetes_delay_ms.load(Ordering::Relaxed)),
        missing_files: Some(state.missing_files.get()),
    }
}

pub(super) async fn set_faults(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    match serde_json::from_slice::<Faults>(&body) {
        Ok(faults) => {
            if let Some(delay_ms) = faults.prometheus_delay_ms {
                state.upstream.set_delay_ms(delay_ms);
                tracing::info!(delay_ms, "Prometheus delay set");
            }
            if let Some(delay_ms) = faults.kubernetes_delay_ms {
                state.kubernetes_delay_ms.store(delay_ms, Ordering::Relaxed);
                tracing::info!(delay_ms, "Kubernetes API delay set");
            }
            if let Some(missing) = faults.missing_files {
                tracing::info!(?missing, "remote files that answer 404 set");
                state.missing_files.set(missing);
            }
            Json(current(&state)).into_response()
        }
        Err(error) => (
            StatusCode::BAD_REQUEST,
            Json(json!({
                "message": format!(
                    "expected {{\"prometheusDelayMs\": <milliseconds>, \"kubernetesDelayMs\": <milliseconds>, \"missingFiles\": [<path suffix>…]}}: {error}"
                )
            })),
        )
            .into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct Return {
    to: Option<String>,
}

/// Where to go after logging in: a path on this server, never elsewhere.
fn return_path(to: Option<String>) -> String {
    to.filter(|to| to.starts_with('/') && !to.starts_with("//") && !to.contains('\\'))
        .unwrap_or_else(|| "/".to_owned())
}

pub(super) async fn login_as(
    State(state): State<Arc<AppState>>,
    axum::extract::Path(name): axum::extract::Path<String>,
    axum::extract::Query(back): axum::extract::Query<Return>,
) -> Response {
    let Some(user) = state.rbac.user_named(&name) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"message": format!("no user {:?} in the RBAC file", crate::errors::shown(&name))})),
        )
            .into_response();
    };
    let cookie = format!(
        "{DEV_LOGIN_COOKIE}={}; Path=/; SameSite=Lax; HttpOnly",
        user.token
    );
    redirect_with_cookie(&return_path(back.to), &cookie)
}

pub(super) async fn logout(axum::extract::Query(back): axum::extract::Query<Return>) -> Response {
    let cookie = format!("{DEV_LOGIN_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly");
    redirect_with_cookie(&return_path(back.to), &cookie)
}

fn redirect_with_cookie(to: &str, cookie: &str) -> Response {
    let mut response = axum::response::Redirect::to(to).into_response();
    if let Ok(value) = axum::http::HeaderValue::from_str(cookie) {
        response
            .headers_mut()
            .insert(axum::http::header::SET_COOKIE, value);
    }
    response
}
