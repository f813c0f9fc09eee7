//! Building blocks shared by several plugins (perses/shared `cue/common`).

use serde::{Deserialize, Serialize};

use super::unit::Unit;

/// A name and description, as dashboards and datasources display them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Display {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A link on a dashboard or a panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub url: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub tooltip: Option<String>,
    #[serde(default)]
    pub render_variables: bool,
    #[serde(default)]
    pub target_blank: bool,
}

/// How a number is shown: unit, decimals and compact notation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Format {
    #[serde(default)]
    pub unit: Option<Unit>,
    #[serde(default)]
    pub decimal_places: Option<f64>,
    #[serde(default)]
    pub short_values: Option<bool>,
}

/// How a series is reduced to one value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calculation {
    First,
    #[default]
    Last,
    FirstNumber,
    LastNumber,
    Mean,
    Sum,
    Min,
    Max,
}

impl Calculation {
    pub const ALL: [Self; 8] = [
        Self::First,
        Self::Last,
        Self::FirstNumber,
        Self::LastNumber,
        Self::Mean,
        Self::Sum,
        Self::Min,
        Self::Max,
    ];

    /// The label Perses shows for it (legend columns, tooltips).
    pub fn label(self) -> &'static str {
        match self {
            Self::First => "First",
            Self::Last => "Last",
            Self::FirstNumber => "First *",
            Self::LastNumber => "Last *",
            Self::Mean => "Avg",
            Self::Sum => "Sum",
            Self::Min => "Min",
            Self::Max => "Max",
        }
    }
}

/// Threshold steps: colours for ranges of values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    #[serde(default)]
    pub mode: Option<ThresholdMode>,
    #[serde(default)]
    pub default_color: Option<String>,
    #[serde(default)]
    pub steps: Vec<ThresholdStep>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThresholdMode {
    #[default]
    Absolute,
    Percent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdStep {
    pub value: f64,
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

/// A legend's place and look. TimeSeriesChart adds value columns (`values`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Legend {
    pub position: LegendPosition,
    #[serde(default)]
    pub mode: Option<LegendMode>,
    #[serde(default)]
    pub size: Option<LegendSize>,
    #[serde(default)]
    pub values: Vec<Calculation>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegendPosition {
    #[default]
    Bottom,
    Right,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegendMode {
    #[default]
    List,
    Table,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegendSize {
    Small,
    #[default]
    Medium,
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    Desc,
}

/// A value mapping: shows a text (and colour) instead of matching values.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// What a mapping shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MappingResult {
    #[serde(deserialize_with = "string_or_number")]
    pub value: String,
    #[serde(default)]
    pub color: Option<String>,
}

/// The special values a `Misc` mapping or a table condition can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MiscValue {
    #[serde(rename = "empty")]
    Empty,
    #[serde(rename = "null")]
    Null,
    #[serde(rename = "NaN")]
    NaN,
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// Which datasource a query or variable uses: a `$variable`, or a kind and optional name
/// (no name means the default datasource of that kind).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DatasourceSelector {
    Variable(String),
    Reference {
        kind: String,
        #[serde(default)]
        name: Option<String>,
    },
}

/// Read by `text_or` (see there why not by serde's untagged derive).
impl<'de> Deserialize<'de> for DatasourceSelector {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Reference {
            kind: String,
            #[serde(default)]
            name: Option<String>,
        }
        super::text_or::text_or::<_, _, _, { super::text_or::OR_OBJECT }>(
            deserializer,
            "a `$variable`, or a datasource's kind and name",
            DatasourceSelector::Variable,
            |Reference { kind, name }| DatasourceSelector::Reference { kind, name },
        )
    }
}

/// Perses' TypeScript accepts numbers where the CUE schema wants strings (mapping values);
/// both are read as text (a number as serde_json writes it), and so are booleans. A visitor
/// of its own rather than an untagged enum of the three, as `text_or` explains.
pub(crate) fn string_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    struct Text;

    impl serde::de::Visitor<'_> for Text {
        type Value = String;

        fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("a string, a number or a boolean")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
            Ok(text.to_owned())
        }

        fn visit_bool<E: serde::de::Error>(self, flag: bool) -> Result<String, E> {
            Ok(flag.to_string())
        }

        fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<String, E> {
            Ok(serde_json::Number::from(number).to_string())
        }

        fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<String, E> {
            Ok(serde_json::Number::from(number).to_string())
        }

        fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<String, E> {
            serde_json::Number::from_f64(number)
                .map(|number| number.to_string())
                .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(number), &self))
        }
    }

    deserializer.deserialize_any(Text)
}

#[cfg(test)]
#[path = "common_tests.rs"]
mod tests;
