//! `StatChart` options.

use serde::{Deserialize, Serialize};

use crate::spec::common::{Calculation, Format, Mapping, Thresholds};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatChartSpec {
    #[serde(default)]
    pub calculation: Calculation,
    #[serde(default)]
    pub metric_label: Option<String>,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
    /// Present (even empty) means "draw a sparkline".
    #[serde(default)]
    pub sparkline: Option<Sparkline>,
    #[serde(default)]
    pub value_font_size: Option<f64>,
    #[serde(default)]
    pub color_mode: StatColorMode,
    #[serde(default)]
    pub legend_mode: LegendMode,
    #[serde(default)]
    pub mappings: Vec<Mapping>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sparkline {
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub width: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatColorMode {
    #[default]
    Value,
    BackgroundSolid,
    None,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegendMode {
    #[default]
    Auto,
    On,
    Off,
}
