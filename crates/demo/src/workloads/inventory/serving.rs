//! The model servers of `fraud-detection` and `customer-support-llm`.

use super::super::cluster::{CPU_NODE, Container, Placement, SERVING_NODE};
use super::super::ovms::{OvmsProfile, OvmsService};
use super::super::trustyai::{FairnessCheck, TrustyAiService};
use super::super::vllm::{Incidents, RequestRegime, VllmProfile, VllmService};
use super::{CUSTOMER_SUPPORT_LLM, FRAUD_DETECTION, GIB, rollouts};
use crate::signal::LogNormal;

static OVMS_CONTAINER: Container = Container {
    name: "kserve-container",
    image: "quay.io/modh/openvino_model_server:2025.1",
    cpu_limit_cores: 2.0,
    memory_limit_bytes: 4.0 * GIB,
    gpus: 0,
};

static VLLM_CONTAINER: Container = Container {
    name: "kserve-container",
    image: "quay.io/modh/vllm:rhoai-2.22-cuda",
    cpu_limit_cores: 4.0,
    memory_limit_bytes: 24.0 * GIB,
    gpus: 1,
};

static TRUSTYAI_CONTAINER: Container = Container {
    name: "trustyai-service",
    image: "quay.io/trustyai/trustyai-service:v0.27.0",
    cpu_limit_cores: 1.0,
    memory_limit_bytes: 2.0 * GIB,
    gpus: 0,
};

pub(crate) static FRAUD_DETECTOR: OvmsService = OvmsService {
    name: "fraud-detector",
    version: "1",
    placement: Placement {
        namespace: FRAUD_DETECTION,
        node: &CPU_NODE,
        container: &OVMS_CONTAINER,
    },
    rollouts: rollouts(31),
    profile: OvmsProfile {
        rest_per_sec: 14.0,
        grpc_per_sec: 5.0,
        daily_amplitude: 0.45,
        peak_hour_utc: 13.5,
        slow_share: 0.05,
        fast_request_us: LogNormal::new(4_200.0, 0.35),
        slow_request_us: LogNormal::new(21_000.0, 0.5),
        fast_inference_us: LogNormal::new(2_600.0, 0.3),
        slow_inference_us: LogNormal::new(11_000.0, 0.45),
        failure_share: 0.002,
        incident_every_hours: 9.0,
        incident_minutes: 6.0,
        incident_failures_per_sec: 2.5,
        probes_per_sec: 0.2,
    },
};

pub(crate) static FRAUD_EXPLAINER: VllmService = VllmService {
    name: "fraud-explainer",
    placement: Placement {
        namespace: FRAUD_DETECTION,
        node: &SERVING_NODE,
        container: &VLLM_CONTAINER,
    },
    replicas: 1,
    first_gpu: 3,
    rollouts: rollouts(77),
    profile: VllmProfile {
        requests_per_sec: 0.35,
        daily_amplitude: 0.5,
        peak_hour_utc: 13.5,
        short: RequestRegime {
            share: 0.85,
            e2e_seconds: LogNormal::new(2.8, 0.45),
            ttft_seconds: LogNormal::new(0.09, 0.5),
            prompt_tokens: 650.0,
            generation_tokens: 140.0,
        },
        long: RequestRegime {
            share: 0.15,
            e2e_seconds: LogNormal::new(11.0, 0.45),
            ttft_seconds: LogNormal::new(0.45, 0.6),
            prompt_tokens: 2_400.0,
            generation_tokens: 620.0,
        },
        max_running: 12.0,
        incidents: Incidents {
            every_hours: 11.0,
            minutes: 7.0,
            aborts_per_sec: 0.15,
            errors_per_sec: 0.08,
            extra_long_per_sec: 0.1,
        },
    },
};

pub(crate) static FRAUD_TRUSTYAI: TrustyAiService = TrustyAiService {
    placement: Placement {
        namespace: FRAUD_DETECTION,
        node: &CPU_NODE,
        container: &TRUSTYAI_CONTAINER,
    },
    rollouts: rollouts(50),
    checks: &[
        FairnessCheck {
            model: "fraud-detector",
            protected: "customer_age_group",
            privileged: "25-60",
            unprivileged: "over-60",
            outcome: "fraud_flag",
            favorable_value: "0",
            privileged_favorable_share: 0.93,
            mean_spd: -0.035,
            drift_spd: 0.06,
            drift_period_hours: 30.0,
        },
        FairnessCheck {
            model: "fraud-detector",
            protected: "gender",
            privileged: "male",
            unprivileged: "female",
            outcome: "fraud_flag",
            favorable_value: "0",
            privileged_favorable_share: 0.93,
            mean_spd: 0.012,
            drift_spd: 0.03,
            drift_period_hours: 53.0,
        },
    ],
};

pub(crate) static SUPPORT_CHAT: VllmService = VllmService {
    name: "llama-31-8b-instruct",
    placement: Placement {
        namespace: CUSTOMER_SUPPORT_LLM,
        node: &SERVING_NODE,
        container: &VLLM_CONTAINER,
    },
    replicas: 2,
    first_gpu: 0,
    rollouts: rollouts(12),
    profile: VllmProfile {
        requests_per_sec: 2.4,
        daily_amplitude: 0.55,
        peak_hour_utc: 15.0,
        short: RequestRegime {
            share: 0.88,
            e2e_seconds: LogNormal::new(3.4, 0.5),
            ttft_seconds: LogNormal::new(0.11, 0.55),
            prompt_tokens: 820.0,
            generation_tokens: 210.0,
        },
        long: RequestRegime {
            share: 0.12,
            e2e_seconds: LogNormal::new(14.5, 0.45),
            ttft_seconds: LogNormal::new(0.7, 0.65),
            prompt_tokens: 3_100.0,
            generation_tokens: 860.0,
        },
        max_running: 18.0,
        incidents: Incidents {
            every_hours: 7.0,
            minutes: 9.0,
            aborts_per_sec: 0.9,
            errors_per_sec: 0.4,
            extra_long_per_sec: 0.5,
        },
    },
};

pub(crate) static SUPPORT_ROUTER: VllmService = VllmService {
    name: "granite-31-2b-router",
    placement: Placement {
        namespace: CUSTOMER_SUPPORT_LLM,
        node: &SERVING_NODE,
        container: &VLLM_CONTAINER,
    },
    replicas: 1,
    first_gpu: 2,
    rollouts: rollouts(101),
    profile: VllmProfile {
        requests_per_sec: 7.0,
        daily_amplitude: 0.5,
        peak_hour_utc: 14.5,
        short: RequestRegime {
            share: 0.95,
            e2e_seconds: LogNormal::new(0.42, 0.35),
            ttft_seconds: LogNormal::new(0.025, 0.5),
            prompt_tokens: 380.0,
            generation_tokens: 12.0,
        },
        long: RequestRegime {
            share: 0.05,
            e2e_seconds: LogNormal::new(1.6, 0.45),
            ttft_seconds: LogNormal::new(0.12, 0.6),
            prompt_tokens: 1_900.0,
            generation_tokens: 48.0,
        },
        max_running: 32.0,
        incidents: Incidents {
            every_hours: 13.0,
            minutes: 5.0,
            aborts_per_sec: 0.6,
            errors_per_sec: 1.2,
            extra_long_per_sec: 0.8,
        },
    },
};
