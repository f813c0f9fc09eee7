//! DEVELOPMENT ONLY helpers for end-to-end tests; nothing like them exists in ODH.
//!
//! - `GET /__dev/requests`: the last requests to `/api` and `/perses` (see
//!   [`crate::request_log`]).
//! - `GET /__dev/faults`, `POST /__dev/faults {"prometheusDelayMs": n}`: latency added to
//!   every Prometheus call from now on (0 clears it).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::request_log::RequestRecord;
use crate::state::AppState;

/// The faults that can be injected.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Faults {
    prometheus_delay_ms: u64,
}

pub(super) async fn requests(State(state): State<Arc<AppState>>) -> Json<Vec<RequestRecord>> {
    Json(state.requests.records())
}

pub(super) async fn faults(State(state): State<Arc<AppState>>) -> Json<Faults> {
    Json(Faults {
        prometheus_delay_ms: state.upstream.delay_ms(),
    })
}

pub(super) async fn set_faults(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    match serde_json::from_slice::<Faults>(&body) {
        Ok(faults) => {
            state.upstream.set_delay_ms(faults.prometheus_delay_ms);
            tracing::info!(
                delay_ms = faults.prometheus_delay_ms,
                "Prometheus delay set"
            );
            Json(faults).into_response()
        }
        Err(error) => (
            StatusCode::BAD_REQUEST,
            Json(json!({
                "message": format!("expected {{\"prometheusDelayMs\": <milliseconds>}}: {error}")
            })),
        )
            .into_response(),
    }
}
