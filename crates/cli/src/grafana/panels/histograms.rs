//! Grafana's heatmap panel as a `HeatMapChart`. Both of Grafana's heatmaps are read: the
//! current one (Grafana 9 and later: `options.yAxis`, `options.cellValues`, `options.color`,
//! `options.calculate`) and the legacy one (`yAxis.format`, `yAxis.logBase`, `legend`).
//! Prometheus `le` buckets draw as they are; a heatmap whose buckets Grafana computed from
//! raw values cannot be drawn the same way, and says so.

use obs_core::spec::common::Format;
use obs_core::spec::panels::heatmap::{CountScale, HeatMapChartSpec};
use obs_core::spec::panels::time_series::LogBase;
use serde_json::Value;

use super::super::fields;

pub fn heatmap(
    panel: &Value,
    defaults: &Value,
    options: &Value,
    losses: &mut Vec<String>,
) -> HeatMapChartSpec {
    let legacy_axis = panel.get("yAxis").filter(|axis| axis.is_object());
    let axis = options
        .get("yAxis")
        .filter(|axis| axis.is_object())
        .or(legacy_axis);
    let axis_unit = options
        .pointer("/yAxis/unit")
        .or_else(|| panel.pointer("/yAxis/format"))
        .and_then(Value::as_str);
    let y_axis_format = match axis_unit {
        Some(unit) => unit_format(unit, losses),
        None => fields::format(defaults, losses),
    };
    let count_format = options
        .pointer("/cellValues/unit")
        .and_then(Value::as_str)
        .and_then(|unit| unit_format(unit, losses));
    let log = axis
        .and_then(|axis| axis.get("logBase").or_else(|| axis.get("log")))
        .or_else(|| options.pointer("/calculation/yBuckets/scale/log"))
        .and_then(Value::as_f64);
    let log_base = match log {
        Some(2.0) => Some(LogBase::Two),
        Some(10.0) => Some(LogBase::Ten),
        Some(base) if base > 1.0 => {
            losses.push(format!("a logarithmic axis of base {base} (drawn linear)"));
            None
        }
        _ => None,
    };
    let bound = |key: &str| {
        axis.and_then(|axis| axis.get(key))
            .and_then(|value| match value {
                Value::Number(number) => number.as_f64(),
                Value::String(text) => text.trim().parse().ok(),
                _ => None,
            })
    };
    if options.get("calculate").and_then(Value::as_bool) == Some(true)
        || panel.get("dataFormat").and_then(Value::as_str) == Some("timeseries")
    {
        losses.push(
            "buckets Grafana computed from raw values (this heatmap draws Prometheus histograms: \
             query a _bucket metric with sum by (le))"
                .to_owned(),
        );
    }
    let color = options.get("color").or_else(|| panel.get("color"));
    let count_scale = match color
        .and_then(|color| color.get("scale").or_else(|| color.get("colorScale")))
        .and_then(Value::as_str)
    {
        Some("exponential" | "sqrt") => Some(CountScale::Log),
        _ => None,
    };
    if color
        .and_then(|color| color.get("scheme").or_else(|| color.get("colorScheme")))
        .is_some()
    {
        losses.push("the colour scheme (drawn in viridis)".to_owned());
    }
    let show_legend = options
        .pointer("/legend/show")
        .or_else(|| panel.pointer("/legend/show"))
        .and_then(Value::as_bool);
    HeatMapChartSpec {
        y_axis_format,
        count_format,
        show_visual_map: show_legend.filter(|show| !show),
        min: bound("min"),
        max: bound("max"),
        log_base,
        quantiles: Vec::new(),
        slo: None,
        count_scale,
    }
}

fn unit_format(unit: &str, losses: &mut Vec<String>) -> Option<Format> {
    match fields::unit(unit) {
        Ok(unit) => unit.map(|unit| Format {
            unit: Some(unit),
            ..Format::default()
        }),
        Err(loss) => {
            losses.push(loss);
            None
        }
    }
}
