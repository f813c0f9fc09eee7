//! HTTP to the ODH dashboard backend. Every request can be aborted and has a time limit;
//! replies are read as text and decoded by `obs_core`, so this module only moves bytes.

mod cache;

use std::time::Duration;

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::{TimeoutHandle, set_timeout_with_handle};
use wasm_bindgen::JsCast;
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

/// A reply whose body is still the browser's bytes, copied into the page's memory when read
/// ([`Reply::from`]). The query cache reads each reply in a task of its own: replies that
/// arrive together would otherwise all be copied at once and wait there for their turn, side
/// by side in the WebAssembly memory, which grows to its peak and never shrinks (the
/// benchmark's replies are small enough that its figures do not move; a burst of large ones
/// would).
///
/// Bytes rather than the browser's text: the text was decoded from UTF-8 by the browser and
/// encoded to UTF-8 again on its way in (6-7 ms for the benchmark's project list in a
/// profile); the bytes are copied as they are and checked by Rust.
pub struct TextReply {
    pub status: u16,
    body: js_sys::Uint8Array,
}

impl From<TextReply> for Reply {
    fn from(reply: TextReply) -> Self {
        let bytes = reply.body.to_vec();
        // As the browser's `text()` reads a body: a byte order mark is dropped and what is not
        // UTF-8 becomes U+FFFD.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        Self {
            status: reply.status,
            body: String::from_utf8_lossy(bytes).into_owned(),
        }
    }
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

/// `GET path`, sent at once (see [`send`]).
pub fn get(
    path: &str,
    abort: Option<&AbortController>,
) -> impl Future<Output = Result<Reply, FetchError>> + use<> {
    let reply = send("GET", path, None, abort);
    async move { reply.await.map(Reply::from) }
}

/// `POST path` with a JSON body, sent at once (see [`send`]); the body is read by the caller.
pub fn post_json(
    path: &str,
    body: String,
    abort: Option<&AbortController>,
) -> impl Future<Output = Result<TextReply, FetchError>> + use<> {
    send("POST", path, Some(body), abort)
}

/// Sends the request when called and returns its reply's future. An `async fn` would send it
/// only when its future is first polled, in a task after the one that made it: the page's
/// first requests, made as it mounts, then waited for the whole mount (about 25 ms on
/// NodeExporter's page) before going out.
fn send(
    method: &str,
    path: &str,
    body: Option<String>,
    abort: Option<&AbortController>,
) -> impl Future<Output = Result<TextReply, FetchError>> + use<> {
    crate::perf::mark("at.request-sent");
    let sent = start(method, path, body, abort);
    async move {
        let Sent {
            reply,
            time_limit,
            signal,
        } = sent?;
        let result = read(reply).await;
        let timed_out = time_limit.passed.get();
        // The time limit ends here, or wherever this future is dropped.
        drop(time_limit);
        match result {
            Err(_) if timed_out => Err(FetchError::TimedOut),
            Err(_) if signal.aborted() => Err(FetchError::Aborted),
            other => other,
        }
    }
}

/// A request on its way: its response to come (already listened to, so a rejection before the
/// first poll is not an unhandled one), and its time limit.
struct Sent {
    reply: wasm_bindgen_futures::JsFuture,
    time_limit: TimeLimit,
    signal: web_sys::AbortSignal,
}

/// Aborts a request that takes longer than [`TIMEOUT`]; stopped when dropped, so a request
/// whose future is dropped leaves no timer behind to abort a controller other requests share.
struct TimeLimit {
    timer: Option<TimeoutHandle>,
    passed: Rc<Cell<bool>>,
}

impl TimeLimit {
    fn start(controller: AbortController) -> Self {
        let passed = Rc::new(Cell::new(false));
        let timer = {
            let passed = Rc::clone(&passed);
            set_timeout_with_handle(
                move || {
                    passed.set(true);
                    controller.abort();
                },
                TIMEOUT,
            )
            .ok()
        };
        Self { timer, passed }
    }
}

impl Drop for TimeLimit {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// Starts `fetch(path, init)`. The request is described to the browser directly: gloo-net's
/// request builder makes two `Request`s and a `URL` per request to merge query parameters
/// this page never passes, a millisecond or so of a page that sends a few hundred requests.
fn start(
    method: &str,
    path: &str,
    body: Option<String>,
    abort: Option<&AbortController>,
) -> Result<Sent, FetchError> {
    // The caller's controller cancels; our own also enforces the time limit.
    let controller = match abort {
        Some(controller) => controller.clone(),
        None => {
            AbortController::new().map_err(|_| FetchError::Network("no AbortController".into()))?
        }
    };
    let signal = controller.signal();
    let headers =
        web_sys::Headers::new().map_err(|error| FetchError::Network(js_error_text(&error)))?;
    let _ = headers.set("Accept", "application/json");
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_signal(Some(&signal));
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    }
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let time_limit = TimeLimit::start(controller);
    let reply = window.fetch_with_str_and_init(path, &init);
    Ok(Sent {
        reply: wasm_bindgen_futures::JsFuture::from(reply),
        time_limit,
        signal,
    })
}

async fn read(reply: wasm_bindgen_futures::JsFuture) -> Result<TextReply, FetchError> {
    let response = gloo_net::http::Response::from(
        reply
            .await
            .map_err(|error| FetchError::Network(js_error_text(&error)))?
            .dyn_into::<web_sys::Response>()
            .map_err(|_| FetchError::Network("fetch gave no response".into()))?,
    );
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
    // The body as the browser's bytes: gloo-net's `text` would copy it in at once.
    let bytes = web_sys::Response::from(response)
        .array_buffer()
        .map_err(|error| FetchError::Network(js_error_text(&error)))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(bytes)
        .await
        .map_err(|error| FetchError::Network(js_error_text(&error)))?;
    Ok(TextReply {
        status,
        body: js_sys::Uint8Array::new(&buffer),
    })
}

/// A rejected fetch's reason as the browser words it ("TypeError: Failed to fetch").
fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.to_string()),
        None => error
            .as_string()
            .unwrap_or_else(|| "the request failed".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::{Reply, TextReply};

    wasm_bindgen_test_configure!(run_in_browser);

    /// A body read from its bytes says what the browser's own `text()` says of the same bytes.
    #[wasm_bindgen_test]
    async fn a_body_reads_as_the_browsers_text() {
        let cases: [&[u8]; 7] = [
            b"",
            b"{\"status\":\"success\"}",
            "caf\u{e9} \u{1f600}".as_bytes(),
            b"\xEF\xBB\xBF{\"a\":1}",
            b"\xEF\xBB\xBF\xEF\xBB\xBFtwice",
            b"bad \xFF byte and a cut \xE2\x82",
            b"\xEF\xBB",
        ];
        for bytes in cases {
            let mut copy = bytes.to_vec();
            let browser = web_sys::Response::new_with_opt_u8_array(Some(&mut copy))
                .and_then(|response| response.text())
                .map(wasm_bindgen_futures::JsFuture::from);
            let Ok(browser) = browser else {
                panic!("the browser cannot make a response of {bytes:?}");
            };
            let expected = browser.await.ok().and_then(|text| text.as_string());
            let ours = Reply::from(TextReply {
                status: 200,
                body: js_sys::Uint8Array::from(bytes),
            });
            assert_eq!(Some(ours.body), expected, "{bytes:?}");
        }
    }
}
