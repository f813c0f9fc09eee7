#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use serde_json::{Value, json};

use super::*;
use crate::dashboard::{load_found, read_found};
use crate::envelope::find_dashboards;

fn panel(plugin: Value, title: &str) -> Value {
    json!({"kind": "Panel", "spec": {"display": {"name": title}, "plugin": plugin,
        "queries": [{"kind": "TimeSeriesQuery", "spec": {"plugin": {"kind": "PrometheusTimeSeriesQuery",
            "spec": {"query": "up"}}}}]}})
}

/// Panels whose problems interleave: deferred and read-at-once kinds, each with problems,
/// and undefined variables in titles, which are checked last.
fn document() -> Value {
    json!({
        "kind": "Dashboard",
        "metadata": {"name": "d", "project": "p"},
        "spec": {
            "panels": {
                "a_table": panel(json!({"kind": "Table", "spec": {"density": 7, "columnSettings": [{"name": "x", "width": "wide"}]}}), "$undefined_a"),
                "b_series": panel(json!({"kind": "TimeSeriesChart", "spec": {"legend": 3}}), "fine"),
                "c_bar": panel(json!({"kind": "BarChart", "spec": "not options"}), "$undefined_c"),
                "c_bar2": panel(json!({"kind": "BarChart", "spec": {"calculation": "nope"}}), "bar"),
                "d_pie": panel(json!({"kind": "PieChart", "spec": {"calculation": "last", "radius": "big"}}), "pie"),
                "e_stat": panel(json!({"kind": "StatChart", "spec": {"calculation": 4}}), "stat"),
                "f_heat": panel(json!({"kind": "HeatMapChart", "spec": {}}), "heat"),
                "g_status": panel(json!({"kind": "StatusHistoryChart", "spec": {"legend": {"position": "top"}}}), "status"),
                "h_histogram": panel(json!({"kind": "HistogramChart", "spec": null}), "histogram"),
                "i_markdown": panel(json!({"kind": "Markdown", "spec": {"text": "$undefined_i"}}), "md"),
            },
            "layouts": []
        }
    })
}

fn found_pending(document: &Value) -> (Loaded, Pending) {
    let found = find_dashboards(document).remove(0).unwrap();
    (load_found(&found), read_found(&found))
}

#[test]
fn resolving_gives_what_reading_at_once_gives_whatever_the_order() {
    let document = document();
    let (at_once, pending) = found_pending(&document);
    // Reading at once (`load_found`) resolves too, so the order is checked against the one
    // written here: the panels' problems in key order, each panel's as its options are read,
    // then the undefined variables.
    let panel = |key: &str, rest: &str| format!("spec.panels.{key}.spec.{rest}");
    let expected = [
        (
            Severity::Warning,
            panel("a_table", "plugin.spec.columnSettings[0].width"),
        ),
        (Severity::Warning, panel("a_table", "plugin.spec.density")),
        (Severity::Warning, panel("b_series", "plugin.spec.legend")),
        (Severity::Error, panel("c_bar", "plugin.spec")),
        (
            Severity::Warning,
            panel("c_bar2", "plugin.spec.calculation"),
        ),
        (Severity::Warning, panel("d_pie", "plugin.spec.radius")),
        (
            Severity::Warning,
            panel("e_stat", "plugin.spec.calculation"),
        ),
        (
            Severity::Warning,
            panel("g_status", "plugin.spec.legend.position"),
        ),
        (Severity::Error, panel("g_status", "plugin.spec.legend")),
        (Severity::Warning, panel("a_table", "display.name")),
        (Severity::Warning, panel("c_bar", "display.name")),
        (Severity::Warning, panel("i_markdown", "plugin.spec.text")),
    ];
    let found: Vec<(Severity, String)> = at_once
        .problems
        .iter()
        .map(|problem| (problem.severity, problem.diagnostic.path.clone()))
        .collect();
    assert_eq!(found, expected);
    assert!(matches!(
        at_once.dashboard.panels["c_bar"].kind,
        PanelKind::Invalid { .. }
    ));
    assert!(matches!(
        at_once.dashboard.panels["f_heat"].kind,
        PanelKind::HeatMapChart(_)
    ));
    let decoded: Vec<(String, Decoded)> = pending
        .deferred()
        .map(|(key, options)| (key.to_owned(), options.decode_here()))
        .collect();
    assert_eq!(decoded.len(), 7);
    // The page gets each chunk's results as they come: any order gives the same dashboard.
    let mut reversed = decoded.clone();
    reversed.reverse();
    let mut rotated = decoded.clone();
    rotated.rotate_left(2);
    for order in [decoded, reversed, rotated] {
        let resolved = pending.clone().resolve(order);
        assert_eq!(resolved.dashboard, at_once.dashboard);
        assert_eq!(resolved.problems, at_once.problems);
    }
}

#[test]
fn a_panel_left_unresolved_stays_deferred_and_the_rest_is_checked() {
    let document = document();
    let (at_once, pending) = found_pending(&document);
    let decoded: Vec<(String, Decoded)> = pending
        .deferred()
        .filter(|(_, options)| options.kind != DeferredKind::Table)
        .map(|(key, options)| (key.to_owned(), options.decode_here()))
        .collect();
    let resolved = pending.resolve(decoded);
    assert!(matches!(
        &resolved.dashboard.panels["a_table"].kind,
        PanelKind::Deferred(options) if options.kind == DeferredKind::Table
    ));
    assert_eq!(resolved.dashboard.panels["a_table"].kind.name(), "Table");
    // Everything but the table's options' own problems, in the same order.
    let expected: Vec<&Problem> = at_once
        .problems
        .iter()
        .filter(|problem| {
            !problem
                .diagnostic
                .path
                .starts_with("spec.panels.a_table.spec.plugin")
        })
        .collect();
    assert!(expected.len() < at_once.problems.len());
    assert_eq!(resolved.problems.iter().collect::<Vec<_>>(), expected);
    // The undefined variables are still found, the table's title's included.
    assert!(
        resolved
            .problems
            .iter()
            .any(|problem| problem.diagnostic.message.contains("$undefined_a"))
    );
}

#[test]
fn results_for_panels_that_are_not_deferred_are_ignored() {
    let document = document();
    let (at_once, pending) = found_pending(&document);
    let table = pending
        .deferred()
        .find(|(key, _)| *key == "a_table")
        .map(|(_, options)| options.decode_here())
        .unwrap();
    let decoded = vec![
        ("a_table".to_owned(), table.clone()),
        // Twice for the same panel, and for panels that are not deferred or do not exist.
        ("a_table".to_owned(), table.clone()),
        ("b_series".to_owned(), table.clone()),
        ("zz_missing".to_owned(), table),
    ];
    let resolved = pending.resolve(decoded);
    assert_eq!(
        resolved.dashboard.panels["a_table"],
        at_once.dashboard.panels["a_table"]
    );
    assert_eq!(
        resolved.dashboard.panels["b_series"],
        at_once.dashboard.panels["b_series"]
    );
    assert!(!resolved.dashboard.panels.contains_key("zz_missing"));
    let table_problems = |problems: &[Problem]| {
        problems
            .iter()
            .filter(|problem| problem.diagnostic.path.contains("a_table.spec.plugin"))
            .count()
    };
    assert_eq!(
        table_problems(&resolved.problems),
        table_problems(&at_once.problems)
    );
}

#[test]
fn every_deferred_kind_is_named_as_perses_names_it() {
    for kind in [
        DeferredKind::Table,
        DeferredKind::BarChart,
        DeferredKind::PieChart,
        DeferredKind::StatusHistoryChart,
        DeferredKind::HeatMapChart,
        DeferredKind::HistogramChart,
    ] {
        assert_eq!(DeferredKind::of(kind.name()), Some(kind));
    }
    for kind in [
        "TimeSeriesChart",
        "Markdown",
        "TimeSeriesTable",
        "table",
        "",
    ] {
        assert_eq!(DeferredKind::of(kind), None);
    }
}

#[test]
fn the_query_kind_read_from_the_options_as_written_is_the_decoded_ones() {
    use crate::plan::default_query_kind;
    use crate::prometheus::QueryKind;

    let sparkline =
        json!({"name": "trend", "plugin": {"kind": "StatChart", "spec": {"calculation": "last"}}});
    let cases = [
        (json!({"kind": "Table", "spec": {}}), QueryKind::Instant),
        (
            json!({"kind": "Table", "spec": {"columnSettings": [{"name": "x"}]}}),
            QueryKind::Instant,
        ),
        (
            json!({"kind": "Table", "spec": {"columnSettings": [{"name": "x"}, sparkline]}}),
            QueryKind::Range,
        ),
        (
            json!({"kind": "Table", "spec": {"columnSettings": [{"name": "x", "plugin": null}]}}),
            QueryKind::Instant,
        ),
        (
            json!({"kind": "HistogramChart", "spec": {}}),
            QueryKind::Instant,
        ),
        (
            json!({"kind": "BarChart", "spec": {"calculation": "last"}}),
            QueryKind::Range,
        ),
        (
            json!({"kind": "HeatMapChart", "spec": {}}),
            QueryKind::Range,
        ),
    ];
    for (plugin, expected) in cases {
        let document = json!({
            "kind": "Dashboard",
            "metadata": {"name": "d", "project": "p"},
            "spec": {"panels": {"p": panel(plugin.clone(), "p")}, "layouts": []}
        });
        let (at_once, pending) = found_pending(&document);
        let (_, options) = pending.deferred().next().expect("a deferred panel");
        assert_eq!(options.query_kind(), expected, "{plugin}");
        assert_eq!(
            default_query_kind(&at_once.dashboard.panels["p"].kind),
            expected,
            "{plugin}"
        );
    }
}
