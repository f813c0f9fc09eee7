//! `PieChart` options.

use serde::{Deserialize, Serialize};

use crate::spec::common::{Calculation, Format, LegendMode, LegendPosition, LegendSize, SortOrder};
use crate::spec::panels::bar::BarMode;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PieChartSpec {
    #[serde(default)]
    pub legend: Option<PieLegend>,
    #[serde(default)]
    pub calculation: Calculation,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub sort: Option<SortOrder>,
    #[serde(default)]
    pub mode: Option<BarMode>,
    #[serde(default)]
    pub show_labels: Option<bool>,
    /// Radius in percent of the available space. Required by the schema; 50 when missing.
    #[serde(default)]
    pub radius: Option<f64>,
    #[serde(default)]
    pub color_palette: Vec<String>,
}

/// The pie's legend. Unlike the shared legend, `values` holds comparisons, not calculations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PieLegend {
    pub position: LegendPosition,
    #[serde(default)]
    pub mode: Option<LegendMode>,
    #[serde(default)]
    pub size: Option<LegendSize>,
    #[serde(default)]
    pub values: Vec<Comparison>,
}

/// A legend column: the absolute value or the share of the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparison {
    Abs,
    Relative,
}
