//! The demo workloads: which pods exist when, and the series each one exports.
//!
//! `inventory` holds the story (projects, models, traffic); one module per kind of workload turns
//! a spec into series (`ovms`, `vllm`, `trustyai`, `training`, `notebook`, `volumes`), sharing
//! the pod-level Kubernetes series (`kube`) and GPU series (`gpu`); `nodes` adds the
//! cluster-level node series.

mod cluster;
mod gpu;
pub(crate) mod inventory;
mod kube;
mod nodes;
mod notebook;
mod ovms;
mod schedule;
mod training;
mod trustyai;
mod vllm;
mod volumes;

#[cfg(test)]
mod tests;

use crate::catalog::{Catalog, Span};

/// Every demo series alive at some moment of `window`.
pub(crate) fn catalog(window: Span) -> Catalog {
    let mut catalog = Catalog::new(window);
    ovms::add(&mut catalog, &inventory::FRAUD_DETECTOR);
    vllm::add(&mut catalog, &inventory::FRAUD_EXPLAINER);
    trustyai::add(&mut catalog, &inventory::FRAUD_TRUSTYAI);
    vllm::add(&mut catalog, &inventory::SUPPORT_CHAT);
    vllm::add(&mut catalog, &inventory::SUPPORT_ROUTER);
    training::add(&mut catalog, &inventory::RESNET_FINETUNE);
    notebook::add(&mut catalog, &inventory::CV_WORKBENCH);
    volumes::add(&mut catalog, &inventory::VOLUMES);
    nodes::add(&mut catalog);
    catalog
}
