//! `POST /api/prometheus/…`: PromQL through the tenancy port (namespace enforced) or, for
//! admins, the cluster-wide port.
//!
//! Body: `{"query": "namespace=<ns>&query=<PromQL>&time=…"}` (or `start`, `end`, `step` for
//! ranges). Answer: `{"code": 200, "response": <Prometheus JSON>}`. The request to Prometheus
//! is rebuilt from the known parameters; the PromQL sent is the rewritten one.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::{body, note_user};
use crate::errors::OdhError;
use crate::prometheus::{Endpoint, UpstreamError};
use crate::rbac::User;
use crate::request_log::RequestNote;
use crate::state::AppState;
use crate::tenancy::{self, Param, QueryParams, TenancyError};

type Answer = Result<Json<Value>, OdhError>;

pub(super) async fn query(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let call = Call::read(&state, note.as_deref(), &headers, body)?;
    call.tenancy(&state, Endpoint::Query).await
}

pub(super) async fn query_range(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let call = Call::read(&state, note.as_deref(), &headers, body)?;
    call.tenancy(&state, Endpoint::QueryRange).await
}

pub(super) async fn cluster_query(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let call = Call::read(&state, note.as_deref(), &headers, body)?;
    call.cluster(&state, Endpoint::Query).await
}

pub(super) async fn cluster_query_range(
    State(state): State<Arc<AppState>>,
    note: Option<Extension<RequestNote>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let call = Call::read(&state, note.as_deref(), &headers, body)?;
    call.cluster(&state, Endpoint::QueryRange).await
}

/// A Prometheus call whose caller and parameters are known.
struct Call<'a> {
    user: &'a User,
    params: QueryParams,
}

impl<'a> Call<'a> {
    fn read(
        state: &'a AppState,
        note: Option<&RequestNote>,
        headers: &HeaderMap,
        body: Result<Bytes, BytesRejection>,
    ) -> Result<Self, OdhError> {
        // kube-rbac-proxy authenticates before anything else is looked at.
        let user = state
            .identify(headers)
            .map_err(|error| OdhError::new(StatusCode::UNAUTHORIZED, error.to_string()))?;
        note_user(note, &user.name);
        let query_string = body::query_string(headers, body, state.body_limit_bytes)?;
        let params = QueryParams::parse(&query_string)
            .map_err(|error| OdhError::new(StatusCode::BAD_REQUEST, error.to_string()))?;
        if let Some(note) = note {
            note.set_params(serde_json::to_value(&params).unwrap_or(Value::Null));
        }
        Ok(Self { user, params })
    }

    /// The tenancy port: authorise the namespace, enforce it, then call Prometheus.
    async fn tenancy(self, state: &AppState, endpoint: Endpoint) -> Answer {
        let namespace = self.params.get(Param::Namespace).ok_or_else(|| {
            OdhError::new(
                StatusCode::BAD_REQUEST,
                "Bad Request: the tenancy port needs the \"namespace\" parameter in the query \
                 string (namespace=<project>&query=…)",
            )
        })?;
        if !state.rbac.may_read(self.user, namespace) {
            return Err(OdhError::new(
                StatusCode::FORBIDDEN,
                format!(
                    "Forbidden (user={}, verb=get, resource=pods, subresource=): {:?} may not \
                     read metrics of namespace {:?}",
                    self.user.name,
                    self.user.name,
                    crate::errors::shown(namespace)
                ),
            ));
        }
        let promql = self.required(Param::Query)?;
        tenancy::limits::check(promql).map_err(limit_error)?;
        let enforced = enforce_apart(promql, namespace).await?;
        tracing::debug!(user = %self.user.name, %namespace, query = %enforced, "tenancy query");
        self.forward(state, endpoint, &enforced).await
    }

    /// The cluster-wide port: admins only, the query as written.
    async fn cluster(self, state: &AppState, endpoint: Endpoint) -> Answer {
        if !self.user.admin {
            return Err(OdhError::new(
                StatusCode::FORBIDDEN,
                format!(
                    "Forbidden (user={}, verb=get, resource=namespaces, subresource=): the \
                     cluster-wide routes need cluster-monitoring-view (an admin user in the \
                     RBAC file)",
                    self.user.name
                ),
            ));
        }
        let promql = self.required(Param::Query)?;
        tenancy::limits::check(promql).map_err(limit_error)?;
        self.forward(state, endpoint, promql).await
    }

    fn required(&self, param: Param) -> Result<&str, OdhError> {
        self.params.get(param).ok_or_else(|| {
            OdhError::new(
                StatusCode::BAD_REQUEST,
                format!("the \"{param}\" parameter is missing from the query string"),
            )
        })
    }

    async fn forward(&self, state: &AppState, endpoint: Endpoint, promql: &str) -> Answer {
        let time_params: &[Param] = match endpoint {
            Endpoint::Query => &[Param::Time],
            Endpoint::QueryRange => &[Param::Start, Param::End, Param::Step],
        };
        let mut params = vec![(Param::Query.name(), promql)];
        for param in time_params {
            if let Some(value) = self.params.get(*param) {
                tenancy::check_time_param(*param, value)
                    .map_err(|error| OdhError::new(StatusCode::BAD_REQUEST, error.to_string()))?;
                params.push((param.name(), value));
            }
        }
        let response = state
            .upstream
            .call(endpoint, &params)
            .await
            .map_err(upstream_error)?;
        Ok(Json(json!({"code": 200, "response": response})))
    }
}

/// The stack of the thread that parses a query: the parser, the rewrite, printing and
/// dropping the syntax tree all recurse as deep as the query nests, and the limits keep that
/// well below this.
const PARSE_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Enforces the namespace on a thread of its own with a large stack, so no query can overflow
/// a server thread's stack; a panic in the parser is caught there and answered as a 500.
async fn enforce_apart(promql: &str, namespace: &str) -> Result<String, OdhError> {
    let (promql, namespace) = (promql.to_owned(), namespace.to_owned());
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("promql-parse".into())
        .stack_size(PARSE_STACK_BYTES)
        .spawn(move || {
            let outcome =
                std::panic::catch_unwind(|| tenancy::enforce_namespace(&promql, &namespace));
            let _ = sender.send(outcome.map_err(|_| promql));
        });
    if let Err(error) = spawned {
        tracing::error!("cannot start a parsing thread: {error}");
        return Err(OdhError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the backend cannot check queries right now; try again",
        ));
    }
    match receiver.await {
        Ok(Ok(checked)) => checked.map_err(tenancy_error),
        Ok(Err(query)) => {
            tracing::error!(query = %query, "the PromQL parser panicked");
            Err(OdhError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the query could not be checked: the PromQL parser failed on it",
            ))
        }
        Err(_) => Err(OdhError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the query could not be checked",
        )),
    }
}

fn limit_error(error: tenancy::LimitError) -> OdhError {
    OdhError::new(StatusCode::BAD_REQUEST, format!("bad query: {error}"))
}

fn tenancy_error(error: TenancyError) -> OdhError {
    let status = if error.is_client_error() {
        StatusCode::BAD_REQUEST
    } else {
        tracing::error!("{error}");
        StatusCode::INTERNAL_SERVER_ERROR
    };
    OdhError::new(status, error.to_string())
}

fn upstream_error(error: UpstreamError) -> OdhError {
    let status = match &error {
        UpstreamError::NotReady | UpstreamError::Unreachable { .. } => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        UpstreamError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
        UpstreamError::Transport(_) | UpstreamError::NotJson { html: false, .. } => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
        UpstreamError::NotJson { html: true, .. } | UpstreamError::TooLarge => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        UpstreamError::ErrorBody(_) => StatusCode::BAD_REQUEST,
        UpstreamError::Status { status, .. } => {
            StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_GATEWAY)
        }
    };
    if status.is_server_error() {
        tracing::warn!("Prometheus call failed: {error}");
    }
    OdhError::new(status, error.to_string())
}
