//! The cluster-level series administrators' dashboards read (ODH's own "Cluster" dashboard,
//! the MaaS platform dashboard): kube-state-metrics' node conditions and allocatable
//! resources, and node-exporter's memory. Nodes live for the whole demo window.

use crate::catalog::{Catalog, Labels};

use super::cluster::{CPU_NODE, Node, SERVING_NODE, TRAINING_NODE};

/// OpenShift labels node-level series with the namespace of the exporter that reports them.
const MONITORING_NAMESPACE: &str = "openshift-monitoring";

/// Where kube-state-metrics is scraped from (as in `kube`).
const KUBE_STATE_METRICS: (&str, &str) = ("kube-state-metrics", "10.131.0.23:8443");

/// A node's size: CPU cores and memory bytes the kubelet offers pods, and the memory it has.
struct Size {
    node: &'static Node,
    allocatable_cores: f64,
    memory_bytes: f64,
}

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// The three worker nodes' sizes.
const SIZES: [Size; 3] = [
    Size {
        node: &SERVING_NODE,
        allocatable_cores: 47.5,
        memory_bytes: 384.0 * GIB,
    },
    Size {
        node: &TRAINING_NODE,
        allocatable_cores: 95.5,
        memory_bytes: 1152.0 * GIB,
    },
    Size {
        node: &CPU_NODE,
        allocatable_cores: 31.5,
        memory_bytes: 128.0 * GIB,
    },
];

/// Adds every node's series.
pub(crate) fn add(catalog: &mut Catalog) {
    let always = catalog.window();
    let (job, instance) = KUBE_STATE_METRICS;
    for size in &SIZES {
        let node = size.node.name;
        for (status, value) in [("true", 1.0), ("false", 0.0), ("unknown", 0.0)] {
            let labels = Labels::scraped(job, instance)
                .with("namespace", MONITORING_NAMESPACE)
                .with("node", node)
                .with("condition", "Ready")
                .with("status", status);
            catalog.gauge(
                "kube_node_status_condition",
                "The condition of a cluster node.",
                &labels,
                always,
                move |_| value,
            );
        }
        let cores = size.allocatable_cores;
        let memory = size.memory_bytes;
        for (resource, unit, value) in [("cpu", "core", cores), ("memory", "byte", memory * 0.94)] {
            let labels = Labels::scraped(job, instance)
                .with("namespace", MONITORING_NAMESPACE)
                .with("node", node)
                .with("resource", resource)
                .with("unit", unit);
            catalog.gauge(
                "kube_node_status_allocatable",
                "The allocatable for different resources of a node that are available for scheduling.",
                &labels,
                always,
                move |_| value,
            );
        }
        let exporter = Labels::scraped("node-exporter", format!("{}:9100", size.node.ip))
            .with("namespace", MONITORING_NAMESPACE)
            .with("node", node);
        catalog.gauge(
            "node_memory_MemTotal_bytes",
            "Memory information field MemTotal_bytes.",
            &exporter,
            always,
            move |_| memory,
        );
    }
}
