//! Dashboard variables: lists (from Prometheus or static) and text.

use serde::{Deserialize, Deserializer, Serialize};

use super::Plugin;
use super::common::DatasourceSelector;

/// `spec.variables[i]`: `ListVariable` or `TextVariable`, with the name inside the spec.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "spec")]
pub enum VariableDefinition {
    ListVariable(ListVariableSpec),
    TextVariable(TextVariableSpec),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VariableDisplay {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextVariableSpec {
    pub name: String,
    #[serde(default)]
    pub display: Option<VariableDisplay>,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub constant: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListVariableSpec {
    pub name: String,
    #[serde(default)]
    pub display: Option<VariableDisplay>,
    #[serde(default)]
    pub default_value: Option<DefaultValue>,
    #[serde(default)]
    pub allow_all_value: bool,
    #[serde(default)]
    pub allow_multiple: bool,
    #[serde(default)]
    pub custom_all_value: Option<String>,
    #[serde(default)]
    pub capturing_regexp: Option<String>,
    #[serde(default, deserialize_with = "sort_method")]
    pub sort: Option<SortMethod>,
    pub plugin: Plugin,
}

/// A default selection: one value, or several when `allowMultiple` is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DefaultValue {
    Single(String),
    Multiple(Vec<String>),
}

/// Read by `text_or` (see there why not by serde's untagged derive).
impl<'de> Deserialize<'de> for DefaultValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::text_or::text_or::<_, _, _, { super::text_or::OR_LIST }>(
            deserializer,
            "a value or a list of values",
            DefaultValue::Single,
            DefaultValue::Multiple,
        )
    }
}

/// How a list variable's options are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortMethod {
    #[default]
    None,
    AlphabeticalAsc,
    AlphabeticalDesc,
    NumericalAsc,
    NumericalDesc,
    AlphabeticalCiAsc,
    AlphabeticalCiDesc,
}

/// Perses accepts an empty `sort` and treats it as no sorting.
fn sort_method<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<SortMethod>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    match text.as_deref() {
        None | Some("") => Ok(None),
        Some(name) => {
            SortMethod::deserialize(serde::de::value::StrDeserializer::new(name)).map(Some)
        }
    }
}

pub const PROMETHEUS_LABEL_VALUES: &str = "PrometheusLabelValuesVariable";
pub const PROMETHEUS_LABEL_NAMES: &str = "PrometheusLabelNamesVariable";
pub const PROMETHEUS_PROMQL: &str = "PrometheusPromQLVariable";
pub const STATIC_LIST: &str = "StaticListVariable";
pub const DATASOURCE: &str = "DatasourceVariable";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelValuesSpec {
    #[serde(default)]
    pub datasource: Option<DatasourceSelector>,
    pub label_name: String,
    #[serde(default)]
    pub matchers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelNamesSpec {
    #[serde(default)]
    pub datasource: Option<DatasourceSelector>,
    #[serde(default)]
    pub matchers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PromQlSpec {
    #[serde(default)]
    pub datasource: Option<DatasourceSelector>,
    pub expr: String,
    pub label_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StaticListSpec {
    /// Required by the schema, but generated dashboards exist without it: no options then.
    #[serde(default)]
    pub values: Vec<StaticValue>,
}

/// One option of a static list: a plain value, or a value with a label to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum StaticValue {
    Plain(String),
    Labelled {
        value: String,
        #[serde(default)]
        label: Option<String>,
    },
}

/// Read by `text_or` (see there why not by serde's untagged derive).
impl<'de> Deserialize<'de> for StaticValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Labelled {
            value: String,
            #[serde(default)]
            label: Option<String>,
        }
        super::text_or::text_or::<_, _, _, { super::text_or::OR_OBJECT }>(
            deserializer,
            "a value, or a value and its label",
            StaticValue::Plain,
            |Labelled { value, label }| StaticValue::Labelled { value, label },
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatasourceVariableSpec {
    pub datasource_plugin_kind: String,
}
