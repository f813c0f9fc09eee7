//! Property tests: random and mutated documents never make the loader panic, and a mutated
//! real dashboard still loads as a dashboard (its problems are reported, not thrown).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.
#![cfg(feature = "yaml")]

use obs_core::dashboard::load_document;
use obs_core::source::{SourceFormat, parse_documents};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Any JSON value, biased towards the keys and shapes a dashboard has.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("kind".to_owned()),
        Just("spec".to_owned()),
        Just("panels".to_owned()),
        Just("layouts".to_owned()),
        Just("items".to_owned()),
        Just("plugin".to_owned()),
        Just("queries".to_owned()),
        Just("variables".to_owned()),
        Just("$ref".to_owned()),
        Just("config".to_owned()),
        "[a-zA-Z$#/._ -]{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|number| json!(number)),
        prop_oneof![
            Just("Dashboard".to_owned()),
            Just("PersesDashboard".to_owned()),
            Just("List".to_owned()),
            Just("Grid".to_owned()),
            Just("TimeSeriesChart".to_owned()),
            Just("ListVariable".to_owned()),
            Just("#/spec/panels/a".to_owned()),
            Just("perses.dev/v1alpha2".to_owned()),
            ".{0,16}",
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn corpus_document(name: &str) -> Value {
    let path = format!(
        "{}/../../tests/corpus/perses/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let format = SourceFormat::from_file_name(name).unwrap();
    parse_documents(&text, format).unwrap().remove(0)
}

/// Every node of a document, as JSON pointers.
fn pointers(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let pointer = format!("{prefix}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(pointer.clone());
                pointers(child, &pointer, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let pointer = format!("{prefix}/{index}");
                out.push(pointer.clone());
                pointers(child, &pointer, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_never_panic(document in json_value()) {
        let _ = load_document(&document);
        let wrapped = json!({"kind": "Dashboard", "metadata": {"name": "x"}, "spec": document});
        let _ = load_document(&wrapped);
    }

    #[test]
    fn random_text_never_panics(text in ".{0,200}") {
        let _ = parse_documents(&text, SourceFormat::Yaml);
        let _ = parse_documents(&text, SourceFormat::Json);
    }

    #[test]
    fn mutated_real_dashboards_still_load(
        choices in prop::collection::vec((any::<prop::sample::Index>(), json_value()), 1..8),
        file in prop::sample::select(vec![
            "perses__dev__data__9-dashboard__Demo.json",
            "odh-dashboard__manifests__observability__odh__perses-dashboard-model.yaml",
            "perses__dev__data__9-dashboard__table.json",
            "community-mixins__examples__dashboards__perses__kubernetes__kubernetes-cluster-resources-overview.yaml",
        ]),
    ) {
        let mut document = corpus_document(file);
        for (index, replacement) in choices {
            let mut all = Vec::new();
            pointers(&document, "", &mut all);
            // Keep the envelope so the result is still recognisably a dashboard.
            all.retain(|pointer| pointer.starts_with("/spec/"));
            if all.is_empty() {
                break;
            }
            let pointer = index.get(&all).clone();
            if let Some(target) = document.pointer_mut(&pointer) {
                *target = replacement;
            }
        }
        let loaded = load_document(&document);
        prop_assert_eq!(loaded.len(), 1);
        prop_assert!(loaded[0].is_ok());
    }
}
