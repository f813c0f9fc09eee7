//! What every handler shares.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};

use crate::manifests::{ManifestStore, Snapshot};
use crate::prometheus::Upstream;
use crate::rbac::{AuthError, Rbac, TOKEN_HEADER, User};
use crate::request_log::RequestLog;
use crate::routes::federation::MissingFiles;

#[derive(Debug)]
pub(crate) struct AppState {
    pub rbac: Rbac,
    /// Local mode: a request without a token runs as the RBAC file's local user.
    pub local_mode: bool,
    pub manifests: Arc<ManifestStore>,
    pub upstream: Upstream,
    pub requests: Arc<RequestLog>,
    pub body_limit_bytes: usize,
    /// The server's own URL, reported as the cluster's API server by `/api/status`.
    pub server_url: String,
    pub started_at: DateTime<Utc>,
    /// Remote files that answer 404 for now (`/__dev/faults`).
    pub missing_files: Arc<MissingFiles>,
    /// Latency added to every Kubernetes API call for now (`/__dev/faults`), as a slow or
    /// distant cluster would add it.
    pub kubernetes_delay_ms: AtomicU64,
}

impl AppState {
    /// The user a request runs as: the token header's, else the development login cookie's
    /// (`/__dev/as/<user>`, for a browser, which cannot set the header), else the local user.
    pub fn identify(&self, headers: &HeaderMap) -> Result<&User, AuthError> {
        let token = match headers.get(TOKEN_HEADER) {
            // A header that is not text cannot be anyone's token.
            Some(value) => Some(value.to_str().map_err(|_| AuthError::UnknownToken)?),
            None => dev_login_token(headers),
        };
        self.rbac.authenticate(token, self.local_mode)
    }

    /// The current dashboards; rescans the directory on a blocking thread.
    pub async fn dashboards(&self) -> Result<Arc<Snapshot>, String> {
        let store = Arc::clone(&self.manifests);
        tokio::task::spawn_blocking(move || store.snapshot())
            .await
            .map_err(|error| format!("reading the manifests failed: {error}"))
    }
}

/// The cookie `/__dev/as/<user>` sets: the user's token, as the OAuth proxy's cookie stands for
/// the user in a cluster.
pub(crate) const DEV_LOGIN_COOKIE: &str = "obs-dev-user";

pub(crate) fn dev_login_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().split_once('='))
        .find(|(name, _)| *name == DEV_LOGIN_COOKIE)
        .map(|(_, token)| token)
        .filter(|token| !token.is_empty())
}
