//! The panels of a dashboard: each decoded on its own, its plugin's options typed (one bad
//! option costing only itself, see `lenient`), its queries read.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::lenient::decode_leniently;
use super::names::validate_name;
use super::problems::{Problems, decode, optional};
use super::{DeferredKind, DeferredOptions, Panel, PanelKind, PrometheusQuery, Query, Severity};
use crate::diagnostic::{Diagnostic, Path};
use crate::duration::Duration;
use crate::spec::Plugin;
use crate::spec::query::{
    PROMETHEUS_TIME_SERIES_QUERY, PrometheusQuerySpec, QueryDefinition, TIME_SERIES_QUERY,
};

pub(super) fn panels(
    value: Option<&Value>,
    path: &Path,
    problems: &mut Problems,
) -> BTreeMap<String, Panel> {
    let entries: Map<String, Value> = optional(value, path, problems).unwrap_or_default();
    crate::sort::btree_map(entries.iter().map(|(key, value)| {
        let panel_path = path.key(key);
        if let Err(message) = validate_name(key) {
            problems.error(&panel_path, format!("invalid panel key: {message}"));
        }
        (key.clone(), panel(key, value, &panel_path, problems))
    }))
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

/// Maps a panel plugin name to its typed options, or to options left for later for the
/// kinds [`DeferredKind`] names (decoded by `DeferredOptions::decode`).
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
    let options = plugin.options();
    let spec: &Value = &options;
    let spec_path = path.key("spec");
    if let Some(kind) = DeferredKind::of(&plugin.kind) {
        return PanelKind::Deferred(Box::new(DeferredOptions::new(
            kind,
            spec.clone(),
            spec_path,
            problems.0.len(),
        )));
    }
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
        "TimeSeriesTable" => typed!(TimeSeriesTable),
        "Markdown" => typed!(Markdown),
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
