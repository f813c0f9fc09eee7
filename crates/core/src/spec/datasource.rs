//! Datasources declared in a dashboard (`spec.datasources`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Plugin;
use super::common::Display;

pub const PROMETHEUS_DATASOURCE: &str = "PrometheusDatasource";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasourceSpec {
    #[serde(default)]
    pub display: Option<Display>,
    #[serde(default)]
    pub default: bool,
    pub plugin: Plugin,
}

/// The options of a `PrometheusDatasource`. In ODH every query goes through the dashboard
/// backend, so only `scrapeInterval` (the smallest step) matters to this viewer; the
/// addresses are kept for the linter and for display.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrometheusDatasourceSpec {
    #[serde(default)]
    pub direct_url: Option<String>,
    #[serde(default)]
    pub proxy: Option<Plugin>,
    #[serde(default)]
    pub scrape_interval: Option<String>,
    #[serde(default)]
    pub query_params: BTreeMap<String, String>,
}
