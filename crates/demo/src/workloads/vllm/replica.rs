//! The traffic model of one vLLM replica: request regimes with closed-form rates, incidents,
//! and what follows from them (finish reasons, tokens, latencies, engine load, GPU, CPU).

use std::sync::Arc;

use crate::hash;
use crate::signal::histogram::LeStyle;
use crate::signal::{Buckets, LatencyHistogram, LogNormal, Rate, Recurrence, SECS_PER_HOUR, noise};

use super::super::gpu::GpuLoad;
use super::super::kube::PodUsage;
use super::{VllmProfile, VllmService};

/// `request_success_total{finished_reason}`.
#[derive(Clone, Copy, Debug)]
pub(super) enum FinishedReason {
    Stop,
    Length,
    Abort,
    Error,
}

impl FinishedReason {
    pub(super) const ALL: [Self; 4] = [Self::Stop, Self::Length, Self::Abort, Self::Error];

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Self::Stop => "stop",
            Self::Length => "length",
            Self::Abort => "abort",
            Self::Error => "error",
        }
    }

    /// The share of (short, long) requests that finish this way outside incidents; long
    /// generations hit the token limit far more often. Each column adds up to 1.
    fn shares(self) -> (f64, f64) {
        match self {
            Self::Stop => (0.93, 0.58),
            Self::Length => (0.06, 0.40),
            Self::Abort => (0.008, 0.015),
            Self::Error => (0.002, 0.005),
        }
    }
}

/// vLLM's end-to-end latency buckets (seconds).
static E2E_BUCKETS: Buckets = Buckets::new(
    &[
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0,
        240.0, 480.0, 960.0, 1920.0, 7680.0,
    ],
    LeStyle::PythonFloat,
);

/// vLLM's time-to-first-token buckets (seconds).
static TTFT_BUCKETS: Buckets = Buckets::new(
    &[
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
        20.0, 40.0, 80.0, 160.0, 640.0, 2560.0,
    ],
    LeStyle::PythonFloat,
);

/// vLLM's time-per-output-token buckets (seconds).
static TPOT_BUCKETS: Buckets = Buckets::new(
    &[
        0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
        20.0, 40.0, 80.0,
    ],
    LeStyle::PythonFloat,
);

/// A regime's time per output token: the time after the first token spread over the tokens
/// generated, observed once per request.
fn per_output_token(regime: &super::RequestRegime) -> LogNormal {
    let decode_secs = (regime.e2e_seconds.median() - regime.ttft_seconds.median()).max(0.0);
    LogNormal::new(decode_secs / regime.generation_tokens.max(1.0), 0.3)
}

/// The traffic model of one replica.
pub(super) struct Replica {
    pub(super) profile: &'static VllmProfile,
    short: Rate,
    long: Rate,
    aborts: Rate,
    errors: Rate,
    pub(super) e2e: Arc<LatencyHistogram>,
    pub(super) ttft: Arc<LatencyHistogram>,
    pub(super) tpot: Arc<LatencyHistogram>,
    /// GPU memory vLLM takes at start (90 % of the card) for weights and KV cache.
    preallocated_mib: f64,
    pub(super) seed: u64,
}

impl Replica {
    pub(super) fn new(service: &'static VllmService, pod_seed: u64) -> Self {
        let profile = &service.profile;
        // Replicas behind one load balancer share the traffic's shape (service seed) but not
        // its jitter (pod seed).
        let service_seed = hash::seed_of(service.name);
        let incidents = Recurrence::hashed(
            profile.incidents.every_hours * SECS_PER_HOUR,
            profile.incidents.minutes * 60.0,
            hash::mix(service_seed, 1),
        );
        let short = Rate::constant(profile.requests_per_sec * profile.short.share)
            .daily(profile.daily_amplitude, profile.peak_hour_utc)
            .wobbles(0.12, hash::mix(service_seed, 2))
            .jitter(0.2, 60.0, hash::mix(pod_seed, 3));
        // Long generations swing harder with the day, so latency quantiles rise at the peak.
        let long = Rate::constant(profile.requests_per_sec * profile.long.share)
            .daily(
                (profile.daily_amplitude * 1.4).min(0.65),
                profile.peak_hour_utc,
            )
            .wobbles(0.1, hash::mix(service_seed, 4))
            .jitter(0.15, 60.0, hash::mix(pod_seed, 5))
            .during(profile.incidents.extra_long_per_sec, incidents);
        let aborts = Rate::constant(0.0).during(profile.incidents.aborts_per_sec, incidents);
        let errors = Rate::constant(0.0).during(profile.incidents.errors_per_sec, incidents);
        let e2e = LatencyHistogram::new(
            &E2E_BUCKETS,
            vec![
                (short.clone(), profile.short.e2e_seconds),
                (long.clone(), profile.long.e2e_seconds),
            ],
            4,
        );
        let ttft = LatencyHistogram::new(
            &TTFT_BUCKETS,
            vec![
                (short.clone(), profile.short.ttft_seconds),
                (long.clone(), profile.long.ttft_seconds),
            ],
            4,
        );
        let tpot = LatencyHistogram::new(
            &TPOT_BUCKETS,
            vec![
                (short.clone(), per_output_token(&profile.short)),
                (long.clone(), per_output_token(&profile.long)),
            ],
            4,
        );
        let preallocated_mib = service
            .placement
            .node
            .gpus
            .as_ref()
            .map_or(0.0, |gpus| gpus.model.framebuffer_mib() * 0.9);
        Self {
            profile,
            short,
            long,
            aborts,
            errors,
            e2e: Arc::new(e2e),
            ttft: Arc::new(ttft),
            tpot: Arc::new(tpot),
            preallocated_mib,
            seed: pod_seed,
        }
    }

    /// Requests of each regime since `since_secs`.
    pub(super) fn requests(&self, since_secs: f64, t_secs: f64) -> (f64, f64) {
        (
            self.short.integral(since_secs, t_secs),
            self.long.integral(since_secs, t_secs),
        )
    }

    pub(super) fn finished(&self, reason: FinishedReason, since_secs: f64, t_secs: f64) -> f64 {
        let (short, long) = self.requests(since_secs, t_secs);
        let (short_share, long_share) = reason.shares();
        let incidents = match reason {
            FinishedReason::Stop | FinishedReason::Length => 0.0,
            FinishedReason::Abort => self.aborts.integral(since_secs, t_secs),
            FinishedReason::Error => self.errors.integral(since_secs, t_secs),
        };
        (short * short_share + long * long_share + incidents).floor()
    }

    /// Sequences wanting to run (Little's law: arrival rate × time in the engine), with noise.
    pub(super) fn demand(&self, t_secs: f64) -> f64 {
        let in_engine = self.e2e.mean_at(t_secs) * (self.short.at(t_secs) + self.long.at(t_secs));
        in_engine * (1.0 + 0.1 * noise::smooth(self.seed, t_secs, 15.0))
    }

    /// The engine's load, 0..1.
    pub(super) fn load(&self, t_secs: f64) -> f64 {
        (self.demand(t_secs) / self.profile.max_running).clamp(0.0, 1.0)
    }

    pub(super) fn gpu_load(&self, t_secs: f64) -> GpuLoad {
        let noise = noise::smooth(hash::mix(self.seed, 7), t_secs, 10.0);
        GpuLoad {
            utilization_percent: 5.0 + 92.0 * self.load(t_secs).powf(0.75) + 3.0 * noise,
            framebuffer_used_mib: self.preallocated_mib + 6.0 * noise,
        }
    }

    pub(super) fn usage(&self) -> PodUsage {
        let seed = self.seed;
        PodUsage {
            cpu_cores: Rate::constant(0.8 + 0.1 * self.profile.requests_per_sec)
                .daily(0.4, self.profile.peak_hour_utc)
                .jitter(0.2, 30.0, hash::mix(seed, 8)),
            memory_bytes: Box::new(move |t_secs| {
                9.6e9 + 2.5e8 * noise::smooth(hash::mix(seed, 9), t_secs, 300.0)
            }),
        }
    }
}
