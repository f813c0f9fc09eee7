use serde_json::json;

use super::*;

fn selector(value: serde_json::Value) -> Result<DatasourceSelector, String> {
    crate::decode::from_value(&value).map_err(|error| match error.path_text() {
        path if path.is_empty() => error.inner().to_string(),
        path => format!("{path}: {}", error.inner()),
    })
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
            json!({"kind": 1}),
            Err(".kind: invalid type: integer `1`, expected a string".to_owned()),
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(selector(value.clone()), expected, "{value}");
    }
}
