//! Building a [`Dashboard`] from a found resource, one part at a time, so that a broken part is
//! reported where it is and the rest still loads.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::layouts::layouts;
use super::panels::panels;
use super::problems::{Problems, borrowed_object, decode, optional};
use super::{Dashboard, Pending, ProblemKind, Severity, names::validate_name, variables};
use crate::diagnostic::Path;
use crate::duration::Duration;
use crate::envelope::{Envelope, Found};
use crate::spec::common::{Display, Link};
use crate::spec::datasource::DatasourceSpec;

/// The default time range of a dashboard that sets none, as in Perses.
const DEFAULT_DURATION: Duration = Duration::from_millis(60 * 60 * 1000);
/// The annotation a PersesDashboard uses for tags.
const TAGS_ANNOTATION: &str = "perses.dev/tags";
const MAX_TAGS: usize = 20;
const MAX_TAG_CHARS: usize = 50;

pub(super) fn load(found: &Found<'_>) -> Pending {
    let mut problems = Problems::default();
    for diagnostic in &found.diagnostics {
        problems.push_kind(Severity::Warning, ProblemKind::Resource, diagnostic.clone());
    }
    let metadata_path = found.metadata_path();
    let name = match found.name() {
        Some(name) => {
            if let Err(message) = validate_name(name) {
                problems.error(&metadata_path.key("name"), message);
            }
            name.to_owned()
        }
        None => {
            problems.error(
                &metadata_path.key("name"),
                "missing: a dashboard needs a name",
            );
            String::new()
        }
    };
    // An empty project is common in files meant for `percli apply --project`: no project.
    let project = found
        .project()
        .filter(|project| !project.is_empty())
        .map(str::to_owned);
    if let (Envelope::Dashboard, Some(project)) = (found.envelope, &project)
        && let Err(message) = validate_name(project)
    {
        problems.error(&metadata_path.key("project"), message);
    }
    let tags = tags(found, &mut problems);

    let empty = Map::new();
    let spec = match found.spec {
        Value::Object(spec) => spec,
        _ => {
            problems.error(&found.spec_path, "expected the dashboard spec (an object)");
            &empty
        }
    };
    let spec_path = &found.spec_path;
    let field = |key: &str| spec.get(key).filter(|value| !value.is_null());

    let display: Display =
        optional(field("display"), &spec_path.key("display"), &mut problems).unwrap_or_default();
    let duration = duration_field(field("duration"), &spec_path.key("duration"), &mut problems)
        .unwrap_or(DEFAULT_DURATION);
    let refresh_interval = duration_field(
        field("refreshInterval"),
        &spec_path.key("refreshInterval"),
        &mut problems,
    )
    .filter(|interval| !interval.is_zero());
    let timezone: Option<String> =
        optional(field("timezone"), &spec_path.key("timezone"), &mut problems)
            .filter(|zone: &String| !zone.is_empty());
    let links: Vec<Link> =
        optional(field("links"), &spec_path.key("links"), &mut problems).unwrap_or_default();
    let datasources = datasources(
        field("datasources"),
        &spec_path.key("datasources"),
        &mut problems,
    );
    let variables = variables::load_all(
        field("variables"),
        &spec_path.key("variables"),
        &mut problems,
    );
    let panels = panels(field("panels"), &spec_path.key("panels"), &mut problems);
    let layouts = layouts(
        field("layouts"),
        &spec_path.key("layouts"),
        &panels,
        &mut problems,
    );

    let dashboard = Dashboard {
        envelope: found.envelope,
        name,
        project,
        tags,
        display_name: display.name,
        description: display.description,
        duration,
        refresh_interval,
        timezone,
        datasources,
        variables,
        panels,
        layouts,
        links,
    };
    // Undefined variables are checked in `Pending::resolve`, once the deferred panels'
    // problems are in: their warnings come after every panel's problems, as when the whole
    // dashboard is read at once.
    Pending::new(dashboard, problems.0, found.spec_path.clone())
}

fn duration_field(value: Option<&Value>, path: &Path, problems: &mut Problems) -> Option<Duration> {
    let text: String = optional(value, path, problems)?;
    if text.is_empty() {
        return None;
    }
    text.parse()
        .map_err(|error: crate::duration::DurationError| problems.error(path, error.to_string()))
        .ok()
}

/// The tags alone, their problems left for [`load`] to report.
pub(super) fn summary_tags(found: &Found<'_>) -> Vec<String> {
    tags(found, &mut Problems::default())
}

fn tags(found: &Found<'_>, problems: &mut Problems) -> Vec<String> {
    let metadata = found.resource.get("metadata");
    match found.envelope {
        Envelope::Dashboard => {
            let path = found.metadata_path().key("tags");
            let tags: Vec<String> =
                optional(metadata.and_then(|m| m.get("tags")), &path, problems).unwrap_or_default();
            if tags.len() > MAX_TAGS {
                problems.error(
                    &path,
                    format!("at most {MAX_TAGS} tags, found {}", tags.len()),
                );
            }
            for (index, tag) in tags.iter().enumerate() {
                let message = if tag.trim().is_empty() {
                    Some("a tag must not be empty".to_owned())
                } else if tag.trim() != tag {
                    Some(format!("tag {tag:?} must not start or end with whitespace"))
                } else if tag.chars().count() > MAX_TAG_CHARS {
                    Some(format!(
                        "tag {tag:?} is longer than {MAX_TAG_CHARS} characters"
                    ))
                } else {
                    None
                };
                if let Some(message) = message {
                    problems.error(&path.index(index), message);
                }
            }
            tags
        }
        // The operator turns a comma-separated annotation into lower-cased, unique tags.
        Envelope::PersesDashboardV1Alpha1 | Envelope::PersesDashboardV1Alpha2 => {
            let annotation = metadata
                .and_then(|m| m.get("annotations"))
                .and_then(|a| a.get(TAGS_ANNOTATION))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let unique: BTreeSet<String> = crate::sort::btree_set(
                annotation
                    .split(',')
                    .map(|tag| crate::case::lowercase(tag.trim()))
                    .filter(|tag| !tag.is_empty()),
            );
            unique.into_iter().collect()
        }
    }
}

fn datasources(
    value: Option<&Value>,
    path: &Path,
    problems: &mut Problems,
) -> BTreeMap<String, DatasourceSpec> {
    let Some(entries) = borrowed_object(value, path, problems) else {
        return BTreeMap::new();
    };
    crate::sort::btree_map(entries.iter().filter_map(|(name, value)| {
        let spec = decode::<DatasourceSpec>(value, &path.key(name))
            .map_err(|error| problems.push(Severity::Error, error))
            .ok()?;
        Some((name.clone(), spec))
    }))
}
