//! `/__dev/as/<user>`: a browser acts as a user of the RBAC file (a cookie standing for the
//! OAuth proxy's), and goes back to the local user. No Prometheus is needed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use common::{config, unreachable_prometheus};
use obs_devserver::RunningServer;

#[tokio::test]
async fn a_browser_logs_in_as_another_user() {
    let server = RunningServer::start(config(unreachable_prometheus()))
        .await
        .unwrap();
    let base = server.url();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str, cookie: Option<&str>| {
        let mut request = client.get(format!("{base}{path}"));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    let header = |response: &reqwest::Response, name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };

    let login = get(
        "/__dev/as/admin?to=/observe-and-monitor/observability",
        None,
    )
    .await
    .unwrap();
    assert_eq!(login.status(), 303);
    assert_eq!(
        header(&login, "location"),
        "/observe-and-monitor/observability"
    );
    let cookie = header(&login, "set-cookie");
    assert!(
        cookie.starts_with("obs-dev-user=dev-token-admin;"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_owned();

    let with_cookie = format!("theme=dark; {pair}");
    let text = get("/api/status", Some(&with_cookie))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let status: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(status["kube"]["userName"], "admin");
    assert_eq!(status["kube"]["isAdmin"], true);
    // Without the cookie, the local user.
    let status: serde_json::Value = serde_json::from_str(
        &get("/api/status", None)
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(status["kube"]["userName"], "developer");
    // A cookie with a token nobody has is refused, as an unknown token is.
    let stale = get("/api/status", Some("obs-dev-user=expired"))
        .await
        .unwrap();
    assert_eq!(stale.status(), 401);

    assert_eq!(get("/__dev/as/nobody", None).await.unwrap().status(), 404);
    for to in ["//evil.example", "https://evil.example", "/\\evil"] {
        let response = get(&format!("/__dev/as/admin?to={to}"), None)
            .await
            .unwrap();
        assert_eq!(header(&response, "location"), "/", "{to}");
    }
    let logout = get("/__dev/as", None).await.unwrap();
    assert_eq!(logout.status(), 303);
    assert!(header(&logout, "set-cookie").contains("Max-Age=0"));
    server.stop().await.unwrap();
}
