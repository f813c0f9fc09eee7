//! The binary: flags, the ready line, and a clean stop on SIGTERM.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{Client, closed_port, repo_root};
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

const BINARY: &str = env!("CARGO_BIN_EXE_obs-devserver");

#[tokio::test]
async fn help_lists_every_flag() {
    let output = Command::new(BINARY).arg("--help").output().await.unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in [
        "--listen",
        "--metrics-listen",
        "--dashboards",
        "--rbac",
        "--prometheus-url",
        "--prometheus-port",
        "--backfill",
        "--prometheus-timeout",
        "--no-local-user",
        "--static-dir",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}

#[tokio::test]
async fn bad_flags_and_files_fail_with_a_message() {
    let output = Command::new(BINARY)
        .args(["--backfill", "soon"])
        .output()
        .await
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid duration"));

    let output = Command::new(BINARY)
        .args([
            "--rbac",
            "/nonexistent/rbac.yaml",
            "--listen",
            "127.0.0.1:0",
        ])
        .env("NO_COLOR", "1")
        .output()
        .await
        .unwrap();
    assert!(!output.status.success());
    let log = String::from_utf8_lossy(&output.stdout);
    assert!(
        log.contains("cannot read the RBAC file /nonexistent/rbac.yaml"),
        "{log}"
    );
}

#[tokio::test]
async fn serves_a_built_page_and_stops_on_sigterm() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><title>page</title>",
    )
    .unwrap();
    std::fs::write(site.path().join("app.js"), "console.log(1)").unwrap();
    let (mut child, mut lines) = spawn(
        Command::new(BINARY)
            .args(["--listen", "127.0.0.1:0", "--no-local-user"])
            .arg("--prometheus-url")
            .arg(format!("http://127.0.0.1:{}", closed_port()))
            .arg("--dashboards")
            .arg(repo_root().join("dashboards"))
            .arg("--static-dir")
            .arg(site.path()),
    );
    let url = tokio::time::timeout(Duration::from_secs(60), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if line.contains("ready")
                && let Some(url) = field(&line, "url")
            {
                return url;
            }
        }
        panic!("the server exited before it was ready");
    })
    .await
    .unwrap();
    let drain = drain(lines);
    let client = Client::for_url(&url);

    let reply = client.get("/api/status", None).await;
    assert_eq!(reply.status, 401, "--no-local-user: {}", reply.text);
    let reply = client.get("/app.js", None).await;
    assert_eq!((reply.status, reply.text.as_str()), (200, "console.log(1)"));
    let reply = client.get("/observe/some/client/route", None).await;
    assert_eq!(reply.status, 200);
    assert!(reply.text.contains("<title>page</title>"));
    let reply = client.get("/api/unknown", None).await;
    assert_eq!(reply.status, 404, "API paths never fall back to the page");
    assert_eq!(reply.message(), "Route GET:/api/unknown not found");

    let pid = child.id().unwrap().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .await
        .unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status}");
    drain.await.unwrap();
}

/// A backend killed with SIGKILL runs no cleanup: its Prometheus must die anyway (a
/// parent-death signal), freeing its port, rather than live on as an orphan.
#[tokio::test]
async fn a_killed_backend_takes_its_prometheus_down() {
    let (mut child, mut lines) = spawn(
        Command::new(BINARY)
            .args(["--listen", "127.0.0.1:0", "--prometheus-port", "0"])
            .args(["--backfill", "10m"]),
    );
    let (pid, prometheus_url) = tokio::time::timeout(Duration::from_secs(120), async {
        let mut pid = None;
        while let Some(line) = lines.next_line().await.unwrap() {
            if line.contains("the managed Prometheus is ready") {
                pid = field(&line, "pid");
            }
            if line.contains("queries go to this Prometheus") {
                return (pid.unwrap(), field(&line, "url").unwrap());
            }
        }
        panic!("the server exited before its Prometheus was ready");
    })
    .await
    .unwrap();
    let drain = drain(lines);
    let prometheus = Client::for_url(&prometheus_url);
    assert_eq!(prometheus.get("/-/ready", None).await.status, 200);

    child.start_kill().unwrap(); // SIGKILL
    child.wait().await.unwrap();
    drain.await.unwrap();

    let gone = tokio::time::timeout(Duration::from_secs(30), async {
        while process_runs(&pid) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(gone.is_ok(), "Prometheus (pid {pid}) outlived its backend");
    let port = prometheus_url.rsplit(':').next().unwrap();
    assert!(
        std::net::TcpStream::connect(format!("127.0.0.1:{port}")).is_err(),
        "Prometheus' port {port} is still open"
    );
}

/// Whether a process runs: it has a /proc entry that is not a zombie (a container's init may
/// not reap the orphan at once; a zombie holds no port and does no work).
fn process_runs(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next().map(str::to_owned))
        })
        .is_some_and(|state| state != "Z")
}

/// Starts the binary with its log (plain text) piped, killed if the test ends first.
fn spawn(command: &mut Command) -> (Child, Lines<BufReader<ChildStdout>>) {
    let mut child = command
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

/// Keeps reading the log so the child never blocks on a full pipe.
fn drain(mut lines: Lines<BufReader<ChildStdout>>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} })
}

/// The value of `name=value` in a log line.
fn field(line: &str, name: &str) -> Option<String> {
    line.split(&format!("{name}="))
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
}
