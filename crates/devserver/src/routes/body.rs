//! The JSON body of the ODH backend's POST routes, read as Fastify reads it: a size limit
//! (413), JSON only (415), and `{"query": "<URL query string>"}`.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum::http::{HeaderMap, StatusCode, header};
use serde_json::Value;

use crate::errors::OdhError;

/// The `query` string of a Prometheus route's body.
pub(super) fn query_string(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    limit_bytes: usize,
) -> Result<String, OdhError> {
    let bytes = body.map_err(|rejection| match rejection {
        BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
            OdhError::body_too_large(limit_bytes)
        }
        other => OdhError::new(StatusCode::BAD_REQUEST, other.body_text()),
    })?;
    // The ODH route answers a missing query the same whether the body is absent or empty.
    let missing = || OdhError::new(StatusCode::BAD_REQUEST, "Failed to provide a query");
    if bytes.is_empty() {
        return Err(missing());
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let is_json = content_type
        .split(';')
        .next()
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(OdhError::unsupported_media_type(content_type));
    }
    let value: Value = serde_json::from_slice(&bytes).map_err(|error| {
        OdhError::new(
            StatusCode::BAD_REQUEST,
            format!("Body is not valid JSON: {error}"),
        )
    })?;
    value
        .get("query")
        .and_then(Value::as_str)
        .filter(|query| !query.is_empty())
        .map(str::to_owned)
        .ok_or_else(missing)
}
