//! Panel queries. The wrapper names the query type (`TimeSeriesQuery`, `TraceQuery`, ...) and
//! holds a plugin; this viewer runs `PrometheusTimeSeriesQuery` plugins.

use serde::{Deserialize, Serialize};

use super::Plugin;
use super::common::DatasourceSelector;

pub const TIME_SERIES_QUERY: &str = "TimeSeriesQuery";
pub const PROMETHEUS_TIME_SERIES_QUERY: &str = "PrometheusTimeSeriesQuery";

/// `panel.spec.queries[i]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryDefinition {
    pub kind: String,
    pub spec: QueryDefinitionSpec,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryDefinitionSpec {
    #[serde(default)]
    pub name: Option<String>,
    pub plugin: Plugin,
}

/// The options of a `PrometheusTimeSeriesQuery`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrometheusQuerySpec {
    #[serde(default)]
    pub datasource: Option<DatasourceSelector>,
    pub query: String,
    /// A template such as `{{pod}} on {{node}}` naming each series by its labels.
    #[serde(default)]
    pub series_name_format: Option<String>,
    /// The smallest step: a duration, a `$variable`, or empty for the datasource's default.
    #[serde(default)]
    pub min_step: Option<String>,
    /// In the schema, but Perses ignores it today, and so does this viewer.
    #[serde(default)]
    pub resolution: Option<f64>,
    /// true: an instant query; false: a range query; absent: the panel kind decides.
    #[serde(default)]
    pub instant: Option<bool>,
}
