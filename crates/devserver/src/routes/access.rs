//! Who may reach what, before any handler runs.
//!
//! - A request that carries a token nobody has is refused with 401 on every path, the static
//!   page and the remotes included, as the OAuth proxy in front of the ODH dashboard refuses
//!   it before anything is served. Each route family answers in its own error shape.
//! - The `/__dev` helpers are for the person running the server: the local user or an
//!   administrator, asked from the same origin (or typed into the address bar), never from
//!   another site; a change of faults must be JSON, which no cross-site form can send.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::body::is_json;
use crate::errors::{KubeStatus, OdhError, PersesError, shown};
use crate::rbac::{AuthError, TOKEN_HEADER};
use crate::state::{AppState, dev_login_token};

/// Middleware on every route: an unknown token is a 401.
pub(super) async fn refuse_unknown_tokens(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    // Logging in or out replaces the login cookie, so a stale one must not stand in the way.
    let cookie_counts = !(path == "/__dev/as" || path.starts_with("/__dev/as/"));
    let header_token = request
        .headers()
        .get(TOKEN_HEADER)
        .map(|value| value.to_str());
    let unknown = match header_token {
        // A header that is not text cannot be anyone's token.
        Some(Err(_)) => Some(format!("the {TOKEN_HEADER} header is not text")),
        Some(Ok(token)) if state.rbac.authenticate(Some(token), false).is_err() => {
            Some(AuthError::UnknownToken.to_string())
        }
        Some(Ok(_)) => None,
        None if cookie_counts => dev_login_token(request.headers())
            .filter(|token| state.rbac.authenticate(Some(token), false).is_err())
            .map(|_| {
                "the development login cookie holds a token that belongs to no user of the \
                 RBAC file; go to /__dev/as to log out"
                    .to_owned()
            }),
        None => None,
    };
    match unknown {
        Some(why) => unauthorized(path, &why),
        None => next.run(request).await,
    }
}

/// A 401 in the shape of the route family the path belongs to.
fn unauthorized(path: &str, why: &str) -> Response {
    if path.starts_with("/api/k8s/") {
        KubeStatus::unauthorized(why).into_response()
    } else if path.starts_with("/perses/") {
        PersesError::unauthorized(why).into_response()
    } else {
        OdhError::new(StatusCode::UNAUTHORIZED, format!("Unauthorized: {why}")).into_response()
    }
}

/// Why a `/__dev` request is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DevRefusal {
    /// Sent by a page of another origin (`Sec-Fetch-Site`, else `Origin` against `Host`).
    CrossSite(String),
    Unauthenticated(AuthError),
    /// A user who is neither the local user nor an administrator.
    NotPermitted(String),
    /// A change that is not `application/json`.
    NotJson(String),
}

impl DevRefusal {
    fn status(&self) -> StatusCode {
        match self {
            Self::CrossSite(_) | Self::NotPermitted(_) => StatusCode::FORBIDDEN,
            Self::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            Self::NotJson(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        }
    }

    fn message(&self) -> String {
        match self {
            Self::CrossSite(from) => format!(
                "the development routes answer only requests from this server's own pages \
                 (this one came from {from})"
            ),
            Self::Unauthenticated(why) => format!("the development routes need a user: {why}"),
            Self::NotPermitted(user) => format!(
                "the development routes are for the local user or an administrator, not {user:?}"
            ),
            Self::NotJson(content_type) => {
                format!("a change of faults must be sent as application/json, not {content_type:?}")
            }
        }
    }
}

impl IntoResponse for DevRefusal {
    fn into_response(self) -> Response {
        (self.status(), Json(json!({"message": self.message()}))).into_response()
    }
}

/// Middleware on the `/__dev` routes: see the module documentation.
pub(super) async fn dev_only(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    // Logging out gives nothing away and only ever lowers what the browser may do.
    let logout = request.uri().path() == "/__dev/as";
    match check_dev(&state, request.method(), request.headers(), logout) {
        Ok(()) => next.run(request).await,
        Err(refusal) => {
            tracing::warn!(
                path = %request.uri().path(),
                why = %refusal.message(),
                "refused a development route"
            );
            refusal.into_response()
        }
    }
}

fn check_dev(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
    logout: bool,
) -> Result<(), DevRefusal> {
    same_origin(headers)?;
    if logout {
        return Ok(());
    }
    // The header only: the login cookie is what these routes set, and the person at the
    // keyboard stays the local user whoever the browser currently acts as.
    let token = match headers.get(TOKEN_HEADER) {
        Some(value) => Some(
            value
                .to_str()
                .map_err(|_| DevRefusal::Unauthenticated(AuthError::UnknownToken))?,
        ),
        None => None,
    };
    let user = state
        .rbac
        .authenticate(token, state.local_mode)
        .map_err(DevRefusal::Unauthenticated)?;
    let local = state
        .rbac
        .local_user()
        .is_some_and(|local| local.name == user.name);
    if !(user.admin || local) {
        return Err(DevRefusal::NotPermitted(user.name.clone()));
    }
    if method == Method::POST {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("");
        if !is_json(content_type) {
            return Err(DevRefusal::NotJson(shown(content_type)));
        }
    }
    Ok(())
}

/// Browsers say where a request comes from in `Sec-Fetch-Site`; older ones only in `Origin`.
/// A request with neither comes from a tool (curl, a test), not from a page.
fn same_origin(headers: &HeaderMap) -> Result<(), DevRefusal> {
    let text = |name: &str| headers.get(name).map(|value| value.to_str().unwrap_or("?"));
    if let Some(site) = text("sec-fetch-site") {
        // `none`: typed into the address bar or opened from a bookmark.
        return match site {
            "same-origin" | "none" => Ok(()),
            other => Err(DevRefusal::CrossSite(format!("a {other} page"))),
        };
    }
    match (text(header::ORIGIN.as_str()), text(header::HOST.as_str())) {
        (None, _) => Ok(()),
        (Some(origin), Some(host)) if origin_authority(origin) == Some(host) => Ok(()),
        (Some(origin), _) => Err(DevRefusal::CrossSite(shown(origin))),
    }
}

/// `host:port` of an origin (`scheme://host:port`); `null` and other opaque origins have none.
fn origin_authority(origin: &str) -> Option<&str> {
    origin
        .split_once("://")
        .map(|(_, authority)| authority)
        .filter(|authority| !authority.is_empty() && !authority.contains('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, axum::http::HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn where_a_request_comes_from() {
        let cases: &[(&[(&str, &str)], bool)] = &[
            (&[], true),
            (&[("sec-fetch-site", "same-origin")], true),
            (&[("sec-fetch-site", "none")], true),
            (&[("sec-fetch-site", "same-site")], false),
            (&[("sec-fetch-site", "cross-site")], false),
            // Sec-Fetch-Site decides when present, whatever Origin says.
            (
                &[
                    ("sec-fetch-site", "cross-site"),
                    ("origin", "http://a:1"),
                    ("host", "a:1"),
                ],
                false,
            ),
            (
                &[
                    ("origin", "http://127.0.0.1:8091"),
                    ("host", "127.0.0.1:8091"),
                ],
                true,
            ),
            (
                &[
                    ("origin", "http://evil.example"),
                    ("host", "127.0.0.1:8091"),
                ],
                false,
            ),
            (&[("origin", "null"), ("host", "127.0.0.1:8091")], false),
            (&[("origin", "http://127.0.0.1:8091")], false),
        ];
        for (pairs, allowed) in cases {
            assert_eq!(same_origin(&headers(pairs)).is_ok(), *allowed, "{pairs:?}");
        }
    }
}
