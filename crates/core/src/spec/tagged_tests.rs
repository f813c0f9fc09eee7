//! The `kind`/`spec` enums (`decode::tagged`) against serde's own derive of the same shape:
//! the same values, and for a bad input the same message at the same place.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::common::Mapping;
use super::panels::table::{Condition, Transform};
use super::variable::VariableDefinition;
use crate::decode::from_value;
use crate::decode::tagged::Tagged;

/// serde's derive of the same shapes, named as ours so that the messages can be compared.
mod derived {
    use serde::{Deserialize, Serialize};

    use super::super::common::{MappingResult, MiscValue, string_or_number};
    use super::super::panels::table::ExtractFormat;
    use super::super::variable::{ListVariableSpec, TextVariableSpec};

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "kind", content = "spec")]
    pub enum Mapping {
        Value {
            #[serde(deserialize_with = "string_or_number")]
            value: String,
            result: MappingResult,
        },
        Range {
            #[serde(default)]
            from: Option<f64>,
            #[serde(default)]
            to: Option<f64>,
            result: MappingResult,
        },
        Regex {
            pattern: String,
            result: MappingResult,
        },
        Misc {
            value: Option<MiscValue>,
            result: MappingResult,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "kind", content = "spec")]
    pub enum Condition {
        Value {
            value: String,
        },
        Range {
            #[serde(default)]
            min: Option<f64>,
            #[serde(default)]
            max: Option<f64>,
        },
        Regex {
            expr: String,
        },
        Misc {
            value: MiscValue,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "kind", content = "spec")]
    pub enum Transform {
        MergeSeries {
            #[serde(default)]
            disabled: bool,
        },
        JoinByColumnValue {
            #[serde(default)]
            columns: Vec<String>,
            #[serde(default)]
            disabled: bool,
        },
        MergeColumns {
            #[serde(default)]
            columns: Vec<String>,
            name: String,
            #[serde(default)]
            disabled: bool,
        },
        MergeIndexedColumns {
            column: String,
            #[serde(default)]
            disabled: bool,
        },
        ExtractColumnFields {
            column: String,
            format: ExtractFormat,
            #[serde(default)]
            matcher: Option<String>,
            #[serde(default)]
            disabled: bool,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "kind", content = "spec")]
    pub enum VariableDefinition {
        ListVariable(ListVariableSpec),
        TextVariable(TextVariableSpec),
    }
}

/// The decoded value as JSON, or the failure's path and message.
fn outcome<T: DeserializeOwned + Serialize>(input: &Value) -> Result<Value, (String, String)> {
    match from_value::<T>(input) {
        Ok(decoded) => Ok(serde_json::to_value(decoded).expect("serializes")),
        Err(error) => Err((error.path_text(), error.to_string())),
    }
}

/// Each input decodes to the same value as serde's derive, or fails with the same message at
/// the same path; `fails` says which is expected, so that a case cannot pass by accident. The
/// one difference: a spec that is not an object is "expected struct Range" where the derive
/// says "expected struct variant Mapping::Range".
fn agree<Ours, Derived>(cases: &[(Value, bool)])
where
    Ours: DeserializeOwned + Serialize + Tagged,
    Derived: DeserializeOwned + Serialize,
{
    let variant = format!("struct variant {}::", Ours::NAME);
    for (input, fails) in cases {
        let ours = outcome::<Ours>(input);
        let derived = outcome::<Derived>(input)
            .map_err(|(path, message)| (path, message.replace(&variant, "struct ")));
        assert_eq!(ours, derived, "{input}");
        assert_eq!(ours.is_err(), *fails, "{input}: {ours:?}");
    }
}

#[test]
fn mappings_decode_as_serde_derives_them() {
    let result = json!({"value": "shown", "color": "red"});
    agree::<Mapping, derived::Mapping>(&[
        (
            json!({"kind": "Value", "spec": {"value": "1", "result": result}}),
            false,
        ),
        (
            json!({"kind": "Value", "spec": {"value": 1, "result": result}}),
            false,
        ),
        (
            json!({"kind": "Range", "spec": {"from": 1, "result": result}}),
            false,
        ),
        (
            json!({"kind": "Regex", "spec": {"pattern": "a.*", "result": result}}),
            false,
        ),
        (
            json!({"kind": "Misc", "spec": {"value": "NaN", "result": result}}),
            false,
        ),
        (json!({"kind": "Misc", "spec": {"result": result}}), false),
        (
            json!({"kind": "Regex", "spec": {"pattern": "a", "result": result}, "note": 1}),
            false,
        ),
        (
            json!({"kind": 2, "spec": {"pattern": "a", "result": result}}),
            true,
        ),
        (
            json!({"kind": {"Regex": null}, "spec": {"pattern": "a", "result": result}}),
            false,
        ),
        (json!({"kind": 4, "spec": {}}), true),
        (json!({"kind": "Ratio", "spec": {}}), true),
        (json!({"kind": null, "spec": {}}), true),
        (json!({"spec": {"pattern": "a", "result": result}}), true),
        (json!({"kind": "Regex"}), true),
        (json!({"kind": "Regex", "spec": null}), true),
        (json!({"kind": "Regex", "spec": ["a", result]}), true),
        (json!({"kind": "Regex", "spec": {"pattern": "a"}}), true),
        (
            json!({"kind": "Range", "spec": {"from": "low", "result": result}}),
            true,
        ),
        (
            json!({"kind": "Range", "spec": {"result": {"color": "red"}}}),
            true,
        ),
        (json!("Value"), true),
        (json!(["Value", {}]), true),
        (json!(null), true),
    ]);
}

#[test]
fn conditions_transforms_and_variables_decode_as_serde_derives_them() {
    agree::<Condition, derived::Condition>(&[
        (json!({"kind": "Value", "spec": {"value": "up"}}), false),
        (
            json!({"kind": "Range", "spec": {"min": 1, "max": 2}}),
            false,
        ),
        (json!({"kind": "Range", "spec": {}}), false),
        (json!({"kind": "Regex", "spec": {"expr": "^a"}}), false),
        (json!({"kind": "Misc", "spec": {"value": "empty"}}), false),
        (json!({"kind": "Misc", "spec": {"value": "nothing"}}), true),
        (json!({"kind": "Regex", "spec": {"pattern": "^a"}}), true),
    ]);
    agree::<Transform, derived::Transform>(&[
        (json!({"kind": "MergeSeries", "spec": {}}), false),
        (
            json!({"kind": "JoinByColumnValue", "spec": {"columns": ["a"]}}),
            false,
        ),
        (
            json!({"kind": "MergeColumns", "spec": {"columns": ["a", "b"], "name": "ab"}}),
            false,
        ),
        (
            json!({"kind": "MergeIndexedColumns", "spec": {"column": "value", "disabled": true}}),
            false,
        ),
        (
            json!({"kind": "ExtractColumnFields", "spec": {"column": "c", "format": "JSON", "matcher": "x"}}),
            false,
        ),
        (json!({"kind": "MergeSeries"}), true),
        (
            json!({"kind": "MergeColumns", "spec": {"columns": ["a"]}}),
            true,
        ),
        (
            json!({"kind": "JoinByColumnValue", "spec": {"columns": "a"}}),
            true,
        ),
        (
            json!({"kind": "ExtractColumnFields", "spec": {"column": "c", "format": "YAML"}}),
            true,
        ),
        (json!({"kind": "SortBy", "spec": {}}), true),
    ]);
    let plugin = json!({"kind": "StaticListVariable", "spec": {"values": ["a"]}});
    agree::<VariableDefinition, derived::VariableDefinition>(&[
        (
            json!({"kind": "ListVariable", "spec": {"name": "a", "plugin": plugin}}),
            false,
        ),
        (
            json!({"kind": "TextVariable", "spec": {"name": "t", "value": "x"}}),
            false,
        ),
        (json!({"kind": "ListVariable", "spec": {"name": "a"}}), true),
        (
            json!({"kind": "TextVariable", "spec": {"value": "x"}}),
            true,
        ),
        (
            json!({"kind": "TextVariable", "spec": {"name": "t", "display": {"hidden": "no"}}}),
            true,
        ),
        (
            json!({"kind": "QueryVariable", "spec": {"name": "q"}}),
            true,
        ),
    ]);
}

/// From a source that keeps the order of keys, a `spec` before its `kind` decodes to the same
/// value; a failure inside it names the place in its message.
#[test]
fn a_spec_before_its_kind_is_read_too() {
    let text = r#"{"spec": {"from": 1, "to": 5, "result": {"value": "low"}}, "kind": "Range"}"#;
    let ours: Mapping = serde_json::from_str(text).expect("decodes");
    let derived: derived::Mapping = serde_json::from_str(text).expect("decodes");
    assert_eq!(
        serde_json::to_value(ours).expect("serializes"),
        serde_json::to_value(derived).expect("serializes")
    );
    let bad = r#"{"spec": {"pattern": "a", "result": {"color": "red"}}, "kind": "Regex"}"#;
    let error = serde_json::from_str::<Mapping>(bad)
        .expect_err("the result has no value")
        .to_string();
    assert!(
        error.contains("missing field `value`") && error.contains("at spec.result"),
        "{error}"
    );
    let twice = r#"{"kind": "Regex", "kind": "Value", "spec": {}}"#;
    let error = serde_json::from_str::<Mapping>(twice)
        .expect_err("two kinds")
        .to_string();
    assert!(error.contains("duplicate field `kind`"), "{error}");
}
