//! The demo cluster: nodes and their GPUs, and how pods are named, addressed and placed.

use crate::catalog::Span;
use crate::hash;

/// A worker node.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) name: &'static str,
    pub(crate) ip: &'static str,
    pub(crate) gpus: Option<GpuNode>,
}

/// The GPUs of a node and the DCGM exporter pod that reports them.
#[derive(Debug)]
pub(crate) struct GpuNode {
    pub(crate) model: GpuModel,
    pub(crate) exporter_pod: &'static str,
    pub(crate) exporter_ip: &'static str,
    pub(crate) driver_version: &'static str,
}

/// The GPU models in the demo cluster.
#[derive(Clone, Copy, Debug)]
pub(crate) enum GpuModel {
    L40s,
    A100Sxm80Gb,
}

impl GpuModel {
    /// DCGM's `modelName` label.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::L40s => "NVIDIA L40S",
            Self::A100Sxm80Gb => "NVIDIA A100-SXM4-80GB",
        }
    }

    /// Frame buffer memory in MiB, as DCGM counts it (used + free + reserved).
    pub(crate) fn framebuffer_mib(self) -> f64 {
        match self {
            Self::L40s => 46_068.0,
            Self::A100Sxm80Gb => 81_920.0,
        }
    }

    /// Memory the driver reserves, neither used nor free.
    pub(crate) fn reserved_mib(self) -> f64 {
        match self {
            Self::L40s => 597.0,
            Self::A100Sxm80Gb => 517.0,
        }
    }
}

/// The namespace of the NVIDIA GPU operator, home of the DCGM exporter.
pub(crate) const GPU_OPERATOR_NAMESPACE: &str = "nvidia-gpu-operator";

/// Four L40S GPUs for model serving.
pub(crate) static SERVING_NODE: Node = Node {
    name: "ip-10-0-41-118.ec2.internal",
    ip: "10.0.41.118",
    gpus: Some(GpuNode {
        model: GpuModel::L40s,
        exporter_pod: "nvidia-dcgm-exporter-7kq2m",
        exporter_ip: "10.129.2.14",
        driver_version: "550.144.03",
    }),
};

/// Four A100s for training and notebooks.
pub(crate) static TRAINING_NODE: Node = Node {
    name: "ip-10-0-77-203.ec2.internal",
    ip: "10.0.77.203",
    gpus: Some(GpuNode {
        model: GpuModel::A100Sxm80Gb,
        exporter_pod: "nvidia-dcgm-exporter-q8w4n",
        exporter_ip: "10.130.0.22",
        driver_version: "550.144.03",
    }),
};

/// A CPU-only worker.
pub(crate) static CPU_NODE: Node = Node {
    name: "ip-10-0-12-56.ec2.internal",
    ip: "10.0.12.56",
    gpus: None,
};

/// The controller that owns a pod (`kube_pod_owner{owner_kind}`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum OwnerKind {
    ReplicaSet,
    StatefulSet,
    PyTorchJob,
}

impl OwnerKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::ReplicaSet => "ReplicaSet",
            Self::StatefulSet => "StatefulSet",
            Self::PyTorchJob => "PyTorchJob",
        }
    }
}

/// The main container of a pod and what it may use.
#[derive(Debug)]
pub(crate) struct Container {
    pub(crate) name: &'static str,
    pub(crate) image: &'static str,
    pub(crate) cpu_limit_cores: f64,
    pub(crate) memory_limit_bytes: f64,
    pub(crate) gpus: u32,
}

/// One pod during one lifetime.
#[derive(Debug)]
pub(crate) struct Pod {
    pub(crate) namespace: &'static str,
    pub(crate) name: String,
    pub(crate) uid: String,
    pub(crate) ip: String,
    pub(crate) node: &'static Node,
    pub(crate) owner_kind: OwnerKind,
    pub(crate) owner_name: String,
    pub(crate) container: &'static Container,
    pub(crate) alive: Span,
    /// Seeds this pod's jitter: different pods of one workload do not move in lockstep.
    pub(crate) seed: u64,
}

/// Where a new pod goes and what it runs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placement {
    pub(crate) namespace: &'static str,
    pub(crate) node: &'static Node,
    pub(crate) container: &'static Container,
}

impl Pod {
    /// Replica `replica` of a Deployment whose ReplicaSet was rolled out as `generation`:
    /// `<deployment>-<replicaset hash>-<pod suffix>`, as Kubernetes names them.
    pub(crate) fn of_deployment(
        placement: Placement,
        deployment: &str,
        generation: i64,
        replica: u32,
        alive: Span,
    ) -> Self {
        let set_seed = hash::mix(
            hash::seed_of(&format!("{}/{deployment}", placement.namespace)),
            generation,
        );
        let replica_set = format!("{deployment}-{}", hash::kubernetes_suffix(set_seed, 9));
        let name = format!(
            "{replica_set}-{}",
            hash::kubernetes_suffix(hash::mix(set_seed, i64::from(replica) + 1), 5)
        );
        Self::new(placement, name, OwnerKind::ReplicaSet, replica_set, alive)
    }

    /// Pod `<set>-<ordinal>` of a StatefulSet.
    pub(crate) fn of_stateful_set(
        placement: Placement,
        set: &str,
        ordinal: u32,
        alive: Span,
    ) -> Self {
        Self::new(
            placement,
            format!("{set}-{ordinal}"),
            OwnerKind::StatefulSet,
            set.to_owned(),
            alive,
        )
    }

    /// Replica `<job>-<role>-<index>` of a Kubeflow PyTorchJob.
    pub(crate) fn of_pytorch_job(
        placement: Placement,
        job: &str,
        role: &str,
        index: u32,
        alive: Span,
    ) -> Self {
        let name = format!("{job}-{role}-{index}");
        Self::new(
            placement,
            name,
            OwnerKind::PyTorchJob,
            job.to_owned(),
            alive,
        )
    }

    fn new(
        placement: Placement,
        name: String,
        owner_kind: OwnerKind,
        owner_name: String,
        alive: Span,
    ) -> Self {
        let seed = hash::mix(
            hash::seed_of(&format!("{}/{name}", placement.namespace)),
            alive.start_ms,
        );
        // Pod addresses from OpenShift's default 10.128.0.0/14 cluster network.
        let ip = format!(
            "10.{}.{}.{}",
            128 + hash::mix(seed, 1) % 4,
            hash::mix(seed, 2) % 256,
            2 + hash::mix(seed, 3) % 250
        );
        Self {
            namespace: placement.namespace,
            name,
            uid: hash::uuid(seed),
            ip,
            node: placement.node,
            owner_kind,
            owner_name,
            container: placement.container,
            alive,
            seed,
        }
    }
}
