use super::*;
use crate::spec::unit::Unit;

/// The panel kind of a Perses panel plugin given as JSON.
fn kind(plugin: serde_json::Value) -> PanelKind {
    let document = serde_json::json!({
        "kind": "Dashboard",
        "metadata": {"name": "d", "project": "p"},
        "spec": {"panels": {"p": {"kind": "Panel", "spec": {"plugin": plugin}}}, "layouts": []}
    });
    let mut loaded = load_document(&document);
    let loaded = loaded.remove(0).expect("a dashboard");
    loaded.dashboard.panels["p"].kind.clone()
}

#[test]
fn a_panel_says_which_format_its_values_take() {
    let seconds = serde_json::json!({"unit": "seconds"});
    let cases = [
        (
            serde_json::json!({"kind": "TimeSeriesChart", "spec": {"yAxis": {"format": seconds}}}),
            Some(Unit::Seconds),
        ),
        (
            serde_json::json!({"kind": "TimeSeriesChart", "spec": {}}),
            None,
        ),
        (
            serde_json::json!({"kind": "StatChart", "spec": {"calculation": "last", "format": {"unit": "bytes"}}}),
            Some(Unit::Bytes),
        ),
        (
            serde_json::json!({"kind": "HeatMapChart", "spec": {"countFormat": {"unit": "requests/sec"}}}),
            Some(Unit::RequestsPerSec),
        ),
        (serde_json::json!({"kind": "Table", "spec": {}}), None),
    ];
    for (plugin, unit) in cases {
        let kind = kind(plugin.clone());
        assert_eq!(
            kind.value_format().and_then(|format| format.unit),
            unit,
            "{plugin}"
        );
    }
}
