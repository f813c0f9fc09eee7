//! The development-only helpers: the request log and injected Prometheus latency.

use std::time::Duration;

use serde_json::{Value, json};

use super::Live;
use super::common::{DEVELOPER, query_string};

pub async fn run(live: &Live) {
    request_log(live).await;
    delay_and_aborted_requests(live).await;
}

async fn request_log(live: &Live) {
    let body = query_string(&[
        ("namespace", "fraud-detection"),
        ("query", "count(kube_pod_info)"),
        ("time", &live.time),
        ("extra", "1"),
    ]);
    let reply = live
        .server
        .prometheus("query", Some(DEVELOPER), &body)
        .await;
    assert_eq!(reply.status, 200);
    let log = live.server.get("/__dev/requests", None).await.body;
    let records = log.as_array().unwrap();
    assert!(records.len() <= obs_devserver::request_log::CAPACITY);
    let last = records.last().unwrap();
    assert_eq!(last["method"], "POST");
    assert_eq!(last["path"], "/api/prometheus/query");
    assert_eq!(last["status"], 200);
    assert_eq!(last["aborted"], false);
    assert_eq!(last["user"], "developer");
    assert!(last["duration_ms"].is_u64());
    assert_eq!(
        last["params"],
        json!({"namespace": "fraud-detection", "query": "count(kube_pod_info)", "time": live.time, "ignored": ["extra"]})
    );
    // GET parameters are recorded too; the log itself is not.
    live.server
        .get(
            "/api/k8s/apis/project.openshift.io/v1/projects?limit=5",
            None,
        )
        .await;
    let log = live.server.get("/__dev/requests", None).await.body;
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["params"], json!({"limit": "5"}));
    assert_eq!(last["status"], 200);
}

async fn delay_and_aborted_requests(live: &Live) {
    let set = |delay_ms: u64| async move {
        live.server
            .post(
                "/__dev/faults",
                None,
                &json!({"prometheusDelayMs": delay_ms}),
            )
            .await
    };
    let reply = set(300).await;
    assert_eq!(
        reply.body,
        json!({"prometheusDelayMs": 300, "kubernetesDelayMs": 0, "missingFiles": []})
    );
    let reply = live.server.get("/__dev/faults", None).await;
    assert_eq!(reply.body["prometheusDelayMs"], 300);
    let body = query_string(&[("namespace", "fraud-detection"), ("query", "up")]);
    let reply = live
        .server
        .prometheus("query", Some(DEVELOPER), &body)
        .await;
    assert_eq!(
        reply.status, 200,
        "a delayed query still answers: {}",
        reply.text
    );

    // A client that gives up long before the delay ends: the server sees it go away.
    set(5_000).await;
    let marker = "count(kube_pod_info) + 0";
    let body = query_string(&[("namespace", "fraud-detection"), ("query", marker)]);
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let result = impatient
        .post(format!("{}/api/prometheus/query", live.server.base))
        .header("content-type", "application/json")
        .body(json!({"query": body}).to_string())
        .send()
        .await;
    assert!(result.is_err(), "the client should have timed out");
    let aborted = poll_for_record(live, marker).await;
    assert_eq!(aborted["aborted"], true, "{aborted}");
    assert_eq!(aborted["status"], Value::Null);

    let reply = set(0).await;
    assert_eq!(reply.body["prometheusDelayMs"], 0);
    let reply = live
        .server
        .post("/__dev/faults", None, &json!({"delay": 1}))
        .await;
    assert_eq!(reply.status, 400);
}

/// Waits (generously) until the request log holds the request with this PromQL.
async fn poll_for_record(live: &Live, promql: &str) -> Value {
    for _ in 0..300 {
        let log = live.server.get("/__dev/requests", None).await.body;
        if let Some(record) = log
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|record| record["params"]["query"] == promql)
        {
            return record.clone();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no record of the aborted request");
}
