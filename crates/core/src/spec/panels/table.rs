//! `Table` options: columns, cell colouring and transforms.

use serde::{Deserialize, Serialize};

use crate::spec::Plugin;
use crate::spec::common::{Format, MiscValue, SortOrder};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableSpec {
    #[serde(default)]
    pub density: Option<Density>,
    #[serde(default)]
    pub default_column_width: Option<ColumnSize>,
    #[serde(default)]
    pub default_column_height: Option<ColumnSize>,
    #[serde(default)]
    pub default_column_hidden: Option<bool>,
    #[serde(default)]
    pub pagination: Option<bool>,
    #[serde(default)]
    pub enable_filtering: Option<bool>,
    #[serde(default)]
    pub enable_sorting: Option<bool>,
    #[serde(default)]
    pub column_settings: Vec<ColumnSettings>,
    #[serde(default)]
    pub cell_settings: Vec<CellSettings>,
    #[serde(default)]
    pub transforms: Vec<Transform>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Density {
    Compact,
    #[default]
    Standard,
    Comfortable,
}

/// `"auto"` or a size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ColumnSize {
    Pixels(f64),
    Auto(AutoKeyword),
}

/// A visitor of its own rather than serde's untagged derive, for the reasons
/// `spec::text_or` gives: the tables chunk compiled the derive's buffering for this alone.
impl<'de> Deserialize<'de> for ColumnSize {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Size;

        impl serde::de::Visitor<'_> for Size {
            type Value = ColumnSize;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("a size in pixels or \"auto\"")
            }

            fn visit_f64<E: serde::de::Error>(self, px: f64) -> Result<ColumnSize, E> {
                Ok(ColumnSize::Pixels(px))
            }

            fn visit_i64<E: serde::de::Error>(self, px: i64) -> Result<ColumnSize, E> {
                Ok(ColumnSize::Pixels(px as f64))
            }

            fn visit_u64<E: serde::de::Error>(self, px: u64) -> Result<ColumnSize, E> {
                Ok(ColumnSize::Pixels(px as f64))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ColumnSize, E> {
                match text {
                    "auto" => Ok(ColumnSize::Auto(AutoKeyword::Auto)),
                    other => Err(E::invalid_value(serde::de::Unexpected::Str(other), &self)),
                }
            }
        }

        deserializer.deserialize_any(Size)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AutoKeyword {
    Auto,
}

/// Settings of one column, matched by the column's name (a label name or `value`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnSettings {
    pub name: String,
    #[serde(default)]
    pub header: Option<String>,
    #[serde(default)]
    pub header_description: Option<String>,
    #[serde(default)]
    pub cell_description: Option<String>,
    /// A panel drawn in each cell (for example a sparkline); needs range data.
    #[serde(default)]
    pub plugin: Option<Plugin>,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub align: Option<Align>,
    #[serde(default)]
    pub enable_sorting: Option<bool>,
    #[serde(default)]
    pub sort: Option<SortOrder>,
    #[serde(default)]
    pub width: Option<ColumnSize>,
    #[serde(default)]
    pub hide: Option<bool>,
    #[serde(default)]
    pub cell_settings: Vec<CellSettings>,
    #[serde(default)]
    pub data_link: Option<DataLink>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataLink {
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub open_new_tab: bool,
}

/// How cells that meet a condition look.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CellSettings {
    pub condition: Condition,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub suffix: Option<String>,
    #[serde(default)]
    pub text_color: Option<String>,
    #[serde(default)]
    pub background_color: Option<String>,
}

/// A cell condition. Unlike value mappings, a regex is `expr` and a range is `min`/`max`.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// A step that reshapes the table's data before it is shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "spec")]
pub enum Transform {
    /// Rows of every query that share all their labels become one row.
    MergeSeries {
        #[serde(default)]
        disabled: bool,
    },
    /// Rows with equal values in `columns` become one row.
    JoinByColumnValue {
        #[serde(default)]
        columns: Vec<String>,
        #[serde(default)]
        disabled: bool,
    },
    /// Several columns become one column called `name`.
    MergeColumns {
        #[serde(default)]
        columns: Vec<String>,
        name: String,
        #[serde(default)]
        disabled: bool,
    },
    /// The columns `column #1`, `column #2`, ... become one column.
    MergeIndexedColumns {
        column: String,
        #[serde(default)]
        disabled: bool,
    },
    /// Fields parsed out of a column's text become columns.
    ExtractColumnFields {
        column: String,
        format: ExtractFormat,
        #[serde(default)]
        matcher: Option<String>,
        #[serde(default)]
        disabled: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExtractFormat {
    #[serde(rename = "JSON")]
    Json,
    Regex,
    SplitByDelimiter,
    KeyValuePairs,
}
