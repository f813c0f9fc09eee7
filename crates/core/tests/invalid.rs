//! Hand-made broken dashboards: each yields one error at the expected path, with a message
//! that says what was expected, and the rest of the dashboard still loads.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use obs_core::dashboard::{GridContent, Layout, Loaded, PanelKind, Severity, load_document};
use serde_json::{Value, json};

/// A small valid dashboard that each case breaks in one place.
fn base() -> Value {
    json!({
        "kind": "Dashboard",
        "metadata": {"name": "serving", "project": "team-a"},
        "spec": {
            "display": {"name": "Model serving"},
            "duration": "1h",
            "variables": [
                {"kind": "ListVariable", "spec": {"name": "model", "allowMultiple": true,
                    "allowAllValue": true, "customAllValue": ".*", "defaultValue": "$__all",
                    "plugin": {"kind": "PrometheusLabelValuesVariable",
                        "spec": {"labelName": "model_name"}}}},
                {"kind": "TextVariable", "spec": {"name": "filter", "value": ""}}
            ],
            "panels": {
                "cpu": {"kind": "Panel", "spec": {
                    "display": {"name": "CPU"},
                    "plugin": {"kind": "TimeSeriesChart", "spec": {
                        "yAxis": {"format": {"unit": "percent"}}, "visual": {"lineWidth": 1}}},
                    "queries": [{"kind": "TimeSeriesQuery", "spec": {"plugin": {
                        "kind": "PrometheusTimeSeriesQuery",
                        "spec": {"query": "rate(x[5m])", "minStep": "15s"}}}}]}},
                "notes": {"kind": "Panel", "spec": {
                    "plugin": {"kind": "Markdown", "spec": {"text": "hello"}}}},
                "logs": {"kind": "Panel", "spec": {"plugin": {"kind": "LogsTable", "spec": {}}}}
            },
            "layouts": [{"kind": "Grid", "spec": {
                "display": {"title": "Overview", "collapse": {"open": true}},
                "items": [
                    {"x": 0, "y": 0, "width": 12, "height": 8, "content": {"$ref": "#/spec/panels/cpu"}},
                    {"x": 12, "y": 0, "width": 12, "height": 8, "content": {"$ref": "#/spec/panels/notes"}},
                    {"x": 0, "y": 8, "width": 24, "height": 6, "content": {"$ref": "#/spec/panels/logs"}},
                    {"x": 0, "y": 14, "width": 24, "height": 6, "content": {"$ref": "#/spec/panels/cpu"}}
                ]}}]
        }
    })
}

fn load(document: &Value) -> Loaded {
    let mut all = load_document(document);
    assert_eq!(all.len(), 1);
    all.remove(0).expect("a dashboard")
}

fn errors(document: &Value) -> Vec<(String, String)> {
    load(document)
        .problems
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(|problem| (problem.diagnostic.path, problem.diagnostic.message))
        .collect()
}

/// Breaks the base dashboard at `pointer` (a JSON pointer) and expects exactly one error.
fn check(pointer: &str, value: Value, path: &str, message: &str) {
    let mut document = base();
    set(&mut document, pointer, value);
    let errors = errors(&document);
    assert_eq!(errors.len(), 1, "{pointer}: {errors:#?}");
    assert_eq!(errors[0].0, path, "{pointer}: {errors:#?}");
    assert!(
        errors[0].1.contains(message),
        "{pointer}: {:?} lacks {message:?}",
        errors[0].1
    );
}

/// Sets the value at a JSON pointer, adding the last key when it is missing.
fn set(document: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = document
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match parent {
        Value::Object(object) => {
            object.insert(key.replace("~1", "/").replace("~0", "~"), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer} is inside a scalar"),
    }
}

#[test]
fn the_base_dashboard_is_valid() {
    let loaded = load(&base());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.dashboard.title(), "Model serving");
    assert_eq!(loaded.dashboard.panels.len(), 3);
    assert_eq!(
        loaded.dashboard.panel("logs").unwrap().kind,
        PanelKind::Unsupported {
            kind: "LogsTable".into()
        }
    );
}

#[test]
fn references_must_point_to_existing_panels() {
    check(
        "/spec/layouts/0/spec/items/3/content/$ref",
        json!("#/spec/panels/memory"),
        "spec.layouts[0].spec.items[3].content.$ref",
        "no panel \"memory\" in spec.panels",
    );
    check(
        "/spec/layouts/0/spec/items/1/content/$ref",
        json!("#/panels/notes"),
        "spec.layouts[0].spec.items[1].content.$ref",
        "expected \"#/spec/panels/<panel key>\"",
    );
    check(
        "/spec/layouts/0/spec/items/2/content",
        Value::Null,
        "spec.layouts[0].spec.items[2].content",
        "needs content.$ref",
    );
    // The rest of the grid still loads, and the broken item keeps its place.
    let mut document = base();
    document["spec"]["layouts"][0]["spec"]["items"][3]["content"]["$ref"] =
        json!("#/spec/panels/memory");
    let Layout::Grid(grid) = &load(&document).dashboard.layouts[0] else {
        panic!("a grid")
    };
    assert_eq!(grid.items[0].content, GridContent::Panel("cpu".into()));
    assert_eq!(
        grid.items[3].content,
        GridContent::Missing {
            reference: "#/spec/panels/memory".into()
        }
    );
}

#[test]
fn names_follow_the_perses_pattern() {
    check(
        "/metadata/name",
        json!("model serving"),
        "metadata.name",
        "' ' is not allowed",
    );
    check("/metadata/name", json!("a..b"), "metadata.name", "'..'");
    check(
        "/metadata/name",
        json!("x".repeat(76)),
        "metadata.name",
        "at most 75 characters",
    );
    check(
        "/metadata/project",
        json!("team/a"),
        "metadata.project",
        "'/' is not allowed",
    );
    check(
        "/spec/variables/1/spec/name",
        json!("my var"),
        "spec.variables[1].spec.name",
        "not allowed",
    );
    check(
        "/spec/variables/1/spec/name",
        json!("42"),
        "spec.variables[1].spec.name",
        "only digits",
    );
    check(
        "/metadata/tags",
        json!(["ok", " padded"]),
        "metadata.tags[1]",
        "whitespace",
    );
    let mut document = base();
    let cpu = document["spec"]["panels"]["cpu"].clone();
    document["spec"]["panels"]["bad key"] = cpu;
    assert_eq!(
        errors(&document),
        [(r#"spec.panels["bad key"]"#.to_owned(), r#"invalid panel key: "bad key" is not a valid name: ' ' is not allowed; use letters, digits, '_', '.' and '-' (^[a-zA-Z0-9_.-]+$)"#.to_owned())]
    );
    let mut document = base();
    document["metadata"].as_object_mut().unwrap().remove("name");
    assert_eq!(
        errors(&document),
        [(
            "metadata.name".to_owned(),
            "missing: a dashboard needs a name".to_owned()
        )]
    );
}

#[test]
fn variables_follow_the_perses_rules() {
    check(
        "/spec/variables/1/spec/name",
        json!("model"),
        "spec.variables[1].spec.name",
        "variable \"model\" is already defined at spec.variables[0]",
    );
    check(
        "/spec/variables/0/spec/allowAllValue",
        json!(false),
        "spec.variables[0].spec.customAllValue",
        "needs allowAllValue: true",
    );
    let mut document = base();
    document["spec"]["variables"][0]["spec"]["allowMultiple"] = json!(false);
    document["spec"]["variables"][0]["spec"]["defaultValue"] = json!(["a", "b"]);
    assert_eq!(
        errors(&document),
        [(
            "spec.variables[0].spec.defaultValue".to_owned(),
            "a list of default values needs allowMultiple: true".to_owned()
        )]
    );
    check(
        "/spec/variables/1/spec/constant",
        json!(true),
        "spec.variables[1].spec.value",
        "needs a value",
    );
    check(
        "/spec/variables/0/spec/sort",
        json!("random"),
        "spec.variables[0].spec.sort",
        "unknown value for sort \"random\"",
    );
    check(
        "/spec/variables/0/kind",
        json!("FancyVariable"),
        "spec.variables[0].kind",
        "unknown value for kind \"FancyVariable\"",
    );
    check(
        "/spec/variables/0/spec/plugin/spec",
        json!({"matchers": []}),
        "spec.variables[0].spec.plugin.spec",
        "missing field `labelName`",
    );
}

#[test]
fn durations_are_well_formed() {
    check(
        "/spec/duration",
        json!("1hour"),
        "spec.duration",
        "invalid duration \"1hour\"",
    );
    check(
        "/spec/duration",
        json!(60),
        "spec.duration",
        "expected a string, found integer `60`",
    );
    let mut document = base();
    document["spec"]["refreshInterval"] = json!("5x");
    assert_eq!(errors(&document)[0].0, "spec.refreshInterval");
    check(
        "/spec/panels/cpu/spec/queries/0/spec/plugin/spec/minStep",
        json!("fast"),
        "spec.panels.cpu.spec.queries[0].spec.plugin.spec.minStep",
        "invalid duration \"fast\"",
    );
}

/// Breaks one option of the base dashboard and expects the panel to draw without it: no
/// error, one warning at `path` whose message has `message`.
fn check_dropped(pointer: &str, value: Value, path: &str, message: &str) {
    let mut document = base();
    set(&mut document, pointer, value);
    let loaded = load(&document);
    let problems: Vec<(Severity, String, String)> = loaded
        .problems
        .iter()
        .map(|p| {
            (
                p.severity,
                p.diagnostic.path.clone(),
                p.diagnostic.message.clone(),
            )
        })
        .collect();
    assert_eq!(problems.len(), 1, "{pointer}: {problems:#?}");
    let (severity, found_path, found_message) = &problems[0];
    assert_eq!(*severity, Severity::Warning, "{pointer}");
    assert_eq!(found_path, path, "{pointer}");
    assert!(
        found_message.contains(message) && found_message.contains("ignored"),
        "{pointer}: {found_message:?} lacks {message:?}"
    );
    assert!(
        matches!(
            loaded.dashboard.panel("cpu").unwrap().kind,
            PanelKind::TimeSeriesChart(_)
        ),
        "{pointer}: the panel still draws"
    );
}

#[test]
fn one_bad_option_costs_only_that_option() {
    check_dropped(
        "/spec/panels/cpu/spec/plugin/spec/yAxis/format/unit",
        json!("megaparsecs"),
        "spec.panels.cpu.spec.plugin.spec.yAxis.format.unit",
        "unknown unit \"megaparsecs\"; see the accepted values",
    );
    check_dropped(
        "/spec/panels/cpu/spec/plugin/spec/visual/lineWidth",
        json!("thick"),
        "spec.panels.cpu.spec.plugin.spec.visual.lineWidth",
        "expected f64, found string \"thick\"",
    );
    check_dropped(
        "/spec/panels/cpu/spec/plugin/spec/yAxis/logBase",
        json!(3),
        "spec.panels.cpu.spec.plugin.spec.yAxis.logBase",
        "expected 2 or 10",
    );
    // The list of units is kept apart from the sentence.
    let mut document = base();
    set(
        &mut document,
        "/spec/panels/cpu/spec/plugin/spec/yAxis/format/unit",
        json!("megaparsecs"),
    );
    let loaded = load(&document);
    let problem = &loaded.problems[0].diagnostic;
    assert!(
        !problem.message.contains("percent-decimal"),
        "{}",
        problem.message
    );
    assert!(
        problem
            .details
            .as_deref()
            .is_some_and(|details| details.contains("percent-decimal"))
    );
}

#[test]
fn panel_options_the_panel_needs() {
    check(
        "/spec/panels/notes/spec/plugin/spec",
        json!({}),
        "spec.panels.notes.spec.plugin.spec",
        "missing field `text`",
    );
    check(
        "/spec/panels/cpu/spec/queries/0/spec/plugin/spec",
        json!({"seriesNameFormat": "{{pod}}"}),
        "spec.panels.cpu.spec.queries[0].spec.plugin.spec",
        "missing field `query`",
    );
    // A broken panel is Invalid with its problem; the others are untouched.
    let mut document = base();
    document["spec"]["panels"]["notes"]["spec"]["plugin"]["spec"] = json!({"text": 5});
    let dashboard = load(&document).dashboard;
    assert!(
        matches!(&dashboard.panel("notes").unwrap().kind, PanelKind::Invalid { kind, .. } if kind == "Markdown")
    );
    assert!(matches!(
        dashboard.panel("cpu").unwrap().kind,
        PanelKind::TimeSeriesChart(_)
    ));
}

#[test]
fn paths_start_at_the_resource_root_of_every_envelope() {
    let spec = base()["spec"].clone();
    let mut v2 = json!({"apiVersion": "perses.dev/v1alpha2", "kind": "PersesDashboard",
        "metadata": {"name": "serving", "namespace": "team-a"}, "spec": {"config": spec}});
    v2["spec"]["config"]["layouts"][0]["spec"]["items"][0]["content"]["$ref"] =
        json!("#/spec/panels/x");
    assert_eq!(
        errors(&v2)[0].0,
        "spec.config.layouts[0].spec.items[0].content.$ref"
    );
    let list = json!({"kind": "List", "items": [base(), v2]});
    let loaded = load_document(&list);
    assert_eq!(loaded.len(), 2);
    let second = loaded[1].as_ref().unwrap();
    assert_eq!(
        second.problems[0].diagnostic.path,
        "items[1].spec.config.layouts[0].spec.items[0].content.$ref"
    );
    assert_eq!(second.dashboard.project.as_deref(), Some("team-a"));
}
