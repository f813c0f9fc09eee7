//! `HeatMapChart` options (Prometheus native histograms).

use serde::{Deserialize, Serialize};

use crate::spec::common::Format;
use crate::spec::panels::time_series::LogBase;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeatMapChartSpec {
    #[serde(default)]
    pub y_axis_format: Option<Format>,
    #[serde(default)]
    pub count_format: Option<Format>,
    #[serde(default)]
    pub show_visual_map: Option<bool>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub log_base: Option<LogBase>,
}
