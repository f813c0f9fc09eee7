use serde_json::json;

use super::*;

fn decoded<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Result<T, String> {
    crate::decode::from_value(value).map_err(|error| match error.path_text() {
        path if path.is_empty() => error.inner().to_string(),
        path => format!("{path}: {}", error.inner()),
    })
}

/// Each value decodes as expected (an error as its path and message).
fn check<T>(cases: impl IntoIterator<Item = (serde_json::Value, Result<T, String>)>)
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for (value, expected) in cases {
        assert_eq!(decoded(&value), expected, "{value}");
    }
}

#[test]
fn a_datasource_is_a_variable_or_a_kind_and_name() {
    let reference = |kind: &str, name: Option<&str>| {
        Ok(DatasourceSelector::Reference {
            kind: kind.to_owned(),
            name: name.map(str::to_owned),
        })
    };
    let cases = [
        (json!("$ds"), Ok(DatasourceSelector::Variable("$ds".to_owned()))),
        (json!({"kind": "PrometheusDatasource"}), reference("PrometheusDatasource", None)),
        (
            json!({"kind": "PrometheusDatasource", "name": null}),
            reference("PrometheusDatasource", None),
        ),
        (
            json!({"kind": "PrometheusDatasource", "name": "thanos", "group": "x"}),
            reference("PrometheusDatasource", Some("thanos")),
        ),
        (
            json!(3),
            Err("invalid type: integer `3`, expected a `$variable`, or a datasource's kind and name"
                .to_owned()),
        ),
        (json!({"name": "thanos"}), Err("missing field `kind`".to_owned())),
        (
            json!(["PrometheusDatasource"]),
            Err(
                "invalid type: sequence, expected a `$variable`, or a datasource's kind and name"
                    .to_owned(),
            ),
        ),
        (
            json!({"kind": 1}),
            Err(".kind: invalid type: integer `1`, expected a string".to_owned()),
        ),
    ];
    check(cases);
}

/// The variables' text-or-more values, read as `DatasourceSelector` is.
#[test]
fn defaults_and_static_options_are_text_or_more() {
    use crate::spec::variable::{DefaultValue, StaticValue};
    let defaults = [
        (json!("a"), Ok(DefaultValue::Single("a".to_owned()))),
        (
            json!(["a", "b"]),
            Ok(DefaultValue::Multiple(vec!["a".to_owned(), "b".to_owned()])),
        ),
        (json!([]), Ok(DefaultValue::Multiple(Vec::new()))),
        (
            json!({"a": 1}),
            Err("invalid type: map, expected a value or a list of values".to_owned()),
        ),
        (
            json!(1),
            Err("invalid type: integer `1`, expected a value or a list of values".to_owned()),
        ),
        (
            json!(["a", 2]),
            Err("[1]: invalid type: integer `2`, expected a string".to_owned()),
        ),
    ];
    check(defaults);
    let labelled = |value: &str, label: Option<&str>| {
        Ok(StaticValue::Labelled {
            value: value.to_owned(),
            label: label.map(str::to_owned),
        })
    };
    let options = [
        (json!("a"), Ok(StaticValue::Plain("a".to_owned()))),
        (json!({"value": "a"}), labelled("a", None)),
        (
            json!({"value": "a", "label": "A", "x": 1}),
            labelled("a", Some("A")),
        ),
        (
            json!({"label": "A"}),
            Err("missing field `value`".to_owned()),
        ),
        (
            json!(true),
            Err(
                "invalid type: boolean `true`, expected a value, or a value and its label"
                    .to_owned(),
            ),
        ),
    ];
    check(options);
}

/// A mapping's value is text, whatever JSON scalar it was written as.
#[test]
fn a_mapping_value_is_read_as_text() {
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Mapped(#[serde(deserialize_with = "string_or_number")] String);
    let cases = [
        (json!("a"), Ok("a")),
        (json!(1), Ok("1")),
        (json!(-2), Ok("-2")),
        (json!(1.5), Ok("1.5")),
        (json!(1e21), Ok("1e+21")),
        (json!(18446744073709551615_u64), Ok("18446744073709551615")),
        (json!(true), Ok("true")),
        (
            json!(null),
            Err("invalid type: null, expected a string, a number or a boolean"),
        ),
    ];
    check(cases.map(|(value, expected)| {
        let expected = expected.map(|text| Mapped(text.to_owned()));
        (value, expected.map_err(str::to_owned))
    }));
}
