//! Reading manifest files into dashboards, logging what is skipped and why.

use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use obs_core::dashboard::{Severity, load_document, validate_name};
use obs_core::envelope::{Envelope, Found, find_dashboards};
use obs_core::source::{SourceFormat, parse_documents};
use serde_json::{Map, Value};

use super::StoredDashboard;
use crate::ids;

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileStamp {
    modified: SystemTime,
    len_bytes: u64,
}

/// A file as last read: its stamp and the dashboards it held.
#[derive(Debug)]
pub(super) struct ReadFile {
    pub stamp: FileStamp,
    pub dashboards: Vec<StoredDashboard>,
}

/// Every JSON or YAML file under the root (hidden folders such as `.git` left out), relative
/// to the root, in path order. A missing root is an empty directory.
pub(super) fn list_files(root: &Path) -> Vec<(PathBuf, FileStamp)> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(root.join(&folder)) {
            Ok(entries) => entries,
            Err(error) => {
                tracing::debug!(folder = %root.join(&folder).display(), %error, "cannot list");
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let relative = folder.join(&name);
            let Ok(metadata) = entry.metadata() else {
                continue;
            };
            if metadata.is_dir() {
                folders.push(relative);
            } else if SourceFormat::from_file_name(&name).is_some() {
                let stamp = FileStamp {
                    modified: metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                    len_bytes: metadata.len(),
                };
                files.push((relative, stamp));
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Reads one file. Problems are logged here, once per version of the file.
pub(super) fn read_file(root: &Path, relative: &Path, stamp: FileStamp) -> ReadFile {
    let dashboards = match read_dashboards(root, relative, stamp) {
        Ok(dashboards) => dashboards,
        Err(reason) => {
            tracing::warn!(path = %relative.display(), "skipped manifest file: {reason}");
            Vec::new()
        }
    };
    ReadFile { stamp, dashboards }
}

fn read_dashboards(
    root: &Path,
    relative: &Path,
    stamp: FileStamp,
) -> Result<Vec<StoredDashboard>, String> {
    let name = relative.to_string_lossy();
    let format = SourceFormat::from_file_name(&name).ok_or("not a JSON or YAML file")?;
    let text = std::fs::read_to_string(root.join(relative)).map_err(|error| error.to_string())?;
    let documents = parse_documents(&text, format).map_err(|error| error.to_string())?;
    let modified_at = DateTime::<Utc>::from(stamp.modified);
    let mut dashboards = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        let place = Place {
            relative,
            document_index: index,
            modified_at,
        };
        // Both calls find the same resources in the same order: the first gives the
        // envelope and metadata, the second the validation problems.
        let found = find_dashboards(document);
        let loaded = load_document(document);
        for (found, loaded) in found.into_iter().zip(loaded) {
            match found {
                Ok(found) => {
                    let problems = loaded.map(|loaded| loaded.problems).unwrap_or_default();
                    if let Some(dashboard) = place.dashboard(&found, &problems) {
                        dashboards.push(dashboard);
                    }
                }
                Err(diagnostic) if is_other_resource(document) => tracing::debug!(
                    path = %relative.display(),
                    "not a dashboard, ignored: {diagnostic}"
                ),
                Err(diagnostic) => tracing::warn!(
                    path = %relative.display(),
                    document = index,
                    "skipped object: {diagnostic}"
                ),
            }
        }
    }
    Ok(dashboards)
}

/// A resource of another kind (a Kustomization, a ConfigMap) shares the folder by design.
fn is_other_resource(document: &Value) -> bool {
    document
        .get("kind")
        .and_then(Value::as_str)
        .is_some_and(|kind| {
            kind != "Dashboard" && kind != "PersesDashboard" && !kind.ends_with("List")
        })
}

/// Where a resource was read from.
struct Place<'a> {
    relative: &'a Path,
    document_index: usize,
    modified_at: DateTime<Utc>,
}

impl Place<'_> {
    fn dashboard(
        &self,
        found: &Found<'_>,
        problems: &[obs_core::dashboard::Problem],
    ) -> Option<StoredDashboard> {
        let path = self.relative.display();
        let skip = |reason: String| {
            tracing::warn!(
                %path,
                document = self.document_index,
                object = %found.resource_path,
                "skipped dashboard: {reason}"
            );
        };
        let Some(name) = found.name() else {
            skip("metadata.name is missing".to_owned());
            return None;
        };
        if let Err(reason) = validate_name(name) {
            skip(format!("metadata.name {reason}"));
            return None;
        }
        let Some(namespace) = found
            .project()
            .map(str::to_owned)
            .or_else(|| first_folder(self.relative))
        else {
            skip(format!(
                "{name} has no namespace (metadata.namespace or metadata.project) and is not \
                 in a namespace folder"
            ));
            return None;
        };
        for problem in problems {
            match problem.severity {
                Severity::Error => {
                    tracing::warn!(%path, dashboard = %format!("{namespace}/{name}"), "{problem}");
                }
                Severity::Warning => {
                    tracing::info!(%path, dashboard = %format!("{namespace}/{name}"), "{problem}");
                }
            }
        }
        let metadata = found
            .resource
            .get("metadata")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let instance_selector = match found.envelope {
            Envelope::PersesDashboardV1Alpha2 => found
                .resource
                .get("spec")
                .and_then(|spec| spec.get("instanceSelector"))
                .cloned(),
            Envelope::Dashboard | Envelope::PersesDashboardV1Alpha1 => None,
        };
        let labels = object_field(&metadata, "labels");
        let annotations = object_field(&metadata, "annotations");
        let content = serde_json::json!([found.spec, instance_selector, labels, annotations]);
        Some(StoredDashboard {
            uid: ids::stable_uid(&format!("persesdashboards/{namespace}/{name}")),
            resource_version: ids::content_version(&content.to_string()),
            created_at: timestamp(&metadata, &["creationTimestamp", "createdAt"])
                .unwrap_or(self.modified_at),
            updated_at: timestamp(&metadata, &["updatedAt"]).unwrap_or(self.modified_at),
            name: name.to_owned(),
            namespace,
            source: self.relative.to_owned(),
            spec: found.spec.clone(),
            instance_selector,
            labels,
            annotations,
        })
    }
}

/// The first folder of a path relative to the root: `team-a` for `team-a/sub/x.yaml`.
fn first_folder(relative: &Path) -> Option<String> {
    let mut components = relative.components();
    let first = components.next()?;
    // A file directly under the root has no folder.
    components.next()?;
    match first {
        Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
        _ => None,
    }
}

fn object_field(metadata: &Map<String, Value>, key: &str) -> Map<String, Value> {
    metadata
        .get(key)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn timestamp(metadata: &Map<String, Value>, keys: &[&str]) -> Option<DateTime<Utc>> {
    keys.iter()
        .filter_map(|key| metadata.get(*key)?.as_str())
        .find_map(|text| DateTime::parse_from_rfc3339(text).ok())
        .map(|time| time.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_namespace_folder_is_the_first_one() {
        assert_eq!(first_folder(Path::new("a/b/c.yaml")).as_deref(), Some("a"));
        assert_eq!(first_folder(Path::new("c.yaml")), None);
    }
}
