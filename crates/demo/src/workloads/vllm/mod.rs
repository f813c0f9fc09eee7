//! vLLM model servers (KServe InferenceServices): requests by finish reason, tokens, latency
//! histograms, queue and KV cache, in both the `vllm:` family (as vLLM exposes it) and the
//! `kserve_vllm:` family (KServe's relabelled copy, which the ODH Perses dashboards query).

mod replica;

use std::sync::Arc;

use crate::catalog::{Catalog, Labels};
use crate::hash;
use crate::signal::{LogNormal, noise, round_to, secs};

use super::cluster::{Placement, Pod};
use super::gpu;
use super::kube;
use super::schedule::Schedule;
use replica::{FinishedReason, Replica};

/// One InferenceService served by vLLM; its name is also the served `model_name`.
#[derive(Debug)]
pub(crate) struct VllmService {
    pub(crate) name: &'static str,
    pub(crate) placement: Placement,
    pub(crate) replicas: u32,
    /// GPU index of replica 0 on its node; replica `n` holds `first_gpu + n`.
    pub(crate) first_gpu: u32,
    pub(crate) rollouts: Schedule,
    pub(crate) profile: VllmProfile,
}

/// The traffic one replica sees.
#[derive(Debug)]
pub(crate) struct VllmProfile {
    /// Mean requests per second over a day.
    pub(crate) requests_per_sec: f64,
    /// Relative swing of the daily cycle (at most 0.6 so the rate stays positive).
    pub(crate) daily_amplitude: f64,
    pub(crate) peak_hour_utc: f64,
    pub(crate) short: RequestRegime,
    pub(crate) long: RequestRegime,
    /// Sequences the engine runs at once; beyond it requests wait.
    pub(crate) max_running: f64,
    pub(crate) incidents: Incidents,
}

/// A kind of request: its share, latencies and token counts.
#[derive(Debug)]
pub(crate) struct RequestRegime {
    pub(crate) share: f64,
    pub(crate) e2e_seconds: LogNormal,
    pub(crate) ttft_seconds: LogNormal,
    pub(crate) prompt_tokens: f64,
    pub(crate) generation_tokens: f64,
}

/// Recurring incidents: clients abort, the engine errors and slow requests pile up.
#[derive(Debug)]
pub(crate) struct Incidents {
    pub(crate) every_hours: f64,
    pub(crate) minutes: f64,
    pub(crate) aborts_per_sec: f64,
    pub(crate) errors_per_sec: f64,
    pub(crate) extra_long_per_sec: f64,
}

/// Which copy of the metric names.
#[derive(Clone, Copy, Debug)]
enum Prefix {
    Vllm,
    KserveVllm,
}

impl Prefix {
    fn as_str(self) -> &'static str {
        match self {
            Self::Vllm => "vllm:",
            Self::KserveVllm => "kserve_vllm:",
        }
    }
}

/// Adds every replica of every rollout of the service that is alive in the catalog's window.
pub(crate) fn add(catalog: &mut Catalog, service: &'static VllmService) {
    let deployment = format!("{}-predictor", service.name);
    for lifetime in service.rollouts.lifetimes(catalog.window()) {
        for replica_index in 0..service.replicas {
            let pod = Pod::of_deployment(
                service.placement,
                &deployment,
                lifetime.index,
                replica_index,
                lifetime.alive,
            );
            let replica = Arc::new(Replica::new(service, pod.seed));
            kube::add_pod(catalog, &pod, replica.usage());
            let for_gpu = Arc::clone(&replica);
            gpu::add_gpu(
                catalog,
                &pod,
                service.first_gpu + replica_index,
                Arc::new(move |t_secs| for_gpu.gpu_load(t_secs)),
            );
            for prefix in [Prefix::Vllm, Prefix::KserveVllm] {
                add_series(catalog, service, &pod, &replica, prefix);
            }
        }
    }
}

fn add_series(
    catalog: &mut Catalog,
    service: &VllmService,
    pod: &Pod,
    replica: &Arc<Replica>,
    prefix: Prefix,
) {
    let prefix = prefix.as_str();
    let labels = Labels::scraped(
        format!("{}-metrics", service.name),
        format!("{}:8080", pod.ip),
    )
    .with("namespace", pod.namespace)
    .with("pod", pod.name.as_str())
    .with("container", pod.container.name)
    .with("model_name", service.name)
    .with("engine", "0");
    let since_secs = secs(pod.alive.start_ms);
    let alive = pod.alive;

    for reason in FinishedReason::ALL {
        let replica = Arc::clone(replica);
        catalog.counter(
            &format!("{prefix}request_success_total"),
            "Count of successfully processed requests.",
            &labels.clone().with("finished_reason", reason.as_str()),
            alive,
            move |at_ms| replica.finished(reason, since_secs, secs(at_ms)),
        );
    }
    let tokens = |pick: fn(&RequestRegime) -> f64| {
        let replica = Arc::clone(replica);
        move |at_ms| {
            let (short, long) = replica.requests(since_secs, secs(at_ms));
            (short * pick(&replica.profile.short) + long * pick(&replica.profile.long)).floor()
        }
    };
    catalog.counter(
        &format!("{prefix}prompt_tokens_total"),
        "Number of prefill tokens processed.",
        &labels,
        alive,
        tokens(|regime| regime.prompt_tokens),
    );
    catalog.counter(
        &format!("{prefix}generation_tokens_total"),
        "Number of generation tokens processed.",
        &labels,
        alive,
        tokens(|regime| regime.generation_tokens),
    );
    catalog.histogram(
        &format!("{prefix}e2e_request_latency_seconds"),
        "Histogram of end to end request latency in seconds.",
        &labels,
        alive,
        &replica.e2e,
    );
    catalog.histogram(
        &format!("{prefix}time_to_first_token_seconds"),
        "Histogram of time to first token in seconds.",
        &labels,
        alive,
        &replica.ttft,
    );
    catalog.histogram(
        &format!("{prefix}time_per_output_token_seconds"),
        "Histogram of time per output token in seconds.",
        &labels,
        alive,
        &replica.tpot,
    );
    add_gauges(catalog, prefix, &labels, pod, replica);
}

fn add_gauges(
    catalog: &mut Catalog,
    prefix: &str,
    labels: &Labels,
    pod: &Pod,
    replica: &Arc<Replica>,
) {
    let running = Arc::clone(replica);
    catalog.gauge(
        &format!("{prefix}num_requests_running"),
        "Number of requests in model execution batches.",
        labels,
        pod.alive,
        move |at_ms| {
            running
                .demand(secs(at_ms))
                .min(running.profile.max_running)
                .round()
        },
    );
    let waiting = Arc::clone(replica);
    catalog.gauge(
        &format!("{prefix}num_requests_waiting"),
        "Number of requests waiting to be processed.",
        labels,
        pod.alive,
        // Requests beyond the batch limit queue up; arrivals keep coming while they wait.
        move |at_ms| {
            ((waiting.demand(secs(at_ms)) - waiting.profile.max_running).max(0.0) * 1.5).round()
        },
    );
    let cache = Arc::clone(replica);
    catalog.gauge(
        &format!("{prefix}gpu_cache_usage_perc"),
        "GPU KV-cache usage. 1 means 100 percent usage.",
        labels,
        pod.alive,
        move |at_ms| {
            let t_secs = secs(at_ms);
            let usage = 0.02
                + 0.93 * cache.load(t_secs)
                + 0.02 * noise::smooth(hash::mix(cache.seed, 10), t_secs, 20.0);
            round_to(usage.clamp(0.0, 1.0), 4)
        },
    );
}
