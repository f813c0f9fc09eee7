//! The demo's story in numbers: which workloads run in which project, on which node, with what
//! traffic. Everything else derives from these values.
//!
//! - `fraud-detection`: a fraud model on OpenVINO Model Server (web traffic over REST, batch
//!   scoring over gRPC), a small LLM explaining flagged transactions, and TrustyAI watching the
//!   fraud model's fairness.
//! - `customer-support-llm`: a chat model on two GPUs and a small router model; the chat model
//!   queues requests at the afternoon peak and during incidents.
//! - `vision-training`: ResNet-50 fine-tuning runs every four hours on two A100s, and a workbench
//!   whose GPU idles outside office hours.

mod serving;

use super::cluster::{CPU_NODE, Container, Placement, SERVING_NODE, TRAINING_NODE};
use super::notebook::Notebook;
use super::schedule::{CLUSTER_CREATED_MS, Schedule};
use super::training::TrainingJob;
use super::volumes::{Volume, VolumeUsage};
pub(crate) use serving::{
    FRAUD_DETECTOR, FRAUD_EXPLAINER, FRAUD_TRUSTYAI, SUPPORT_CHAT, SUPPORT_ROUTER,
};

pub(crate) const FRAUD_DETECTION: &str = "fraud-detection";
pub(crate) const CUSTOMER_SUPPORT_LLM: &str = "customer-support-llm";
pub(crate) const VISION_TRAINING: &str = "vision-training";

pub(super) const GIB: f64 = 1_073_741_824.0;
const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// Deployments are rolled out every five days; each gets its own offset so rollouts spread.
pub(super) const fn rollouts(offset_hours: i64) -> Schedule {
    Schedule::Cycles {
        cycle_ms: 5 * DAY_MS,
        active_ms: 5 * DAY_MS,
        offset_ms: offset_hours * HOUR_MS,
    }
}

static PYTORCH_CONTAINER: Container = Container {
    name: "pytorch",
    image: "quay.io/modh/training:py311-cuda124-torch251",
    cpu_limit_cores: 12.0,
    memory_limit_bytes: 64.0 * GIB,
    gpus: 1,
};

static WORKBENCH_CONTAINER: Container = Container {
    name: "cv-workbench",
    image: "quay.io/modh/odh-pytorch-notebook:v3-2025a",
    cpu_limit_cores: 4.0,
    memory_limit_bytes: 16.0 * GIB,
    gpus: 1,
};

pub(crate) static RESNET_FINETUNE: TrainingJob = TrainingJob {
    base_name: "resnet50-finetune",
    placement: Placement {
        namespace: VISION_TRAINING,
        node: &TRAINING_NODE,
        container: &PYTORCH_CONTAINER,
    },
    first_gpu: 0,
    // A run every four hours, three and a half of them training; the rest is the queue.
    runs: Schedule::Cycles {
        cycle_ms: 4 * HOUR_MS,
        active_ms: 7 * HOUR_MS / 2,
        offset_ms: 50 * 60_000,
    },
    batch_size: 256.0,
    dataset_samples: 1_281_167.0,
    samples_per_sec: 2_600.0,
    initial_loss: 4.6,
    validation_secs: 45.0,
};

pub(crate) static CV_WORKBENCH: Notebook = Notebook {
    name: "cv-workbench",
    placement: Placement {
        namespace: VISION_TRAINING,
        node: &TRAINING_NODE,
        container: &WORKBENCH_CONTAINER,
    },
    gpu: 2,
    schedule: Schedule::Always {
        since_ms: CLUSTER_CREATED_MS,
    },
    office_start_hour_utc: 8.0,
    office_hours: 9.5,
};

pub(crate) static VOLUMES: [Volume; 6] = [
    Volume {
        namespace: FRAUD_DETECTION,
        claim: "fraud-detector-models",
        node: &CPU_NODE,
        capacity_bytes: 10.0 * GIB,
        usage: VolumeUsage::Constant {
            used_bytes: 2.31 * GIB,
        },
    },
    Volume {
        namespace: FRAUD_DETECTION,
        claim: "trustyai-service-pvc",
        node: &CPU_NODE,
        capacity_bytes: 5.0 * GIB,
        usage: VolumeUsage::Sawtooth {
            base_bytes: 0.6 * GIB,
            growth_bytes: 2.2 * GIB,
            period_hours: 24.0,
        },
    },
    Volume {
        namespace: CUSTOMER_SUPPORT_LLM,
        claim: "model-cache",
        node: &SERVING_NODE,
        capacity_bytes: 100.0 * GIB,
        usage: VolumeUsage::Constant {
            used_bytes: 37.4 * GIB,
        },
    },
    Volume {
        namespace: VISION_TRAINING,
        claim: "imagenet-train",
        node: &TRAINING_NODE,
        capacity_bytes: 500.0 * GIB,
        usage: VolumeUsage::Constant {
            used_bytes: 147.9 * GIB,
        },
    },
    Volume {
        namespace: VISION_TRAINING,
        claim: "resnet50-checkpoints",
        node: &TRAINING_NODE,
        capacity_bytes: 200.0 * GIB,
        usage: VolumeUsage::Checkpoints {
            base_bytes: 4.0 * GIB,
            per_epoch_bytes: 0.18 * GIB,
            job: &RESNET_FINETUNE,
        },
    },
    Volume {
        namespace: VISION_TRAINING,
        claim: "cv-workbench",
        node: &TRAINING_NODE,
        capacity_bytes: 20.0 * GIB,
        usage: VolumeUsage::Sawtooth {
            base_bytes: 5.2 * GIB,
            growth_bytes: 1.6 * GIB,
            period_hours: 72.0,
        },
    },
];
