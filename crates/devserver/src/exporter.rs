//! The demo workloads' metrics exporter, on its own loopback listener.
//!
//! The managed Prometheus scrapes it. It is not on the main port because its answer holds
//! every project's raw series: a caller of the main port only sees data through the tenancy
//! routes. In a cluster the same holds: exporters are scraped inside the cluster, and users
//! query Thanos through kube-rbac-proxy and prom-label-proxy.

use std::net::SocketAddr;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running exporter.
pub(crate) struct Exporter {
    address: SocketAddr,
    shutdown: oneshot::Sender<()>,
    serving: JoinHandle<std::io::Result<()>>,
}

impl Exporter {
    /// Binds `listen` (which must be a loopback address, so no other host can read it) and
    /// serves `GET /metrics`.
    pub(crate) async fn start(listen: SocketAddr) -> Result<Self, std::io::Error> {
        if !listen.ip().is_loopback() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "the metrics exporter holds every project's series and listens on loopback \
                     only, not on {listen}"
                ),
            ));
        }
        let listener = TcpListener::bind(listen).await?;
        let address = listener.local_addr()?;
        let app = Router::new().route("/metrics", get(metrics));
        let (shutdown, serving) = crate::server::serve(listener, app);
        Ok(Self {
            address,
            shutdown,
            serving,
        })
    }

    pub(crate) fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops serving; a scrape in flight is cut short, which Prometheus records as a failed
    /// scrape and nothing else.
    pub(crate) async fn stop(self) {
        let _ = self.shutdown.send(());
        self.serving.abort();
        let _ = self.serving.await;
    }
}

/// The demo workloads' metrics at this moment.
async fn metrics() -> Response {
    let now_ms = chrono::Utc::now().timestamp_millis();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        obs_demo::exposition(now_ms),
    )
        .into_response()
}
