//! `GaugeChart` options.

use serde::{Deserialize, Serialize};

use crate::spec::common::{Calculation, Format, Thresholds};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GaugeChartSpec {
    #[serde(default)]
    pub calculation: Calculation,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
    /// The end of the scale when the unit is not a percent.
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub legend: Option<GaugeLegend>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GaugeLegend {
    #[serde(default)]
    pub show: Option<bool>,
}
