#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use obs_core::dashboard::{Dashboard, PanelKind, load_document};
use serde_json::json;

use super::*;

fn panel(unit: &str) -> Panel {
    let document = json!({
        "kind": "Dashboard",
        "metadata": {"name": "d", "project": "p"},
        "spec": {
            "panels": {"p": {"kind": "Panel", "spec": {
                "plugin": {"kind": "StatChart", "spec": {"calculation": "last", "format": {"unit": unit}}}
            }}},
            "layouts": []
        }
    });
    let loaded = load_document(&document).remove(0).unwrap();
    let dashboard: &Dashboard = &loaded.dashboard;
    let panel = dashboard.panels["p"].clone();
    assert!(matches!(panel.kind, PanelKind::StatChart(_)));
    panel
}

/// A panel of `kind` (Perses' plugin kind) with an empty spec.
fn panel_of(kind: &str) -> Panel {
    let document = json!({
        "kind": "Dashboard",
        "metadata": {"name": "d", "project": "p"},
        "spec": {
            "panels": {"p": {"kind": "Panel", "spec": {"plugin": {"kind": kind, "spec": {}}}}},
            "layouts": []
        }
    });
    load_document(&document).remove(0).unwrap().dashboard.panels["p"].clone()
}

#[test]
fn histogram_panels_need_buckets() {
    let none: &[&str] = &[];
    let cases: &[(&str, &str, &[&str])] = &[
        ("HeatMapChart", "sum by (le) (rate(x_bucket[5m]))", none),
        ("HeatMapChart", "rate(x_bucket[5m])", none),
        (
            "HeatMapChart",
            "(sum without (pod) (rate(x_bucket[5m])))",
            none,
        ),
        // A native histogram has no le.
        ("HeatMapChart", "sum(rate(x_seconds[5m]))", none),
        (
            "HeatMapChart",
            "sum(rate(x_bucket[5m]))",
            &["histogram-panel-le"],
        ),
        (
            "HistogramChart",
            "sum by (pod) (increase(x_bucket[1h]))",
            &["histogram-panel-le"],
        ),
        (
            "HeatMapChart",
            "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))",
            &["histogram-panel-le"],
        ),
        // Other kinds may aggregate buckets as they like.
        ("TimeSeriesChart", "sum(rate(x_bucket[5m]))", none),
    ];
    for (kind, query, expected) in cases {
        let expr = obs_promql::parse(query).unwrap();
        let found: Vec<&str> = check(&expr, &panel_of(kind), &Path::root())
            .into_iter()
            .map(|issue| issue.rule.id())
            .collect();
        assert_eq!(&found, expected, "{kind}: {query}");
    }
}

fn rules_of(query: &str, unit: &str) -> Vec<&'static str> {
    let expr = obs_promql::parse(query).unwrap();
    check(&expr, &panel(unit), &Path::root())
        .into_iter()
        .map(|issue| issue.rule.id())
        .collect()
}

#[test]
fn tree_rules() {
    let none: &[&str] = &[];
    let cases: &[(&str, &str, &[&str])] = &[
        // histogram_quantile keeps or drops le.
        (
            "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))",
            "seconds",
            none,
        ),
        (
            "histogram_quantile(0.9, sum by (le, pod) (rate(x_bucket[5m])))",
            "seconds",
            none,
        ),
        (
            "histogram_quantile(0.9, sum without (pod) (rate(x_bucket[5m])))",
            "seconds",
            none,
        ),
        (
            "histogram_quantile(0.9, rate(x_bucket[5m]))",
            "seconds",
            none,
        ),
        (
            "histogram_quantile(0.9, sum(rate(x_bucket[5m])))",
            "seconds",
            &["histogram-quantile-le"],
        ),
        (
            "histogram_quantile(0.9, (sum by (pod) (rate(x_bucket[5m]))))",
            "seconds",
            &["histogram-quantile-le"],
        ),
        (
            "histogram_quantile(0.9, sum without (le) (rate(x_bucket[5m])))",
            "seconds",
            &["histogram-quantile-le"],
        ),
        // A native histogram has no le to keep.
        (
            "histogram_quantile(0.9, sum(rate(x_seconds[5m])))",
            "seconds",
            none,
        ),
        // Literal ranges.
        ("rate(x[30s])", "decimal", &["short-rate-range"]),
        ("increase(x[59s])", "decimal", &["short-rate-range"]),
        ("rate(x[1m])", "decimal", none),
        ("max_over_time(x[10s])", "decimal", none),
        // Units.
        (
            "container_memory_working_set_bytes",
            "percent",
            &["unit-mismatch"],
        ),
        ("container_memory_working_set_bytes", "bytes", none),
        (
            "rate(container_network_receive_bytes_total[5m])",
            "bytes/sec",
            none,
        ),
        (
            "rate(container_network_receive_bytes_total[5m])",
            "seconds",
            &["unit-mismatch"],
        ),
        (
            "rate(container_cpu_usage_seconds_total[5m])",
            "percent-decimal",
            none,
        ),
        (
            "rate(container_cpu_usage_seconds_total[5m])",
            "bytes",
            &["unit-mismatch"],
        ),
        ("x_seconds_sum", "percent", &["unit-mismatch"]),
        ("used_bytes / capacity_bytes", "percent-decimal", none),
        ("count(x_bytes)", "percent", none),
        ("x_bytes + y_seconds", "percent", none),
    ];
    for (query, unit, expected) in cases {
        assert_eq!(rules_of(query, unit), *expected, "{query} in {unit}");
    }
}
