//! Every Grafana dashboard of the corpus imports, its output passes `lint` with no error, and
//! nothing is dropped in silence.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use std::path::PathBuf;

use obs_core::dashboard::Severity;

use super::*;
use crate::lint::{Options, Report, lint_text};

fn corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/grafana");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    files.sort();
    files
}

fn options(namespace: &str) -> ImportOptions {
    ImportOptions {
        kind: OutputKind::PersesDashboard,
        namespace: namespace.to_owned(),
        name: None,
    }
}

#[test]
fn the_corpus_imports_and_passes_lint() {
    let files = corpus();
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        let document: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let imported = import(&document, &options("fraud-detection")).unwrap();
        let yaml = serde_saphyr::to_string(&imported.resource).unwrap();
        let mut report = Report::default();
        lint_text(
            &file.with_extension("yaml"),
            &yaml,
            &Options::default(),
            &mut report,
        );
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
        assert_eq!(report.dashboards, 1);
        // Every Grafana panel is a Perses panel, converted or a note.
        let panels = imported.resource["spec"]["config"]["panels"]
            .as_object()
            .unwrap()
            .len();
        let settings_note = usize::from(imported.settings_note);
        assert_eq!(
            panels,
            imported.panels + settings_note,
            "{}",
            file.display()
        );
        eprintln!(
            "{}: {} panels, {} notes, {} losses",
            file.file_name().unwrap().to_string_lossy(),
            imported.panels,
            imported.notes,
            imported.losses.len()
        );
    }
}

#[test]
fn panels_variables_and_layout() {
    let grafana = json!({
        "dashboard": {
            "title": "Serving / latency",
            "uid": "abc",
            "tags": ["ML", "vllm"],
            "time": {"from": "now-6h", "to": "now"},
            "refresh": "30s",
            "templating": {"list": [
                {"type": "datasource", "name": "datasource", "query": "prometheus"},
                {"type": "query", "name": "model", "multi": true, "includeAll": true, "allValue": ".*",
                 "query": {"query": "label_values(vllm:num_requests_running, model_name)"},
                 "current": {"value": ["$__all"]}, "sort": 1},
                {"type": "interval", "name": "window", "query": "1m,5m,10m"},
                {"type": "adhoc", "name": "filters"}
            ]},
            "panels": [
                {"type": "row", "title": "Latency", "collapsed": false, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}},
                {"id": 2, "type": "timeseries", "title": "P90", "gridPos": {"x": 0, "y": 1, "w": 12, "h": 8},
                 "repeat": "model", "repeatDirection": "h", "maxPerRow": 3,
                 "datasource": {"type": "prometheus", "uid": "${datasource}"},
                 "fieldConfig": {"defaults": {"unit": "s", "decimals": 2, "custom": {"fillOpacity": 20, "stacking": {"mode": "normal"}}}, "overrides": []},
                 "options": {"legend": {"displayMode": "table", "placement": "right", "calcs": ["mean", "max"]}},
                 "targets": [{"expr": "histogram_quantile(0.9, sum by (le) (rate(x_bucket{model_name=~\"$model\"}[$window])))", "legendFormat": "{{model_name}}", "refId": "A"}]},
                {"id": 3, "type": "heatmap", "title": "Buckets", "gridPos": {"x": 12, "y": 1, "w": 12, "h": 8},
                 "options": {"calculate": false, "yAxis": {"unit": "s", "log": 2, "min": "0.01"},
                   "cellValues": {"unit": "reqps"}, "color": {"mode": "scheme", "scheme": "Oranges", "scale": "exponential"},
                   "legend": {"show": false}},
                 "targets": [{"expr": "sum by (le) (rate(x_bucket[5m]))", "refId": "A"}]},
                {"id": 4, "type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 9, "w": 6, "h": 4},
                 "fieldConfig": {"defaults": {"unit": "lengthm", "mappings": [{"type": "value", "options": {"1": {"text": "Up"}}}],
                   "thresholds": {"mode": "absolute", "steps": [{"color": "red", "value": null}, {"color": "green", "value": 1}]}}},
                 "options": {"reduceOptions": {"calcs": ["lastNotNull"]}, "graphMode": "area"},
                 "targets": [{"expr": "up", "refId": "A"}]}
            ]
        }
    });
    let imported = import(&grafana, &options("customer-support-llm")).unwrap();
    let resource = &imported.resource;
    assert_eq!(
        resource["metadata"],
        json!({"name": "serving-latency", "namespace": "customer-support-llm", "annotations": {"perses.dev/tags": "ml,vllm"}})
    );
    let spec = &resource["spec"]["config"];
    assert_eq!(spec["duration"], "6h");
    assert_eq!(spec["refreshInterval"], "30s");
    assert_eq!(
        spec["variables"][0]["spec"]["defaultValue"],
        "cluster-prometheus-tenancy-datasource"
    );
    assert_eq!(
        spec["variables"][1]["spec"]["plugin"]["spec"],
        json!({"labelName": "model_name", "matchers": ["vllm:num_requests_running"]})
    );
    assert_eq!(spec["variables"][1]["spec"]["customAllValue"], ".*");
    assert_eq!(
        spec["variables"][2]["spec"]["plugin"]["kind"],
        "StaticListVariable"
    );
    assert_eq!(
        spec["variables"].as_array().unwrap().len(),
        3,
        "adhoc is a loss"
    );
    let p90 = &spec["panels"]["p90"]["spec"];
    assert_eq!(
        p90["plugin"]["spec"]["yAxis"]["format"],
        json!({"unit": "seconds", "decimalPlaces": 2.0})
    );
    assert_eq!(
        p90["plugin"]["spec"]["legend"],
        json!({"position": "right", "mode": "table", "values": ["mean", "max"]})
    );
    assert_eq!(p90["plugin"]["spec"]["visual"]["stack"], "all");
    assert_eq!(
        p90["queries"][0]["spec"]["plugin"]["spec"]["datasource"],
        "$datasource"
    );
    assert_eq!(
        p90["queries"][0]["spec"]["plugin"]["spec"]["seriesNameFormat"],
        "{{model_name}}"
    );
    let buckets = &spec["panels"]["buckets"]["spec"];
    assert_eq!(buckets["plugin"]["kind"], "HeatMapChart");
    assert_eq!(
        buckets["plugin"]["spec"],
        json!({"yAxisFormat": {"unit": "seconds"}, "countFormat": {"unit": "requests/sec"},
               "showVisualMap": false, "min": 0.01, "logBase": 2.0, "countScale": "log"})
    );
    assert_eq!(
        buckets["queries"][0]["spec"]["plugin"]["spec"]["query"],
        "sum by (le) (rate(x_bucket[5m]))"
    );
    assert!(
        buckets["display"]["description"]
            .as_str()
            .unwrap()
            .contains("colour scheme")
    );
    let up = &spec["panels"]["up"]["spec"];
    assert_eq!(up["plugin"]["spec"]["calculation"], "last-number");
    assert!(up["plugin"]["spec"]["sparkline"].is_object());
    assert!(
        up["display"]["description"]
            .as_str()
            .unwrap()
            .contains("lengthm")
    );
    // The adhoc variable is a dashboard-level loss: a note at the top says so.
    assert!(imported.settings_note);
    let top = &spec["layouts"][0]["spec"]["items"][0];
    assert_eq!(
        top["content"]["$ref"],
        "#/spec/panels/not-imported-from-grafana"
    );
    let note = spec["panels"]["not-imported-from-grafana"]["spec"]["plugin"]["spec"]["text"]
        .as_str()
        .unwrap();
    assert!(note.contains("adhoc"), "{note}");
    let grid = &spec["layouts"][1]["spec"];
    assert_eq!(
        grid["display"],
        json!({"title": "Latency", "collapse": {"open": true}})
    );
    assert_eq!(
        grid["items"][0]["repeatVariable"],
        json!({"value": "model", "maxPer": 3, "alignment": "horizontal"})
    );
    assert_eq!(grid["items"][2]["y"], 8);
    let what: Vec<&str> = imported
        .losses
        .iter()
        .map(|(_, what)| what.as_str())
        .collect();
    assert!(what.iter().any(|loss| loss.contains("adhoc")), "{what:?}");
    assert!(
        what.iter().any(|loss| loss.contains("colour scheme")),
        "{what:?}"
    );
    assert_eq!(imported.notes, 0);
}

#[test]
fn what_cannot_be_imported() {
    assert_eq!(
        import(&json!([1, 2]), &options("x")).unwrap_err(),
        ImportError::NotADashboard
    );
    assert_eq!(
        import(&json!({"rows": [], "schemaVersion": 12}), &options("x")).unwrap_err(),
        ImportError::TooOld(12)
    );
    let cluster = import(&json!({"title": "", "panels": [], "templating": {"list": [{"type": "datasource", "name": "ds", "query": "prometheus"}]}}), &options("opendatahub")).unwrap();
    assert_eq!(cluster.name, "imported-dashboard");
    assert_eq!(
        cluster.resource["spec"]["config"]["variables"][0]["spec"]["defaultValue"],
        "cluster-prometheus-datasource"
    );
}

/// Grafana's legacy heatmap (before 9) and one whose buckets Grafana computed.
#[test]
fn legacy_and_computed_heatmaps() {
    let dashboard = json!({"title": "h", "panels": [
        {"id": 1, "type": "heatmap", "title": "Legacy", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
         "dataFormat": "tsbuckets", "yAxis": {"format": "ms", "logBase": 10, "max": "5000"},
         "color": {"mode": "spectrum", "colorScale": "sqrt"}, "legend": {"show": true},
         "targets": [{"expr": "sum by (le) (rate(y_bucket[5m]))", "format": "heatmap"}]},
        {"id": 2, "type": "heatmap", "title": "Computed", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
         "options": {"calculate": true}, "targets": [{"expr": "rate(z[5m])"}]}
    ]});
    let imported = import(&dashboard, &options("x")).unwrap();
    let panels = &imported.resource["spec"]["config"]["panels"];
    assert_eq!(
        panels["legacy"]["spec"]["plugin"]["spec"],
        json!({"yAxisFormat": {"unit": "milliseconds"}, "max": 5000.0, "logBase": 10.0, "countScale": "log"})
    );
    assert_eq!(panels["computed"]["spec"]["plugin"]["kind"], "HeatMapChart");
    assert!(
        panels["computed"]["spec"]["display"]["description"]
            .as_str()
            .unwrap()
            .contains("sum by (le)")
    );
}

/// A dashboard of thousands of panels with one title imports in linear time, every key apart.
#[test]
fn many_panels_with_one_title() {
    let panels: Vec<Value> = (0..5_000)
        .map(|id| json!({"id": id, "type": "stat", "title": "p", "gridPos": {"x": 0, "y": id, "w": 6, "h": 4}, "targets": [{"expr": "up"}]}))
        .collect();
    let imported = import(&json!({"title": "big", "panels": panels}), &options("x")).unwrap();
    let keys = imported.resource["spec"]["config"]["panels"]
        .as_object()
        .unwrap();
    assert_eq!(keys.len(), 5_000);
    assert!(keys.contains_key("p-5000"));
}
