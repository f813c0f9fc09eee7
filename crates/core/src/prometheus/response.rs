//! Replies of the ODH backend's Prometheus routes: `{"code": 200, "response": <Prometheus JSON>}`
//! on success; on failure an HTTP error whose JSON says what went wrong.

use super::result::{QueryError, QueryResult};
use super::wire::{Envelope, decode_data};

/// Decodes a reply of `/api/prometheus/query` or `/queryRange` given its HTTP status and body.
pub fn decode_odh_reply(status: u16, body: &str) -> Result<QueryResult, QueryError> {
    if !(200..300).contains(&status) {
        let message = error_message(body).unwrap_or_else(|| default_message(status));
        return Err(if status >= 500 || status == 429 || status == 408 {
            QueryError::Unavailable { status, message }
        } else {
            QueryError::Rejected { status, message }
        });
    }
    let envelope: Envelope =
        serde_json::from_str(body).map_err(|error| QueryError::Malformed(error.to_string()))?;
    let reply = envelope.response;
    if reply.status != "success" {
        let message = reply
            .error
            .unwrap_or_else(|| "Prometheus reported an error".to_owned());
        return Err(QueryError::Rejected {
            status: 400,
            message,
        });
    }
    let data = reply
        .data
        .ok_or_else(|| QueryError::Malformed("no data in a successful reply".to_owned()))?;
    let mut warnings = reply.warnings;
    warnings.extend(reply.infos);
    let (result_type, series, native) = decode_data(data)?;
    Ok(QueryResult {
        result_type,
        series,
        native,
        warnings,
    })
}

/// The message of an error reply: ODH's `message` (Fastify errors), or `response`/`error`.
fn error_message(body: &str) -> Option<String> {
    let value = crate::json_tree::parse(body).ok()?;
    ["message", "response", "error"]
        .iter()
        .find_map(|key| match value.get(key)? {
            serde_json::Value::String(text) if !text.is_empty() => Some(text.clone()),
            serde_json::Value::Object(inner) => inner
                .get("error")
                .and_then(|e| e.as_str())
                .map(str::to_owned),
            _ => None,
        })
}

fn default_message(status: u16) -> String {
    match status {
        401 => "your session has expired; reload the page to sign in again".to_owned(),
        403 => "you do not have access to the metrics of this project".to_owned(),
        404 => "the metrics service was not found".to_owned(),
        408 | 504 => "the metrics service took too long to answer".to_owned(),
        413 => "the query is too large".to_owned(),
        status => format!("the metrics service answered with HTTP {status}"),
    }
}

#[cfg(test)]
#[path = "response_tests.rs"]
mod tests;
