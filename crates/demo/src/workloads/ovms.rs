//! OpenVINO Model Server (a KServe InferenceService with the OVMS runtime): request counters by
//! interface and method, and the request and inference time histograms in microseconds.

use std::sync::Arc;

use crate::catalog::{Catalog, Labels};
use crate::hash;
use crate::signal::histogram::LeStyle;
use crate::signal::{
    Buckets, LatencyHistogram, LogNormal, Rate, Recurrence, SECS_PER_HOUR, noise, secs,
};

use super::cluster::{Placement, Pod};
use super::kube::{self, PodUsage};
use super::schedule::Schedule;

/// One InferenceService served by OVMS; its name is the model's `name` label.
#[derive(Debug)]
pub(crate) struct OvmsService {
    pub(crate) name: &'static str,
    pub(crate) version: &'static str,
    pub(crate) placement: Placement,
    pub(crate) rollouts: Schedule,
    pub(crate) profile: OvmsProfile,
}

/// The traffic of the model server.
#[derive(Debug)]
pub(crate) struct OvmsProfile {
    /// Mean inference requests per second over REST (the web application).
    pub(crate) rest_per_sec: f64,
    /// Mean inference requests per second over gRPC (a batch scoring service, flatter).
    pub(crate) grpc_per_sec: f64,
    pub(crate) daily_amplitude: f64,
    pub(crate) peak_hour_utc: f64,
    /// Share of slow requests (cold caches, large payloads).
    pub(crate) slow_share: f64,
    pub(crate) fast_request_us: LogNormal,
    pub(crate) slow_request_us: LogNormal,
    pub(crate) fast_inference_us: LogNormal,
    pub(crate) slow_inference_us: LogNormal,
    /// Share of inference requests that fail outside incidents (bad payloads).
    pub(crate) failure_share: f64,
    pub(crate) incident_every_hours: f64,
    pub(crate) incident_minutes: f64,
    pub(crate) incident_failures_per_sec: f64,
    /// Readiness probes per second (KServe's `modelready` calls).
    pub(crate) probes_per_sec: f64,
}

/// `interface` label: how a request reached the server.
#[derive(Clone, Copy, Debug)]
enum Interface {
    Rest,
    Grpc,
}

impl Interface {
    fn as_str(self) -> &'static str {
        match self {
            Self::Rest => "rest",
            Self::Grpc => "grpc",
        }
    }
}

/// `method` label: the KServe v2 call.
#[derive(Clone, Copy, Debug)]
enum Method {
    ModelInfer,
    ModelReady,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Self::ModelInfer => "modelinfer",
            Self::ModelReady => "modelready",
        }
    }
}

/// OVMS' time buckets in microseconds.
static TIME_BUCKETS_US: Buckets = Buckets::new(&TIME_BOUNDS_US, LeStyle::Integer);
static TIME_BOUNDS_US: [f64; 33] = time_bounds_us();

/// 10 × 1.8ⁿ µs, truncated to whole microseconds, for n in 0..33 (10 µs to about 25 minutes).
const fn time_bounds_us() -> [f64; 33] {
    let mut bounds = [0.0; 33];
    let mut bound: f64 = 10.0;
    let mut index = 0;
    while index < bounds.len() {
        bounds[index] = (bound as i64) as f64;
        bound *= 1.8;
        index += 1;
    }
    bounds
}

/// Adds the model server's pods and series alive in the catalog's window.
pub(crate) fn add(catalog: &mut Catalog, service: &'static OvmsService) {
    let deployment = format!("{}-predictor", service.name);
    for lifetime in service.rollouts.lifetimes(catalog.window()) {
        let pod = Pod::of_deployment(
            service.placement,
            &deployment,
            lifetime.index,
            0,
            lifetime.alive,
        );
        let server = Server::new(service, pod.seed);
        kube::add_pod(catalog, &pod, Server::usage(&service.profile, pod.seed));
        add_series(catalog, service, &pod, &server);
    }
}

/// The request rates of one server pod.
struct Server {
    probes: Rate,
    rest_failures: Rate,
    grpc_failures: Rate,
    request_time: [Arc<LatencyHistogram>; 2],
    inference_time: Arc<LatencyHistogram>,
}

impl Server {
    fn new(service: &OvmsService, pod_seed: u64) -> Self {
        let profile = &service.profile;
        let service_seed = hash::seed_of(service.name);
        let split = |per_sec: f64, daily_amplitude: f64, seed: i64| {
            let fast = Rate::constant(per_sec * (1.0 - profile.slow_share))
                .daily(daily_amplitude, profile.peak_hour_utc)
                .wobbles(0.1, hash::mix(service_seed, seed))
                .jitter(0.2, 60.0, hash::mix(pod_seed, seed));
            let slow = Rate::constant(per_sec * profile.slow_share)
                .daily((daily_amplitude * 1.5).min(0.65), profile.peak_hour_utc)
                .jitter(0.2, 60.0, hash::mix(pod_seed, seed + 1));
            (fast, slow)
        };
        let rest = split(profile.rest_per_sec, profile.daily_amplitude, 10);
        // Batch scoring runs around the clock: a much flatter day.
        let grpc = split(profile.grpc_per_sec, profile.daily_amplitude * 0.2, 20);
        let incidents = Recurrence::hashed(
            profile.incident_every_hours * SECS_PER_HOUR,
            profile.incident_minutes * 60.0,
            hash::mix(service_seed, 30),
        );
        let failures = |per_sec: f64, extra_per_sec: f64| {
            Rate::constant(per_sec * profile.failure_share).during(extra_per_sec, incidents)
        };
        let request_time = |(fast, slow): &(Rate, Rate)| {
            Arc::new(LatencyHistogram::new(
                &TIME_BUCKETS_US,
                vec![
                    (fast.clone(), profile.fast_request_us),
                    (slow.clone(), profile.slow_request_us),
                ],
                0,
            ))
        };
        let inference_time = Arc::new(LatencyHistogram::new(
            &TIME_BUCKETS_US,
            vec![
                (rest.0.clone(), profile.fast_inference_us),
                (rest.1.clone(), profile.slow_inference_us),
                (grpc.0.clone(), profile.fast_inference_us),
                (grpc.1.clone(), profile.slow_inference_us),
            ],
            0,
        ));
        Self {
            request_time: [request_time(&rest), request_time(&grpc)],
            rest_failures: failures(profile.rest_per_sec, profile.incident_failures_per_sec),
            grpc_failures: failures(
                profile.grpc_per_sec,
                profile.incident_failures_per_sec * 0.25,
            ),
            probes: Rate::constant(profile.probes_per_sec),
            inference_time,
        }
    }

    /// CPU grows with traffic: pre- and post-processing run on the CPU, next to inference.
    fn usage(profile: &OvmsProfile, pod_seed: u64) -> PodUsage {
        PodUsage {
            cpu_cores: Rate::constant(0.2 + 0.012 * (profile.rest_per_sec + profile.grpc_per_sec))
                .daily(profile.daily_amplitude * 0.8, profile.peak_hour_utc)
                .jitter(0.25, 30.0, hash::mix(pod_seed, 40)),
            memory_bytes: Box::new(move |t_secs| {
                1.18e9 + 4.0e7 * noise::smooth(hash::mix(pod_seed, 41), t_secs, 600.0)
            }),
        }
    }
}

fn add_series(catalog: &mut Catalog, service: &OvmsService, pod: &Pod, server: &Server) {
    let base = Labels::scraped(
        format!("{}-metrics", service.name),
        format!("{}:8888", pod.ip),
    )
    .with("namespace", pod.namespace)
    .with("pod", pod.name.as_str())
    .with("container", pod.container.name)
    .with("name", service.name)
    .with("version", service.version);
    let since_secs = secs(pod.alive.start_ms);
    let requests = [
        (
            Interface::Rest,
            Method::ModelInfer,
            &server.request_time[0],
            Some(&server.rest_failures),
        ),
        (
            Interface::Grpc,
            Method::ModelInfer,
            &server.request_time[1],
            Some(&server.grpc_failures),
        ),
        (
            Interface::Rest,
            Method::ModelReady,
            &server.request_time[0],
            None,
        ),
    ];
    for (interface, method, histogram, failures) in requests {
        let labels = base
            .clone()
            .with("interface", interface.as_str())
            .with("method", method.as_str())
            .with("protocol", "kserve");
        // Successful inference calls are exactly the observations of the request histogram.
        let success: Box<dyn Fn(i64) -> f64 + Send + Sync> = match failures {
            Some(_) => {
                let histogram = Arc::clone(histogram);
                Box::new(move |at_ms| histogram.count(since_secs, secs(at_ms)))
            }
            None => {
                let probes = server.probes.clone();
                Box::new(move |at_ms| probes.integral(since_secs, secs(at_ms)).floor())
            }
        };
        catalog.counter(
            "ovms_requests_success",
            "Number of successful requests to a model or a DAG.",
            &labels,
            pod.alive,
            success,
        );
        let failures = failures.cloned();
        catalog.counter(
            "ovms_requests_fail",
            "Number of failed requests to a model or a DAG.",
            &labels,
            pod.alive,
            move |at_ms| {
                failures
                    .as_ref()
                    .map_or(0.0, |rate| rate.integral(since_secs, secs(at_ms)).floor())
            },
        );
    }
    for (interface, histogram) in [
        (Interface::Rest, &server.request_time[0]),
        (Interface::Grpc, &server.request_time[1]),
    ] {
        catalog.histogram(
            "ovms_request_time_us",
            "Processing time of requests to a model or a DAG.",
            &base.clone().with("interface", interface.as_str()),
            pod.alive,
            histogram,
        );
    }
    catalog.histogram(
        "ovms_inference_time_us",
        "Inference execution time in the OpenVINO backend.",
        &base,
        pod.alive,
        &server.inference_time,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn time_buckets_match_the_model_server() {
        let bounds = super::TIME_BOUNDS_US;
        assert_eq!(bounds[..6], [10.0, 18.0, 32.0, 58.0, 104.0, 188.0]);
        assert_eq!(bounds.last(), Some(&1_474_755_971.0));
    }
}
