//! GPU series: NVIDIA DCGM exporter fields and OpenShift's `accelerator_gpu_utilization`.
//!
//! DCGM labels each GPU with the pod that holds it (`namespace`, `pod`, `container`; the exporter
//! is scraped with `honorLabels`). `accelerator_gpu_utilization` instead keeps the exporter's own
//! `namespace`/`pod` and moves the workload's into `exported_namespace`/`exported_pod`, which is
//! how the ODH dashboards query it.

use std::sync::Arc;

use crate::catalog::{Catalog, Labels};
use crate::hash;
use crate::signal::{noise, round_to, secs};

use super::cluster::{GPU_OPERATOR_NAMESPACE, Pod};

/// What a GPU is doing at a moment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GpuLoad {
    /// 0..100.
    pub(crate) utilization_percent: f64,
    pub(crate) framebuffer_used_mib: f64,
}

/// Computes a GPU's load at a unix time in seconds.
pub(crate) type GpuLoadFn = Arc<dyn Fn(f64) -> GpuLoad + Send + Sync>;

/// Adds the series of GPU `index` of the pod's node, held by the pod. Nothing on a CPU node.
pub(crate) fn add_gpu(catalog: &mut Catalog, pod: &Pod, index: u32, load: GpuLoadFn) {
    let Some(gpus) = &pod.node.gpus else {
        return;
    };
    let gpu_seed = hash::seed_of(&format!("{}/gpu{index}", pod.node.name));
    let uuid = format!("GPU-{}", hash::uuid(gpu_seed));
    let instance = format!("{}:9400", gpus.exporter_ip);
    let dcgm = Labels::scraped("nvidia-dcgm-exporter", instance.as_str())
        .with("gpu", index.to_string())
        .with("UUID", uuid.as_str())
        .with("device", format!("nvidia{index}"))
        .with("modelName", gpus.model.name())
        .with("Hostname", gpus.exporter_pod)
        .with(
            "pci_bus_id",
            format!("00000000:{:02X}:00.0", 0x17 + index * 0x10),
        )
        .with("DCGM_FI_DRIVER_VERSION", gpus.driver_version)
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("container", pod.container.name);

    let utilization = Arc::clone(&load);
    catalog.gauge(
        "DCGM_FI_DEV_GPU_UTIL",
        "GPU utilization (in %).",
        &dcgm,
        pod.alive,
        move |at_ms| {
            utilization(secs(at_ms))
                .utilization_percent
                .clamp(0.0, 100.0)
                .round()
        },
    );
    let engine = Arc::clone(&load);
    let engine_seed = hash::mix(pod.seed, 0x6e67);
    catalog.gauge(
        "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
        "Ratio of time the graphics engine is active.",
        &dcgm,
        pod.alive,
        move |at_ms| {
            let t_secs = secs(at_ms);
            // The engine is busy a little less than the coarse utilization suggests.
            let ratio = engine(t_secs).utilization_percent / 100.0 * 0.96
                + 0.015 * noise::smooth(engine_seed, t_secs, 20.0);
            round_to(ratio.clamp(0.0, 1.0), 4)
        },
    );
    let used = Arc::clone(&load);
    let model = gpus.model;
    catalog.gauge(
        "DCGM_FI_DEV_FB_USED",
        "Framebuffer memory used (in MiB).",
        &dcgm,
        pod.alive,
        move |at_ms| {
            used(secs(at_ms))
                .framebuffer_used_mib
                .clamp(0.0, model.framebuffer_mib())
                .round()
        },
    );
    let free = Arc::clone(&load);
    catalog.gauge(
        "DCGM_FI_DEV_FB_FREE",
        "Framebuffer memory free (in MiB).",
        &dcgm,
        pod.alive,
        move |at_ms| {
            let used_mib = free(secs(at_ms))
                .framebuffer_used_mib
                .clamp(0.0, model.framebuffer_mib());
            (model.framebuffer_mib() - model.reserved_mib() - used_mib)
                .max(0.0)
                .round()
        },
    );

    let accelerator = Labels::scraped("nvidia-dcgm-exporter", instance)
        .with("namespace", GPU_OPERATOR_NAMESPACE)
        .with("pod", gpus.exporter_pod)
        .with("container", "nvidia-dcgm-exporter")
        .with("exported_namespace", pod.namespace)
        .with("exported_pod", pod.name.as_str())
        .with("exported_container", pod.container.name)
        .with("gpu", index.to_string())
        .with("UUID", uuid)
        .with("vendor", "nvidia");
    catalog.gauge(
        "accelerator_gpu_utilization",
        "Accelerator utilization (in %).",
        &accelerator,
        pod.alive,
        move |at_ms| {
            load(secs(at_ms))
                .utilization_percent
                .clamp(0.0, 100.0)
                .round()
        },
    );
}
