//! What the synthetic Prometheus answers: deterministic, plausible series for any PromQL, and a
//! few values for any label. The values mean nothing, only their amount and shape (smooth
//! curves with noise) matter.

use promql_parser::parser::{self, Expr, LabelModifier};
use serde_json::{Value, json};

/// How many series a range or instant query returns, and how many values a label has.
const SERIES_PER_QUERY: usize = 3;

/// The most points one range query answers, as Prometheus caps a query at 11,000 points.
const MAX_POINTS: usize = 11_000;

/// A range query's matrix.
pub(super) fn matrix(promql: &str, start_secs: f64, end_secs: f64, step_secs: f64) -> Value {
    let seed = hash(promql);
    let step_secs = step_secs.max(1.0);
    let span = ((end_secs - start_secs) / step_secs).floor();
    let points = if span.is_finite() && span >= 0.0 {
        (span as usize + 1).min(MAX_POINTS)
    } else {
        0
    };
    let result: Vec<Value> = (0..SERIES_PER_QUERY)
        .map(|index| {
            let values: Vec<Value> = (0..points)
                .map(|point| {
                    let time_secs = start_secs + point as f64 * step_secs;
                    json!([time_secs, format!("{}", value_at(seed, index, time_secs))])
                })
                .collect();
            json!({ "metric": labels(promql, index), "values": values })
        })
        .collect();
    success("matrix", result)
}

/// An instant query's vector: a variable's options for `group by (label) (…)`, else a value
/// per series.
pub(super) fn vector(promql: &str, time_secs: f64) -> Value {
    let seed = hash(promql);
    let result: Vec<Value> = match grouped_label(promql) {
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
                    "metric": labels(promql, index),
                    "value": [time_secs, format!("{}", value_at(seed, index, time_secs))]
                })
            })
            .collect(),
    };
    success("vector", result)
}

/// `/api/v1/label/<name>/values`: a few values of any label.
pub(super) fn label_values(name: &str) -> Value {
    let values: Vec<String> = (0..SERIES_PER_QUERY)
        .map(|index| label_value(name, index))
        .collect();
    json!({ "status": "success", "data": values })
}

/// `/api/v1/labels`: the names the series carry.
pub(super) fn label_names() -> Value {
    json!({ "status": "success", "data": LABEL_NAMES })
}

/// `/api/v1/series`: the label sets of a selector's series.
pub(super) fn series(selector: &str) -> Value {
    let sets: Vec<Value> = (0..SERIES_PER_QUERY)
        .map(|index| labels(selector, index))
        .collect();
    json!({ "status": "success", "data": sets })
}

/// The labels of a node-exporter-like series.
const LABEL_NAMES: [&str; 7] = [
    "instance",
    "job",
    "cpu",
    "mode",
    "device",
    "mountpoint",
    "fstype",
];

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
    for name in LABEL_NAMES {
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
