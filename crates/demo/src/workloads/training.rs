//! A Kubeflow PyTorchJob fine-tuning ResNet-50 on two A100s (a master and a worker pod).
//!
//! A pipeline starts a new job every few hours, so a day of history holds several runs: each has
//! its own name, its loss falls from the top again, and the GPUs idle in the wait between runs.
//! At the end of every epoch a validation pass slows training and the GPUs.

use std::sync::Arc;

use crate::catalog::{Catalog, Labels, Span};
use crate::hash;
use crate::signal::{Rate, Recurrence, noise, round_to, secs};

use super::cluster::{Placement, Pod};
use super::gpu::{self, GpuLoad};
use super::kube::{self, PodUsage};
use super::schedule::{Lifetime, Schedule};

/// A training job that a pipeline runs again and again.
#[derive(Debug)]
pub(crate) struct TrainingJob {
    /// Runs are named `<base_name>-<suffix>`.
    pub(crate) base_name: &'static str,
    pub(crate) placement: Placement,
    /// The master holds this GPU, the worker the next one.
    pub(crate) first_gpu: u32,
    pub(crate) runs: Schedule,
    pub(crate) batch_size: f64,
    pub(crate) dataset_samples: f64,
    /// Mean training throughput of both pods together.
    pub(crate) samples_per_sec: f64,
    pub(crate) initial_loss: f64,
    /// Length of the validation pass at the end of each epoch.
    pub(crate) validation_secs: f64,
}

/// One run of the job.
struct Run {
    job: &'static TrainingJob,
    name: String,
    start_secs: f64,
    epoch_secs: f64,
    throughput: Rate,
    validation: Recurrence,
    final_loss: f64,
    decay_epochs: f64,
    seed: u64,
}

impl Run {
    fn new(job: &'static TrainingJob, lifetime: &Lifetime) -> Self {
        let seed = hash::mix(hash::seed_of(job.base_name), lifetime.index);
        let start_secs = secs(lifetime.alive.start_ms);
        // Each run gets slightly different hardware luck and hyperparameters.
        let mean_per_sec = job.samples_per_sec * (0.92 + 0.16 * hash::unit(seed, 1));
        let epoch_secs = job.dataset_samples / mean_per_sec;
        // Validation closes every epoch: windows recur with the epoch, aligned to the run start.
        let validation = Recurrence::fixed(
            epoch_secs,
            job.validation_secs,
            (start_secs + epoch_secs - job.validation_secs).rem_euclid(epoch_secs),
        );
        let throughput = Rate::constant(mean_per_sec)
            .jitter(0.05, 20.0, hash::mix(seed, 2))
            .during(-0.9 * mean_per_sec, validation);
        Self {
            job,
            name: format!("{}-{}", job.base_name, hash::kubernetes_suffix(seed, 5)),
            start_secs,
            epoch_secs,
            throughput,
            validation,
            final_loss: 0.55 + 0.4 * hash::unit(seed, 3),
            decay_epochs: 3.0 + 4.0 * hash::unit(seed, 4),
            seed,
        }
    }

    fn samples(&self, t_secs: f64) -> f64 {
        self.throughput.integral(self.start_secs, t_secs)
    }

    /// Epochs done, as a fraction.
    fn progress_epochs(&self, t_secs: f64) -> f64 {
        ((t_secs - self.start_secs) / self.epoch_secs).max(0.0)
    }

    fn loss(&self, t_secs: f64) -> f64 {
        let decay = (-self.progress_epochs(t_secs) / self.decay_epochs).exp();
        let loss = self.final_loss + (self.job.initial_loss - self.final_loss) * decay;
        loss * (1.0 + 0.05 * noise::smooth(hash::mix(self.seed, 5), t_secs, 20.0))
    }

    fn gpu_load(&self, t_secs: f64, gpu_seed: u64) -> GpuLoad {
        let noise = noise::smooth(gpu_seed, t_secs, 10.0);
        let utilization_percent = if self.validation.contains(t_secs) {
            38.0 + 6.0 * noise
        } else {
            93.0 + 4.0 * noise
        };
        // Memory fills while the model and the first batches load, then stays.
        let warm = ((t_secs - self.start_secs) / 120.0).clamp(0.05, 1.0);
        GpuLoad {
            utilization_percent,
            framebuffer_used_mib: warm * (61_400.0 + 300.0 * noise),
        }
    }
}

/// Adds every run alive in the catalog's window: both pods, their GPUs and the job's progress.
pub(crate) fn add(catalog: &mut Catalog, job: &'static TrainingJob) {
    for lifetime in job.runs.lifetimes(catalog.window()) {
        let run = Arc::new(Run::new(job, &lifetime));
        for (index, role) in ["master", "worker"].into_iter().enumerate() {
            let pod = Pod::of_pytorch_job(job.placement, &run.name, role, 0, lifetime.alive);
            add_pod(catalog, &pod, &run, job.first_gpu + index as u32);
            if index == 0 {
                add_progress(catalog, &pod, &run);
            }
        }
    }
}

/// Epochs completed at `at_ms` by the run alive then, if any: checkpoints follow them.
pub(crate) fn epochs_done(job: &'static TrainingJob, at_ms: i64) -> Option<f64> {
    let lifetime = job
        .runs
        .lifetimes(Span::instant(at_ms))
        .into_iter()
        .next()?;
    Some(
        Run::new(job, &lifetime)
            .progress_epochs(secs(at_ms))
            .floor(),
    )
}

fn add_pod(catalog: &mut Catalog, pod: &Pod, run: &Arc<Run>, gpu_index: u32) {
    let seed = pod.seed;
    let start_secs = run.start_secs;
    kube::add_pod(
        catalog,
        pod,
        PodUsage {
            // Data loader workers decode and augment images; they rest during validation.
            cpu_cores: Rate::constant(7.5)
                .jitter(0.15, 20.0, hash::mix(seed, 1))
                .during(-5.0, run.validation),
            memory_bytes: Box::new(move |t_secs| {
                let warm = ((t_secs - start_secs) / 120.0).clamp(0.1, 1.0);
                warm * 3.1e10 + 6.0e8 * noise::smooth(hash::mix(seed, 2), t_secs, 60.0)
            }),
        },
    );
    let for_gpu = Arc::clone(run);
    let gpu_seed = hash::mix(seed, 3);
    gpu::add_gpu(
        catalog,
        pod,
        gpu_index,
        Arc::new(move |t_secs| for_gpu.gpu_load(t_secs, gpu_seed)),
    );
}

fn add_progress(catalog: &mut Catalog, pod: &Pod, run: &Arc<Run>) {
    let labels = Labels::scraped("pytorchjob-metrics", format!("{}:9090", pod.ip))
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("container", pod.container.name)
        .with("job_name", run.name.as_str());
    let steps = Arc::clone(run);
    catalog.counter(
        "training_job_steps_total",
        "Optimizer steps completed by the training job.",
        &labels,
        pod.alive,
        move |at_ms| (steps.samples(secs(at_ms)) / steps.job.batch_size).floor(),
    );
    let loss = Arc::clone(run);
    catalog.gauge(
        "training_job_loss",
        "Training loss of the latest step.",
        &labels,
        pod.alive,
        move |at_ms| round_to(loss.loss(secs(at_ms)), 4),
    );
    let throughput = Arc::clone(run);
    catalog.gauge(
        "training_job_samples_per_second",
        "Training throughput in samples per second.",
        &labels,
        pod.alive,
        move |at_ms| round_to(throughput.throughput.at(secs(at_ms)), 1),
    );
    let epoch = Arc::clone(run);
    catalog.gauge(
        "training_job_epoch",
        "Current training epoch, from 0.",
        &labels,
        pod.alive,
        move |at_ms| epoch.progress_epochs(secs(at_ms)).floor(),
    );
}
