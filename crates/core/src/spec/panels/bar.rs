//! `BarChart` options.

use serde::{Deserialize, Serialize};

use crate::spec::common::{Calculation, Format, SortOrder};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BarChartSpec {
    #[serde(default)]
    pub calculation: Calculation,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub sort: Option<SortOrder>,
    #[serde(default)]
    pub mode: Option<BarMode>,
    #[serde(default)]
    pub orientation: Option<Orientation>,
    #[serde(default)]
    pub group_by: Vec<String>,
    #[serde(default)]
    pub is_stacked: Option<bool>,
    #[serde(default)]
    pub visual: Option<BarVisual>,
}

/// Bars show values, or each value as a share of the total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BarMode {
    #[default]
    Value,
    Percentage,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    #[default]
    Horizontal,
    Vertical,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BarVisual {
    #[serde(default)]
    pub color_overrides: Vec<ColorOverride>,
}

/// Bars whose name matches `regex` get `color`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColorOverride {
    pub regex: String,
    pub color: String,
}
