//! The HTTP routes: the ODH backend contract, the Perses API, the demo metrics and the
//! development helpers, one module per family.

mod access;
mod body;
mod dev;
pub(crate) mod federation;
mod k8s;
mod perses;
mod prometheus;
mod status;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::errors::OdhError;
use crate::request_log::{self, RequestNote};
use crate::state::AppState;

pub(crate) fn router(
    state: Arc<AppState>,
    static_dir: Option<&Path>,
    remotes: &[(String, PathBuf)],
) -> Router {
    let remotes = federation::router(remotes, Arc::clone(&state.missing_files));
    let dashboards = "/api/k8s/apis/perses.dev/{version}/namespaces/{namespace}/persesdashboards";
    // The Kubernetes API pass-through, with the latency `/__dev/faults` may inject into it.
    let kubernetes = Router::new()
        .route(
            "/api/k8s/apis/project.openshift.io/v1/projects",
            get(k8s::projects),
        )
        .route(dashboards, get(k8s::list_dashboards))
        .route(&format!("{dashboards}/{{name}}"), get(k8s::get_dashboard))
        .route("/api/k8s/{*path}", any(k8s::unknown_path))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            k8s::injected_delay,
        ));
    let routes = Router::new()
        .route("/api/status", get(status::status))
        .merge(kubernetes)
        .route("/api/prometheus/query", post(prometheus::query))
        .route("/api/prometheus/queryRange", post(prometheus::query_range))
        // Older aliases the ODH backend still serves.
        .route("/api/prometheus/pvc", post(prometheus::query))
        .route("/api/prometheus/bias", post(prometheus::query_range))
        .route("/api/prometheus/serving", post(prometheus::query_range))
        .route(
            "/api/prometheus/cluster/query",
            post(prometheus::cluster_query),
        )
        .route(
            "/api/prometheus/cluster/queryRange",
            post(prometheus::cluster_query_range),
        )
        .route("/api/{*path}", any(api_not_found))
        .route("/perses/api/api/v1/projects", get(perses::projects))
        .route(
            "/perses/api/api/v1/projects/{project}",
            get(perses::project),
        )
        .route(
            "/perses/api/api/v1/projects/{project}/dashboards",
            get(perses::project_dashboards),
        )
        .route(
            "/perses/api/api/v1/projects/{project}/dashboards/{name}",
            get(perses::dashboard),
        )
        .route("/perses/api/api/v1/dashboards", get(perses::all_dashboards))
        .route("/perses/{*path}", any(perses::not_found))
        .route("/metrics", any(metrics_elsewhere))
        .merge(dev_routes(&state))
        .layer(DefaultBodyLimit::max(state.body_limit_bytes))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state.requests),
            request_log::record,
        ))
        .with_state(Arc::clone(&state))
        .merge(remotes);
    let routes = match static_dir {
        // A single-page app: unknown paths get index.html so client-side routes load.
        Some(dir) => routes
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => routes,
    };
    let routes = routes.layer(axum::middleware::from_fn_with_state(
        state,
        access::refuse_unknown_tokens,
    ));
    // No panic escapes a handler: it is logged, answered once with a 500, and the server
    // keeps serving (in the dev profile, which unwinds; the limits keep known panics out).
    routes
        .layer(CatchPanicLayer::custom(panic_answer))
        .layer(axum::middleware::map_response(close_after_refused_body))
}

/// A 413 is sent before the body was read, so the connection holds unread bytes: saying
/// `Connection: close` keeps clients from reusing it for their next request, which would
/// otherwise fail when the server drops it.
async fn close_after_refused_body(mut response: Response) -> Response {
    if response.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        response.headers_mut().insert(
            axum::http::header::CONNECTION,
            axum::http::HeaderValue::from_static("close"),
        );
    }
    response
}

/// The development helpers, behind their own access check.
fn dev_routes(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/__dev/requests", get(dev::requests))
        .route("/__dev/faults", get(dev::faults).post(dev::set_faults))
        .route("/__dev/as", get(dev::logout))
        .route("/__dev/as/{user}", get(dev::login_as))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(state),
            access::dev_only,
        ))
}

fn panic_answer(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
        .unwrap_or_default();
    tracing::error!(%detail, "a request handler panicked");
    OdhError::new(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        "internal error: the development backend failed on this request (see its log)",
    )
    .into_response()
}

/// The demo metrics hold every project's series, so they are served on a loopback port of
/// their own ([`crate::exporter`]); a caller of this port reads them through the tenancy routes.
async fn metrics_elsewhere() -> OdhError {
    OdhError::new(
        axum::http::StatusCode::NOT_FOUND,
        "the demo metrics are not served here: the managed Prometheus scrapes them on a \
         loopback port of their own; query them through /api/prometheus",
    )
}

async fn api_not_found(method: Method, uri: Uri) -> OdhError {
    OdhError::route_not_found(method.as_str(), uri.path())
}

/// Adds the user to the request's record, when the request is recorded.
fn note_user(note: Option<&RequestNote>, user: &str) {
    if let Some(note) = note {
        note.set_user(user);
    }
}
