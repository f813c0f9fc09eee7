//! The core's histogram quantiles against Prometheus' own `histogram_quantile`, over the demo
//! workloads' real bucket layouts: the heat map's quantile lines are computed in the browser
//! from the same buckets, and must say what Prometheus says.

use obs_core::histogram::{quantile, split_classic};
use obs_core::prometheus::{QueryResult, decode_odh_reply};

use super::Live;
use super::common::query_string;

/// Classic histograms of the demo workloads, one per bucket layout.
const HISTOGRAMS: [&str; 4] = [
    "vllm:time_to_first_token_seconds_bucket",
    "vllm:e2e_request_latency_seconds_bucket",
    "vllm:time_per_output_token_seconds_bucket",
    "ovms_request_time_us_bucket",
];

pub async fn run(live: &Live) {
    let end: i64 = live.time.parse().unwrap();
    let start = end - 3600;
    for metric in HISTOGRAMS {
        let buckets = format!("sum by (le) (rate({metric}[5m]))");
        let result = range(live, &buckets, start, end).await;
        let (histograms, ignored) = split_classic(0, &result.series, None);
        assert_eq!(
            (histograms.len(), ignored),
            (1, 0),
            "{metric}: one histogram"
        );
        let histogram = &histograms[0];
        for q in [0.5, 0.9, 0.99] {
            let expected = range(
                live,
                &format!("histogram_quantile({q}, {buckets})"),
                start,
                end,
            )
            .await;
            let samples = &expected.series[0].samples;
            let mut compared = 0;
            for sample in samples.iter() {
                let Ok(time) = histogram.times_ms.binary_search(&sample.time_ms) else {
                    continue;
                };
                let ours = quantile(q, &histogram.cumulative_at(time));
                let theirs = sample.value;
                let same = (ours.is_nan() && theirs.is_nan())
                    || (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1e-12);
                assert!(
                    same,
                    "{metric} q={q} at {}: ours {ours}, Prometheus {theirs}",
                    sample.time_ms
                );
                compared += 1;
            }
            assert!(
                compared > 50,
                "{metric} q={q}: only {compared} points compared"
            );
        }
    }
}

/// A range query straight to Prometheus (1-minute steps), decoded by the core.
async fn range(live: &Live, promql: &str, start: i64, end: i64) -> QueryResult {
    let query = query_string(&[
        ("query", promql),
        ("start", &start.to_string()),
        ("end", &end.to_string()),
        ("step", "60"),
    ]);
    let reply = live
        .prometheus
        .get(&format!("/api/v1/query_range?{query}"), None)
        .await;
    assert_eq!(reply.status, 200, "{promql}: {}", reply.text);
    // The core decodes the ODH backend's envelope; Prometheus' own reply is what it wraps.
    let body = format!(r#"{{"code":200,"response":{}}}"#, reply.text);
    decode_odh_reply(200, &body).unwrap_or_else(|error| panic!("{promql}: {error}"))
}
