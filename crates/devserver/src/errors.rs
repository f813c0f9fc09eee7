//! The error bodies the clients of the ODH backend meet, one per route family.
//!
//! | routes                    | answered by in a cluster      | body                                        |
//! |---------------------------|-------------------------------|---------------------------------------------|
//! | `/api/prometheus`, `/api/status`, other `/api` | the ODH backend (Fastify) | `{statusCode, code, error, message}` |
//! | `/api/k8s/…`              | the Kubernetes API server     | `Status` (`kind`, `status`, `reason`, `code`) |
//! | `/perses/api/…`           | the Perses server (echo)      | `{message}`                                 |
//!
//! Each domain error is turned into one of these where the route decides its status, once.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

pub use obs_promql::shown;

/// An error as the ODH backend's Fastify error handler prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OdhError {
    pub status: StatusCode,
    /// `createCustomError` stores the HTTP status as the code; Fastify's own errors use
    /// their `FST_ERR_…` names.
    pub code: String,
    pub message: String,
}

impl OdhError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code: status.as_u16().to_string(),
            message: message.into(),
        }
    }

    /// A request body over the limit, as Fastify reports it.
    pub fn body_too_large(limit_bytes: usize) -> Self {
        Self {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "FST_ERR_CTP_BODY_TOO_LARGE".to_owned(),
            message: format!("Request body is too large (the limit is {limit_bytes} bytes)"),
        }
    }

    /// A body that is not JSON, as Fastify's content type check reports it.
    pub fn unsupported_media_type(content_type: &str) -> Self {
        Self {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code: "FST_ERR_CTP_INVALID_MEDIA_TYPE".to_owned(),
            message: format!("Unsupported Media Type: {}", shown(content_type)),
        }
    }

    /// A route that does not exist, in Fastify's words.
    pub fn route_not_found(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            format!("Route {method}:{} not found", shown(path)),
        )
    }

    pub fn body(&self) -> Value {
        json!({
            "statusCode": self.status.as_u16(),
            "code": self.code,
            "error": self.status.canonical_reason().unwrap_or("Error"),
            "message": self.message,
        })
    }
}

impl IntoResponse for OdhError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body())).into_response()
    }
}

/// The reason of a Kubernetes `Status`; the closed set this server produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusReason {
    Unauthorized,
    Forbidden,
    NotFound,
    InternalError,
}

impl StatusReason {
    fn name(self) -> &'static str {
        match self {
            Self::Unauthorized => "Unauthorized",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "NotFound",
            Self::InternalError => "InternalError",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A resource type of the Kubernetes API, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceType {
    pub plural: &'static str,
    pub group: &'static str,
}

pub const PERSES_DASHBOARDS: ResourceType = ResourceType {
    plural: "persesdashboards",
    group: "perses.dev",
};

/// A Kubernetes `Status` failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeStatus {
    pub reason: StatusReason,
    pub message: String,
    /// The object (name, optional) and resource type the failure is about.
    pub details: Option<(Option<String>, ResourceType)>,
}

impl KubeStatus {
    pub fn unauthorized(why: impl std::fmt::Display) -> Self {
        Self {
            reason: StatusReason::Unauthorized,
            message: format!("Unauthorized: {why}"),
            details: None,
        }
    }

    /// What the API server says when RBAC denies a verb in a namespace.
    pub fn forbidden(
        user: &str,
        verb: &str,
        resource: ResourceType,
        name: Option<&str>,
        namespace: &str,
    ) -> Self {
        let ResourceType { plural, group } = resource;
        let (name, namespace) = (name.map(shown), shown(namespace));
        let object = match &name {
            Some(name) => format!("{plural}.{group} {name:?}"),
            None => format!("{plural}.{group}"),
        };
        Self {
            reason: StatusReason::Forbidden,
            message: format!(
                "{object} is forbidden: User {user:?} cannot {verb} resource {plural:?} in API \
                 group {group:?} in the namespace {namespace:?}"
            ),
            details: Some((name, resource)),
        }
    }

    pub fn not_found(resource: ResourceType, name: &str) -> Self {
        let ResourceType { plural, group } = resource;
        Self {
            reason: StatusReason::NotFound,
            message: format!("{plural}.{group} {:?} not found", shown(name)),
            details: Some((Some(shown(name)), resource)),
        }
    }

    /// A path the API server does not serve.
    pub fn unknown_path() -> Self {
        Self {
            reason: StatusReason::NotFound,
            message: "the server could not find the requested resource".to_owned(),
            details: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            reason: StatusReason::InternalError,
            message: message.into(),
            details: None,
        }
    }

    pub fn body(&self) -> Value {
        let mut body = json!({
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": self.message,
            "reason": self.reason.name(),
            "code": self.reason.status().as_u16(),
        });
        if let (Some((name, resource)), Some(object)) = (&self.details, body.as_object_mut()) {
            let mut details = json!({"group": resource.group, "kind": resource.plural});
            if let (Some(name), Some(fields)) = (name, details.as_object_mut()) {
                fields.insert("name".to_owned(), Value::from(name.as_str()));
            }
            object.insert("details".to_owned(), details);
        }
        body
    }
}

impl IntoResponse for KubeStatus {
    fn into_response(self) -> Response {
        (self.reason.status(), axum::Json(self.body())).into_response()
    }
}

/// An error of the Perses API: the status and `{"message": …}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersesError {
    pub status: StatusCode,
    pub message: String,
}

impl PersesError {
    pub fn unauthorized(why: impl std::fmt::Display) -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            message: format!("unauthorized: {why}"),
        }
    }

    pub fn forbidden(user: &str, project: &str) -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            message: format!(
                "forbidden access: user {user:?} may not read project {:?}",
                shown(project)
            ),
        }
    }

    /// Perses says only this for any missing document.
    pub fn not_found() -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            message: "document not found".to_owned(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl IntoResponse for PersesError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(json!({"message": self.message}))).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubernetes_messages_read_like_the_api_server() {
        let status = KubeStatus::forbidden(
            "developer",
            "list",
            PERSES_DASHBOARDS,
            None,
            "vision-training",
        );
        assert_eq!(
            status.message,
            "persesdashboards.perses.dev is forbidden: User \"developer\" cannot list resource \
             \"persesdashboards\" in API group \"perses.dev\" in the namespace \"vision-training\""
        );
        let body = KubeStatus::not_found(PERSES_DASHBOARDS, "x").body();
        assert_eq!(body["code"], 404);
        assert_eq!(body["reason"], "NotFound");
        assert_eq!(body["details"]["name"], "x");
        assert_eq!(
            body["message"],
            "persesdashboards.perses.dev \"x\" not found"
        );
    }

    #[test]
    fn fastify_errors_carry_the_status_name() {
        let body = OdhError::new(StatusCode::BAD_REQUEST, "no").body();
        assert_eq!(
            body,
            json!({"statusCode": 400, "code": "400", "error": "Bad Request", "message": "no"})
        );
    }
}
