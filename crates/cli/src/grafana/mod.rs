//! `obsctl import-grafana`: a Grafana 9–11 dashboard (JSON, or the `{"dashboard": …}` envelope
//! of Grafana's API) as a PersesDashboard (`perses.dev/v1alpha2`) or a Perses `Dashboard`.
//!
//! Panels, variables, queries, units, thresholds, mappings, rows, repeats, links, the time
//! range and the refresh interval carry over (see each module's table). Nothing is dropped in
//! silence: a panel with no Perses counterpart becomes a Markdown note in its place naming
//! what and why, a converted panel's lost settings are said in its description, and every
//! loss is in the import's report.

mod fields;
mod layout;
mod meta;
mod panels;
mod queries;
mod variable_queries;
mod variables;

use obs_core::scope::{
    DashboardHome, ODH_CLUSTER_DATASOURCE, ODH_TENANCY_DATASOURCES, home_of_namespace,
};
use obs_core::spec::layout::GRID;
use serde_json::{Map, Value, json};

/// Which resource an import writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputKind {
    /// `PersesDashboard` of `perses.dev/v1alpha2`, for the cluster (kubectl, ArgoCD, Flux).
    #[value(name = "PersesDashboard")]
    PersesDashboard,
    /// `Dashboard` of the Perses API.
    #[value(name = "Dashboard")]
    Dashboard,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub kind: OutputKind,
    /// The namespace (project) the dashboard is for.
    pub namespace: String,
    /// The resource name; by default made from the title.
    pub name: Option<String>,
}

/// An imported dashboard and what did not carry over.
#[derive(Debug)]
pub struct Imported {
    pub resource: Value,
    pub name: String,
    pub panels: usize,
    /// Panels that became notes.
    pub notes: usize,
    /// Whether a note at the top says what the dashboard lost outside its panels.
    pub settings_note: bool,
    /// `(where, what)`: a panel's title or "dashboard", and what it lost.
    pub losses: Vec<(String, String)>,
}

/// Why a document cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("not a Grafana dashboard: expected an object with panels (or {{\"dashboard\": …}})")]
    NotADashboard,
    #[error(
        "a Grafana dashboard older than Grafana 5 (rows of panels, schema {0}); open and save it \
         in Grafana 9–11 first"
    )]
    TooOld(i64),
}

/// Where a loss outside the panels is reported.
const DASHBOARD: &str = "dashboard";
const VARIABLES: &str = "variables";

/// Imports one Grafana dashboard.
pub fn import(document: &Value, options: &ImportOptions) -> Result<Imported, ImportError> {
    let dashboard = match document.get("dashboard") {
        Some(inner) if inner.is_object() => inner,
        _ => document,
    };
    let object = dashboard.as_object().ok_or(ImportError::NotADashboard)?;
    if !object.contains_key("panels") {
        return Err(match object.get("rows") {
            Some(_) => ImportError::TooOld(
                object
                    .get("schemaVersion")
                    .and_then(Value::as_i64)
                    .unwrap_or(0),
            ),
            None => ImportError::NotADashboard,
        });
    }
    let title = text(dashboard, "title")
        .unwrap_or("Imported dashboard")
        .to_owned();
    let mut losses: Vec<(String, String)> = Vec::new();
    let default_datasource = match home_of_namespace(&options.namespace) {
        DashboardHome::Cluster => ODH_CLUSTER_DATASOURCE,
        DashboardHome::Project => ODH_TENANCY_DATASOURCES[0],
    };
    let templating: Vec<Value> = dashboard
        .pointer("/templating/list")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let converted_variables = variables::convert(&templating, default_datasource);
    losses.extend(
        converted_variables
            .losses
            .iter()
            .map(|loss| (VARIABLES.to_owned(), loss.clone())),
    );

    let mut panels = Map::new();
    let mut layouts = Vec::new();
    let mut taken = layout::Keys::default();
    let mut notes = 0;
    let top_level: Vec<Value> = dashboard
        .get("panels")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for group in layout::groups(&top_level) {
        let members: Vec<&Value> = group
            .panels
            .iter()
            .copied()
            .filter(|panel| !layout::is_repeat_copy(panel))
            .collect();
        let top = layout::top(&members);
        let mut items = Vec::new();
        for panel in members {
            let title = text(panel, "title").unwrap_or_default().to_owned();
            let mut panel_losses = Vec::new();
            let queries = queries::convert(
                panel,
                &converted_variables.datasource_variables,
                &mut panel_losses,
            );
            let converted = panels::convert(panel, queries, panel_losses);
            let key = layout::key(&title, panel.get("id").and_then(Value::as_i64), &mut taken);
            let place = if title.is_empty() {
                key.clone()
            } else {
                title.clone()
            };
            losses.extend(
                converted
                    .losses
                    .iter()
                    .map(|loss| (place.clone(), loss.clone())),
            );
            notes += usize::from(converted.note);
            items.push(layout::item(panel, &key, top));
            panels.insert(key, converted.panel);
        }
        layouts.push(json!({"kind": GRID, "spec": prune(serde_json::to_value(layout::grid(&group, items)).unwrap_or(Value::Null))}));
    }

    let duration = meta::duration(dashboard, &mut losses);
    let refresh = meta::refresh(dashboard);
    let links = meta::links(dashboard, &mut losses);
    let annotations = dashboard
        .pointer("/annotations/list")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter(|annotation| annotation.get("builtIn").and_then(Value::as_i64) != Some(1))
                .count()
        })
        .unwrap_or(0);
    if annotations > 0 {
        losses.push((
            DASHBOARD.to_owned(),
            format!("{annotations} annotation quer(ies): this page draws no annotations yet"),
        ));
    }
    // What the dashboard lost outside its panels is said at its top, where readers see it.
    let settings_losses: Vec<&str> = losses
        .iter()
        .filter(|(place, _)| place == DASHBOARD || place == VARIABLES)
        .map(|(_, what)| what.as_str())
        .collect();
    let settings_note = !settings_losses.is_empty();
    if settings_note {
        let key = layout::key("not-imported-from-grafana", None, &mut taken);
        let height = u32::try_from(settings_losses.len())
            .unwrap_or(u32::MAX)
            .saturating_add(3)
            .min(10);
        panels.insert(key.clone(), panels::settings_note(&settings_losses));
        layouts.insert(
            0,
            json!({"kind": GRID, "spec": {"items": [{
                "x": 0, "y": 0, "width": 24, "height": height,
                "content": {"$ref": format!("#/spec/panels/{key}")},
            }]}}),
        );
    }

    let mut spec = json!({
        "display": {"name": title},
        "duration": duration,
        "variables": prune(serde_json::to_value(&converted_variables.variables).unwrap_or(Value::Null)),
        "panels": panels,
        "layouts": layouts,
    });
    if let Some(description) = text(dashboard, "description").filter(|text| !text.is_empty()) {
        spec["display"]["description"] = Value::from(description);
    }
    if let Some(refresh) = refresh {
        spec["refreshInterval"] = Value::from(refresh);
    }
    if !links.is_empty() {
        spec["links"] = prune(serde_json::to_value(links).unwrap_or(Value::Null));
    }

    let name = options
        .name
        .clone()
        .unwrap_or_else(|| meta::resource_name(&title, text(dashboard, "uid")));
    let tags: Vec<String> = dashboard
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| {
            tags.iter()
                .filter_map(Value::as_str)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let resource = match options.kind {
        OutputKind::PersesDashboard => {
            let mut metadata = json!({"name": name, "namespace": options.namespace});
            if !tags.is_empty() {
                metadata["annotations"] = json!({"perses.dev/tags": tags.join(",")});
            }
            json!({
                "apiVersion": obs_core::envelope::V1ALPHA2,
                "kind": "PersesDashboard",
                "metadata": metadata,
                "spec": {"config": spec},
            })
        }
        OutputKind::Dashboard => {
            let mut metadata = json!({"name": name, "project": options.namespace});
            if !tags.is_empty() {
                metadata["tags"] = json!(tags);
            }
            json!({"kind": "Dashboard", "metadata": metadata, "spec": spec})
        }
    };
    Ok(Imported {
        resource,
        name,
        panels: panels_count(&top_level),
        notes,
        settings_note,
        losses,
    })
}

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A text field that is set: present and not empty (Grafana writes `""` for unset).
fn given(value: &Value, key: &str) -> Option<String> {
    text(value, key)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

fn panels_count(panels: &[Value]) -> usize {
    panels
        .iter()
        .map(|panel| match panel.get("type").and_then(Value::as_str) {
            Some("row") => panel
                .get("panels")
                .and_then(Value::as_array)
                .map_or(0, Vec::len),
            _ => usize::from(!layout::is_repeat_copy(panel)),
        })
        .sum()
}

/// The JSON without `null` fields: the model's types write every optional field, and a
/// resource in Git should hold only what was set.
pub fn prune(value: Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .into_iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key, prune(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(prune).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests;
