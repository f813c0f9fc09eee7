//! Who may reach what, on every route: no token, an unknown token, a token that is not text,
//! a stale login cookie, the wrong user; and the development routes' own rules (the local
//! user or an administrator, from the same origin, JSON only). No Prometheus is needed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

#[path = "../common/mod.rs"]
mod common;
mod paths;

use common::{ADMIN, DATA_SCIENTIST, DEVELOPER, config, unreachable_prometheus};
use obs_devserver::RunningServer;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// One route of every family: the ODH API, the Kubernetes pass-through, Prometheus, the Perses
/// API, unknown API paths, the development helpers, the demo metrics, a remote, the page.
const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/status"),
    ("GET", "/api/k8s/apis/project.openshift.io/v1/projects"),
    (
        "GET",
        "/api/k8s/apis/perses.dev/v1alpha2/namespaces/fraud-detection/persesdashboards",
    ),
    ("GET", "/api/k8s/api/v1/secrets"),
    ("POST", "/api/prometheus/query"),
    ("POST", "/api/prometheus/cluster/queryRange"),
    ("GET", "/api/nothing-here"),
    ("GET", "/perses/api/api/v1/projects"),
    ("GET", "/perses/api/api/v1/nothing-here"),
    ("GET", "/__dev/requests"),
    ("GET", "/__dev/faults"),
    ("POST", "/__dev/faults"),
    ("GET", "/metrics"),
    ("GET", "/_mf/observabilityWasm/remoteEntry.js"),
    ("GET", "/"),
    ("GET", "/observe-and-monitor/observability"),
];

struct Server {
    server: RunningServer,
    http: reqwest::Client,
    _dirs: [tempfile::TempDir; 2],
}

impl Server {
    async fn start(local_user: bool) -> Self {
        let remote = tempfile::tempdir().unwrap();
        std::fs::write(
            remote.path().join("remoteEntry.js"),
            "var observabilityWasm = {};",
        )
        .unwrap();
        let page = tempfile::tempdir().unwrap();
        std::fs::write(page.path().join("index.html"), "<!doctype html><p>page</p>").unwrap();
        let mut config = config(unreachable_prometheus());
        config.local_user = local_user;
        config.static_dir = Some(page.path().to_owned());
        config.remotes = vec![("observabilityWasm".into(), remote.path().to_owned())];
        Self {
            server: RunningServer::start(config).await.unwrap(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            _dirs: [remote, page],
        }
    }

    /// The status and body of a request with these headers (a JSON body for a POST).
    async fn call(&self, method: &str, path: &str, headers: &[(&str, &[u8])]) -> (u16, String) {
        let url = format!("{}{path}", self.server.url());
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_bytes(value).unwrap(),
            );
        }
        let request = match method {
            "POST" => self.http.post(url).body("{}"),
            _ => self.http.get(url),
        };
        let request = if map.contains_key("content-type") || method != "POST" {
            request
        } else {
            request.header("content-type", "application/json")
        };
        let response = request.headers(map).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }
}

const TOKEN: &str = "x-forwarded-access-token";

#[tokio::test]
async fn an_unknown_token_is_refused_on_every_route() {
    let server = Server::start(true).await;
    let unknown: &[&[(&str, &[u8])]] = &[
        &[(TOKEN, b"not-a-token")],
        &[(TOKEN, b"")],
        &[(TOKEN, b"Bearer dev-token-admin")],
        &[(TOKEN, b"\xff\xfe")],
        // A stale development login stands for a token as well.
        &[("cookie", b"obs-dev-user=expired")],
        &[("cookie", b"theme=dark; obs-dev-user=dev-token-nobody")],
    ];
    for headers in unknown {
        for (method, path) in ROUTES {
            let (status, body) = server.call(method, path, headers).await;
            assert_eq!(status, 401, "{method} {path} with {headers:?}: {body}");
            assert!(
                body.to_lowercase().contains("unauthorized"),
                "{method} {path}: {body}"
            );
        }
    }
    // Logging out (or in again) clears a stale login.
    let (status, _) = server
        .call("GET", "/__dev/as", &[("cookie", b"obs-dev-user=expired")])
        .await;
    assert_eq!(status, 303);
    server.server.stop().await.unwrap();
}

#[tokio::test]
async fn without_local_mode_the_development_routes_need_a_permitted_token() {
    let server = Server::start(false).await;
    for (method, path) in ROUTES.iter().filter(|(_, path)| path.starts_with("/__dev")) {
        let (status, body) = server.call(method, path, &[]).await;
        assert_eq!(status, 401, "{method} {path} without a token: {body}");
        for (token, expected) in [(DATA_SCIENTIST, 403), (DEVELOPER, 200), (ADMIN, 200)] {
            let (status, body) = server
                .call(method, path, &[(TOKEN, token.as_bytes())])
                .await;
            assert_eq!(status, expected, "{method} {path} as {token}: {body}");
        }
    }
    server.server.stop().await.unwrap();
}

#[tokio::test]
async fn the_development_routes_are_for_the_local_user_or_an_admin() {
    let server = Server::start(true).await;
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static [u8])],
        u16,
    );
    let cases: &[Case] = &[
        // The local user (no token) and an administrator may; another user may not.
        ("GET", "/__dev/requests", &[], 200),
        (
            "GET",
            "/__dev/requests",
            &[(TOKEN, b"dev-token-admin")],
            200,
        ),
        (
            "GET",
            "/__dev/requests",
            &[(TOKEN, b"dev-token-data-scientist")],
            403,
        ),
        (
            "GET",
            "/__dev/faults",
            &[(TOKEN, b"dev-token-data-scientist")],
            403,
        ),
        (
            "POST",
            "/__dev/faults",
            &[(TOKEN, b"dev-token-data-scientist")],
            403,
        ),
        (
            "GET",
            "/__dev/as/admin",
            &[(TOKEN, b"dev-token-data-scientist")],
            403,
        ),
        // Whoever the browser acts as, the person at the keyboard is the local user.
        (
            "GET",
            "/__dev/requests",
            &[("cookie", b"obs-dev-user=dev-token-data-scientist")],
            200,
        ),
        // Only pages of this server, or the address bar; never another site.
        (
            "GET",
            "/__dev/requests",
            &[("sec-fetch-site", b"same-origin")],
            200,
        ),
        (
            "GET",
            "/__dev/as/admin",
            &[("sec-fetch-site", b"none")],
            303,
        ),
        (
            "GET",
            "/__dev/requests",
            &[("sec-fetch-site", b"cross-site")],
            403,
        ),
        (
            "GET",
            "/__dev/requests",
            &[("sec-fetch-site", b"same-site")],
            403,
        ),
        (
            "GET",
            "/__dev/as/admin",
            &[("sec-fetch-site", b"cross-site")],
            403,
        ),
        (
            "GET",
            "/__dev/as",
            &[("sec-fetch-site", b"cross-site")],
            403,
        ),
        (
            "POST",
            "/__dev/faults",
            &[("sec-fetch-site", b"cross-site")],
            403,
        ),
        (
            "POST",
            "/__dev/faults",
            &[("origin", b"http://evil.example")],
            403,
        ),
        ("POST", "/__dev/faults", &[("origin", b"null")], 403),
        // A change of faults is JSON, which no form of another site can send.
        (
            "POST",
            "/__dev/faults",
            &[("content-type", b"text/plain")],
            415,
        ),
        (
            "POST",
            "/__dev/faults",
            &[("content-type", b"application/x-www-form-urlencoded")],
            415,
        ),
        (
            "POST",
            "/__dev/faults",
            &[("content-type", b"multipart/form-data; boundary=x")],
            415,
        ),
        (
            "POST",
            "/__dev/faults",
            &[("content-type", b"application/json; charset=utf-8")],
            200,
        ),
    ];
    for (method, path, headers, expected) in cases {
        let (status, body) = server.call(method, path, headers).await;
        assert_eq!(
            status, *expected,
            "{method} {path} with {headers:?}: {body}"
        );
        if *expected >= 400 {
            let message: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert!(message["message"].as_str().is_some(), "{body}");
        }
    }
    // A refused change changed nothing.
    let (_, faults) = server.call("GET", "/__dev/faults", &[]).await;
    assert!(faults.contains("\"prometheusDelayMs\":0"), "{faults}");
    server.server.stop().await.unwrap();
}
