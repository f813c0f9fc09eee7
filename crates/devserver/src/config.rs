//! What the server is started with. `main.rs` fills it from flags; tests build it directly.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Request bodies above this size are refused with 413.
pub const DEFAULT_BODY_LIMIT_BYTES: usize = 1024 * 1024;
/// How long a Prometheus call may take.
pub const DEFAULT_PROMETHEUS_TIMEOUT: Duration = Duration::from_secs(30);

/// The configuration of one server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port.
    pub listen: SocketAddr,
    /// Where the demo metrics exporter listens for the managed Prometheus: a loopback
    /// address (port 0 picks a free port).
    pub metrics_listen: SocketAddr,
    /// The manifest directory (a GitOps checkout of PersesDashboards).
    pub dashboards_dir: PathBuf,
    /// The RBAC file: users, tokens, projects.
    pub rbac_file: PathBuf,
    pub prometheus: PrometheusSource,
    pub prometheus_timeout: Duration,
    /// Local mode: requests without a token run as the RBAC file's local user.
    pub local_user: bool,
    /// A built single-page app to serve, with index.html for unknown paths.
    pub static_dir: Option<PathBuf>,
    /// Module-federation remotes served at `/_mf/<name>/`: `(name, built directory)`.
    pub remotes: Vec<(String, PathBuf)>,
    pub body_limit_bytes: usize,
}

/// Which Prometheus answers the queries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrometheusSource {
    /// An existing Prometheus-compatible API (a cluster's, through a port-forward).
    External { url: String },
    /// A Prometheus started with the server, filled with the demo workloads' history and
    /// scraping the server's demo metrics exporter; stopped with the server.
    Managed {
        /// 0 picks a free port.
        port: u16,
        /// How much history to write before starting.
        backfill_secs: u64,
    },
}

impl Config {
    /// The defaults of the command line, for the given manifest and RBAC paths.
    pub fn new(dashboards_dir: impl Into<PathBuf>, rbac_file: impl Into<PathBuf>) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8091)),
            metrics_listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            dashboards_dir: dashboards_dir.into(),
            rbac_file: rbac_file.into(),
            prometheus: PrometheusSource::Managed {
                port: 9099,
                backfill_secs: 24 * 3600,
            },
            prometheus_timeout: DEFAULT_PROMETHEUS_TIMEOUT,
            local_user: true,
            static_dir: None,
            remotes: Vec::new(),
            body_limit_bytes: DEFAULT_BODY_LIMIT_BYTES,
        }
    }
}
