//! Shared helpers of the integration tests: starting servers and calling them.

#![allow(dead_code)] // Each test binary uses a different part.

use std::path::PathBuf;
use std::time::Duration;

use obs_devserver::{Config, PrometheusSource, RunningServer};
use serde_json::{Value, json};

pub const DEVELOPER: &str = "dev-token-developer";
pub const DATA_SCIENTIST: &str = "dev-token-data-scientist";
pub const ADMIN: &str = "dev-token-admin";

/// Generous: the machine may be busy with other builds.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(120);

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A configuration on a free loopback port, with the repository's dashboards and RBAC file.
pub fn config(prometheus: PrometheusSource) -> Config {
    let mut config = Config::new(
        repo_root().join("dashboards"),
        repo_root().join("dev/rbac.yaml"),
    );
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.prometheus = prometheus;
    config
}

/// A port nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// Prometheus at a port nothing listens on.
pub fn unreachable_prometheus() -> PrometheusSource {
    PrometheusSource::External {
        url: format!("http://127.0.0.1:{}", closed_port()),
    }
}

/// A managed Prometheus with a short history (the tests need data, not a long backfill).
pub fn managed_prometheus() -> PrometheusSource {
    PrometheusSource::Managed {
        port: 0,
        backfill_secs: 2 * 3600,
    }
}

/// An HTTP client for one server.
#[derive(Clone)]
pub struct Client {
    pub base: String,
    http: reqwest::Client,
}

/// A status and a JSON body (`Value::Null` when the body is not JSON).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub text: String,
    /// The server said `Connection: close`.
    pub closes: bool,
}

impl Reply {
    /// The error message of any of the three error shapes.
    pub fn message(&self) -> String {
        self.body["message"]
            .as_str()
            .unwrap_or(&self.text)
            .to_owned()
    }
}

impl Client {
    pub fn new(server: &RunningServer) -> Self {
        Self::for_url(&server.url())
    }

    pub fn for_url(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            http: reqwest::Client::builder()
                .timeout(CLIENT_TIMEOUT)
                .build()
                .unwrap(),
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.header("x-forwarded-access-token", token);
        }
        read(request.send().await.unwrap()).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Reply {
        self.post_raw(path, token, "application/json", body.to_string())
            .await
    }

    pub async fn post_raw(
        &self,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: String,
    ) -> Reply {
        self.try_post_raw(path, token, content_type, body)
            .await
            .unwrap()
    }

    /// `post_raw`, or the transport error: a server that refuses an oversized body answers
    /// before reading it all and closes the connection, which a client still sending may see
    /// as a broken pipe instead of the answer.
    pub async fn try_post_raw(
        &self,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: String,
    ) -> Result<Reply, String> {
        let mut request = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body);
        if let Some(token) = token {
            request = request.header("x-forwarded-access-token", token);
        }
        match request.send().await {
            Ok(response) => Ok(read(response).await),
            Err(error) => Err(format!("{error:?}")),
        }
    }

    /// `POST /api/prometheus/<route>` with `{"query": <query string>}`.
    pub async fn prometheus(&self, route: &str, token: Option<&str>, query_string: &str) -> Reply {
        self.post(
            &format!("/api/prometheus/{route}"),
            token,
            &json!({ "query": query_string }),
        )
        .await
    }
}

async fn read(response: reqwest::Response) -> Reply {
    let status = response.status().as_u16();
    let closes = response
        .headers()
        .get("connection")
        .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"close"));
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply {
        status,
        body,
        text,
        closes,
    }
}

/// Encodes query-string pairs as browsers' URLSearchParams do.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
