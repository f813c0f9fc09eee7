//! Against a real Prometheus holding the demo workloads of all three projects: every endpoint
//! and status code, the tenancy attack suite, and the development helpers.
//!
//! One managed Prometheus serves the whole binary, so the sections run in order inside one
//! test; each section names what it checks in its assertion messages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

#[path = "../common/mod.rs"]
mod common;

mod attacks;
mod dev_helpers;
mod endpoints;
mod hostile;
mod quantiles;

use common::{Client, Reply, config, managed_prometheus};
use obs_devserver::RunningServer;
use serde_json::Value;

/// The server, a client for it, a client for its Prometheus, and the evaluation time.
pub struct Live {
    pub server: Client,
    pub prometheus: Client,
    /// The demo metrics exporter the managed Prometheus scrapes (loopback only).
    pub exporter: Client,
    /// A fixed instant in the past (unix seconds): the service and Prometheus, asked about
    /// it, see the same samples.
    pub time: String,
}

impl Live {
    /// Runs PromQL directly on Prometheus, bypassing the tenancy rewrite.
    pub async fn direct(&self, promql: &str) -> Reply {
        let query = common::query_string(&[("query", promql), ("time", &self.time)]);
        self.prometheus
            .get(&format!("/api/v1/query?{query}"), None)
            .await
    }
}

/// The series of a Prometheus `data` object (vector or matrix), empty for scalars.
pub fn series(data: &Value) -> Vec<Value> {
    match data["resultType"].as_str() {
        Some("vector" | "matrix") => data["result"].as_array().unwrap().clone(),
        _ => Vec::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_against_a_real_prometheus() {
    let server = RunningServer::start(config(managed_prometheus()))
        .await
        .unwrap();
    let now_secs = chrono::Utc::now().timestamp();
    let live = Live {
        server: Client::new(&server),
        prometheus: Client::for_url(server.prometheus_url()),
        exporter: Client::for_url(&format!(
            "http://{}",
            server
                .exporter_address()
                .expect("a managed Prometheus has an exporter")
        )),
        time: (now_secs - 30).to_string(),
    };
    attacks::data_of_every_project_is_present(&live).await;
    endpoints::run(&live).await;
    attacks::run(&live).await;
    hostile::run(&live).await;
    dev_helpers::run(&live).await;
    quantiles::run(&live).await;
    server.stop().await.unwrap();
}
