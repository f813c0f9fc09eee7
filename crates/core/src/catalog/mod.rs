//! What the user can open: their projects and each project's dashboards, read from the
//! replies of the Kubernetes pass-through and the Perses API.

use crate::case::lowercase;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::dashboard::{Loaded, Pending, read_found, summary_tags};
use crate::diagnostic::Diagnostic;
use crate::envelope::{Envelope, find_dashboards};

mod projects;
mod sources;

pub use projects::{
    CLUSTER_DASHBOARDS_LABEL, Project, ProjectChoice, Status, choose_project, is_system_namespace,
    parse_projects, parse_status,
};
pub use sources::{Answer, Assembled, Failure, assemble, status_message};

/// One dashboard a project offers. Listing reads only what the picker shows (name, title,
/// tags); the dashboard itself is read when it is opened ([`CatalogEntry::pending`] and
/// [`CatalogEntry::finish`] on the page, [`CatalogEntry::loaded`] elsewhere), so a
/// project of many large dashboards lists without reading each one (NodeExporter's 114 panels
/// took tens of milliseconds of the page's main thread, twice, before this).
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub name: String,
    pub title: String,
    pub tags: Vec<String>,
    pub envelope: Envelope,
    /// The reply it was listed from, as text, which of the reply's resources holds it, and
    /// which of the dashboards found in that resource it is. Text, not the parsed tree: a
    /// `serde_json::Value` takes several times the memory of its text (a map node per object,
    /// a string per key), and a project lists many dashboards of which one is open (the
    /// benchmark's project held 1.2 MB of trees, 60% of all the page held on its 8-panel
    /// dashboard, most of it NodeExporter's 110 KB resource). Opening one reads its reply
    /// again, the other resources only checked and skipped ([`crate::json_tree::item_tree`]); keeping
    /// each resource's own text instead would need a JSON writer in the page's code, 600 bytes
    /// of the first download.
    reply: Arc<str>,
    item: usize,
    index: usize,
    loaded: OnceLock<Option<Arc<Loaded>>>,
}

impl CatalogEntry {
    /// The dashboard with its problems, read on first use. `None` only if the resource no
    /// longer holds the dashboard listing found in it, which cannot happen as the entry keeps
    /// its own copy; callers still show an error rather than fail.
    ///
    /// This decodes every panel's options here; the page reads through [`Self::pending`]
    /// instead, so that the decoders of its chunked panel kinds stay in their chunks.
    pub fn loaded(&self) -> Option<&Loaded> {
        self.loaded
            .get_or_init(|| self.pending().map(|pending| Arc::new(pending.decode_all())))
            .as_deref()
    }

    /// The dashboard as kept by [`Self::loaded`] or [`Self::finish`], if it has been read.
    pub fn read(&self) -> Option<Arc<Loaded>> {
        self.loaded.get().and_then(Option::clone)
    }

    /// The dashboard read afresh, the options of its deferred panels still to decode
    /// ([`Pending`]). `None` as for [`Self::loaded`].
    pub fn pending(&self) -> Option<Pending> {
        self.pending_from(&self.resource()?)
    }

    /// The first half of [`Self::pending`]: the entry's resource read from its reply's text.
    /// The page reads the text and the dashboard in two tasks (together, 42-53 ms for
    /// NodeExporter on a slow machine, one long task).
    pub fn resource(&self) -> Option<EntryResource> {
        let document = crate::json_tree::item_tree(&self.reply, self.item).ok()?;
        let (_, resource) = list_items(document).into_iter().nth(self.item)?;
        Some(EntryResource(resource))
    }

    /// The second half of [`Self::pending`]: the dashboard read from the entry's resource.
    pub fn pending_from(&self, resource: &EntryResource) -> Option<Pending> {
        find_dashboards(&resource.0)
            .into_iter()
            .filter_map(Result::ok)
            .nth(self.index)
            .map(|found| read_found(&found))
    }

    /// Keeps a dashboard read through [`Self::pending`] and resolved, so that opening it again
    /// costs nothing. The first one kept stays.
    pub fn finish(&self, loaded: Arc<Loaded>) {
        let _ = self.loaded.set(Some(loaded));
    }
}

/// A catalog entry's resource as a tree, read by [`CatalogEntry::resource`] for
/// [`CatalogEntry::pending_from`].
#[derive(Debug)]
pub struct EntryResource(serde_json::Value);

/// The dashboards of list replies (a `PersesDashboardList`, or the Perses API's array), each
/// with its problems. Resources that are not dashboards are returned as diagnostics.
pub fn parse_dashboard_list(body: &str) -> Result<(Vec<CatalogEntry>, Vec<Diagnostic>), String> {
    let document = crate::json_tree::listing_tree(body)
        .map_err(|error| format!("unexpected dashboard list: {error}"))?;
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    // Each resource is read on its own, so its problems are named by paths in the resource
    // its author wrote (`spec.config.panels.latency…`), not by its place in this reply; a
    // resource that cannot be read is named by its `metadata.name`, else its place.
    let reply: Arc<str> = Arc::from(body);
    for (item, (place, resource)) in list_items(document).into_iter().enumerate() {
        let mut listed = Vec::new();
        for found in find_dashboards(&resource) {
            match found {
                Ok(found) => {
                    let name = found.name().unwrap_or_default().to_owned();
                    let title = found
                        .spec
                        .get("display")
                        .and_then(|display| display.get("name"))
                        .and_then(serde_json::Value::as_str)
                        .filter(|title| !title.is_empty())
                        .map_or_else(|| name.clone(), str::to_owned);
                    listed.push((name, title, summary_tags(&found), found.envelope));
                }
                Err(diagnostic) => skipped.push(Diagnostic {
                    path: resource_label(&resource, &place, &diagnostic.path),
                    ..diagnostic
                }),
            }
        }
        entries.extend(listed.into_iter().enumerate().map(
            |(index, (name, title, tags, envelope))| CatalogEntry {
                name,
                title,
                tags,
                envelope,
                reply: Arc::clone(&reply),
                item,
                index,
                loaded: OnceLock::new(),
            },
        ));
    }
    Ok((entries, skipped))
}

/// The resources of a list reply (or the one resource of any other document), each with its
/// place in the reply.
fn list_items(document: serde_json::Value) -> Vec<(String, serde_json::Value)> {
    let items = match document {
        serde_json::Value::Array(items) => Ok(items),
        serde_json::Value::Object(mut object) => match object.remove("items") {
            Some(serde_json::Value::Array(items)) => Ok(items),
            Some(other) => {
                object.insert("items".to_owned(), other);
                Err(serde_json::Value::Object(object))
            }
            None => Err(serde_json::Value::Object(object)),
        },
        other => Err(other),
    };
    match items {
        Ok(items) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| (format!("items[{index}]"), item))
            .collect(),
        Err(document) => vec![(String::new(), document)],
    }
}

/// `<name>: <path>` for a resource that has a name, else `<place>.<path>`.
fn resource_label(resource: &serde_json::Value, place: &str, path: &str) -> String {
    let name = resource
        .pointer("/metadata/name")
        .and_then(serde_json::Value::as_str)
        .filter(|name| !name.is_empty());
    let path = if path == "(document root)" { "" } else { path };
    match (name, place.is_empty(), path.is_empty()) {
        (Some(name), _, true) => name.to_owned(),
        (Some(name), _, false) => format!("{name}: {path}"),
        (None, true, _) => path.to_owned(),
        (None, false, true) => place.to_owned(),
        (None, false, false) => format!("{place}.{path}"),
    }
}

/// Joins the dashboards of several sources (the custom resources first, then the Perses API):
/// one entry per name, the first source winning, sorted by title.
pub fn merge(sources: Vec<Vec<CatalogEntry>>) -> Vec<CatalogEntry> {
    let mut by_name: BTreeMap<String, CatalogEntry> = BTreeMap::new();
    for entry in sources.into_iter().flatten() {
        by_name.entry(entry.name.clone()).or_insert(entry);
    }
    let mut entries: Vec<CatalogEntry> = by_name.into_values().collect();
    crate::sort::sort_by(&mut entries, |a, b| {
        lowercase(&a.title)
            .cmp(&lowercase(&b.title))
            .then(a.name.cmp(&b.name))
    });
    entries
}

/// Whether an entry matches a search: every word of `needle` appears, case-insensitively, in
/// its title, name or tags.
pub fn matches_search(entry: &CatalogEntry, needle: &str) -> bool {
    let haystack = lowercase(&format!(
        "{} {} {}",
        entry.title,
        entry.name,
        entry.tags.join(" ")
    ));
    needle
        .split_whitespace()
        .all(|word| haystack.contains(&lowercase(word)))
}

#[cfg(test)]
mod tests;
