//! Errors of the managed Prometheus, each saying what failed and what to do about it.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// An external program the demo runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Prometheus,
    Promtool,
}

impl fmt::Display for Tool {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Self::Prometheus => "prometheus",
            Self::Promtool => "promtool",
        })
    }
}

/// What went wrong while preparing, starting, querying or stopping Prometheus.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "{tool} not found (looked for `{}`): install the Debian package `prometheus` \
         (apt-get install prometheus), which provides prometheus and promtool, or set the path \
         in PrometheusOptions",
        program.display()
    )]
    ToolNotFound { tool: Tool, program: PathBuf },

    #[error("invalid Prometheus option `{option}`: {reason}")]
    InvalidOption {
        option: &'static str,
        reason: String,
    },

    #[error("could not {action} `{}`: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("could not run {tool} (`{}`): {source}", program.display())]
    Spawn {
        tool: Tool,
        program: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "promtool could not import the backfilled history ({status}); this is a bug in the \
         history writer or an incompatible promtool. Its output ends with:\n{output}"
    )]
    Backfill { status: String, output: String },

    #[error(
        "prometheus exited before it was ready ({status}); check its flags and that the data \
         directory is not used by another Prometheus. Its log ends with:\n{log_tail}"
    )]
    PrometheusExited { status: String, log_tail: String },

    #[error(
        "prometheus did not become ready at {url} within {timeout_secs} s (a very busy machine \
         or a large data directory?). Its log ends with:\n{log_tail}"
    )]
    NotReady {
        url: String,
        timeout_secs: u64,
        log_tail: String,
    },

    #[error("HTTP GET {url} failed: {reason}")]
    Http { url: String, reason: String },

    #[error("could not stop prometheus (pid {pid}): {source}")]
    Stop {
        pid: u32,
        #[source]
        source: io::Error,
    },
}

impl DemoError {
    /// A file system error with what was being done and where.
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io {
            action,
            path,
            source,
        }
    }
}
