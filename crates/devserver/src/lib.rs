//! The development backend: the ODH dashboard backend's contract in front of a real
//! Prometheus, for local use, tests and demos.
//!
//! It serves what the plugin calls in a cluster, with the same paths, bodies and answers:
//! projects and PersesDashboards through `/api/k8s`, PromQL through `/api/prometheus` (the
//! namespace enforced as OpenShift's Thanos tenancy port does, see [`tenancy`]), the user
//! through `/api/status`, and the Perses API under `/perses/api`. Users and their projects
//! come from a small RBAC file ([`rbac`]); dashboards from a directory of manifests
//! ([`manifests`]); metrics from a Prometheus it starts and fills with the demo workloads
//! (`obs-demo`), or from an existing one.
//!
//! Architecture invariants: the only PromQL that reaches Prometheus through the tenancy
//! routes is printed from a rewritten syntax tree in which every selector carries the
//! caller's namespace; requests to Prometheus are rebuilt from known parameters, never
//! forwarded. The demo metrics exporter that Prometheus scrapes listens on its own loopback
//! port ([`exporter`]), never on the main one. The `/__dev` routes exist only here, for
//! end-to-end tests, and answer only the local user or an administrator.

pub mod config;
pub mod errors;
mod exporter;
mod ids;
pub mod manifests;
pub mod prometheus;
pub mod rbac;
pub mod request_log;
mod routes;
pub mod server;
mod state;
pub mod tenancy;

pub use config::{Config, PrometheusSource};
pub use server::{RunningServer, ServerError};
