use serde_json::json;

use super::*;
use crate::dashboard::load_document;

fn dashboard(datasources: serde_json::Value) -> Dashboard {
    let document = json!({"kind": "Dashboard", "metadata": {"name": "d", "project": "team-a"},
        "spec": {"datasources": datasources, "panels": {}, "layouts": []}});
    std::sync::Arc::unwrap_or_clone(load_document(&document).remove(0).unwrap().dashboard)
}

fn prometheus(spec: serde_json::Value, default: bool) -> serde_json::Value {
    json!({"default": default, "plugin": {"kind": "PrometheusDatasource", "spec": spec}})
}

fn named(name: &str) -> Option<DatasourceSelector> {
    Some(DatasourceSelector::Reference {
        kind: "PrometheusDatasource".into(),
        name: Some(name.into()),
    })
}

fn kind_only() -> Option<DatasourceSelector> {
    Some(DatasourceSelector::Reference {
        kind: "PrometheusDatasource".into(),
        name: None,
    })
}

fn variable(text: &str) -> Option<DatasourceSelector> {
    Some(DatasourceSelector::Variable(text.into()))
}

#[test]
fn routes_by_datasource() {
    use DashboardHome::{Cluster as AtCluster, Project as AtProject};
    use QueryScope::{Cluster, Tenancy};
    let none = dashboard(json!({}));
    let declared = dashboard(json!({
        "thanos-cluster": prometheus(json!({"proxy": {"kind": "HTTPProxy", "spec": {"url": "https://thanos-querier.openshift-monitoring.svc:9091"}}}), false),
        "thanos-tenancy": prometheus(json!({"directUrl": "https://thanos-querier.openshift-monitoring.svc:9092/"}), false),
        "by-param": prometheus(json!({"directUrl": "https://example:9091", "queryParams": {"namespace": "${namespace:queryparam}"}}), false),
        "elsewhere": prometheus(json!({"directUrl": "http://prometheus:9090"}), false),
        "cluster-prometheus-tenancy-datasource": prometheus(json!({"directUrl": "https://x:9091"}), false),
    }));
    let own_default = dashboard(json!({
        "mine": prometheus(json!({"directUrl": "https://thanos:9091"}), true),
    }));
    let by_variable =
        |name: &str| (name == "ds").then(|| "cluster-prometheus-datasource".to_owned());
    let cases: Vec<(
        &str,
        &Dashboard,
        Option<DatasourceSelector>,
        DashboardHome,
        QueryScope,
    )> = vec![
        // ODH's names, wherever the dashboard lives.
        (
            "odh cluster",
            &none,
            named("cluster-prometheus-datasource"),
            AtProject,
            Cluster,
        ),
        (
            "odh tenancy",
            &none,
            named("cluster-prometheus-tenancy-datasource"),
            AtCluster,
            Tenancy,
        ),
        (
            "odh monitoring stack",
            &none,
            named("data-science-prometheus-datasource"),
            AtCluster,
            Tenancy,
        ),
        // Unknown names fall back to the tenancy route.
        (
            "unknown",
            &none,
            named("prometheus-datasource"),
            AtCluster,
            Tenancy,
        ),
        (
            "unknown at project",
            &none,
            named("PrometheusDemo"),
            AtProject,
            Tenancy,
        ),
        // No name: the dashboard's default, else where the dashboard lives.
        ("default at project", &none, None, AtProject, Tenancy),
        ("default at cluster", &none, None, AtCluster, Cluster),
        (
            "kind only at cluster",
            &none,
            kind_only(),
            AtCluster,
            Cluster,
        ),
        ("own default", &own_default, None, AtProject, Cluster),
        (
            "own default, kind only",
            &own_default,
            kind_only(),
            AtProject,
            Cluster,
        ),
        // Declared datasources go where they point.
        (
            "declared 9091",
            &declared,
            named("thanos-cluster"),
            AtProject,
            Cluster,
        ),
        (
            "declared 9092",
            &declared,
            named("thanos-tenancy"),
            AtCluster,
            Tenancy,
        ),
        (
            "declared namespace param",
            &declared,
            named("by-param"),
            AtCluster,
            Tenancy,
        ),
        (
            "declared elsewhere",
            &declared,
            named("elsewhere"),
            AtCluster,
            Tenancy,
        ),
        (
            "declaration wins over the name",
            &declared,
            named("cluster-prometheus-tenancy-datasource"),
            AtProject,
            Cluster,
        ),
        // A datasource variable holds the name.
        ("variable", &none, variable("$ds"), AtProject, Cluster),
        (
            "braced variable",
            &none,
            variable("${ds}"),
            AtProject,
            Cluster,
        ),
        (
            "unset variable",
            &none,
            variable("$other"),
            AtCluster,
            Cluster,
        ),
    ];
    for (what, dashboard, selector, home, expected) in cases {
        assert_eq!(
            query_scope(selector.as_ref(), dashboard, home, by_variable),
            expected,
            "{what}"
        );
    }
}

#[test]
fn ports() {
    for (url, port) in [
        (
            "https://thanos-querier.openshift-monitoring.svc:9091",
            Some(9091),
        ),
        ("https://thanos:9092/api", Some(9092)),
        ("http://[::1]:9090/", Some(9090)),
        ("http://prometheus/", None),
        ("prometheus:9090", Some(9090)),
        ("http://x:notaport", None),
    ] {
        assert_eq!(port_of(url), port, "{url}");
    }
}

#[test]
fn datasource_variables_list_the_declared_datasources() {
    let declared = dashboard(json!({
        "b-thanos": prometheus(json!({}), false),
        "a-thanos": prometheus(json!({}), true),
        "logs": {"plugin": {"kind": "LokiDatasource", "spec": {}}},
    }));
    assert_eq!(
        datasource_options(&declared, "PrometheusDatasource"),
        ["a-thanos", "b-thanos"]
    );
    assert_eq!(datasource_options(&declared, "LokiDatasource"), ["logs"]);
    assert!(datasource_options(&declared, "TempoDatasource").is_empty());
    assert_eq!(
        datasource_options(&dashboard(json!({})), "PrometheusDatasource"),
        [
            "cluster-prometheus-datasource",
            "cluster-prometheus-tenancy-datasource"
        ]
    );
}
