//! Faults: Prometheus down or silent, oversized and malformed bodies. No Prometheus is
//! started; the upstream is a closed port or a listener that never answers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::time::Duration;

use common::{Client, DEVELOPER, config, query_string, unreachable_prometheus};
use obs_devserver::{PrometheusSource, RunningServer};
use serde_json::json;
use tokio::net::TcpListener;

fn tenancy_query() -> String {
    query_string(&[("namespace", "fraud-detection"), ("query", "up")])
}

#[tokio::test]
async fn prometheus_down_is_503() {
    let server = RunningServer::start(config(unreachable_prometheus()))
        .await
        .unwrap();
    let client = Client::new(&server);
    for route in ["query", "queryRange"] {
        let reply = client
            .prometheus(route, Some(DEVELOPER), &tenancy_query())
            .await;
        assert_eq!(reply.status, 503, "{route}: {}", reply.text);
        assert_eq!(reply.body["statusCode"], 503);
        assert_eq!(reply.body["error"], "Service Unavailable");
        assert!(
            reply
                .message()
                .contains("Prometheus is unreachable at http://127.0.0.1:"),
            "{}",
            reply.text
        );
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn silent_prometheus_times_out_with_504() {
    // Accepts connections and never answers: a hung Prometheus.
    let silent = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", silent.local_addr().unwrap());
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            held.push(socket);
        }
    });
    let mut config = config(PrometheusSource::External { url });
    config.prometheus_timeout = Duration::from_millis(500);
    let server = RunningServer::start(config).await.unwrap();
    let reply = Client::new(&server)
        .prometheus("query", Some(DEVELOPER), &tenancy_query())
        .await;
    assert_eq!(reply.status, 504, "{}", reply.text);
    assert_eq!(reply.body["error"], "Gateway Timeout");
    assert!(
        reply.message().contains("did not answer within 0.5 s"),
        "{}",
        reply.text
    );
    server.stop().await.unwrap();
    holder.abort();
}

#[tokio::test]
async fn bodies_are_read_as_fastify_reads_them() {
    let mut config = config(unreachable_prometheus());
    config.body_limit_bytes = 64 * 1024;
    let server = RunningServer::start(config).await.unwrap();
    let client = Client::new(&server);
    let path = "/api/prometheus/query";

    let oversized = json!({"query": "x".repeat(65 * 1024)}).to_string();
    let reply = client
        .post_raw(path, Some(DEVELOPER), "application/json", oversized)
        .await;
    assert_eq!(reply.status, 413, "{}", reply.text);
    assert_eq!(reply.body["code"], "FST_ERR_CTP_BODY_TOO_LARGE");
    assert!(reply.message().contains("too large"), "{}", reply.text);

    let reply = client
        .post_raw(path, Some(DEVELOPER), "text/plain", tenancy_query())
        .await;
    assert_eq!(reply.status, 415, "{}", reply.text);
    assert_eq!(reply.message(), "Unsupported Media Type: text/plain");

    let reply = client
        .post_raw(
            path,
            Some(DEVELOPER),
            "application/json",
            "{\"query\": ".to_owned(),
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert!(
        reply.message().starts_with("Body is not valid JSON"),
        "{}",
        reply.text
    );

    for body in [json!({}), json!({"query": ""}), json!({"query": 5})] {
        let reply = client.post(path, Some(DEVELOPER), &body).await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.text);
        assert_eq!(reply.message(), "Failed to provide a query");
    }
    let reply = client
        .post_raw(path, Some(DEVELOPER), "application/json", String::new())
        .await;
    assert_eq!(
        (reply.status, reply.message().as_str()),
        (400, "Failed to provide a query")
    );
    server.stop().await.unwrap();
}

#[tokio::test]
async fn a_managed_prometheus_that_cannot_start_is_a_clear_error() {
    // The port is taken, so the managed Prometheus cannot listen.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let config = config(PrometheusSource::Managed {
        port,
        backfill_secs: 0,
    });
    let error = RunningServer::start(config).await.unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the managed Prometheus did not start"),
        "{error}"
    );
}

/// A Prometheus answer past the backend's bound is an error that says how to narrow the query,
/// read no further than the bound: the backend's memory stays bounded whatever a query matches.
#[tokio::test]
async fn an_oversized_prometheus_answer_is_422() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let huge = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", huge.local_addr().unwrap());
    let answering = tokio::spawn(async move {
        while let Ok((mut socket, _)) = huge.accept().await {
            tokio::spawn(async move {
                let mut request = vec![0; 64 * 1024];
                let _ = socket.read(&mut request).await;
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                            transfer-encoding: chunked\r\n\r\n";
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                // An endless answer, one mebibyte at a time.
                let chunk = format!("100000\r\n{}\r\n", " ".repeat(0x10_0000));
                while socket.write_all(chunk.as_bytes()).await.is_ok() {}
            });
        }
    });
    let server = RunningServer::start(config(PrometheusSource::External { url }))
        .await
        .unwrap();
    let reply = Client::new(&server)
        .prometheus("query", Some(DEVELOPER), &tenancy_query())
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert!(
        reply.message().contains("narrow the query"),
        "{}",
        reply.text
    );
    server.stop().await.unwrap();
    answering.abort();
}

#[tokio::test]
async fn a_slow_cluster_api_is_injected_and_cleared() {
    let server = RunningServer::start(config(unreachable_prometheus()))
        .await
        .unwrap();
    let client = Client::new(&server);
    let projects = "/api/k8s/apis/project.openshift.io/v1/projects";
    let set = client
        .post("/__dev/faults", None, &json!({"kubernetesDelayMs": 400}))
        .await;
    assert_eq!(set.status, 200, "{}", set.text);
    assert_eq!(set.body["kubernetesDelayMs"], 400);
    assert_eq!(set.body["prometheusDelayMs"], 0, "left alone");
    let started = std::time::Instant::now();
    let reply = client.get(projects, Some(DEVELOPER)).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "not delayed"
    );
    let cleared = client
        .post("/__dev/faults", None, &json!({"kubernetesDelayMs": 0}))
        .await;
    assert_eq!(cleared.body["kubernetesDelayMs"], 0);
    server.stop().await.unwrap();
}
