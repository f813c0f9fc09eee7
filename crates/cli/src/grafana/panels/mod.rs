//! Grafana panels as Perses panels: one function per panel type, joined by one `match`.
//!
//! | Grafana | Perses |
//! |---|---|
//! | timeseries, graph | TimeSeriesChart |
//! | stat, singlestat | StatChart |
//! | gauge | GaugeChart |
//! | bargauge | BarChart |
//! | piechart | PieChart |
//! | table, table-old | Table |
//! | text | Markdown |
//! | status-history, state-timeline | StatusHistoryChart |
//! | heatmap | HeatMapChart (Prometheus `le` buckets) |
//! | anything else (logs, nodeGraph, barchart, xychart, …) | a Markdown note naming it |

mod charts;
mod histograms;
mod table;

use obs_core::spec::common::Display;
use obs_core::spec::panels::markdown::MarkdownSpec;
use obs_core::spec::query::QueryDefinition;
use serde::Serialize;
use serde_json::{Value, json};

use charts::{bar, gauge, pie, stat, status_history, text, time_series};
use histograms::heatmap;
use table::table;

/// A converted panel: its Perses JSON and what it lost.
pub struct Converted {
    pub panel: Value,
    pub losses: Vec<String>,
    /// Converted as a note in place of a panel that has no Perses counterpart.
    pub note: bool,
}

/// Converts one (non-row) panel with its queries.
pub fn convert(panel: &Value, queries: Vec<QueryDefinition>, mut losses: Vec<String>) -> Converted {
    let kind = panel.get("type").and_then(Value::as_str).unwrap_or("");
    let defaults = panel
        .pointer("/fieldConfig/defaults")
        .cloned()
        .unwrap_or(Value::Null);
    let options = panel.get("options").cloned().unwrap_or(Value::Null);
    let plugin = match kind {
        "timeseries" | "graph" => Some(plugin(
            "TimeSeriesChart",
            time_series(panel, &defaults, &options, &mut losses),
        )),
        "stat" | "singlestat" => Some(plugin("StatChart", stat(&defaults, &options, &mut losses))),
        "gauge" => Some(plugin(
            "GaugeChart",
            gauge(&defaults, &options, &mut losses),
        )),
        "bargauge" => Some(plugin("BarChart", bar(&defaults, &options, &mut losses))),
        "piechart" => Some(plugin("PieChart", pie(&defaults, &options, &mut losses))),
        "table" | "table-old" => Some(plugin("Table", table(panel, &mut losses))),
        "text" => Some(plugin("Markdown", text(&options, &mut losses))),
        "status-history" | "state-timeline" => {
            if kind == "state-timeline" {
                losses.push("drawn as a status history (Perses has no state timeline)".to_owned());
            }
            Some(plugin(
                "StatusHistoryChart",
                status_history(&defaults, &options, &mut losses),
            ))
        }
        "heatmap" => Some(plugin(
            "HeatMapChart",
            heatmap(panel, &defaults, &options, &mut losses),
        )),
        _ => None,
    };
    let overrides = panel
        .pointer("/fieldConfig/overrides")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if plugin.is_some() && overrides > 0 && !matches!(kind, "table" | "table-old") {
        losses.push(format!("{overrides} field override(s)"));
    }
    if let Some(transformations) = panel.get("transformations").and_then(Value::as_array)
        && !transformations.is_empty()
        && !matches!(kind, "table" | "table-old")
    {
        losses.push(transformation_names(transformations));
    }
    if panel.get("libraryPanel").is_some() && panel.get("targets").is_none() {
        return note(
            panel,
            "a library panel (its definition lives in Grafana, not in this file)",
            losses,
        );
    }
    match plugin {
        Some(plugin) => {
            let title = panel
                .get("title")
                .and_then(Value::as_str)
                .filter(|title| !title.is_empty());
            let description = panel
                .get("description")
                .and_then(Value::as_str)
                .filter(|text| !text.is_empty());
            let description = with_losses(description, &losses);
            let mut spec = json!({
                "display": Display { name: title.map(str::to_owned), description },
                "plugin": plugin,
            });
            if !queries.is_empty() {
                spec["queries"] = serde_json::to_value(queries).unwrap_or(Value::Null);
            }
            Converted {
                panel: json!({"kind": "Panel", "spec": spec}),
                losses,
                note: false,
            }
        }
        None => {
            let why = match kind {
                "" => "a panel without a type".to_owned(),
                other => format!("the {other:?} panel, which has no Perses counterpart"),
            };
            note(panel, &why, losses)
        }
    }
}

fn plugin(kind: &str, spec: impl Serialize) -> Value {
    json!({"kind": kind, "spec": super::prune(serde_json::to_value(spec).unwrap_or(Value::Null))})
}

/// The panel's description, with what was not imported said under it, so readers of the
/// dashboard see it where it matters.
fn with_losses(description: Option<&str>, losses: &[String]) -> Option<String> {
    if losses.is_empty() {
        return description.map(str::to_owned);
    }
    let lost = format!("Not imported from Grafana: {}.", losses.join("; "));
    Some(match description {
        Some(description) => format!("{description}\n\n{lost}"),
        None => lost,
    })
}

/// A Markdown panel in place of one that cannot be converted, naming what and why, with its
/// queries so nothing is lost from sight.
fn note(panel: &Value, why: &str, mut losses: Vec<String>) -> Converted {
    let title = panel
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or("untitled");
    let mut text = format!("**Not imported from Grafana:** {why}.\n");
    if let Some(targets) = panel.get("targets").and_then(Value::as_array) {
        let queries: Vec<&str> = targets
            .iter()
            .filter_map(|target| target.get("expr").and_then(Value::as_str))
            .collect();
        if !queries.is_empty() {
            text.push_str("\nIts queries:\n\n```promql\n");
            text.push_str(&queries.join("\n"));
            text.push_str("\n```\n");
        }
    }
    losses.insert(0, why.to_owned());
    Converted {
        panel: json!({
            "kind": "Panel",
            "spec": {
                "display": {"name": title},
                "plugin": {"kind": "Markdown", "spec": MarkdownSpec { text }},
            }
        }),
        losses,
        note: true,
    }
}

/// A Markdown panel listing what the dashboard lost outside its panels (variables, the time
/// range, links, annotations).
pub fn settings_note(losses: &[&str]) -> Value {
    let mut text = String::from("**Not imported from Grafana** (dashboard settings):\n\n");
    for loss in losses {
        text.push_str(&format!("- {loss}\n"));
    }
    json!({
        "kind": "Panel",
        "spec": {
            "display": {"name": "Not imported from Grafana"},
            "plugin": {"kind": "Markdown", "spec": MarkdownSpec { text }},
        }
    })
}

fn transformation_names(transformations: &[Value]) -> String {
    let names: Vec<&str> = transformations
        .iter()
        .filter_map(|t| t.get("id").and_then(Value::as_str))
        .collect();
    format!("transformations ({})", names.join(", "))
}
