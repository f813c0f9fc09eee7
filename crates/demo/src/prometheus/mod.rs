//! A real Prometheus for development and tests, filled with the demo history and scraping the
//! demo exporter.
//!
//! `start` backfills history ending at "now" with promtool (the same generator as the live
//! exporter, so history and live data join without a seam), writes a configuration that scrapes
//! the exporter with `honor_labels: true`, starts Prometheus on a loopback port and waits until
//! it is ready. The process is killed when the handle is dropped; `stop` shuts it down cleanly.

mod backfill;
mod config;
mod process;
mod scratch;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use tokio::process::Child;

use crate::{DemoError, Tool};

/// How to run the managed Prometheus.
#[derive(Clone, Debug)]
pub struct PrometheusOptions {
    /// The Prometheus binary: a path, or a name looked up on `PATH`.
    pub binary: PathBuf,
    /// The promtool binary, for the backfill.
    pub promtool: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub listen_port: u16,
    /// Where the database lives; `None` makes a temporary directory, removed on stop. Reusing a
    /// directory backfills again: Prometheus 2.42 merges the overlapping blocks.
    pub data_dir: Option<PathBuf>,
    /// `host:port` serving `/metrics`, e.g. `127.0.0.1:8091`.
    pub scrape_target: String,
    pub scrape_interval_secs: u32,
    /// History to backfill before start; 0 for none.
    pub backfill_secs: u64,
    /// Resolution of the backfilled history.
    pub backfill_step_secs: u32,
}

impl Default for PrometheusOptions {
    fn default() -> Self {
        Self {
            binary: PathBuf::from("prometheus"),
            promtool: PathBuf::from("promtool"),
            listen_port: 0,
            data_dir: None,
            scrape_target: "127.0.0.1:8091".to_owned(),
            scrape_interval_secs: 5,
            backfill_secs: 86_400,
            backfill_step_secs: 30,
        }
    }
}

/// How long each part of `start` took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StartupTimings {
    /// Generating the history files.
    pub generate: Duration,
    /// Importing them with promtool.
    pub import: Duration,
    /// From starting Prometheus to its first ready answer.
    pub ready: Duration,
}

/// A running Prometheus owned by this process. It stops when this handle is dropped, and it
/// dies with this process even when nothing is dropped (SIGKILL, an abort): it is started with
/// a parent-death signal. Its scratch directory, left behind then, is removed by the next start.
#[derive(Debug)]
pub struct ManagedPrometheus {
    // Declared first so it is dropped (and the process killed) before its directories go.
    child: Child,
    pid: u32,
    port: u16,
    data_dir: PathBuf,
    /// Configuration, log, and (when none was given) the data directory.
    work_dir: TempDir,
    backfill_end_ms: Option<i64>,
    timings: StartupTimings,
    dies_with_parent: bool,
}

impl ManagedPrometheus {
    /// Backfills, configures and starts Prometheus, and waits until `/-/ready` answers.
    pub async fn start(options: PrometheusOptions) -> Result<Self, DemoError> {
        let config_text = config::render(&options.scrape_target, options.scrape_interval_secs)?;
        if options.backfill_secs > 0 && options.backfill_step_secs == 0 {
            return Err(DemoError::InvalidOption {
                option: "backfill_step_secs",
                reason: "must be at least 1 when backfill_secs is set".to_owned(),
            });
        }
        let binary = process::find_program(&options.binary, Tool::Prometheus)?;
        let promtool = process::find_program(&options.promtool, Tool::Promtool)?;

        scratch::remove_orphans(&std::env::temp_dir());
        let work_dir = tempfile::Builder::new()
            .prefix(scratch::PREFIX)
            .tempdir()
            .map_err(DemoError::io(
                "create a temporary directory in",
                std::env::temp_dir(),
            ))?;
        scratch::claim(work_dir.path()).map_err(DemoError::io("write in", work_dir.path()))?;
        let data_dir = options
            .data_dir
            .clone()
            .unwrap_or_else(|| work_dir.path().join("data"));
        std::fs::create_dir_all(&data_dir).map_err(DemoError::io("create", &data_dir))?;

        let mut timings = StartupTimings::default();
        let mut backfill_end_ms = None;
        if options.backfill_secs > 0 {
            let backfill = backfill::run(
                &promtool,
                work_dir.path(),
                &data_dir,
                options.backfill_secs,
                options.backfill_step_secs,
                options.scrape_interval_secs,
            )
            .await?;
            timings.generate = backfill.generate;
            timings.import = backfill.import;
            backfill_end_ms = Some(backfill.end_ms);
        }

        let config_path = work_dir.path().join("prometheus.yml");
        std::fs::write(&config_path, config_text).map_err(DemoError::io("write", &config_path))?;
        let launch_started = Instant::now();
        let running = process::launch(&process::Launch {
            binary: &binary,
            config: &config_path,
            data_dir: &data_dir,
            log: &work_dir.path().join("prometheus.log"),
            port: options.listen_port,
            // Keep the whole backfill: by default Prometheus deletes what is older than 15 days.
            retention_days: (options.backfill_secs / 86_400 + 1).max(15),
        })
        .await?;
        timings.ready = launch_started.elapsed();

        Ok(Self {
            child: running.child,
            pid: running.pid,
            port: running.port,
            data_dir,
            work_dir,
            backfill_end_ms,
            timings,
            dies_with_parent: running.dies_with_parent,
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The process id, e.g. to check that the process is gone after `stop`.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Whether Prometheus gets SIGTERM when this process dies (`setpriv` from util-linux was
    /// found); without it, only a clean stop or a drop stops it.
    pub fn dies_with_parent(&self) -> bool {
        self.dies_with_parent
    }

    /// The database directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The last backfilled timestamp (unix ms): scraped samples follow it. `None` without backfill.
    pub fn backfill_end_ms(&self) -> Option<i64> {
        self.backfill_end_ms
    }

    /// The last lines of Prometheus' log.
    pub fn log_tail(&self) -> String {
        let path = self.work_dir.path().join("prometheus.log");
        std::fs::read_to_string(&path)
            .map(|text| backfill::last_lines(&text, 15))
            .unwrap_or_default()
    }

    pub fn timings(&self) -> StartupTimings {
        self.timings
    }

    /// Stops Prometheus cleanly (SIGTERM, wait, then SIGKILL) and removes the temporary
    /// directory, including the data directory when it was temporary.
    pub async fn stop(mut self) -> Result<(), DemoError> {
        process::terminate(&mut self.child, self.pid).await?;
        let work_path = self.work_dir.path().to_path_buf();
        self.work_dir
            .close()
            .map_err(DemoError::io("remove", work_path))
    }
}
