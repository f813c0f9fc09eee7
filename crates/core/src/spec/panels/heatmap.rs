//! `HeatMapChart` options: Perses' (`yAxisFormat`, `countFormat`, `showVisualMap`, `min`,
//! `max`, `logBase`) and this plugin's additions for latency (`quantiles`, `slo`,
//! `countScale`). Perses validates its panel schemas as closed, so a dashboard that uses the
//! additions is drawn by this plugin only; without them it draws the same in both.

use serde::{Deserialize, Serialize};

use crate::spec::common::Format;
use crate::spec::panels::time_series::LogBase;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeatMapChartSpec {
    /// The unit of the bucket bounds (the y axis).
    #[serde(default)]
    pub y_axis_format: Option<Format>,
    /// The unit of the counts (the colours, the tooltip).
    #[serde(default)]
    pub count_format: Option<Format>,
    /// Shows the colour scale beside the chart (Perses: on unless false).
    #[serde(default)]
    pub show_visual_map: Option<bool>,
    /// The y axis' lowest and highest bound.
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// A logarithmic y axis.
    #[serde(default)]
    pub log_base: Option<LogBase>,
    /// Addition: quantile lines (0 to 1, such as 0.5 and 0.99) computed from the buckets as
    /// `histogram_quantile` does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantiles: Vec<f64>,
    /// Addition: a service-level objective in the y axis' unit, drawn as a line, with the
    /// share of observations at most it in the legend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slo: Option<f64>,
    /// Addition: how counts map to colours (linear unless `log`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_scale: Option<CountScale>,
}

/// How a heat map's counts map to colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountScale {
    #[default]
    Linear,
    /// Logarithmic: a few busy buckets do not wash out the rest.
    Log,
}
