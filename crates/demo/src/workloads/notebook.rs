//! A data scientist's workbench (an ODH notebook: a StatefulSet) holding a GPU. It is busy in
//! office hours and idle at night, when the culler has stopped the kernel and freed the GPU's
//! memory: the demo's GPU that goes idle for a period.

use std::sync::Arc;

use crate::hash;
use crate::signal::{Rate, Recurrence, SECS_PER_DAY, SECS_PER_HOUR, noise};

use super::cluster::{Placement, Pod};
use super::gpu::{self, GpuLoad};
use super::kube::{self, PodUsage};
use super::schedule::Schedule;

/// A workbench.
#[derive(Debug)]
pub(crate) struct Notebook {
    pub(crate) name: &'static str,
    pub(crate) placement: Placement,
    pub(crate) gpu: u32,
    pub(crate) schedule: Schedule,
    pub(crate) office_start_hour_utc: f64,
    pub(crate) office_hours: f64,
}

/// Adds the workbench pod and its GPU alive in the catalog's window.
pub(crate) fn add(catalog: &mut crate::catalog::Catalog, notebook: &'static Notebook) {
    let office = Recurrence::fixed(
        SECS_PER_DAY,
        notebook.office_hours * SECS_PER_HOUR,
        notebook.office_start_hour_utc * SECS_PER_HOUR,
    );
    for lifetime in notebook.schedule.lifetimes(catalog.window()) {
        let pod = Pod::of_stateful_set(notebook.placement, notebook.name, 0, lifetime.alive);
        let seed = pod.seed;
        kube::add_pod(
            catalog,
            &pod,
            PodUsage {
                cpu_cores: Rate::constant(0.05)
                    .jitter(0.4, 30.0, hash::mix(seed, 1))
                    .during(0.8, office),
                memory_bytes: Box::new(move |t_secs| {
                    let working = if office.contains(t_secs) { 4.2e9 } else { 0.0 };
                    2.1e9 + working + 3.0e8 * noise::smooth(hash::mix(seed, 2), t_secs, 900.0)
                }),
            },
        );
        let gpu_seed = hash::mix(seed, 3);
        let load = move |t_secs: f64| {
            if !office.contains(t_secs) {
                return GpuLoad {
                    utilization_percent: 0.0,
                    framebuffer_used_mib: 0.0,
                };
            }
            // Experiments come in bursts: cells that train for a few minutes, then reading.
            let experiment = noise::smooth(gpu_seed, t_secs, 420.0).max(0.0);
            GpuLoad {
                utilization_percent: 8.0
                    + 84.0 * experiment.powf(0.6)
                    + 2.0 * noise::smooth(hash::mix(gpu_seed, 1), t_secs, 10.0),
                framebuffer_used_mib: 9_500.0 + 14_000.0 * experiment,
            }
        };
        gpu::add_gpu(catalog, &pod, notebook.gpu, Arc::new(load));
    }
}
