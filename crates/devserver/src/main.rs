//! `obs-devserver`: the development backend. See the crate documentation and `--help`.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use obs_core::duration::Duration as PromDuration;
use obs_devserver::{Config, PrometheusSource, RunningServer, ServerError};
use tracing_subscriber::EnvFilter;

/// The ODH dashboard backend's contract (projects, PersesDashboards, Prometheus with
/// namespace tenancy, status, Perses API) in front of a real Prometheus.
#[derive(Debug, Parser)]
#[command(name = "obs-devserver", version)]
struct Cli {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8091")]
    listen: SocketAddr,
    /// Loopback address of the demo metrics exporter the managed Prometheus scrapes (port 0
    /// picks a free port). It is never served on --listen: it holds every project's series.
    #[arg(long, default_value = "127.0.0.1:0")]
    metrics_listen: SocketAddr,
    /// Directory of PersesDashboard manifests (YAML or JSON, nested folders).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dashboards"))]
    dashboards: PathBuf,
    /// RBAC file: users, their tokens and projects, and the cluster's projects.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dev/rbac.yaml"))]
    rbac: PathBuf,
    /// Use this Prometheus (for example a cluster's, through a port-forward) instead of
    /// starting one.
    #[arg(long)]
    prometheus_url: Option<String>,
    /// Port of the managed Prometheus.
    #[arg(long, default_value_t = 9099, conflicts_with = "prometheus_url")]
    prometheus_port: u16,
    /// History the managed Prometheus is filled with before it starts (1h, 24h, 7d).
    #[arg(long, default_value = "24h", conflicts_with = "prometheus_url")]
    backfill: PromDuration,
    /// How long a Prometheus call may take before the answer is a 504.
    #[arg(long, default_value = "30s")]
    prometheus_timeout: PromDuration,
    /// Require the x-forwarded-access-token header (no default local user).
    #[arg(long)]
    no_local_user: bool,
    /// Serve this built page (trunk's dist/), with index.html for unknown paths.
    #[arg(long)]
    static_dir: Option<PathBuf>,
    /// Serve a module-federation remote's built directory at /_mf/NAME/, as the ODH backend
    /// proxies remotes (NAME=DIR; repeatable).
    #[arg(long = "remote", value_name = "NAME=DIR", value_parser = parse_remote)]
    remotes: Vec<(String, PathBuf)>,
}

/// `NAME=DIR`, where NAME is a remote's name (a JavaScript identifier, as the host reads
/// `globalThis[NAME]`).
fn parse_remote(text: &str) -> Result<(String, PathBuf), String> {
    let (name, dir) = text
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=DIR, got {text:?}"))?;
    let identifier = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if !identifier {
        return Err(format!(
            "a remote's name must be a JavaScript identifier, got {name:?}"
        ));
    }
    Ok((name.to_owned(), PathBuf::from(dir)))
}

impl Cli {
    fn into_config(self) -> Config {
        let mut config = Config::new(self.dashboards, self.rbac);
        config.listen = self.listen;
        config.metrics_listen = self.metrics_listen;
        config.prometheus = match self.prometheus_url {
            Some(url) => PrometheusSource::External { url },
            None => PrometheusSource::Managed {
                port: self.prometheus_port,
                backfill_secs: self.backfill.as_secs(),
            },
        };
        config.prometheus_timeout = Duration::from_millis(self.prometheus_timeout.as_millis());
        config.local_user = !self.no_local_user;
        config.static_dir = self.static_dir;
        config.remotes = self.remotes;
        config
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        // Colours only on a terminal, so logs captured by scripts and tests stay plain.
        .with_ansi(std::io::stdout().is_terminal())
        .init();
    if cfg!(panic = "abort") {
        tracing::warn!(
            "built with panic = \"abort\" (the release profile): a panic in a request handler \
             ends the server; build it in the dev profile or with --profile server"
        );
    }
    match run(Cli::parse().into_config()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), ServerError> {
    let server = RunningServer::start(config).await?;
    tracing::info!(url = %server.url(), "ready; stop with Ctrl-C");
    stop_signal().await;
    tracing::info!("stopping");
    server.stop().await
}

/// Resolves on SIGINT or SIGTERM. If a handler cannot be installed, that signal keeps its
/// default action (ending the process), so nothing is lost by waiting for the other.
async fn stop_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::parse_remote;

    #[test]
    fn remote_flags() {
        let ok = |text: &str, name: &str, dir: &str| {
            assert_eq!(
                parse_remote(text),
                Ok((name.to_owned(), dir.into())),
                "{text}"
            );
        };
        ok("observabilityWasm=dist", "observabilityWasm", "dist");
        ok("_x$1=/a=b", "_x$1", "/a=b");
        for bad in ["dist", "=dist", "1x=dist", "my-remote=dist", "a b=dist"] {
            assert!(parse_remote(bad).is_err(), "{bad}");
        }
    }
}
