//! The JSON body of the ODH backend's POST routes, read as Fastify reads it: a size limit
//! (413), JSON only (415), and `{"query": "<URL query string>"}`.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum::http::{HeaderMap, StatusCode, header};
use serde_json::Value;

use crate::errors::OdhError;

/// `application/json`, with or without parameters, in any case.
pub(super) fn is_json(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

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
    if !is_json(content_type) {
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

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn json_content_types() {
        for (content_type, json) in [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            ("text/plain", false),
            ("application/x-www-form-urlencoded", false),
            ("multipart/form-data; boundary=x", false),
            ("application/jsonp", false),
            ("", false),
        ] {
            assert_eq!(is_json(content_type), json, "{content_type}");
        }
    }
}
