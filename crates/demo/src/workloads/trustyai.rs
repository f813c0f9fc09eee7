//! TrustyAI fairness metrics of a deployed model: statistical parity difference (`trustyai_spd`,
//! fair near 0) and disparate impact ratio (`trustyai_dir`, fair near 1), recomputed by the
//! TrustyAI service on a schedule. They drift slowly, as real-world inputs do, and now and then
//! cross the usual fairness thresholds (|SPD| > 0.1, DIR < 0.8).

use crate::catalog::{Catalog, Labels};
use crate::hash;
use crate::signal::{Rate, SECS_PER_HOUR, noise, round_to, secs};

use super::cluster::{Placement, Pod};
use super::kube::{self, PodUsage};
use super::schedule::Schedule;

/// The TrustyAI service of a project.
#[derive(Debug)]
pub(crate) struct TrustyAiService {
    pub(crate) placement: Placement,
    pub(crate) rollouts: Schedule,
    pub(crate) checks: &'static [FairnessCheck],
}

/// One scheduled fairness request: a model, a protected attribute and its groups.
#[derive(Debug)]
pub(crate) struct FairnessCheck {
    pub(crate) model: &'static str,
    pub(crate) protected: &'static str,
    pub(crate) privileged: &'static str,
    pub(crate) unprivileged: &'static str,
    pub(crate) outcome: &'static str,
    pub(crate) favorable_value: &'static str,
    /// Share of favourable outcomes for the privileged group, which turns SPD into DIR.
    pub(crate) privileged_favorable_share: f64,
    pub(crate) mean_spd: f64,
    pub(crate) drift_spd: f64,
    pub(crate) drift_period_hours: f64,
}

/// The two fairness metrics.
#[derive(Clone, Copy, Debug)]
enum Fairness {
    Spd,
    Dir,
}

impl Fairness {
    fn metric_name(self) -> &'static str {
        match self {
            Self::Spd => "trustyai_spd",
            Self::Dir => "trustyai_dir",
        }
    }

    /// TrustyAI's `metricName` label.
    fn label(self) -> &'static str {
        match self {
            Self::Spd => "SPD",
            Self::Dir => "DIR",
        }
    }

    fn help(self) -> &'static str {
        match self {
            Self::Spd => "Statistical Parity Difference of a model's outcomes between groups.",
            Self::Dir => "Disparate Impact Ratio of a model's outcomes between groups.",
        }
    }
}

/// TrustyAI recomputes scheduled metrics this often; values hold in between.
const SCHEDULE_SECS: f64 = 30.0;

/// Adds the service's pod and its fairness series alive in the catalog's window.
pub(crate) fn add(catalog: &mut Catalog, service: &'static TrustyAiService) {
    for lifetime in service.rollouts.lifetimes(catalog.window()) {
        let pod = Pod::of_deployment(
            service.placement,
            "trustyai-service",
            lifetime.index,
            0,
            lifetime.alive,
        );
        let seed = pod.seed;
        kube::add_pod(
            catalog,
            &pod,
            PodUsage {
                cpu_cores: Rate::constant(0.12).jitter(0.5, 30.0, hash::mix(seed, 1)),
                // Inference data accumulates in memory until the next batch is written out.
                memory_bytes: Box::new(move |t_secs| {
                    1.4e9
                        + 3.0e8 * ((t_secs / 3_600.0).fract())
                        + 2.0e7 * noise::smooth(seed, t_secs, 120.0)
                }),
            },
        );
        for check in service.checks {
            for fairness in [Fairness::Spd, Fairness::Dir] {
                add_check(catalog, &pod, check, fairness);
            }
        }
    }
}

fn add_check(catalog: &mut Catalog, pod: &Pod, check: &'static FairnessCheck, fairness: Fairness) {
    let request_seed = hash::seed_of(&format!(
        "{}/{}/{}",
        check.model,
        check.protected,
        fairness.label()
    ));
    let labels = Labels::scraped("trustyai-service", format!("{}:8080", pod.ip))
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("service", "trustyai-service")
        .with("model", check.model)
        .with("metricName", fairness.label())
        .with("protected", check.protected)
        .with("privileged", check.privileged)
        .with("unprivileged", check.unprivileged)
        .with("outcome", check.outcome)
        .with("favorable_value", check.favorable_value)
        .with("batch_size", "5000")
        .with("request", hash::uuid(request_seed));
    let check_seed = hash::seed_of(&format!("{}/{}", check.model, check.protected));
    catalog.gauge(
        fairness.metric_name(),
        fairness.help(),
        &labels,
        pod.alive,
        move |at_ms| {
            let spd = spd(check, check_seed, secs(at_ms));
            match fairness {
                Fairness::Spd => round_to(spd, 5),
                // DIR = P(favourable | unprivileged) / P(favourable | privileged), and
                // SPD = P(favourable | unprivileged) − P(favourable | privileged).
                Fairness::Dir => round_to(1.0 + spd / check.privileged_favorable_share, 5),
            }
        },
    );
}

/// SPD at a moment: a slow drift around the mean plus the sampling noise of each batch.
fn spd(check: &FairnessCheck, seed: u64, t_secs: f64) -> f64 {
    // Computed at the start of each schedule slot, so every sample in the slot agrees.
    let slot_secs = (t_secs / SCHEDULE_SECS).floor() * SCHEDULE_SECS;
    let period_secs = check.drift_period_hours * SECS_PER_HOUR;
    let phase = (slot_secs / period_secs + hash::unit(seed, 1)).fract() * std::f64::consts::TAU;
    let slower = noise::smooth(hash::mix(seed, 2), slot_secs, 4.0 * SECS_PER_HOUR);
    check.mean_spd
        + check.drift_spd * (0.7 * phase.sin() + 0.3 * slower)
        + 0.012 * noise::stepped(hash::mix(seed, 3), slot_secs, SCHEDULE_SECS)
}
