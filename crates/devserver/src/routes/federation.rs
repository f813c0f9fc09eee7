//! `/_mf/<name>/…`: module-federation remotes, as the ODH backend proxies them to each
//! remote's service (backend/src/routes/module-federation.ts). The development backend serves
//! each remote's built directory instead of proxying.
//!
//! As the ODH backend does, an answer without its own `cache-control` gets `no-cache`, and a
//! path under `/_mf/` that belongs to no remote is a 404. The `/__dev/faults` helper can make
//! chosen files answer 404, so tests can see what the host shows when a chunk is missing.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::services::ServeDir;

/// Files that answer 404 for now (suffixes of the request path), set by `/__dev/faults`.
#[derive(Debug, Default)]
pub(crate) struct MissingFiles(RwLock<Vec<String>>);

impl MissingFiles {
    pub fn set(&self, suffixes: Vec<String>) {
        if let Ok(mut held) = self.0.write() {
            *held = suffixes;
        }
    }

    pub fn get(&self) -> Vec<String> {
        self.0.read().map(|held| held.clone()).unwrap_or_default()
    }

    fn is_missing(&self, path: &str) -> bool {
        self.0.read().is_ok_and(|held| {
            held.iter()
                .any(|suffix| !suffix.is_empty() && path.ends_with(suffix.as_str()))
        })
    }
}

/// The routes of every remote, `(name, directory)`, and the 404 for the rest of `/_mf`.
pub(crate) fn router(remotes: &[(String, PathBuf)], missing: Arc<MissingFiles>) -> Router {
    let mut router = Router::new();
    for (name, dir) in remotes {
        router = router.nest_service(&format!("/_mf/{name}"), ServeDir::new(dir));
    }
    router
        .route("/_mf/{*rest}", axum::routing::any(unknown_remote))
        .layer(middleware::from_fn_with_state(missing, headers_and_faults))
}

async fn unknown_remote() -> Response {
    (StatusCode::NOT_FOUND, "no such module-federation remote").into_response()
}

async fn headers_and_faults(
    State(missing): State<Arc<MissingFiles>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    if missing.is_missing(request.uri().path()) {
        return (StatusCode::NOT_FOUND, "missing (injected by /__dev/faults)").into_response();
    }
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-cache"));
    response
}
