//! Which of the ODH backend's two Prometheus routes a query takes.
//!
//! The backend has a **tenancy** route (`/api/prometheus/query*`, Thanos' tenancy port: one
//! namespace, given as `namespace=`, enforced by the server) and a **cluster** route
//! (`/api/prometheus/cluster/*`, Thanos' cluster port: every namespace, for users with
//! `cluster-monitoring-view`). In a Perses server the choice is the query's datasource; ODH
//! ships two for Thanos, `cluster-prometheus-datasource` (the cluster port, the global default)
//! and `cluster-prometheus-tenancy-datasource` (the tenancy port). This module maps a query's
//! datasource to a route, the way those datasources point:
//!
//! - a datasource the dashboard declares goes where its URL points (port 9091 is the cluster
//!   port, 9092 the tenancy port; a `namespace` query parameter means tenancy);
//! - ODH's datasource names go where ODH points them;
//! - any other name is the tenancy route, as on ODH's own page (the server judges the rest);
//! - no datasource means the default one: the dashboard's own default if it declares one, else
//!   the cluster's default, which is the cluster port for dashboards that live with ODH (the
//!   cluster view) and the tenancy port for dashboards that live in a project.
//!
//! The server stays the judge: a non-admin's cluster query is refused there, not here.

use crate::dashboard::Dashboard;
use crate::spec::common::DatasourceSelector;
use crate::spec::datasource::{PROMETHEUS_DATASOURCE, PrometheusDatasourceSpec};

/// The route a query takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum QueryScope {
    /// One namespace, enforced by the server.
    #[default]
    Tenancy,
    /// Every namespace; administrators only.
    Cluster,
}

/// Where a dashboard lives, which decides its default datasource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DashboardHome {
    /// In a user's project: its queries are about that project.
    #[default]
    Project,
    /// With ODH (its own namespace, or one labelled for cluster dashboards): about the cluster.
    Cluster,
}

/// The namespaces where ODH keeps its own dashboards (Open Data Hub's and Red Hat OpenShift
/// AI's); their dashboards are about the cluster.
pub const ODH_NAMESPACES: [&str; 3] = [
    "opendatahub",
    "redhat-ods-applications",
    "redhat-ods-monitoring",
];

/// Where a dashboard lives, judged from its namespace alone, as a tool reading files must
/// (the page also learns ODH's namespace from the backend, and honours a namespace label).
pub fn home_of_namespace(namespace: &str) -> DashboardHome {
    if ODH_NAMESPACES.contains(&namespace) {
        DashboardHome::Cluster
    } else {
        DashboardHome::Project
    }
}

/// ODH's Perses datasource for Thanos' cluster port, the global default.
pub const ODH_CLUSTER_DATASOURCE: &str = "cluster-prometheus-datasource";
/// ODH's Perses datasources that are scoped to one namespace.
pub const ODH_TENANCY_DATASOURCES: [&str; 2] = [
    "cluster-prometheus-tenancy-datasource",
    "data-science-prometheus-datasource",
];

/// The options of a datasource variable listing datasources of `plugin_kind`: those the
/// dashboard declares, else (for Prometheus) the two ODH provides for Thanos.
pub fn datasource_options(dashboard: &Dashboard, plugin_kind: &str) -> Vec<String> {
    let declared: Vec<String> = dashboard
        .datasources
        .iter()
        .filter(|(_, spec)| spec.plugin.kind == plugin_kind)
        .map(|(name, _)| name.clone())
        .collect();
    if declared.is_empty() && plugin_kind == PROMETHEUS_DATASOURCE {
        vec![
            ODH_CLUSTER_DATASOURCE.to_owned(),
            ODH_TENANCY_DATASOURCES[0].to_owned(),
        ]
    } else {
        declared
    }
}

/// The route for a query or variable with `selector`, in `dashboard` living at `home`.
/// `datasource_variable` resolves a `$variable` selector to the datasource name it holds.
pub fn query_scope(
    selector: Option<&DatasourceSelector>,
    dashboard: &Dashboard,
    home: DashboardHome,
    datasource_variable: impl Fn(&str) -> Option<String>,
) -> QueryScope {
    let name = match selector {
        Some(DatasourceSelector::Reference {
            name: Some(name), ..
        }) => Some(name.clone()),
        Some(DatasourceSelector::Variable(variable)) => {
            let variable = variable.trim_start_matches('$');
            let variable = variable.trim_start_matches('{').trim_end_matches('}');
            datasource_variable(variable)
        }
        Some(DatasourceSelector::Reference { name: None, .. }) | None => None,
    };
    match name {
        Some(name) => scope_of_name(&name, dashboard),
        None => default_scope(dashboard, home),
    }
}

/// The route of the datasource called `name`.
fn scope_of_name(name: &str, dashboard: &Dashboard) -> QueryScope {
    if let Some(declared) = dashboard.datasources.get(name)
        && declared.plugin.kind == PROMETHEUS_DATASOURCE
        && let Some(scope) = scope_of_spec(&declared.plugin.spec)
    {
        return scope;
    }
    if name == ODH_CLUSTER_DATASOURCE {
        QueryScope::Cluster
    } else {
        QueryScope::Tenancy
    }
}

/// The dashboard's own default Prometheus datasource, else the cluster's default.
fn default_scope(dashboard: &Dashboard, home: DashboardHome) -> QueryScope {
    let declared = dashboard
        .datasources
        .iter()
        .find(|(_, spec)| spec.default && spec.plugin.kind == PROMETHEUS_DATASOURCE);
    if let Some((name, _)) = declared {
        return scope_of_name(name, dashboard);
    }
    match home {
        DashboardHome::Project => QueryScope::Tenancy,
        DashboardHome::Cluster => QueryScope::Cluster,
    }
}

/// Where a declared Prometheus datasource's URL points, if it says.
fn scope_of_spec(spec: &serde_json::Value) -> Option<QueryScope> {
    let spec: PrometheusDatasourceSpec = crate::decode::from_value(spec).ok()?;
    if spec.query_params.contains_key("namespace") {
        return Some(QueryScope::Tenancy);
    }
    let proxy_url = spec
        .proxy
        .as_ref()
        .and_then(|proxy| proxy.spec.get("url"))
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned);
    let url = spec.direct_url.or(proxy_url)?;
    match port_of(&url)? {
        9091 => Some(QueryScope::Cluster),
        9092 => Some(QueryScope::Tenancy),
        _ => None,
    }
}

/// The explicit port of an `http(s)://host:port/…` URL.
fn port_of(url: &str) -> Option<u16> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let (_, port) = authority.rsplit_once(':')?;
    port.parse().ok()
}

#[cfg(test)]
mod tests;
