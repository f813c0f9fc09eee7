//! PersistentVolumeClaim usage from the kubelet (`kubelet_volume_stats_*`).
//!
//! The kubelet labels these by `namespace` and `persistentvolumeclaim` only, with no `pod`, and
//! so do we.

use crate::catalog::{Catalog, Labels, Span};
use crate::signal::{SECS_PER_HOUR, secs};

use super::cluster::Node;
use super::training::{self, TrainingJob};

/// A claim and how its usage evolves.
#[derive(Debug)]
pub(crate) struct Volume {
    pub(crate) namespace: &'static str,
    pub(crate) claim: &'static str,
    /// The node whose kubelet reports the volume (where its pod runs).
    pub(crate) node: &'static Node,
    pub(crate) capacity_bytes: f64,
    pub(crate) usage: VolumeUsage,
}

/// How a volume fills.
#[derive(Debug)]
pub(crate) enum VolumeUsage {
    /// Model weights or a data set: written once.
    Constant { used_bytes: f64 },
    /// Grows by `growth_bytes` over each period, then a clean-up job empties it back to the base.
    Sawtooth {
        base_bytes: f64,
        growth_bytes: f64,
        period_hours: f64,
    },
    /// A training job's checkpoints: one per epoch, pruned when a new run starts.
    Checkpoints {
        base_bytes: f64,
        per_epoch_bytes: f64,
        job: &'static TrainingJob,
    },
}

impl VolumeUsage {
    fn used_bytes(&self, at_ms: i64) -> f64 {
        match self {
            Self::Constant { used_bytes } => *used_bytes,
            Self::Sawtooth {
                base_bytes,
                growth_bytes,
                period_hours,
            } => {
                let cycle = (secs(at_ms) / (period_hours * SECS_PER_HOUR)).fract();
                base_bytes + growth_bytes * cycle
            }
            Self::Checkpoints {
                base_bytes,
                per_epoch_bytes,
                job,
            } => base_bytes + per_epoch_bytes * training::epochs_done(job, at_ms).unwrap_or(0.0),
        }
    }
}

/// Adds the three `kubelet_volume_stats_*` series of every volume; volumes outlive the window.
pub(crate) fn add(catalog: &mut Catalog, volumes: &'static [Volume]) {
    let alive = Span::new(super::schedule::CLUSTER_CREATED_MS, i64::MAX);
    for volume in volumes {
        let labels = Labels::scraped("kubelet", format!("{}:10250", volume.node.ip))
            .with("namespace", volume.namespace)
            .with("persistentvolumeclaim", volume.claim)
            .with("node", volume.node.name)
            .with("metrics_path", "/metrics")
            .with("service", "kubelet")
            .with("endpoint", "https-metrics");
        let capacity_bytes = volume.capacity_bytes;
        let used = move |at_ms: i64| {
            volume
                .usage
                .used_bytes(at_ms)
                .clamp(0.0, capacity_bytes)
                .round()
        };
        catalog.gauge(
            "kubelet_volume_stats_capacity_bytes",
            "Capacity in bytes of the volume.",
            &labels,
            alive,
            move |_| capacity_bytes,
        );
        catalog.gauge(
            "kubelet_volume_stats_used_bytes",
            "Number of used bytes in the volume.",
            &labels,
            alive,
            used,
        );
        catalog.gauge(
            "kubelet_volume_stats_available_bytes",
            "Number of available bytes in the volume.",
            &labels,
            alive,
            move |at_ms| capacity_bytes - used(at_ms),
        );
    }
}
