//! The core's answer to each case, through the functions the page uses: `format_value`,
//! `interpolate`, and `plan_query` for the step and the builtins.

use std::collections::{BTreeMap, BTreeSet};

use obs_core::dashboard::{PrometheusQuery, load_document};
use obs_core::format::{format_value, js_number_to_string};
use obs_core::interpolate::{VariableValue, interpolate};
use obs_core::plan::{PlanContext, plan_query};
use obs_core::prometheus::QueryKind;
use obs_core::scope::DashboardHome;
use obs_core::spec::common::Format;
use obs_core::time_range::AbsoluteRange;
use serde_json::{Value, json};

pub fn answer(input: &Value) -> String {
    let outcome = match input["kind"].as_str() {
        Some("format") => format(input),
        Some("interpolate") => Ok(interpolation(input)),
        Some("step") => step(input),
        other => Err(format!("unknown case kind {other:?}")),
    };
    outcome.unwrap_or_else(|error| format!("error: {error}"))
}

fn format(input: &Value) -> Result<String, String> {
    let value = input["value"].as_f64().ok_or("no value")?;
    if input["format"].is_null() {
        return Ok(format_value(value, None).to_string());
    }
    let format: Format =
        serde_json::from_value(input["format"].clone()).map_err(|error| error.to_string())?;
    Ok(format_value(value, Some(&format)).to_string())
}

fn interpolation(input: &Value) -> String {
    let values: BTreeMap<String, VariableValue> = input["state"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(name, state)| {
            let value = match &state["value"] {
                Value::String(text) => VariableValue::Single(text.clone()),
                Value::Array(items) => VariableValue::Multiple(
                    items
                        .iter()
                        .filter_map(|item| item.as_str().map(str::to_owned))
                        .collect(),
                ),
                _ => return None,
            };
            Some((name.clone(), value))
        })
        .collect();
    let text = input["text"].as_str().unwrap_or_default();
    interpolate(text, |name| values.get(name))
}

fn step(input: &Value) -> Result<String, String> {
    let datasources = match input["scrapeInterval"].as_str() {
        Some(interval) => json!({"prometheus": {"default": true, "plugin": {
            "kind": "PrometheusDatasource", "spec": {"scrapeInterval": interval}}}}),
        None => json!({}),
    };
    let document = json!({"kind": "Dashboard", "metadata": {"name": "diff", "project": "diff"},
        "spec": {"datasources": datasources, "panels": {}, "layouts": []}});
    let dashboard = load_document(&document)
        .into_iter()
        .next()
        .ok_or("no dashboard")?
        .map_err(|diagnostic| format!("{diagnostic:?}"))?
        .dashboard;
    let query = PrometheusQuery {
        name: None,
        datasource: None,
        query: input["query"].as_str().unwrap_or_default().to_owned(),
        series_name_format: None,
        min_step: input["minStep"].as_str().map(str::to_owned),
        instant: None,
    };
    let values = BTreeMap::new();
    let pending = BTreeSet::new();
    let context = PlanContext {
        dashboard: &dashboard,
        range: AbsoluteRange {
            start_ms: input["startMs"].as_i64().ok_or("no start")?,
            end_ms: input["endMs"].as_i64().ok_or("no end")?,
        },
        now_ms: input["endMs"].as_i64().unwrap_or_default(),
        values: &values,
        pending: &pending,
        project: "diff",
        utc_offset_secs: 0,
        live_edge: false,
        home: DashboardHome::Project,
    };
    let width_px = u32::try_from(input["widthPx"].as_u64().unwrap_or_default()).unwrap_or(0);
    let planned = plan_query(&query, QueryKind::Range, width_px, &context)
        .map_err(|error| error.to_string())?;
    let request = planned.request;
    Ok(format!(
        "start={} end={} step={} query={}",
        js_number_to_string(request.start_secs),
        js_number_to_string(request.end_secs),
        js_number_to_string(request.step_secs),
        request.promql
    ))
}
