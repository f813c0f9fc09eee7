//! `TimeSeriesChart` options.

use serde::{Deserialize, Serialize};

use crate::spec::common::{Format, Legend, Thresholds};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeSeriesChartSpec {
    #[serde(default)]
    pub legend: Option<Legend>,
    #[serde(default)]
    pub tooltip: Option<Tooltip>,
    #[serde(default)]
    pub y_axis: Option<YAxis>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
    #[serde(default)]
    pub visual: Option<Visual>,
    #[serde(default)]
    pub query_settings: Vec<QuerySettings>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tooltip {
    #[serde(default)]
    pub enable_pinning: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct YAxis {
    #[serde(default)]
    pub show: Option<bool>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub log_base: Option<LogBase>,
}

/// The base of a logarithmic axis; Perses allows 2 and 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub enum LogBase {
    Two,
    Ten,
}

impl TryFrom<f64> for LogBase {
    type Error = String;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if value == 2.0 {
            Ok(Self::Two)
        } else if value == 10.0 {
            Ok(Self::Ten)
        } else {
            Err(format!("invalid logBase {value}: expected 2 or 10"))
        }
    }
}

impl From<LogBase> for f64 {
    fn from(base: LogBase) -> Self {
        match base {
            LogBase::Two => 2.0,
            LogBase::Ten => 10.0,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Visual {
    #[serde(default)]
    pub display: Option<SeriesDisplay>,
    #[serde(default)]
    pub line_width: Option<f64>,
    #[serde(default)]
    pub line_style: Option<LineStyle>,
    #[serde(default)]
    pub area_opacity: Option<f64>,
    #[serde(default)]
    pub show_points: Option<ShowPoints>,
    #[serde(default)]
    pub palette: Option<Palette>,
    #[serde(default)]
    pub point_radius: Option<f64>,
    #[serde(default)]
    pub stack: Option<Stack>,
    #[serde(default)]
    pub connect_nulls: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeriesDisplay {
    #[default]
    Line,
    Bar,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineStyle {
    #[default]
    Solid,
    Dashed,
    Dotted,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShowPoints {
    #[default]
    Auto,
    Always,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stack {
    All,
    Percent,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Palette {
    #[serde(default)]
    pub mode: PaletteMode,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaletteMode {
    #[default]
    Auto,
    Categorical,
}

/// Per-query overrides of colour and style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuerySettings {
    pub query_index: usize,
    #[serde(default)]
    pub color_mode: Option<ColorMode>,
    #[serde(default)]
    pub color_value: Option<String>,
    #[serde(default)]
    pub line_style: Option<LineStyle>,
    #[serde(default)]
    pub area_opacity: Option<f64>,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub negative_y: Option<bool>,
    #[serde(default)]
    pub stack: Option<bool>,
}

/// `fixed`: every series of the query gets shades of the colour; `fixed-single`: all the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColorMode {
    Fixed,
    FixedSingle,
}
