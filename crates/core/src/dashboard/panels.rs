//! The panels of a dashboard: each decoded on its own, its plugin's options typed (one bad
//! option costing only itself, see `lenient`), its queries read.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::lenient::decode_leniently;
use super::names::validate_name;
use super::problems::{Problems, borrowed_array, borrowed_object, decode, field, optional};
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
    let Some(entries) = borrowed_object(value, path, problems) else {
        return BTreeMap::new();
    };
    crate::sort::btree_map(entries.iter().map(|(key, value)| {
        let panel_path = path.key(key);
        if let Err(message) = validate_name(key) {
            problems.error(&panel_path, format!("invalid panel key: {message}"));
        }
        (key.clone(), panel(key, value, &panel_path, problems))
    }))
}

/// A panel's shape as serde words what is wrong with it: [`panel`] reads a panel by reference
/// and decodes this only when the panel or its spec is not an object.
#[derive(serde::Deserialize)]
struct PanelShell {
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "decoded for serde's words on a wrong shape, never read"
    )]
    spec: Option<PanelSpecShell>,
}

#[derive(serde::Deserialize)]
struct PanelSpecShell {}

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
    // serde's words; the fallback would only serve if the decoder took what this did not.
    let wrong_shape = |problems: &mut Problems, at: &Path, what: &str| {
        let error = decode::<PanelShell>(value, path)
            .err()
            .unwrap_or_else(|| Diagnostic::new(at, what));
        problems.push(Severity::Error, error.clone());
        invalid(error)
    };
    let Value::Object(panel) = value else {
        return wrong_shape(problems, path, "expected a panel (an object)");
    };
    let spec_path = path.key("spec");
    let spec = match field(panel, "spec") {
        Some(Value::Object(spec)) => spec,
        Some(_) => {
            return wrong_shape(
                problems,
                &spec_path,
                "expected the panel's spec (an object)",
            );
        }
        None => {
            let error = Diagnostic::new(&spec_path, "missing: a panel needs a spec");
            problems.push(Severity::Error, error.clone());
            return invalid(error);
        }
    };
    let display: PanelDisplay =
        optional(field(spec, "display"), &spec_path.key("display"), problems).unwrap_or_default();
    let plugin_path = spec_path.key("plugin");
    let kind = match field(spec, "plugin") {
        None => {
            let error = Diagnostic::new(&plugin_path, "missing: a panel needs a plugin");
            problems.push(Severity::Error, error.clone());
            PanelKind::Invalid {
                kind: String::new(),
                problem: error,
            }
        }
        Some(plugin) => match plugin_parts(plugin, &plugin_path) {
            Ok((kind, options)) => panel_kind(kind, options, &plugin_path, problems),
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
    let queries = borrowed_array(field(spec, "queries"), &queries_path, problems)
        .iter()
        .enumerate()
        .map(|(index, query)| self::query(query, &queries_path.index(index), problems))
        .collect();
    let links =
        optional(field(spec, "links"), &spec_path.key("links"), problems).unwrap_or_default();
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

/// A panel plugin's kind and options (`null` for none), borrowed as [`Plugin`] would read
/// them; decoded as a `Plugin` only to word what is wrong.
fn plugin_parts<'a>(plugin: &'a Value, path: &Path) -> Result<(String, &'a Value), Diagnostic> {
    if let Value::Object(fields) = plugin
        && let Some(Value::String(kind)) = fields.get("kind")
    {
        return Ok((kind.clone(), fields.get("spec").unwrap_or(&Value::Null)));
    }
    match decode::<Plugin>(plugin, path) {
        Err(error) => Err(error),
        Ok(_) => Err(Diagnostic::new(
            path,
            "expected a plugin (an object with a kind)",
        )),
    }
}

/// Maps a panel plugin name to its typed options, or to options left for later for the
/// kinds [`DeferredKind`] names (decoded by `DeferredOptions::decode`). A missing or `null`
/// spec is an empty object ([`Plugin::options`]).
fn panel_kind(kind: String, options: &Value, path: &Path, problems: &mut Problems) -> PanelKind {
    if kind.is_empty() {
        let error = Diagnostic::new(
            &path.key("kind"),
            "must not be empty: name the panel plugin",
        );
        problems.push(Severity::Error, error.clone());
        return PanelKind::Invalid {
            kind,
            problem: error,
        };
    }
    let empty = Value::Object(Map::new());
    let spec = if options.is_null() { &empty } else { options };
    let spec_path = path.key("spec");
    if let Some(kind) = DeferredKind::of(&kind) {
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
                        kind: kind.clone(),
                        problem: error,
                    }
                }
            }
        };
    }
    match kind.as_str() {
        "TimeSeriesChart" => typed!(TimeSeriesChart),
        "StatChart" => typed!(StatChart),
        "GaugeChart" => typed!(GaugeChart),
        "TimeSeriesTable" => typed!(TimeSeriesTable),
        "Markdown" => typed!(Markdown),
        _ => PanelKind::Unsupported { kind },
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

#[cfg(test)]
#[path = "panels_tests.rs"]
mod tests;
