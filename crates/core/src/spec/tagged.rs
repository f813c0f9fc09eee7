//! The spec's enums written as `{"kind": …, "spec": …}`: value mappings, table cell
//! conditions and transforms, and variables. Each reads its spec through one struct per
//! variant, with `decode::tagged` (which says why serde's derive is not used for them).

use serde::{Deserialize, Deserializer};

use super::common::{Mapping, MappingResult, MiscValue, string_or_number};
use super::panels::table::{Condition, ExtractFormat, Transform};
use super::variable::{ListVariableSpec, TextVariableSpec, VariableDefinition};
use crate::decode::tagged::{self, Tagged};

/// `Deserialize` for each enum, through its `Tagged` impl below. (A blanket impl over `Tagged`
/// is not allowed: `Deserialize` is serde's trait.)
macro_rules! deserialize_tagged {
    ($($enum:ty),*) => {$(
        impl<'de> Deserialize<'de> for $enum {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                tagged::deserialize(deserializer)
            }
        }
    )*};
}

deserialize_tagged!(Mapping, Condition, Transform, VariableDefinition);

impl Tagged for Mapping {
    const NAME: &'static str = "Mapping";
    const KINDS: &'static [&'static str] = &["Value", "Range", "Regex", "Misc"];

    // One struct per variant, named as the variant: a spec that is not an object is
    // "expected struct Range" (serde's derive says "struct variant Mapping::Range").
    fn spec<'de, D: Deserializer<'de>>(index: usize, spec: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Value {
            #[serde(deserialize_with = "string_or_number")]
            value: String,
            result: MappingResult,
        }
        #[derive(Deserialize)]
        struct Range {
            #[serde(default)]
            from: Option<f64>,
            #[serde(default)]
            to: Option<f64>,
            result: MappingResult,
        }
        #[derive(Deserialize)]
        struct Regex {
            pattern: String,
            result: MappingResult,
        }
        #[derive(Deserialize)]
        struct Misc {
            value: Option<MiscValue>,
            result: MappingResult,
        }
        Ok(match index {
            0 => {
                let Value { value, result } = Value::deserialize(spec)?;
                Self::Value { value, result }
            }
            1 => {
                let Range { from, to, result } = Range::deserialize(spec)?;
                Self::Range { from, to, result }
            }
            2 => {
                let Regex { pattern, result } = Regex::deserialize(spec)?;
                Self::Regex { pattern, result }
            }
            _ => {
                let Misc { value, result } = Misc::deserialize(spec)?;
                Self::Misc { value, result }
            }
        })
    }
}

impl Tagged for Condition {
    const NAME: &'static str = "Condition";
    const KINDS: &'static [&'static str] = &["Value", "Range", "Regex", "Misc"];

    // One struct per variant, named as the variant: a spec that is not an object is
    // "expected struct Range" (serde's derive says "struct variant Mapping::Range").
    fn spec<'de, D: Deserializer<'de>>(index: usize, spec: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Value {
            value: String,
        }
        #[derive(Deserialize)]
        struct Range {
            #[serde(default)]
            min: Option<f64>,
            #[serde(default)]
            max: Option<f64>,
        }
        #[derive(Deserialize)]
        struct Regex {
            expr: String,
        }
        #[derive(Deserialize)]
        struct Misc {
            value: MiscValue,
        }
        Ok(match index {
            0 => Self::Value {
                value: Value::deserialize(spec)?.value,
            },
            1 => {
                let Range { min, max } = Range::deserialize(spec)?;
                Self::Range { min, max }
            }
            2 => Self::Regex {
                expr: Regex::deserialize(spec)?.expr,
            },
            _ => Self::Misc {
                value: Misc::deserialize(spec)?.value,
            },
        })
    }
}

impl Tagged for Transform {
    const NAME: &'static str = "Transform";
    const KINDS: &'static [&'static str] = &[
        "MergeSeries",
        "JoinByColumnValue",
        "MergeColumns",
        "MergeIndexedColumns",
        "ExtractColumnFields",
    ];

    // One struct per variant, named as the variant: a spec that is not an object is
    // "expected struct Range" (serde's derive says "struct variant Mapping::Range").
    fn spec<'de, D: Deserializer<'de>>(index: usize, spec: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct MergeSeries {
            #[serde(default)]
            disabled: bool,
        }
        #[derive(Deserialize)]
        struct JoinByColumnValue {
            #[serde(default)]
            columns: Vec<String>,
            #[serde(default)]
            disabled: bool,
        }
        #[derive(Deserialize)]
        struct MergeColumns {
            #[serde(default)]
            columns: Vec<String>,
            name: String,
            #[serde(default)]
            disabled: bool,
        }
        #[derive(Deserialize)]
        struct MergeIndexedColumns {
            column: String,
            #[serde(default)]
            disabled: bool,
        }
        #[derive(Deserialize)]
        struct ExtractColumnFields {
            column: String,
            format: ExtractFormat,
            #[serde(default)]
            matcher: Option<String>,
            #[serde(default)]
            disabled: bool,
        }
        Ok(match index {
            0 => Self::MergeSeries {
                disabled: MergeSeries::deserialize(spec)?.disabled,
            },
            1 => {
                let JoinByColumnValue { columns, disabled } = JoinByColumnValue::deserialize(spec)?;
                Self::JoinByColumnValue { columns, disabled }
            }
            2 => {
                let MergeColumns {
                    columns,
                    name,
                    disabled,
                } = MergeColumns::deserialize(spec)?;
                Self::MergeColumns {
                    columns,
                    name,
                    disabled,
                }
            }
            3 => {
                let MergeIndexedColumns { column, disabled } =
                    MergeIndexedColumns::deserialize(spec)?;
                Self::MergeIndexedColumns { column, disabled }
            }
            _ => {
                let ExtractColumnFields {
                    column,
                    format,
                    matcher,
                    disabled,
                } = ExtractColumnFields::deserialize(spec)?;
                Self::ExtractColumnFields {
                    column,
                    format,
                    matcher,
                    disabled,
                }
            }
        })
    }
}

impl Tagged for VariableDefinition {
    const NAME: &'static str = "VariableDefinition";
    const KINDS: &'static [&'static str] = &["ListVariable", "TextVariable"];

    fn spec<'de, D: Deserializer<'de>>(index: usize, spec: D) -> Result<Self, D::Error> {
        match index {
            0 => ListVariableSpec::deserialize(spec).map(Self::ListVariable),
            _ => TextVariableSpec::deserialize(spec).map(Self::TextVariable),
        }
    }
}
