//! Helpers of the Prometheus tests: a local exporter, instant queries, and process checks.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use obs_demo::{ManagedPrometheus, exposition, http};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// Generous: the machine is shared and slow at times.
pub const PATIENCE: Duration = Duration::from_secs(90);

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Serves `GET /metrics` with `exposition(now)`, like the development backend does.
pub async fn start_exporter() -> (u16, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(read) => request.extend_from_slice(&buffer[..read]),
                    }
                }
                let (status, body) = if request.starts_with(b"GET /metrics ") {
                    ("200 OK", exposition(now_ms()))
                } else {
                    ("404 Not Found", String::new())
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\n\
                     Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
            });
        }
    });
    (port, task)
}

/// The `data.result` of an instant query at `at_ms`.
pub async fn query(prometheus: &ManagedPrometheus, promql: &str, at_ms: i64) -> Vec<Value> {
    let path = format!(
        "/api/v1/query?query={}&time={}.{:03}",
        http::encode_query_value(promql),
        at_ms / 1_000,
        at_ms % 1_000
    );
    let response = http::get(prometheus.port(), &path, Duration::from_secs(30))
        .await
        .unwrap();
    assert_eq!(response.status, 200, "{promql}: {}", response.body);
    let json: Value = serde_json::from_str(&response.body).unwrap();
    json["data"]["result"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// `{namespace → value}` of a vector grouped by namespace.
pub fn by_namespace(result: &[Value]) -> BTreeMap<String, f64> {
    result
        .iter()
        .map(|element| {
            let namespace = element["metric"]["namespace"].as_str().unwrap().to_owned();
            (
                namespace,
                element["value"][1].as_str().unwrap().parse().unwrap(),
            )
        })
        .collect()
}

/// `{namespace → sum}` of a family's samples in the generator's exposition at `at_ms`.
pub fn generator_sums(at_ms: i64, family: &str) -> BTreeMap<String, f64> {
    let mut sums = BTreeMap::new();
    for line in exposition(at_ms)
        .lines()
        .filter(|line| line.starts_with(&format!("{family}{{")))
    {
        let namespace = line
            .split("namespace=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let value: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
        *sums.entry(namespace.to_owned()).or_insert(0.0) += value;
    }
    sums
}

pub fn assert_close(actual: &BTreeMap<String, f64>, expected: &BTreeMap<String, f64>, what: &str) {
    assert_eq!(
        actual.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "{what}"
    );
    for (namespace, value) in expected {
        let difference = (actual[namespace] - value).abs();
        assert!(
            difference <= 1e-9 * value.abs().max(1.0),
            "{what} in {namespace}: {} vs {value}",
            actual[namespace]
        );
    }
}

/// The process is gone or a zombie about to be reaped.
pub fn process_ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
    }
}
