//! Identity: local mode, tokens, and 401 in each route family's shape.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use common::{ADMIN, Client, DEVELOPER, config, query_string, unreachable_prometheus};
use obs_devserver::RunningServer;

const ROUTES: [&str; 4] = [
    "/api/status",
    "/api/k8s/apis/project.openshift.io/v1/projects",
    "/api/k8s/apis/perses.dev/v1alpha2/namespaces/fraud-detection/persesdashboards",
    "/perses/api/api/v1/projects",
];

#[tokio::test]
async fn local_mode_runs_tokenless_requests_as_the_developer() {
    let server = RunningServer::start(config(unreachable_prometheus()))
        .await
        .unwrap();
    let client = Client::new(&server);
    let reply = client.get("/api/status", None).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["kube"]["userName"], "developer");
    assert_eq!(reply.body["kube"]["isAdmin"], false);
    let reply = client.get("/api/status", Some(ADMIN)).await;
    assert_eq!(reply.body["kube"]["userName"], "admin");
    assert_eq!(reply.body["kube"]["isAdmin"], true);

    // An unknown token is refused even in local mode.
    for path in ROUTES {
        let reply = client.get(path, Some("not-a-token")).await;
        assert_eq!(reply.status, 401, "{path}: {}", reply.text);
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn without_local_mode_a_token_is_required() {
    let mut config = config(unreachable_prometheus());
    config.local_user = false;
    let server = RunningServer::start(config).await.unwrap();
    let client = Client::new(&server);

    let reply = client.get("/api/status", None).await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.body["error"], "Unauthorized");
    assert!(
        reply
            .message()
            .contains("no x-forwarded-access-token header"),
        "{}",
        reply.text
    );

    let reply = client.get(ROUTES[1], None).await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.body["kind"], "Status");
    assert_eq!(reply.body["reason"], "Unauthorized");
    assert_eq!(reply.body["code"], 401);

    let reply = client.get(ROUTES[3], None).await;
    assert_eq!(reply.status, 401);
    assert!(
        reply.message().starts_with("unauthorized"),
        "{}",
        reply.text
    );

    let tenancy = query_string(&[("namespace", "fraud-detection"), ("query", "up")]);
    for route in ["query", "queryRange", "cluster/query", "cluster/queryRange"] {
        let reply = client.prometheus(route, None, &tenancy).await;
        assert_eq!(reply.status, 401, "{route}: {}", reply.text);
        assert_eq!(reply.body["statusCode"], 401);
    }

    // With a token everything answers.
    for path in ROUTES {
        let reply = client.get(path, Some(DEVELOPER)).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    }
    server.stop().await.unwrap();
}
