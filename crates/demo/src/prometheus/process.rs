//! The Prometheus process: finding the binaries, starting it on a free loopback port, waiting
//! until it is ready, and stopping it.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process};
use tokio::process::{Child, Command};

use super::backfill::last_lines;
use crate::{DemoError, Tool, http};

/// How long Prometheus may take to answer `/-/ready`.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// How often readiness is probed.
const READY_POLL: Duration = Duration::from_millis(100);
/// How long Prometheus may take to shut down after SIGTERM before it is killed.
const STOP_GRACE: Duration = Duration::from_secs(20);
/// Attempts with a fresh port when another process took the one we picked.
const PORT_ATTEMPTS: u32 = 3;

/// The resolved path of `program`: as given when it names a path, else found on `PATH`.
pub(super) fn find_program(program: &Path, tool: Tool) -> Result<PathBuf, DemoError> {
    let not_found = || DemoError::ToolNotFound {
        tool,
        program: program.to_path_buf(),
    };
    if program.components().count() > 1 {
        return if program.is_file() {
            Ok(program.to_path_buf())
        } else {
            Err(not_found())
        };
    }
    let path = std::env::var_os("PATH").ok_or_else(not_found)?;
    std::env::split_paths(&path)
        .map(|directory| directory.join(program))
        .find(|candidate| candidate.is_file())
        .ok_or_else(not_found)
}

/// What to run.
pub(super) struct Launch<'a> {
    pub(super) binary: &'a Path,
    pub(super) config: &'a Path,
    pub(super) data_dir: &'a Path,
    pub(super) log: &'a Path,
    /// 0 picks a free port.
    pub(super) port: u16,
    pub(super) retention_days: u64,
}

/// A running, ready Prometheus.
pub(super) struct Running {
    pub(super) child: Child,
    pub(super) pid: u32,
    pub(super) port: u16,
    /// Started through `setpriv --pdeathsig`: it gets SIGTERM when its parent dies.
    pub(super) dies_with_parent: bool,
}

/// Starts Prometheus and waits until it is ready. A picked port can be taken by another process
/// before Prometheus binds it; then it tries again with another.
pub(super) async fn launch(launch: &Launch<'_>) -> Result<Running, DemoError> {
    let mut attempt = 1;
    loop {
        let port = if launch.port == 0 {
            free_port()?
        } else {
            launch.port
        };
        match start_once(launch, port).await {
            Err(DemoError::PrometheusExited { log_tail, .. })
                if launch.port == 0
                    && attempt < PORT_ATTEMPTS
                    && log_tail.contains("address already in use") =>
            {
                attempt += 1;
            }
            result => return result,
        }
    }
}

async fn start_once(launch: &Launch<'_>, port: u16) -> Result<Running, DemoError> {
    let log = File::create(launch.log).map_err(DemoError::io("create", launch.log))?;
    let log_for_stdout = log.try_clone().map_err(DemoError::io("open", launch.log))?;
    let (mut command, dies_with_parent) = dying_with_parent(launch.binary);
    let mut child = command
        .arg(format!("--config.file={}", launch.config.display()))
        .arg(format!("--storage.tsdb.path={}", launch.data_dir.display()))
        .arg(format!(
            "--storage.tsdb.retention.time={}d",
            launch.retention_days
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::from(log_for_stdout))
        .stderr(Stdio::from(log))
        // A panicking test or a crashed development server must not leak a Prometheus.
        .kill_on_drop(true)
        .spawn()
        .map_err(|source| DemoError::Spawn {
            tool: Tool::Prometheus,
            program: launch.binary.to_path_buf(),
            source,
        })?;
    let pid = child.id().unwrap_or_default();
    wait_ready(&mut child, port, launch.log).await?;
    Ok(Running {
        child,
        pid,
        port,
        dies_with_parent,
    })
}

/// A command that runs `binary` with a parent-death signal: Prometheus gets SIGTERM when the
/// thread that started it ends, that is when this process dies however it dies (SIGKILL, an
/// abort, a stack overflow), so it never outlives its owner holding a port.
///
/// The signal is set by util-linux's `setpriv` (present on every Debian system), which then
/// execs Prometheus in the same process: the workspace forbids the `unsafe` that `pre_exec`
/// with `prctl` would need. Callers start Prometheus from a thread that lives as long as the
/// process (the main thread, or a runtime's worker); a thread that ends earlier would send the
/// signal early. Without `setpriv`, Prometheus is started directly.
fn dying_with_parent(binary: &Path) -> (Command, bool) {
    match find_program(Path::new("setpriv"), Tool::Prometheus) {
        Ok(setpriv) => {
            let mut command = Command::new(setpriv);
            command.args(["--pdeathsig", "TERM", "--"]).arg(binary);
            (command, true)
        }
        Err(_) => (Command::new(binary), false),
    }
}

/// Polls `/-/ready` until it answers 200, the process exits, or the time is up.
async fn wait_ready(child: &mut Child, port: u16, log: &Path) -> Result<(), DemoError> {
    let started = Instant::now();
    loop {
        if let Some(status) = child
            .try_wait()
            .map_err(DemoError::io("wait for prometheus, logging to", log))?
        {
            return Err(DemoError::PrometheusExited {
                status: status.to_string(),
                log_tail: log_tail(log),
            });
        }
        if let Ok(response) = http::get(port, "/-/ready", Duration::from_secs(2)).await
            && response.status == 200
        {
            return Ok(());
        }
        if started.elapsed() > READY_TIMEOUT {
            return Err(DemoError::NotReady {
                url: format!("http://127.0.0.1:{port}/-/ready"),
                timeout_secs: READY_TIMEOUT.as_secs(),
                log_tail: log_tail(log),
            });
        }
        tokio::time::sleep(READY_POLL).await;
    }
}

/// Stops the process: SIGTERM so it closes its database cleanly, then SIGKILL after a grace time.
pub(super) async fn terminate(child: &mut Child, pid: u32) -> Result<(), DemoError> {
    let stop_error = |source| DemoError::Stop { pid, source };
    // `id()` is None once the exit has been collected: nothing left to stop.
    let Some(raw_pid) = child.id() else {
        return Ok(());
    };
    if let Some(pid) = i32::try_from(raw_pid).ok().and_then(Pid::from_raw) {
        match kill_process(pid, Signal::TERM) {
            // ESRCH: it exited between `id()` and the signal.
            Ok(()) | Err(rustix::io::Errno::SRCH) => {}
            Err(errno) => return Err(stop_error(errno.into())),
        }
    }
    match tokio::time::timeout(STOP_GRACE, child.wait()).await {
        Ok(result) => result.map(|_| ()).map_err(stop_error),
        Err(_) => child.kill().await.map_err(stop_error),
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> Result<u16, DemoError> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))
        .map_err(DemoError::io("bind a free port on", "127.0.0.1:0"))?;
    let address = listener
        .local_addr()
        .map_err(DemoError::io("read the address of", "127.0.0.1:0"))?;
    Ok(address.port())
}

/// The last lines of Prometheus' log, for error messages.
fn log_tail(log: &Path) -> String {
    match std::fs::read_to_string(log) {
        Ok(text) => last_lines(&text, 15),
        Err(error) => format!("(could not read {}: {error})", log.display()),
    }
}
