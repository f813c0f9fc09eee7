//! Namespace tenancy, as OpenShift's Thanos tenancy port enforces it.
//!
//! In a cluster the ODH backend sends `GET /api/v1/query?<the body's query string>` to the
//! tenancy port of thanos-querier, where kube-rbac-proxy checks that the user may read the
//! namespace named in the URL's `namespace` parameter and prom-label-proxy (started with
//! `--label=namespace --error-on-replace`) rewrites every selector of the PromQL to that
//! namespace. This module does both halves:
//!
//! - [`params`] reads the body's query string into the parameters the tenancy port knows,
//!   refusing duplicates (a second `namespace` or `query` is the classic way to make two
//!   proxies see different values);
//! - [`enforce`] parses the PromQL with `promql-parser`, puts `namespace="<ns>"` on every
//!   vector and matrix selector, rejects a user matcher on `namespace` that can never match
//!   the enforced value, and prints the rewritten query that is sent to Prometheus.
//!
//! Architecture invariant: nothing here forwards text it received. The query sent upstream is
//! printed from the rewritten syntax tree and read back once more to prove every selector
//! carries the namespace.

pub mod enforce;
pub mod numbers;
pub mod params;

#[cfg(test)]
mod tests;

pub use enforce::{TenancyError, enforce_namespace};
pub use numbers::{TimeParamError, check_time_param};
pub use obs_promql::limits::{self, LimitError};
pub use params::{Param, ParamsError, QueryParams};
