use serde_json::json;

use super::*;

/// The problems of reading `panels` as a dashboard's `spec.panels`, as `path: message`.
fn problems_of(panels: &Value) -> Vec<String> {
    let mut problems = Problems::default();
    let _ = super::panels(Some(panels), &Path::root().key("panels"), &mut problems);
    problems
        .0
        .iter()
        .map(|problem| {
            format!(
                "{}: {}",
                problem.diagnostic.path, problem.diagnostic.message
            )
        })
        .collect()
}

/// A panel is read by reference, and decoded only to word what is wrong: the words are
/// serde's, as when every part was decoded.
#[test]
fn panels_of_the_wrong_shape_are_worded_by_serde() {
    let cases = [
        (json!([]), vec!["panels: expected a map, found sequence"]),
        (
            json!({"a": []}),
            vec!["panels.a: expected struct PanelShell, found sequence"],
        ),
        (
            json!({"a": {"spec": []}}),
            vec!["panels.a.spec: expected struct PanelSpecShell, found sequence"],
        ),
        (
            json!({"a": "text"}),
            vec![r#"panels.a: expected struct PanelShell, found string "text""#],
        ),
        (
            json!({"a": {"spec": 3}}),
            vec!["panels.a.spec: expected struct PanelSpecShell, found integer `3`"],
        ),
        (
            json!({"a": {}}),
            vec!["panels.a.spec: missing: a panel needs a spec"],
        ),
        (
            json!({"a": {"spec": null}}),
            vec!["panels.a.spec: missing: a panel needs a spec"],
        ),
        (
            json!({"a": {"spec": {"plugin": []}}}),
            vec!["panels.a.spec.plugin: expected struct Plugin, found sequence"],
        ),
        (
            json!({"a": {"spec": {"plugin": {"spec": {}}}}}),
            vec!["panels.a.spec.plugin: missing field `kind`"],
        ),
        (
            json!({"a": {"spec": {"plugin": {"kind": 1}}}}),
            vec!["panels.a.spec.plugin.kind: expected a string, found integer `1`"],
        ),
        (
            json!({"a": {"spec": {"plugin": {"kind": ""}}}}),
            vec!["panels.a.spec.plugin.kind: must not be empty: name the panel plugin"],
        ),
        (
            json!({"a": {"spec": {"plugin": null, "display": 2}}}),
            vec![
                "panels.a.spec.display: expected struct PanelDisplay, found integer `2`",
                "panels.a.spec.plugin: missing: a panel needs a plugin",
            ],
        ),
        (
            json!({"a": {"spec": {"plugin": {"kind": "StatChart"}, "queries": {}}}}),
            vec!["panels.a.spec.queries: expected a sequence, found map"],
        ),
        (
            json!({"a": {"spec": {"plugin": {"kind": "StatChart", "spec": null}, "queries": null, "links": 1}}}),
            vec!["panels.a.spec.links: expected a sequence, found integer `1`"],
        ),
        (
            json!({"a": {"spec": {"plugin": {"kind": "StatChart", "spec": {"calculation": 4}}, "queries": [3]}}}),
            vec![
                "panels.a.spec.plugin.spec.calculation: expected string or map, found integer `4`; it is ignored and the default is used",
                "panels.a.spec.queries[0]: expected struct QueryDefinition, found integer `3`",
            ],
        ),
    ];
    for (panels, expected) in cases {
        assert_eq!(problems_of(&panels), expected, "{panels}");
    }
}
