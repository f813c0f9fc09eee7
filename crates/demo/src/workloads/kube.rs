//! Kubernetes series of a pod: kube-state-metrics (`kube_pod_info`, `kube_pod_owner`), the
//! scheduler's `kube_pod_resource_limit`, and the kubelet's cAdvisor CPU and memory usage.

use crate::catalog::{Catalog, Labels};
use crate::signal::{Rate, round_to, secs};

use super::cluster::Pod;

/// What a pod uses over time.
pub(crate) struct PodUsage {
    /// CPU cores in use: `container_cpu_usage_seconds_total` is its integral since the pod started.
    pub(crate) cpu_cores: Rate,
    /// The working set in bytes at a unix time in seconds.
    pub(crate) memory_bytes: Box<dyn Fn(f64) -> f64 + Send + Sync>,
}

/// Bytes a pod receives per second of CPU it uses: a few MB/s for a busy model server.
const NETWORK_BYTES_PER_CORE_SECOND: f64 = 1.5e6;

/// Where kube-state-metrics is scraped from.
const KUBE_STATE_METRICS: (&str, &str) = ("kube-state-metrics", "10.131.0.23:8443");
/// Where the scheduler's resource metrics are scraped from (a control-plane node).
const SCHEDULER: (&str, &str) = ("scheduler", "10.0.3.87:10259");

/// A resource a container may be limited in (`kube_pod_resource_limit{resource, unit}`).
#[derive(Clone, Copy, Debug)]
enum Resource {
    Cpu,
    Memory,
    NvidiaGpu,
}

impl Resource {
    /// The `resource` and `unit` labels, as the scheduler writes them.
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            Self::Cpu => ("cpu", "cores"),
            Self::Memory => ("memory", "bytes"),
            Self::NvidiaGpu => ("nvidia.com/gpu", "integer"),
        }
    }
}

/// Adds the pod's Kubernetes series.
pub(crate) fn add_pod(catalog: &mut Catalog, pod: &Pod, usage: PodUsage) {
    add_state(catalog, pod);
    add_limits(catalog, pod);
    add_usage(catalog, pod, usage);
}

fn add_state(catalog: &mut Catalog, pod: &Pod) {
    let (job, instance) = KUBE_STATE_METRICS;
    let info = Labels::scraped(job, instance)
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("uid", pod.uid.as_str())
        .with("host_ip", pod.node.ip)
        .with("pod_ip", pod.ip.as_str())
        .with("node", pod.node.name)
        .with("created_by_kind", pod.owner_kind.as_str())
        .with("created_by_name", pod.owner_name.as_str())
        .with("priority_class", "")
        .with("host_network", "false");
    catalog.gauge(
        "kube_pod_info",
        "Information about pod.",
        &info,
        pod.alive,
        |_| 1.0,
    );
    let owner = Labels::scraped(job, instance)
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("uid", pod.uid.as_str())
        .with("owner_kind", pod.owner_kind.as_str())
        .with("owner_name", pod.owner_name.as_str())
        .with("owner_is_controller", "true");
    // Running for its whole life: the other phases are reported as 0, as kube-state-metrics does.
    for phase in ["Pending", "Running", "Succeeded", "Failed", "Unknown"] {
        let labels = Labels::scraped(job, instance)
            .with("namespace", pod.namespace)
            .with("pod", pod.name.as_str())
            .with("uid", pod.uid.as_str())
            .with("phase", phase);
        let value = if phase == "Running" { 1.0 } else { 0.0 };
        catalog.gauge(
            "kube_pod_status_phase",
            "The pods current phase.",
            &labels,
            pod.alive,
            move |_| value,
        );
    }
    catalog.gauge(
        "kube_pod_owner",
        "Information about the Pod's owner.",
        &owner,
        pod.alive,
        |_| 1.0,
    );
}

fn add_limits(catalog: &mut Catalog, pod: &Pod) {
    let container = pod.container;
    let limits = [
        (Resource::Cpu, container.cpu_limit_cores),
        (Resource::Memory, container.memory_limit_bytes),
        (Resource::NvidiaGpu, f64::from(container.gpus)),
    ];
    for (resource, limit) in limits {
        if limit <= 0.0 {
            continue;
        }
        let (resource, unit) = resource.labels();
        let (job, instance) = SCHEDULER;
        let labels = Labels::scraped(job, instance)
            .with("namespace", pod.namespace)
            .with("pod", pod.name.as_str())
            .with("node", pod.node.name)
            .with("scheduler", "default-scheduler")
            .with("priority", "0")
            .with("resource", resource)
            .with("unit", unit);
        catalog.gauge(
            "kube_pod_resource_limit",
            "Resources limit for workloads on the cluster, broken down by pod.",
            &labels,
            pod.alive,
            move |_| limit,
        );
    }
}

fn add_usage(catalog: &mut Catalog, pod: &Pod, usage: PodUsage) {
    let labels = Labels::scraped("kubelet", format!("{}:10250", pod.node.ip))
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("container", pod.container.name)
        .with("image", pod.container.image)
        .with("node", pod.node.name)
        .with("metrics_path", "/metrics/cadvisor")
        .with("service", "kubelet")
        .with("endpoint", "https-metrics");
    let since_secs = secs(pod.alive.start_ms);
    let cpu_cores = usage.cpu_cores;
    let cpu_cores_network = cpu_cores.clone();
    catalog.counter(
        "container_cpu_usage_seconds_total",
        "Cumulative cpu time consumed in seconds.",
        &labels,
        pod.alive,
        move |at_ms| round_to(cpu_cores.integral(since_secs, secs(at_ms)), 3),
    );
    // Network traffic follows the CPU: a busy server receives more. cAdvisor reports it for
    // the pod's network namespace, not per container.
    let network = Labels::scraped("kubelet", format!("{}:10250", pod.node.ip))
        .with("namespace", pod.namespace)
        .with("pod", pod.name.as_str())
        .with("interface", "eth0")
        .with("node", pod.node.name)
        .with("metrics_path", "/metrics/cadvisor");
    catalog.counter(
        "container_network_receive_bytes_total",
        "Cumulative count of bytes received.",
        &network,
        pod.alive,
        move |at_ms| {
            (cpu_cores_network.integral(since_secs, secs(at_ms)) * NETWORK_BYTES_PER_CORE_SECOND)
                .round()
        },
    );
    let memory_bytes = usage.memory_bytes;
    catalog.gauge(
        "container_memory_working_set_bytes",
        "Current working set in bytes.",
        &labels,
        pod.alive,
        move |at_ms| memory_bytes(secs(at_ms)).max(0.0).round(),
    );
}
