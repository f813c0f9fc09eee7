//! Dashboards served from a directory of manifests, as a GitOps checkout holds them.
//!
//! Files are JSON or YAML (any number of `---` separated documents), in nested folders.
//! Each document may be a `PersesDashboard` (v1alpha1 or v1alpha2), a Perses `Dashboard`,
//! or a List or array of them. A dashboard's namespace is its `metadata.namespace` (a
//! `Dashboard`'s `metadata.project`), else the first folder under the root.
//!
//! The directory is rescanned on every request: listing a checkout's files is cheap, and only
//! files whose modification time or size changed are read again, so edits show up on the
//! next reload without a watcher. A file or object that cannot be used is skipped and logged
//! with its path and reason; the rest is served.

mod convert;
mod scan;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

pub(crate) use convert::rfc3339;
pub use convert::{CrVersion, custom_resource, custom_resource_list, perses_dashboard};

/// One dashboard, with the Kubernetes-like metadata the server gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDashboard {
    pub namespace: String,
    pub name: String,
    /// The file it came from, relative to the root.
    pub source: PathBuf,
    /// The Perses dashboard spec (`spec` of v1alpha1, `spec.config` of v1alpha2).
    pub spec: Value,
    /// `spec.instanceSelector` of a v1alpha2 resource.
    pub instance_selector: Option<Value>,
    pub labels: Map<String, Value>,
    pub annotations: Map<String, Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Stable for a namespace and name across rescans and restarts.
    pub uid: String,
    /// Changes when the dashboard's content changes.
    pub resource_version: String,
}

/// The dashboards of one scan, by namespace and name.
#[derive(Debug, Default)]
pub struct Snapshot {
    dashboards: BTreeMap<(String, String), StoredDashboard>,
    /// Counts the scans that changed something; the resourceVersion of lists.
    pub generation: u64,
}

impl Snapshot {
    pub fn get(&self, namespace: &str, name: &str) -> Option<&StoredDashboard> {
        self.dashboards
            .get(&(namespace.to_owned(), name.to_owned()))
    }

    /// The dashboards of a namespace, by name.
    pub fn in_namespace<'a>(
        &'a self,
        namespace: &'a str,
    ) -> impl Iterator<Item = &'a StoredDashboard> + 'a {
        self.dashboards
            .values()
            .filter(move |dashboard| dashboard.namespace == namespace)
    }

    /// Every dashboard, by namespace and name.
    pub fn all(&self) -> impl Iterator<Item = &StoredDashboard> {
        self.dashboards.values()
    }
}

/// The manifest directory and what was last read from it.
#[derive(Debug)]
pub struct ManifestStore {
    root: PathBuf,
    cache: Mutex<Cache>,
}

#[derive(Debug, Default)]
struct Cache {
    files: BTreeMap<PathBuf, scan::ReadFile>,
    snapshot: Arc<Snapshot>,
}

impl ManifestStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            cache: Mutex::new(Cache::default()),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Rescans the directory and returns the current dashboards. Blocking: call it from a
    /// blocking task.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        let listed = scan::list_files(&self.root);
        // A panic while the lock was held leaves at worst a stale cache, which this rescan
        // replaces; so a poisoned lock is used as is.
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let unchanged = listed.len() == cache.files.len()
            && listed.iter().all(|(path, stamp)| {
                cache
                    .files
                    .get(path)
                    .is_some_and(|read| read.stamp == *stamp)
            });
        if unchanged && cache.snapshot.generation > 0 {
            return Arc::clone(&cache.snapshot);
        }
        let mut files = BTreeMap::new();
        for (path, stamp) in listed {
            let read = match cache.files.remove(&path) {
                Some(read) if read.stamp == stamp => read,
                _ => scan::read_file(&self.root, &path, stamp),
            };
            files.insert(path, read);
        }
        let generation = cache.snapshot.generation + 1;
        let snapshot = Arc::new(build_snapshot(&files, generation));
        tracing::info!(
            dashboards = snapshot.dashboards.len(),
            files = files.len(),
            root = %self.root.display(),
            "manifests scanned"
        );
        *cache = Cache {
            files,
            snapshot: Arc::clone(&snapshot),
        };
        snapshot
    }
}

/// Joins the files' dashboards; the first file (in path order) wins a duplicated name.
fn build_snapshot(files: &BTreeMap<PathBuf, scan::ReadFile>, generation: u64) -> Snapshot {
    let mut dashboards: BTreeMap<(String, String), StoredDashboard> = BTreeMap::new();
    for dashboard in files.values().flat_map(|read| &read.dashboards) {
        let key = (dashboard.namespace.clone(), dashboard.name.clone());
        match dashboards.get(&key) {
            Some(first) => tracing::warn!(
                path = %dashboard.source.display(),
                "skipped dashboard {}/{}: {} already defines it",
                dashboard.namespace,
                dashboard.name,
                first.source.display()
            ),
            None => {
                dashboards.insert(key, dashboard.clone());
            }
        }
    }
    Snapshot {
        dashboards,
        generation,
    }
}
