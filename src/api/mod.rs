//! HTTP to the ODH dashboard backend. Every request can be aborted and has a time limit;
//! replies are read as text and decoded by `obs_core`, so this module only moves bytes.

mod cache;

use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::set_timeout_with_handle;
use web_sys::AbortController;

pub use cache::{QueryCache, QueryKey, QueryState, use_prom_query};

/// The longest a request may take before the page gives up on it.
const TIMEOUT: Duration = Duration::from_secs(60);
/// The largest reply read; bigger ones are refused before their body is read.
const MAX_REPLY_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// A reply: the HTTP status and the body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

/// Why there is no reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The page cancelled the request (the range, a variable or the project changed).
    Aborted,
    /// No answer within the time limit.
    TimedOut,
    /// The reply was too large to read.
    TooLarge { bytes: u64 },
    /// The backend could not be reached.
    Network(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Aborted => f.write_str("the request was cancelled"),
            Self::TimedOut => write!(
                f,
                "the backend did not answer within {} seconds",
                TIMEOUT.as_secs()
            ),
            Self::TooLarge { bytes } => write!(
                f,
                "the reply is too large to show ({} MB); narrow the query or the time range",
                bytes / (1024 * 1024)
            ),
            Self::Network(message) => {
                write!(f, "the ODH dashboard backend cannot be reached ({message})")
            }
        }
    }
}

/// `GET path`.
pub async fn get(path: &str, abort: Option<&AbortController>) -> Result<Reply, FetchError> {
    send(Request::get(path), None, abort).await
}

/// `POST path` with a JSON body.
pub async fn post_json(
    path: &str,
    body: String,
    abort: Option<&AbortController>,
) -> Result<Reply, FetchError> {
    send(
        Request::post(path).header("Content-Type", "application/json"),
        Some(body),
        abort,
    )
    .await
}

async fn send(
    builder: RequestBuilder,
    body: Option<String>,
    abort: Option<&AbortController>,
) -> Result<Reply, FetchError> {
    // The caller's controller cancels; our own also enforces the time limit.
    let controller = match abort {
        Some(controller) => controller.clone(),
        None => {
            AbortController::new().map_err(|_| FetchError::Network("no AbortController".into()))?
        }
    };
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            TIMEOUT,
        )
        .ok()
    };
    let signal = controller.signal();
    let builder = builder
        .header("Accept", "application/json")
        .abort_signal(Some(&signal));
    let request = match body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }
    .map_err(|error| FetchError::Network(error.to_string()))?;
    let result = read(request).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(FetchError::TimedOut),
        Err(_) if signal.aborted() => Err(FetchError::Aborted),
        other => other,
    }
}

async fn read(request: Request) -> Result<Reply, FetchError> {
    let response = request
        .send()
        .await
        .map_err(|error| FetchError::Network(error.to_string()))?;
    let length = response
        .headers()
        .get("content-length")
        .and_then(|value| obs_core::float_text::parse_f64(&value));
    if let Some(bytes) = length.filter(|bytes| *bytes > MAX_REPLY_BYTES) {
        return Err(FetchError::TooLarge {
            bytes: bytes as u64,
        });
    }
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|error| FetchError::Network(error.to_string()))?;
    Ok(Reply { status, body })
}
