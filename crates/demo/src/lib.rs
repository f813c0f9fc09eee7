//! Demo ML workloads for the development backend: realistic, moving metrics of three projects,
//! their history for a backfill, and a managed real Prometheus holding both.
//!
//! The projects (Kubernetes namespaces) serve models with vLLM and OpenVINO Model Server, watch a
//! model's fairness with TrustyAI, train on GPUs and run a workbench; see `workloads::inventory`
//! for the story. Series carry the names and labels the real exporters use (vLLM, KServe's
//! `kserve_vllm:` copy, OVMS, DCGM, kube-state-metrics, cAdvisor, the kubelet, TrustyAI).
//!
//! Every value is a pure function of (series, time): counters are closed-form integrals of rates
//! and noise is hashed from the timestamp. So `exposition(t)` and the backfilled history agree
//! exactly at any `t`, and a scrape costs the same whatever the time.
//!
//! Layers: `signal` (rates, distributions, noise) → `workloads` (which series exist when, and
//! their value functions) → `catalog` (series grouped by family) → `format` (text exposition,
//! OpenMetrics history) → `prometheus` (the managed process).

mod catalog;
mod error;
mod format;
mod hash;
pub mod http;
mod prometheus;
mod signal;
mod workloads;

#[cfg(test)]
mod test_support;

use catalog::Span;
pub use error::{DemoError, Tool};
pub use prometheus::{ManagedPrometheus, PrometheusOptions, StartupTimings};
use workloads::inventory::{CUSTOMER_SUPPORT_LLM, FRAUD_DETECTION, VISION_TRAINING};

/// The demo projects (namespaces), in this order.
pub const PROJECTS: [&str; 3] = [FRAUD_DETECTION, CUSTOMER_SUPPORT_LLM, VISION_TRAINING];

/// Every demo series at `at_ms` (unix ms), in the Prometheus text exposition format 0.0.4
/// (what GET /metrics serves; no timestamps on samples).
pub fn exposition(at_ms: i64) -> String {
    format::text::render(&workloads::catalog(Span::instant(at_ms)), at_ms)
}

/// History for Prometheus' backfill: OpenMetrics text with explicit timestamps (seconds) for
/// every step `start_ms + k × step_ms` in `[start_ms, end_ms]`, one `# TYPE` per family, ending
/// with `# EOF`, suitable for `promtool tsdb create-blocks-from openmetrics`.
///
/// Fails with `InvalidInput` when `step_ms <= 0` or `end_ms < start_ms`. Pass a buffered writer:
/// a day of history is a few hundred megabytes.
pub fn write_openmetrics_history(
    out: &mut impl std::io::Write,
    start_ms: i64,
    end_ms: i64,
    step_ms: i64,
) -> std::io::Result<()> {
    let catalog = workloads::catalog(Span::new(start_ms, end_ms.saturating_add(1)));
    format::openmetrics::write_history(out, &catalog, start_ms, end_ms, step_ms)
}
