//! A stand-in Prometheus for the benchmark: it answers any PromQL with deterministic,
//! plausible series, so every panel of a large dashboard (the NodeExporter one has no data in
//! the demo workloads) draws real work. Variable queries (`group by (label) (…)`) and label
//! value lookups get a few values of their label.
//!
//! It is a load generator, not an emulator. It answers what the plugin (through the
//! development backend) and Perses' own page (directly, from another origin) ask: queries as
//! GET or form-encoded POST, label names and values, series; every answer allows any origin,
//! as Prometheus does by default. It records each call, so both pages' requests are counted at
//! the same place.

mod series;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Extension;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// One call the synthetic Prometheus answered.
#[derive(Clone, Debug)]
pub struct Call {
    /// When it arrived, in unix milliseconds.
    pub at_ms: i64,
    /// The API path, e.g. `/api/v1/query_range`.
    pub path: String,
    /// The PromQL or series selectors it carried (`query`, `match[]`), joined by newlines.
    pub promql: String,
}

impl Call {
    /// Whether a dashboard variable was left unresolved in it: a `$name` kept, or a matcher on
    /// an empty value, as an unset variable interpolates.
    pub fn has_unresolved_variable(&self) -> bool {
        // `$1` in label_replace is a regular expression's group, not a variable.
        let kept_variable = self.promql.as_bytes().windows(2).any(|pair| {
            pair[0] == b'$' && (pair[1].is_ascii_alphabetic() || pair[1] == b'_' || pair[1] == b'{')
        });
        kept_variable || self.promql.contains("=\"\"") || self.promql.contains("=~\"\"")
    }
}

/// A running synthetic Prometheus.
pub struct SyntheticPrometheus {
    pub url: String,
    calls: Arc<Mutex<Vec<Call>>>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl SyntheticPrometheus {
    /// Listens on a free loopback port.
    pub async fn start() -> Result<Self, String> {
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .map_err(|error| error.to_string())?;
        let address = listener.local_addr().map_err(|error| error.to_string())?;
        let calls = Arc::new(Mutex::new(Vec::new()));
        let app = Router::new()
            .route("/api/v1/query_range", any(query_range))
            .route("/api/v1/query", any(query))
            .route("/api/v1/labels", any(label_names))
            .route("/api/v1/label/{name}/values", any(label_values))
            .route("/api/v1/series", any(series))
            .layer(middleware::from_fn_with_state(calls.clone(), record))
            .layer(middleware::from_fn(any_origin));
        let (shutdown, stop) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop.await;
                })
                .await;
        });
        Ok(Self {
            url: format!("http://{address}"),
            calls,
            shutdown: Some(shutdown),
        })
    }

    /// The calls answered from `since_ms` (unix milliseconds) on.
    pub fn calls_since(&self, since_ms: i64) -> Vec<Call> {
        self.calls
            .lock()
            .map(|calls| {
                calls
                    .iter()
                    .filter(|call| call.at_ms >= since_ms)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for SyntheticPrometheus {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// The parameters of a call: the query string and, for a POST, the form-encoded body.
#[derive(Debug, Default)]
struct Params(Vec<(String, String)>);

impl Params {
    fn read(query: Option<&str>, body: &[u8]) -> Self {
        let mut pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        pairs.extend(url::form_urlencoded::parse(body).into_owned());
        Self(pairs)
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// A time or step parameter in seconds; both pages send unix seconds.
    fn seconds(&self, name: &str) -> Option<f64> {
        self.text(name).and_then(|text| text.parse::<f64>().ok())
    }
}

/// Reads a call's parameters once, keeps its record, and hands the parameters to the handler.
async fn record(
    State(calls): State<Arc<Mutex<Vec<Call>>>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    if request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    // The benchmark's pages send small bodies; 16 MiB is far past any query they send.
    let Ok(bytes) = axum::body::to_bytes(body, 16 << 20).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let params = Params::read(parts.uri.query(), &bytes);
    let mut promql = params.all("query");
    promql.extend(params.all("match[]"));
    let call = Call {
        at_ms: crate::now_ms(),
        path: parts.uri.path().to_owned(),
        promql: promql.join("\n"),
    };
    if let Ok(mut held) = calls.lock() {
        held.push(call);
    }
    parts.extensions.insert(Arc::new(params));
    next.run(Request::from_parts(parts, Body::empty())).await
}

/// Allows any origin, as Prometheus' default `--web.cors.origin=".*"` does, and answers a
/// preflight.
async fn any_origin(request: Request<Body>, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        StatusCode::NO_CONTENT.into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Accept, Authorization, Content-Type, Origin"),
    );
    response
}

async fn query_range(Extension(params): Extension<Arc<Params>>) -> axum::Json<Value> {
    axum::Json(series::matrix(
        params.text("query").unwrap_or(""),
        params.seconds("start").unwrap_or(0.0),
        params.seconds("end").unwrap_or(0.0),
        params.seconds("step").unwrap_or(1.0),
    ))
}

async fn query(Extension(params): Extension<Arc<Params>>) -> axum::Json<Value> {
    axum::Json(series::vector(
        params.text("query").unwrap_or(""),
        params.seconds("time").unwrap_or(1_700_000_000.0),
    ))
}

async fn label_names() -> axum::Json<Value> {
    axum::Json(series::label_names())
}

async fn label_values(Path(name): Path<String>) -> axum::Json<Value> {
    axum::Json(series::label_values(&name))
}

async fn series(Extension(params): Extension<Arc<Params>>) -> axum::Json<Value> {
    axum::Json(series::series(&params.all("match[]").join(",")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_merge_the_query_string_and_the_form_body() {
        let params = Params::read(
            Some("query=up&start=1"),
            b"end=2&match%5B%5D=a&match%5B%5D=b",
        );
        assert_eq!(params.text("query"), Some("up"));
        assert_eq!(params.seconds("start"), Some(1.0));
        assert_eq!(params.seconds("end"), Some(2.0));
        assert_eq!(params.all("match[]"), vec!["a", "b"]);
        assert_eq!(params.text("step"), None);
    }

    #[test]
    fn unresolved_variables_are_told_apart() {
        let call = |promql: &str| Call {
            at_ms: 0,
            path: "/api/v1/query".to_owned(),
            promql: promql.to_owned(),
        };
        assert!(call("up{job=\"$job\"}").has_unresolved_variable());
        assert!(call("up{instance=~\"\"}").has_unresolved_variable());
        assert!(call("up{job=\"${job}\"}").has_unresolved_variable());
        assert!(!call("up{job=\"node\"}").has_unresolved_variable());
        assert!(
            !call("label_replace(up, \"pod\", \"$1\", \"exported_pod\", \"(.*)\")")
                .has_unresolved_variable()
        );
    }
}
