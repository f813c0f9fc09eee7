//! Layouts: Grid groups of panels, optionally titled and collapsible.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `spec.layouts[i]`; the spec is decoded once the kind is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutDefinition {
    pub kind: String,
    #[serde(default)]
    pub spec: Value,
}

pub const GRID: &str = "Grid";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GridSpec {
    #[serde(default)]
    pub display: Option<GridDisplay>,
    #[serde(default)]
    pub items: Vec<GridItemSpec>,
    /// Repeats the whole group once per selected value of this variable.
    #[serde(default)]
    pub repeat_variable: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GridDisplay {
    #[serde(default)]
    pub title: Option<String>,
    /// Absent: the group cannot collapse. Present: `open` is its initial state.
    #[serde(default)]
    pub collapse: Option<Collapse>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collapse {
    #[serde(default)]
    pub open: bool,
}

/// A panel's place in the grid: 24 columns; `y` counts 30 px rows from the group's top.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GridItemSpec {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub content: Option<JsonRef>,
    #[serde(default)]
    pub repeat_variable: Option<ItemRepeat>,
}

/// `{"$ref": "#/spec/panels/<key>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonRef {
    #[serde(rename = "$ref")]
    pub reference: String,
}

/// Panel-level repeat (new in 2026): one copy of the panel per selected value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemRepeat {
    pub value: String,
    #[serde(default)]
    pub max_per: Option<i64>,
    #[serde(default)]
    pub alignment: Option<RepeatAlignment>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RepeatAlignment {
    #[default]
    Horizontal,
    Vertical,
}
