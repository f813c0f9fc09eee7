//! `HistogramChart` options (Prometheus native histograms).

use serde::{Deserialize, Serialize};

use crate::spec::common::{Format, Thresholds};
use crate::spec::panels::time_series::LogBase;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistogramChartSpec {
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
    #[serde(default)]
    pub log_base: Option<LogBase>,
}
