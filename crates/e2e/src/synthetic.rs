//! A stand-in Prometheus for the benchmark: it answers any PromQL with deterministic,
//! plausible series, so every panel of a large dashboard (the NodeExporter one has no data in
//! the demo workloads) draws real work. Variable queries (`group by (label) (…)`) get a few
//! values of their label.
//!
//! It is a load generator, not an emulator: the values mean nothing, only their amount and
//! shape (smooth curves with noise) matter.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use axum::Router;
use axum::extract::Query;
use axum::routing::get;
use promql_parser::parser::{self, Expr, LabelModifier};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// How many series a range or instant query returns.
const SERIES_PER_QUERY: usize = 3;

/// A running synthetic Prometheus.
pub struct SyntheticPrometheus {
    pub url: String,
    shutdown: Option<oneshot::Sender<()>>,
}

impl SyntheticPrometheus {
    /// Listens on a free loopback port.
    pub async fn start() -> Result<Self, String> {
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .map_err(|error| error.to_string())?;
        let address = listener.local_addr().map_err(|error| error.to_string())?;
        let app = Router::new()
            .route("/api/v1/query_range", get(query_range))
            .route("/api/v1/query", get(query));
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
            shutdown: Some(shutdown),
        })
    }
}

impl Drop for SyntheticPrometheus {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

async fn query_range(Query(params): Query<BTreeMap<String, String>>) -> axum::Json<Value> {
    let number = |name: &str| {
        params
            .get(name)
            .and_then(|text| text.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (start_secs, end_secs) = (number("start"), number("end"));
    let step_secs = number("step").max(1.0);
    let promql = params.get("query").cloned().unwrap_or_default();
    let seed = hash(&promql);
    let points = (((end_secs - start_secs) / step_secs).floor() as usize + 1).min(11_000);
    let result: Vec<Value> = (0..SERIES_PER_QUERY)
        .map(|index| {
            let values: Vec<Value> = (0..points)
                .map(|point| {
                    let time_secs = start_secs + point as f64 * step_secs;
                    json!([time_secs, format!("{}", value_at(seed, index, time_secs))])
                })
                .collect();
            json!({ "metric": labels(&promql, index), "values": values })
        })
        .collect();
    axum::Json(success("matrix", result))
}

async fn query(Query(params): Query<BTreeMap<String, String>>) -> axum::Json<Value> {
    let promql = params.get("query").cloned().unwrap_or_default();
    let time_secs = params
        .get("time")
        .and_then(|text| text.parse::<f64>().ok())
        .unwrap_or(1_700_000_000.0);
    let seed = hash(&promql);
    let result: Vec<Value> = match grouped_label(&promql) {
        // A variable's options: a few values of the label it lists.
        Some(label) => (0..SERIES_PER_QUERY)
            .map(|index| {
                json!({
                    "metric": { label.clone(): label_value(&label, index) },
                    "value": [time_secs, "1"]
                })
            })
            .collect(),
        None => (0..SERIES_PER_QUERY)
            .map(|index| {
                json!({
                    "metric": labels(&promql, index),
                    "value": [time_secs, format!("{}", value_at(seed, index, time_secs))]
                })
            })
            .collect(),
    };
    axum::Json(success("vector", result))
}

fn success(result_type: &str, result: Vec<Value>) -> Value {
    json!({ "status": "success", "data": { "resultType": result_type, "result": result } })
}

/// The label of `group by (label) (…)`, the shape of variable queries.
fn grouped_label(promql: &str) -> Option<String> {
    let Ok(Expr::Aggregate(aggregate)) = parser::parse(promql) else {
        return None;
    };
    if aggregate.op.to_string() != "group" {
        return None;
    }
    match aggregate.modifier {
        Some(LabelModifier::Include(labels)) => labels.labels.first().cloned(),
        _ => None,
    }
}

/// Labels a node-exporter-like series would carry, varied per series.
fn labels(promql: &str, index: usize) -> Value {
    let mut labels = serde_json::Map::new();
    for name in [
        "instance",
        "job",
        "cpu",
        "mode",
        "device",
        "mountpoint",
        "fstype",
    ] {
        labels.insert(name.to_owned(), Value::String(label_value(name, index)));
    }
    labels.insert(
        "__bench_query".to_owned(),
        Value::String(format!("{:x}", hash(promql) % 4096)),
    );
    Value::Object(labels)
}

fn label_value(name: &str, index: usize) -> String {
    match name {
        "instance" => format!("node-{}:9100", index + 1),
        "job" => "node".to_owned(),
        "cpu" => index.to_string(),
        "mode" => ["user", "system", "idle", "iowait"][index % 4].to_owned(),
        "device" => ["sda", "sdb", "eth0", "eth1"][index % 4].to_owned(),
        "mountpoint" => ["/", "/var", "/home", "/data"][index % 4].to_owned(),
        "fstype" => "ext4".to_owned(),
        _ => format!("{name}-{}", index + 1),
    }
}

/// A smooth curve with a daily shape and some noise, positive, scaled per query.
fn value_at(seed: u64, index: usize, time_secs: f64) -> f64 {
    let scale = 1.0 + (seed % 1000) as f64;
    let phase = (seed % 360) as f64 + index as f64 * 40.0;
    let slow = ((time_secs / 86_400.0) * std::f64::consts::TAU + phase).sin();
    let fast = ((time_secs / 600.0) + phase).sin() * 0.2;
    let noise =
        ((hash_u64(seed ^ (time_secs as u64) ^ index as u64) % 1000) as f64 / 1000.0 - 0.5) * 0.1;
    let value = scale * (1.5 + slow + fast + noise) / (index as f64 + 1.0);
    (value * 1000.0).round() / 1000.0
}

fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn hash_u64(value: u64) -> u64 {
    let mut x = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
