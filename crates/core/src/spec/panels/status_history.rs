//! `StatusHistoryChart` options.

use serde::{Deserialize, Serialize};

use crate::spec::common::{Legend, Mapping, SortOrder};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusHistoryChartSpec {
    #[serde(default)]
    pub legend: Option<Legend>,
    #[serde(default)]
    pub mappings: Vec<Mapping>,
    /// The order of the rows. Note the name: `sorting`, not `sort`.
    #[serde(default)]
    pub sorting: Option<SortOrder>,
}
