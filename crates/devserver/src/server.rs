//! Starting and stopping the server: bind first (so the scrape target is known), serve, then
//! start the managed Prometheus that scrapes it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

use obs_demo::{ManagedPrometheus, PrometheusOptions};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{Config, PrometheusSource};
use crate::exporter::Exporter;
use crate::manifests::ManifestStore;
use crate::prometheus::Upstream;
use crate::rbac::{Rbac, RbacError};
use crate::request_log::RequestLog;
use crate::routes;
use crate::state::AppState;

/// How long in-flight requests may take to finish when the server stops.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the server could not start or stop cleanly.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Rbac(#[from] RbacError),
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error("the demo metrics exporter cannot listen on {address}: {source}")]
    Exporter {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error("the managed Prometheus did not start: {0}")]
    PrometheusStart(String),
    #[error("the managed Prometheus did not stop cleanly: {0}")]
    PrometheusStop(String),
    #[error("the HTTP server failed: {0}")]
    Serve(String),
}

/// A running server (and its managed Prometheus, if any).
pub struct RunningServer {
    address: SocketAddr,
    prometheus_url: String,
    shutdown: oneshot::Sender<()>,
    serving: JoinHandle<std::io::Result<()>>,
    managed: Option<ManagedPrometheus>,
    exporter: Option<Exporter>,
}

impl RunningServer {
    /// Starts serving and, for a managed Prometheus, waits until it is ready.
    pub async fn start(config: Config) -> Result<Self, ServerError> {
        let rbac = Rbac::load(&config.rbac_file)?;
        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|source| ServerError::Bind {
                    address: config.listen,
                    source,
                })?;
        let address = listener.local_addr().map_err(|source| ServerError::Bind {
            address: config.listen,
            source,
        })?;
        if !config.dashboards_dir.is_dir() {
            tracing::warn!(
                dir = %config.dashboards_dir.display(),
                "the dashboards directory does not exist; no dashboards are served until it does"
            );
        }
        let state = Arc::new(AppState {
            rbac,
            local_mode: config.local_user,
            manifests: Arc::new(ManifestStore::new(&config.dashboards_dir)),
            upstream: Upstream::new(config.prometheus_timeout),
            requests: Arc::new(RequestLog::default()),
            body_limit_bytes: config.body_limit_bytes,
            server_url: format!("http://{address}"),
            started_at: chrono::Utc::now(),
            missing_files: Arc::default(),
            kubernetes_delay_ms: AtomicU64::new(0),
        });
        let app = routes::router(
            Arc::clone(&state),
            config.static_dir.as_deref(),
            &config.remotes,
        );
        let (shutdown, serving) = serve(listener, app);
        log_start(&state, &config, address);

        let (managed, exporter, prometheus_url) = match &config.prometheus {
            PrometheusSource::External { url } => (None, None, url.clone()),
            PrometheusSource::Managed {
                port,
                backfill_secs,
            } => {
                let exporter = match Exporter::start(config.metrics_listen).await {
                    Ok(exporter) => exporter,
                    Err(source) => {
                        let _ = shutdown.send(());
                        let _ = tokio::time::timeout(DRAIN_TIMEOUT, serving).await;
                        return Err(ServerError::Exporter {
                            address: config.metrics_listen,
                            source,
                        });
                    }
                };
                let options = PrometheusOptions {
                    listen_port: *port,
                    scrape_target: exporter.address().to_string(),
                    backfill_secs: *backfill_secs,
                    ..PrometheusOptions::default()
                };
                tracing::info!(
                    scrape_target = %options.scrape_target,
                    backfill_secs,
                    "starting the managed Prometheus"
                );
                match ManagedPrometheus::start(options).await {
                    Ok(managed) => {
                        let timings = managed.timings();
                        tracing::info!(
                            generate_ms = timings.generate.as_millis(),
                            import_ms = timings.import.as_millis(),
                            ready_ms = timings.ready.as_millis(),
                            data_dir = %managed.data_dir().display(),
                            pid = managed.pid(),
                            "the managed Prometheus is ready"
                        );
                        if !managed.dies_with_parent() {
                            tracing::warn!(
                                "setpriv (util-linux) is missing: if this server is killed, \
                                 stop its Prometheus (pid {}) yourself",
                                managed.pid()
                            );
                        }
                        let url = managed.url();
                        (Some(managed), Some(exporter), url)
                    }
                    Err(error) => {
                        exporter.stop().await;
                        let _ = shutdown.send(());
                        let _ = tokio::time::timeout(DRAIN_TIMEOUT, serving).await;
                        return Err(ServerError::PrometheusStart(error.to_string()));
                    }
                }
            }
        };
        state.upstream.set_base_url(&prometheus_url);
        tracing::info!(url = %prometheus_url, "queries go to this Prometheus");
        Ok(Self {
            address,
            prometheus_url,
            shutdown,
            serving,
            managed,
            exporter,
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://<address>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Where the managed Prometheus scrapes the demo metrics (none with an external one).
    pub fn exporter_address(&self) -> Option<SocketAddr> {
        self.exporter.as_ref().map(Exporter::address)
    }

    /// The Prometheus the queries go to.
    pub fn prometheus_url(&self) -> &str {
        &self.prometheus_url
    }

    /// Stops serving (in-flight requests get a few seconds), then stops Prometheus.
    pub async fn stop(self) -> Result<(), ServerError> {
        let Self {
            shutdown,
            mut serving,
            managed,
            exporter,
            ..
        } = self;
        let _ = shutdown.send(());
        let served = match tokio::time::timeout(DRAIN_TIMEOUT, &mut serving).await {
            Ok(Ok(result)) => result.map_err(|error| ServerError::Serve(error.to_string())),
            Ok(Err(join_error)) => Err(ServerError::Serve(join_error.to_string())),
            Err(_elapsed) => {
                tracing::warn!("requests still running after {DRAIN_TIMEOUT:?}; stopping anyway");
                serving.abort();
                Ok(())
            }
        };
        if let Some(managed) = managed {
            managed
                .stop()
                .await
                .map_err(|error| ServerError::PrometheusStop(error.to_string()))?;
            tracing::info!("the managed Prometheus stopped");
        }
        if let Some(exporter) = exporter {
            exporter.stop().await;
        }
        served
    }
}

impl std::fmt::Debug for RunningServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunningServer")
            .field("address", &self.address)
            .field("prometheus_url", &self.prometheus_url)
            .field(
                "managed_prometheus",
                &self.managed.as_ref().map(ManagedPrometheus::pid),
            )
            .finish_non_exhaustive()
    }
}

/// Serves `app` on `listener` until the returned sender fires or is dropped.
pub(crate) fn serve(
    listener: TcpListener,
    app: axum::Router,
) -> (oneshot::Sender<()>, JoinHandle<std::io::Result<()>>) {
    let (shutdown, stop_signal) = oneshot::channel::<()>();
    let serving = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // A dropped sender stops the server as well.
                let _ = stop_signal.await;
            })
            .await
    });
    (shutdown, serving)
}

fn log_start(state: &AppState, config: &Config, address: SocketAddr) {
    tracing::info!(
        "obs-devserver emulates the ODH dashboard backend at http://{address}: \
         /api/k8s (projects, PersesDashboards), /api/prometheus (tenancy and cluster), \
         /api/status, /perses/api"
    );
    tracing::info!(
        dir = %config.dashboards_dir.display(),
        rbac = %config.rbac_file.display(),
        projects = state.rbac.projects().len(),
        "dashboards and users"
    );
    match state.rbac.local_user() {
        Some(user) if state.local_mode => tracing::info!(
            user = %user.name,
            "local mode: requests without x-forwarded-access-token run as this user"
        ),
        _ => tracing::info!("requests need an x-forwarded-access-token header"),
    }
    if let Some(dir) = &config.static_dir {
        tracing::info!(dir = %dir.display(), "serving the built page");
    }
    for (name, dir) in &config.remotes {
        tracing::info!(
            remote = %name,
            dir = %dir.display(),
            "serving a module-federation remote at /_mf/{name}/"
        );
    }
}
