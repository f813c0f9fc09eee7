//! The scratch directories of managed Prometheus processes: each records the process that owns
//! it, so a later start can remove those whose owner was killed before it could clean up.
//!
//! A backend killed with SIGKILL runs no destructor: its Prometheus dies with it (see
//! `process::launch`), but its scratch directory, holding a copy of the backfilled database,
//! stays. Without this, every crash of a test or of the development server would leave hundreds
//! of megabytes in the temporary directory.

use std::path::{Path, PathBuf};

use rustix::process::{Pid, test_kill_process};

/// The prefix of every scratch directory in the system's temporary directory.
pub(super) const PREFIX: &str = "obs-demo-prometheus-";
/// The file inside a scratch directory naming its owner's process id.
const OWNER_FILE: &str = "owner.pid";

/// Writes this process' id into a new scratch directory.
pub(super) fn claim(dir: &Path) -> std::io::Result<()> {
    std::fs::write(dir.join(OWNER_FILE), std::process::id().to_string())
}

/// Removes the scratch directories in `parent` whose owner no longer runs, and returns them.
/// A directory without an owner file is left alone: it may be one that is being created.
pub(super) fn remove_orphans(parent: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(PREFIX))
        .map(|entry| entry.path())
        .filter(|dir| owner(dir).is_some_and(|pid| !is_running(pid)))
        .filter(|dir| std::fs::remove_dir_all(dir).is_ok())
        .collect()
}

fn owner(dir: &Path) -> Option<i32> {
    std::fs::read_to_string(dir.join(OWNER_FILE))
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether a process with this id exists. One that exists but is not ours (EPERM) counts as
/// running: its directory is not ours to judge.
fn is_running(pid: i32) -> bool {
    match Pid::from_raw(pid) {
        Some(pid) => !matches!(test_kill_process(pid), Err(rustix::io::Errno::SRCH)),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

    use super::*;

    #[test]
    fn only_directories_of_dead_owners_go() {
        let parent = tempfile::tempdir().unwrap();
        let make = |name: &str, owner: Option<String>| {
            let dir = parent.path().join(name);
            std::fs::create_dir(&dir).unwrap();
            std::fs::write(dir.join("prometheus.log"), "…").unwrap();
            if let Some(owner) = owner {
                std::fs::write(dir.join(OWNER_FILE), owner).unwrap();
            }
            dir
        };
        // A process id above the kernel's maximum (4,194,304) never runs.
        let dead = make(&format!("{PREFIX}dead"), Some("2147483000".to_owned()));
        let alive = make(
            &format!("{PREFIX}alive"),
            Some(std::process::id().to_string()),
        );
        let unclaimed = make(&format!("{PREFIX}new"), None);
        let garbled = make(&format!("{PREFIX}garbled"), Some("pid?".to_owned()));
        let other = make("someone-else", Some("2147483000".to_owned()));
        assert_eq!(remove_orphans(parent.path()), vec![dead.clone()]);
        assert!(!dead.exists());
        for kept in [alive, unclaimed, garbled, other] {
            assert!(kept.exists(), "{}", kept.display());
        }
    }
}
