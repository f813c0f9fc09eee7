//! The calls to Prometheus: one form-encoded POST per query, built from known parameters
//! only, with a time limit and the injectable delay of the `/__dev/faults` helper.

use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;

/// The largest answer read from Prometheus. Prometheus bounds the samples a query may load
/// (50 million by default), not the size of its answer: a range query over every series can
/// answer gigabytes, which no browser could draw. Past this, the call is an error that says how
/// to narrow the query, and the backend's memory stays bounded.
pub const MAX_ANSWER_BYTES: usize = 64 * 1024 * 1024;

/// The Prometheus query API endpoint of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Query,
    QueryRange,
}

impl Endpoint {
    pub fn path(self) -> &'static str {
        match self {
            Self::Query => "/api/v1/query",
            Self::QueryRange => "/api/v1/query_range",
        }
    }
}

/// Why a call gave no Prometheus result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UpstreamError {
    #[error("Prometheus is still starting; try again in a moment")]
    NotReady,
    #[error("Prometheus is unreachable at {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("Prometheus did not answer within {timeout_secs} s ({url})")]
    Timeout { url: String, timeout_secs: f64 },
    #[error("Cannot fetch prometheus data, {0}")]
    Transport(String),
    /// Prometheus answered with an HTTP error status (400 bad_data, 422 execution, 503 …).
    #[error("{message}")]
    Status { status: u16, message: String },
    /// Prometheus answered 2xx with `"status": "error"`.
    #[error("{0}")]
    ErrorBody(String),
    /// The answer was larger than [`MAX_ANSWER_BYTES`].
    #[error(
        "Prometheus' answer is larger than {} MiB: narrow the query (fewer series, a larger \
         step or a shorter range)", MAX_ANSWER_BYTES / (1024 * 1024)
    )]
    TooLarge,
    /// The answer was not JSON (an HTML page means a proxy or login page answered instead).
    #[error("Unprocessable prometheus response: {excerpt}")]
    NotJson { html: bool, excerpt: String },
}

/// The Prometheus the server talks to.
#[derive(Debug)]
pub struct Upstream {
    client: reqwest::Client,
    /// Unset while a managed Prometheus is starting.
    base_url: RwLock<Option<String>>,
    timeout: Duration,
    delay_ms: AtomicU64,
}

impl Upstream {
    pub fn new(timeout: Duration) -> Self {
        Self {
            client: reqwest::Client::new(),
            base_url: RwLock::new(None),
            timeout,
            delay_ms: AtomicU64::new(0),
        }
    }

    pub fn set_base_url(&self, url: &str) {
        let url = url.trim_end_matches('/').to_owned();
        *self
            .base_url
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(url);
    }

    pub fn base_url(&self) -> Option<String> {
        self.base_url
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The extra latency added before every call (development fault injection).
    pub fn delay_ms(&self) -> u64 {
        self.delay_ms.load(Ordering::Relaxed)
    }

    pub fn set_delay_ms(&self, delay_ms: u64) {
        self.delay_ms.store(delay_ms, Ordering::Relaxed);
    }

    /// Calls Prometheus and returns its JSON answer. The injected delay counts against the
    /// time limit, as a slow Prometheus would.
    pub async fn call(
        &self,
        endpoint: Endpoint,
        params: &[(&str, &str)],
    ) -> Result<Value, UpstreamError> {
        let base_url = self.base_url().ok_or(UpstreamError::NotReady)?;
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        // A form-encoded POST, as Thanos and Grafana send it: a query that grew long in the
        // rewrite never meets a URL length limit.
        let url = format!("{base_url}{}", endpoint.path());
        let delay = Duration::from_millis(self.delay_ms());
        let call = async {
            tokio::time::sleep(delay).await;
            let response = self
                .client
                .post(&url)
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(query)
                .send()
                .await?;
            let status = response.status();
            let body = read_bounded(response, MAX_ANSWER_BYTES).await?;
            Ok::<_, reqwest::Error>((status, body))
        };
        let (status, body) = match tokio::time::timeout(self.timeout, call).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(error)) if error.is_connect() => {
                return Err(UpstreamError::Unreachable {
                    url: base_url,
                    reason: root_cause(&error),
                });
            }
            Ok(Err(error)) => return Err(UpstreamError::Transport(root_cause(&error))),
            Err(_elapsed) => {
                return Err(UpstreamError::Timeout {
                    url: base_url,
                    timeout_secs: self.timeout.as_secs_f64(),
                });
            }
        };
        let body = body.ok_or(UpstreamError::TooLarge)?;
        interpret(status.as_u16(), &body)
    }
}

/// The body, or `None` once it grows past `max_bytes` (the rest is not read).
async fn read_bounded(
    mut response: reqwest::Response,
    max_bytes: usize,
) -> Result<Option<Vec<u8>>, reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > max_bytes {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}

/// Reads Prometheus' answer as the ODH backend does: an HTTP error status is an error with
/// that status, a body with `"status": "error"` is an error, anything but JSON is an error.
fn interpret(status: u16, body: &[u8]) -> Result<Value, UpstreamError> {
    let parsed: Result<Value, _> = serde_json::from_slice(body);
    let error_text = |value: &Value| {
        value
            .get("error")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    if status >= 400 {
        let message = match &parsed {
            Ok(value) => error_text(value).unwrap_or_else(|| value.to_string()),
            Err(_) => excerpt(body),
        };
        return Err(UpstreamError::Status { status, message });
    }
    match parsed {
        Ok(value) if value.get("status").and_then(Value::as_str) == Some("error") => {
            Err(UpstreamError::ErrorBody(
                error_text(&value).unwrap_or_else(|| "Prometheus call error".to_owned()),
            ))
        }
        Ok(value) => Ok(value),
        Err(_) => Err(UpstreamError::NotJson {
            html: body.trim_ascii_start().starts_with(b"<"),
            excerpt: excerpt(body),
        }),
    }
}

fn excerpt(body: &[u8]) -> String {
    const MAX_CHARS: usize = 300;
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// reqwest's top-level message is generic ("error sending request"); the cause says why.
fn root_cause(error: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = error;
    while let Some(next) = source.source() {
        source = next;
    }
    source.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_as_the_odh_backend_reads_them() {
        let ok = br#"{"status":"success","data":{"resultType":"vector","result":[]}}"#;
        assert!(interpret(200, ok).is_ok());
        let bad = br#"{"status":"error","errorType":"bad_data","error":"parse error"}"#;
        assert_eq!(
            interpret(400, bad),
            Err(UpstreamError::Status {
                status: 400,
                message: "parse error".into()
            })
        );
        assert_eq!(
            interpret(200, bad),
            Err(UpstreamError::ErrorBody("parse error".into()))
        );
        assert!(matches!(
            interpret(200, b"<html>login</html>"),
            Err(UpstreamError::NotJson { html: true, .. })
        ));
    }
}
