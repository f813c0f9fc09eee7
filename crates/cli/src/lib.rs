//! Dashboards as code for the ODH Observability plugin: [`lint`] checks PersesDashboards with
//! the plugin's model, [`grafana`] imports Grafana dashboards. The `obsctl` binary is their
//! command line; the end-to-end tests use the importer directly.

pub mod grafana;
pub mod lint;
