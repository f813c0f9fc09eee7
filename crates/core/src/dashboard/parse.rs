//! Building a [`Dashboard`] from a found resource, one part at a time, so that a broken part is
//! reported where it is and the rest still loads.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::lenient::decode_leniently;
use super::{
    Dashboard, GridContent, GridItem, GridLayout, Layout, Loaded, Panel, PanelKind, Problem,
    PrometheusQuery, Query, Severity, names::validate_name, variables,
};
use crate::diagnostic::{Diagnostic, Path};
use crate::duration::Duration;
use crate::envelope::{Envelope, Found};
use crate::spec::Plugin;
use crate::spec::common::{Display, Link};
use crate::spec::datasource::DatasourceSpec;
use crate::spec::layout::{GRID, GridItemSpec, GridSpec, LayoutDefinition};
use crate::spec::query::{
    PROMETHEUS_TIME_SERIES_QUERY, PrometheusQuerySpec, QueryDefinition, TIME_SERIES_QUERY,
};

/// The default time range of a dashboard that sets none, as in Perses.
const DEFAULT_DURATION: Duration = Duration::from_millis(60 * 60 * 1000);
/// The annotation a PersesDashboard uses for tags.
const TAGS_ANNOTATION: &str = "perses.dev/tags";
const MAX_TAGS: usize = 20;
const MAX_TAG_CHARS: usize = 50;

/// Collects problems while a dashboard is built.
#[derive(Default)]
pub(crate) struct Problems(Vec<Problem>);

impl Problems {
    pub(super) fn error(&mut self, path: &Path, message: impl Into<String>) {
        self.push(Severity::Error, Diagnostic::new(path, message));
    }

    pub(super) fn warning(&mut self, path: &Path, message: impl Into<String>) {
        self.push(Severity::Warning, Diagnostic::new(path, message));
    }

    pub(crate) fn push(&mut self, severity: Severity, diagnostic: Diagnostic) {
        self.0.push(Problem {
            severity,
            diagnostic,
        });
    }
}

/// Decodes `value` as `T`; a failure names the exact field under `path`.
pub(super) fn decode<T: DeserializeOwned>(value: &Value, path: &Path) -> Result<T, Diagnostic> {
    serde_path_to_error::deserialize(value).map_err(|error| Diagnostic::from_serde(path, &error))
}

pub(super) fn load(found: &Found<'_>) -> Loaded {
    let mut problems = Problems::default();
    for diagnostic in &found.diagnostics {
        problems.push(Severity::Warning, diagnostic.clone());
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
    super::references::check(&dashboard, spec_path, &mut problems);
    Loaded {
        dashboard,
        problems: problems.0,
    }
}

/// Decodes an optional field, reporting (and dropping) a value of the wrong shape.
pub(super) fn optional<T: DeserializeOwned>(
    value: Option<&Value>,
    path: &Path,
    problems: &mut Problems,
) -> Option<T> {
    let value = value?;
    decode(value, path)
        .map_err(|error| problems.push(Severity::Error, error))
        .ok()
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
            let unique: BTreeSet<String> = annotation
                .split(',')
                .map(|tag| tag.trim().to_lowercase())
                .filter(|tag| !tag.is_empty())
                .collect();
            unique.into_iter().collect()
        }
    }
}

fn datasources(
    value: Option<&Value>,
    path: &Path,
    problems: &mut Problems,
) -> BTreeMap<String, DatasourceSpec> {
    let entries: Map<String, Value> = optional(value, path, problems).unwrap_or_default();
    entries
        .iter()
        .filter_map(|(name, value)| {
            let spec = decode::<DatasourceSpec>(value, &path.key(name))
                .map_err(|error| problems.push(Severity::Error, error))
                .ok()?;
            Some((name.clone(), spec))
        })
        .collect()
}

fn panels(value: Option<&Value>, path: &Path, problems: &mut Problems) -> BTreeMap<String, Panel> {
    let entries: Map<String, Value> = optional(value, path, problems).unwrap_or_default();
    entries
        .iter()
        .map(|(key, value)| {
            let panel_path = path.key(key);
            if let Err(message) = validate_name(key) {
                problems.error(&panel_path, format!("invalid panel key: {message}"));
            }
            (key.clone(), panel(key, value, &panel_path, problems))
        })
        .collect()
}

/// The parts of a panel, each decoded on its own so one bad part leaves the others usable.
#[derive(serde::Deserialize)]
struct PanelShell {
    #[serde(default)]
    spec: Option<PanelSpecShell>,
}

#[derive(serde::Deserialize)]
struct PanelSpecShell {
    #[serde(default)]
    display: Option<Value>,
    #[serde(default)]
    plugin: Option<Value>,
    #[serde(default)]
    queries: Option<Value>,
    #[serde(default)]
    links: Option<Value>,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct PanelDisplay {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    hide_header: bool,
}

fn panel(key: &str, value: &Value, path: &Path, problems: &mut Problems) -> Panel {
    let invalid = |problem: Diagnostic| Panel {
        key: key.to_owned(),
        name: None,
        description: None,
        hide_header: false,
        kind: PanelKind::Invalid {
            kind: String::new(),
            problem,
        },
        queries: Vec::new(),
        links: Vec::new(),
    };
    let shell = match decode::<PanelShell>(value, path) {
        Ok(shell) => shell,
        Err(error) => {
            problems.push(Severity::Error, error.clone());
            return invalid(error);
        }
    };
    let spec_path = path.key("spec");
    let Some(spec) = shell.spec else {
        let error = Diagnostic::new(&spec_path, "missing: a panel needs a spec");
        problems.push(Severity::Error, error.clone());
        return invalid(error);
    };
    let display: PanelDisplay =
        optional(spec.display.as_ref(), &spec_path.key("display"), problems).unwrap_or_default();
    let plugin_path = spec_path.key("plugin");
    let kind = match spec.plugin.as_ref() {
        None => {
            let error = Diagnostic::new(&plugin_path, "missing: a panel needs a plugin");
            problems.push(Severity::Error, error.clone());
            PanelKind::Invalid {
                kind: String::new(),
                problem: error,
            }
        }
        Some(plugin) => match decode::<Plugin>(plugin, &plugin_path) {
            Ok(plugin) => panel_kind(plugin, &plugin_path, problems),
            Err(error) => {
                problems.push(Severity::Error, error.clone());
                PanelKind::Invalid {
                    kind: String::new(),
                    problem: error,
                }
            }
        },
    };
    let queries_path = spec_path.key("queries");
    let queries: Vec<Value> =
        optional(spec.queries.as_ref(), &queries_path, problems).unwrap_or_default();
    let queries = queries
        .iter()
        .enumerate()
        .map(|(index, query)| self::query(query, &queries_path.index(index), problems))
        .collect();
    let links =
        optional(spec.links.as_ref(), &spec_path.key("links"), problems).unwrap_or_default();
    Panel {
        key: key.to_owned(),
        name: display.name,
        description: display.description.filter(|text| !text.is_empty()),
        hide_header: display.hide_header,
        kind,
        queries,
        links,
    }
}

/// The one place that maps a panel plugin name to its typed options.
fn panel_kind(plugin: Plugin, path: &Path, problems: &mut Problems) -> PanelKind {
    if plugin.kind.is_empty() {
        let error = Diagnostic::new(
            &path.key("kind"),
            "must not be empty: name the panel plugin",
        );
        problems.push(Severity::Error, error.clone());
        return PanelKind::Invalid {
            kind: plugin.kind,
            problem: error,
        };
    }
    let empty = Value::Object(Map::new());
    let spec = if plugin.spec.is_null() {
        &empty
    } else {
        &plugin.spec
    };
    let spec_path = path.key("spec");
    macro_rules! typed {
        ($variant:ident) => {
            match decode_leniently(spec, &spec_path, problems) {
                Ok(options) => PanelKind::$variant(Box::new(options)),
                Err(error) => {
                    problems.push(Severity::Error, error.clone());
                    PanelKind::Invalid {
                        kind: plugin.kind.clone(),
                        problem: error,
                    }
                }
            }
        };
    }
    match plugin.kind.as_str() {
        "TimeSeriesChart" => typed!(TimeSeriesChart),
        "StatChart" => typed!(StatChart),
        "GaugeChart" => typed!(GaugeChart),
        "BarChart" => typed!(BarChart),
        "PieChart" => typed!(PieChart),
        "Table" => typed!(Table),
        "TimeSeriesTable" => typed!(TimeSeriesTable),
        "Markdown" => typed!(Markdown),
        "StatusHistoryChart" => typed!(StatusHistoryChart),
        "HeatMapChart" => typed!(HeatMapChart),
        "HistogramChart" => typed!(HistogramChart),
        _ => PanelKind::Unsupported { kind: plugin.kind },
    }
}

fn query(value: &Value, path: &Path, problems: &mut Problems) -> Query {
    let definition = match decode::<QueryDefinition>(value, path) {
        Ok(definition) => definition,
        Err(error) => {
            problems.push(Severity::Error, error.clone());
            return Query::Invalid {
                plugin_kind: String::new(),
                problem: error,
            };
        }
    };
    let plugin = definition.spec.plugin;
    if definition.kind != TIME_SERIES_QUERY || plugin.kind != PROMETHEUS_TIME_SERIES_QUERY {
        return Query::Unsupported {
            query_kind: definition.kind,
            plugin_kind: plugin.kind,
        };
    }
    let spec_path = path.key("spec").key("plugin").key("spec");
    match decode::<PrometheusQuerySpec>(&plugin.spec, &spec_path) {
        Ok(spec) => {
            if spec.query.trim().is_empty() {
                problems.error(
                    &spec_path.key("query"),
                    "must not be empty: write a PromQL query",
                );
            }
            if let Some(step) = spec.min_step.as_deref()
                && !step.is_empty()
                && !step.starts_with('$')
                && let Err(error) = step.parse::<Duration>()
            {
                problems.error(&spec_path.key("minStep"), error.to_string());
            }
            Query::Prometheus(PrometheusQuery::from((definition.spec.name, spec)))
        }
        Err(error) => {
            problems.push(Severity::Error, error.clone());
            Query::Invalid {
                plugin_kind: plugin.kind,
                problem: error,
            }
        }
    }
}

fn layouts(
    value: Option<&Value>,
    path: &Path,
    panels: &BTreeMap<String, Panel>,
    problems: &mut Problems,
) -> Vec<Layout> {
    let definitions: Vec<Value> = optional(value, path, problems).unwrap_or_default();
    definitions
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let layout_path = path.index(index);
            let definition = decode::<LayoutDefinition>(value, &layout_path)
                .map_err(|error| problems.push(Severity::Error, error))
                .ok()?;
            if definition.kind != GRID {
                return Some(Layout::Unsupported {
                    kind: definition.kind,
                });
            }
            let spec_path = layout_path.key("spec");
            let spec = decode::<GridSpec>(&definition.spec, &spec_path)
                .map_err(|error| problems.push(Severity::Error, error))
                .ok()?;
            Some(Layout::Grid(grid(spec, &spec_path, panels, problems)))
        })
        .collect()
}

fn grid(
    spec: GridSpec,
    path: &Path,
    panels: &BTreeMap<String, Panel>,
    problems: &mut Problems,
) -> GridLayout {
    let items_path = path.key("items");
    let items = spec
        .items
        .into_iter()
        .enumerate()
        .map(|(index, item)| grid_item(item, &items_path.index(index), panels, problems))
        .collect();
    let display = spec.display.unwrap_or_default();
    GridLayout {
        title: display.title.filter(|title| !title.is_empty()),
        collapse: display.collapse.map(|collapse| collapse.open),
        items,
        repeat_variable: spec.repeat_variable.filter(|name| !name.is_empty()),
    }
}

/// Resolves a grid item's `$ref` as Perses does: exactly `#/spec/panels/<key>`, and the key
/// must exist.
fn grid_item(
    item: GridItemSpec,
    path: &Path,
    panels: &BTreeMap<String, Panel>,
    problems: &mut Problems,
) -> GridItem {
    let ref_path = path.key("content").key("$ref");
    let content = match item.content {
        None => {
            problems.error(
                &path.key("content"),
                "missing: a grid item needs content.$ref",
            );
            GridContent::Missing {
                reference: String::new(),
            }
        }
        Some(content) => match panel_key(&content.reference) {
            Some(key) if panels.contains_key(key) => GridContent::Panel(key.to_owned()),
            Some(key) => {
                problems.error(&ref_path, format!("no panel {key:?} in spec.panels"));
                GridContent::Missing {
                    reference: content.reference,
                }
            }
            None => {
                problems.error(
                    &ref_path,
                    format!(
                        "expected \"#/spec/panels/<panel key>\", found {:?}",
                        content.reference
                    ),
                );
                GridContent::Missing {
                    reference: content.reference,
                }
            }
        },
    };
    GridItem {
        x: item.x,
        y: item.y,
        width: item.width,
        height: item.height,
        content,
        repeat: item.repeat_variable,
    }
}

/// The panel key of a `#/spec/panels/<key>` reference. Like Perses' JSON reference rule, a
/// segment holds only letters, digits, `_` and `-`.
fn panel_key(reference: &str) -> Option<&str> {
    let rest = reference.strip_prefix('#').unwrap_or(reference);
    let key = rest.strip_prefix("/spec/panels/")?;
    let valid = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    valid.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panel_references_follow_perses() {
        assert_eq!(panel_key("#/spec/panels/0_1"), Some("0_1"));
        assert_eq!(panel_key("/spec/panels/cpu-usage"), Some("cpu-usage"));
        assert_eq!(panel_key("#/panels/a"), None);
        assert_eq!(panel_key("#/spec/panels/"), None);
        assert_eq!(panel_key("#/spec/panels/a/b"), None);
        assert_eq!(panel_key("#/spec/panels/a.b"), None);
        assert_eq!(panel_key("spec/panels/a"), None);
    }
}
