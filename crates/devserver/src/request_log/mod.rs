//! DEVELOPMENT ONLY: the last requests to `/api` and `/perses`, for end-to-end tests to
//! assert what the page asked for (`GET /__dev/requests`).
//!
//! The log is bounded in count and in bytes ([`bounds`]): long paths and parameters are cut,
//! saying so, and the oldest records go first.
//!
//! A request whose client goes away before the answer is ready (an aborted fetch) is
//! recorded with `aborted: true`: the server drops the handler's future then, and a guard
//! notices the drop.

mod bounds;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;
use serde_json::Value;

/// How many requests are kept: enough for a large dashboard loaded a few times over.
pub const CAPACITY: usize = 2_000;

/// One recorded request.
#[derive(Debug, Clone, Serialize)]
pub struct RequestRecord {
    /// When it arrived (RFC 3339, UTC).
    pub at: String,
    /// When it arrived, in unix milliseconds: precise enough to tell overlapping requests.
    pub at_ms: i64,
    pub method: String,
    pub path: String,
    /// The parsed parameters: the URL query of a GET, the decoded `query` string of a
    /// Prometheus call's body.
    pub params: Value,
    /// The user it ran as, once known.
    pub user: Option<String>,
    /// `None` when the client went away first.
    pub status: Option<u16>,
    pub duration_ms: u64,
    pub aborted: bool,
}

/// What a record costs besides its path and parameters, roughly: the other fields' text.
const RECORD_OVERHEAD_BYTES: usize = 256;

/// The ring of recorded requests.
#[derive(Debug, Default)]
pub struct RequestLog {
    ring: Mutex<Ring>,
}

#[derive(Debug, Default)]
struct Ring {
    /// Each record with the bytes of text it holds.
    records: VecDeque<(RequestRecord, usize)>,
    text_bytes: usize,
}

impl RequestLog {
    /// The recorded requests, oldest first.
    pub fn records(&self) -> Vec<RequestRecord> {
        self.lock()
            .records
            .iter()
            .map(|(record, _)| record.clone())
            .collect()
    }

    /// The bytes of text the log holds.
    pub fn text_bytes(&self) -> usize {
        self.lock().text_bytes
    }

    fn push(&self, mut record: RequestRecord) {
        bounds::clamp_text(&mut record.path, bounds::PATH_BYTES);
        let params_bytes = bounds::clamp_params(
            &mut record.params,
            bounds::RECORD_TEXT_BYTES.saturating_sub(record.path.len()),
        );
        let bytes = RECORD_OVERHEAD_BYTES + record.path.len() + params_bytes;
        let mut ring = self.lock();
        while ring.records.len() >= CAPACITY
            || (!ring.records.is_empty() && ring.text_bytes + bytes > bounds::LOG_TEXT_BYTES)
        {
            if let Some((_, dropped)) = ring.records.pop_front() {
                ring.text_bytes -= dropped;
            }
        }
        ring.text_bytes += bytes;
        ring.records.push_back((record, bytes));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ring> {
        // A log is still useful after a panic elsewhere held the lock.
        self.ring
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What a handler adds to its request's record (the parsed body, the user).
#[derive(Debug, Clone, Default)]
pub struct RequestNote(Arc<Mutex<NoteFields>>);

#[derive(Debug, Default)]
struct NoteFields {
    params: Option<Value>,
    user: Option<String>,
}

impl RequestNote {
    pub fn set_params(&self, params: Value) {
        self.lock().params = Some(params);
    }

    pub fn set_user(&self, user: &str) {
        self.lock().user = Some(user.to_owned());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, NoteFields> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Middleware: records requests under `/api` and `/perses`.
pub async fn record(
    State(log): State<Arc<RequestLog>>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if !(path.starts_with("/api/") || path.starts_with("/perses/")) {
        return next.run(request).await;
    }
    let note = RequestNote::default();
    request.extensions_mut().insert(note.clone());
    let params = request
        .uri()
        .query()
        .map(|query| {
            Value::Object(
                form_urlencoded::parse(query.as_bytes())
                    .map(|(name, value)| (name.into_owned(), Value::from(value.into_owned())))
                    .collect(),
            )
        })
        .unwrap_or(Value::Null);
    let arrived = chrono::Utc::now();
    let mut guard = Pending {
        log,
        note,
        record: Some(RequestRecord {
            at: crate::manifests::rfc3339(arrived),
            at_ms: arrived.timestamp_millis(),
            method: request.method().to_string(),
            path,
            params,
            user: None,
            status: None,
            duration_ms: 0,
            aborted: false,
        }),
        started: Instant::now(),
    };
    let response = next.run(request).await;
    guard.finish(Some(response.status().as_u16()));
    response
}

/// Writes the record when the request ends, or when its future is dropped (the client left).
struct Pending {
    log: Arc<RequestLog>,
    note: RequestNote,
    record: Option<RequestRecord>,
    started: Instant,
}

impl Pending {
    fn finish(&mut self, status: Option<u16>) {
        let Some(mut record) = self.record.take() else {
            return;
        };
        let note = std::mem::take(&mut *self.note.lock());
        if let Some(params) = note.params {
            record.params = params;
        }
        record.user = note.user;
        record.status = status;
        record.aborted = status.is_none();
        record.duration_ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.log.push(record);
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.finish(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: String, query: String) -> RequestRecord {
        RequestRecord {
            at: String::new(),
            at_ms: 0,
            method: "POST".to_owned(),
            path,
            params: serde_json::json!({ "query": query }),
            user: None,
            status: Some(400),
            duration_ms: 0,
            aborted: false,
        }
    }

    #[test]
    fn the_log_is_bounded_in_count_and_bytes() {
        let log = RequestLog::default();
        for _ in 0..CAPACITY + 10 {
            log.push(record("/api/x".to_owned(), "up".to_owned()));
        }
        assert_eq!(log.records().len(), CAPACITY);

        // Huge paths and parameters are cut, and the total stays under its bound.
        let log = RequestLog::default();
        for _ in 0..400 {
            log.push(record("/".repeat(100_000), "x".repeat(1_000_000)));
        }
        assert!(
            log.text_bytes() <= bounds::LOG_TEXT_BYTES,
            "{}",
            log.text_bytes()
        );
        let records = log.records();
        assert!(records.len() > 100, "{}", records.len());
        let last = records.last().map(|last| last.params["query"].clone());
        let query = last.as_ref().and_then(|query| query.as_str()).unwrap_or("");
        assert!(query.len() < bounds::RECORD_TEXT_BYTES, "{}", query.len());
        assert!(
            query.ends_with("bytes cut]"),
            "{}",
            &query[query.len() - 40..]
        );
    }
}
