use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::*;
use crate::dashboard::{Dashboard, ListSource, Query, load_document};
use crate::prometheus::{QueryResult, Sample, Series};

/// 1 h ending at a whole hour (UTC).
const END_MS: i64 = 1_800_000_000_000; // a whole hour, UTC

fn dashboard(datasources: serde_json::Value) -> Dashboard {
    let document = json!({"kind": "Dashboard", "metadata": {"name": "serving", "project": "team-a"},
        "spec": {"datasources": datasources, "panels": {}, "layouts": []}});
    std::sync::Arc::unwrap_or_clone(load_document(&document).remove(0).unwrap().dashboard)
}

fn prometheus_query(
    query: &str,
    min_step: Option<&str>,
    datasource: Option<DatasourceSelector>,
) -> PrometheusQuery {
    PrometheusQuery {
        name: None,
        datasource,
        query: query.into(),
        series_name_format: Some("{{pod}} in $ns".into()),
        min_step: min_step.map(str::to_owned),
        instant: None,
    }
}

struct Fixture {
    dashboard: Dashboard,
    values: BTreeMap<String, VariableValue>,
    pending: BTreeSet<String>,
}

impl Fixture {
    fn new() -> Self {
        let values = [
            ("ns", VariableValue::Single("team-a".into())),
            (
                "pods",
                VariableValue::Multiple(vec!["a".into(), "b".into()]),
            ),
            ("step", VariableValue::Single("2m".into())),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect();
        Self {
            dashboard: dashboard(json!({})),
            values,
            pending: ["slow".to_owned()].into_iter().collect(),
        }
    }

    fn context(&self, range_secs: i64) -> PlanContext<'_> {
        PlanContext {
            dashboard: &self.dashboard,
            range: AbsoluteRange {
                start_ms: END_MS - range_secs * 1000,
                end_ms: END_MS,
            },
            now_ms: END_MS + 5_000,
            values: &self.values,
            pending: &self.pending,
            project: "team-a",
            utc_offset_secs: 0,
            live_edge: false,
            home: DashboardHome::Project,
        }
    }
}

/// Plans `query` over `range_secs` for a 1000 px panel and returns (promql, start, end, step).
fn check(query: &str, min_step: Option<&str>, range_secs: i64, expected: (&str, i64, i64, f64)) {
    let fixture = Fixture::new();
    let planned = plan_query(
        &prometheus_query(query, min_step, None),
        QueryKind::Range,
        1000,
        &fixture.context(range_secs),
    )
    .unwrap_or_else(|error| panic!("{query}: {error}"));
    let request = planned.request;
    let end_secs = END_MS / 1000;
    assert_eq!(request.promql, expected.0, "{query}");
    assert_eq!(
        (
            request.start_secs as i64 - end_secs,
            request.end_secs as i64 - end_secs,
            request.step_secs
        ),
        (expected.1, expected.2, expected.3),
        "{query}"
    );
}

#[test]
fn queries_are_interpolated_and_stepped_like_perses() {
    // 1 h: the 1 m default min step beats the 5 s suggestion; $__rate_interval = 4 × 1 m.
    check(
        "rate(x{namespace=\"$ns\", pod=~\"$pods\"}[$__rate_interval])",
        None,
        3600,
        (
            "rate(x{namespace=\"team-a\", pod=~\"(a|b)\"}[4m])",
            -3600,
            0,
            60.0,
        ),
    );
    // $__interval and $__interval_ms follow the step; a minStep variable sets the floor.
    check(
        "avg_over_time(x[$__interval]) / $__interval_ms",
        Some("$step"),
        3600,
        ("avg_over_time(x[2m]) / 120000", -3600, 0, 120.0),
    );
    // 7 d on 1000 px: suggested 604.8 s → 10 m; $__rate_interval = 10 m + 15 s.
    check(
        "rate(x[$__rate_interval])",
        Some("15s"),
        7 * 86_400,
        ("rate(x[10m15s])", -7 * 86_400, 0, 600.0),
    );
    // Dashboard builtins.
    check(
        "x offset $__range or y[$__range_s] $__range_ms $__from $__to $__dashboard $__project",
        None,
        3600,
        (
            &format!(
                "x offset 1h or y[3600] 3600000 {} {END_MS} serving team-a",
                END_MS - 3_600_000
            ),
            -3600,
            0,
            60.0,
        ),
    );
    // 14 d with a 1 s min step: range/10,000 = 120.96 → 121 s, ends aligned down to it.
    let end_secs = END_MS / 1000;
    let aligned_end = end_secs - end_secs.rem_euclid(121);
    let aligned_start = (end_secs - 14 * 86_400) - (end_secs - 14 * 86_400).rem_euclid(121);
    let fixture = Fixture::new();
    let request = plan_query(
        &prometheus_query("x", Some("1s"), None),
        QueryKind::Range,
        10_000,
        &fixture.context(14 * 86_400),
    )
    .unwrap()
    .request;
    assert_eq!(
        (
            request.start_secs as i64,
            request.end_secs as i64,
            request.step_secs
        ),
        (aligned_start, aligned_end, 121.0)
    );
}

#[test]
fn scrape_interval_of_the_datasource_is_the_default_min_step() {
    let mut fixture = Fixture::new();
    fixture.dashboard = dashboard(json!({
        "fast": {"default": true, "plugin": {"kind": "PrometheusDatasource",
            "spec": {"directUrl": "http://p", "scrapeInterval": "15s"}}},
        "slow": {"default": false, "plugin": {"kind": "PrometheusDatasource",
            "spec": {"directUrl": "http://q", "scrapeInterval": "5m"}}}
    }));
    let context = fixture.context(3600);
    let step = |selector: Option<DatasourceSelector>| {
        plan_query(
            &prometheus_query("x", None, selector),
            QueryKind::Range,
            1000,
            &context,
        )
        .unwrap()
        .request
        .step_secs
    };
    assert_eq!(step(None), 15.0);
    assert_eq!(
        step(Some(DatasourceSelector::Reference {
            kind: "PrometheusDatasource".into(),
            name: None
        })),
        15.0
    );
    assert_eq!(
        step(Some(DatasourceSelector::Reference {
            kind: "PrometheusDatasource".into(),
            name: Some("slow".into())
        })),
        300.0
    );
    assert_eq!(
        step(Some(DatasourceSelector::Reference {
            kind: "PrometheusDatasource".into(),
            name: Some("nope".into())
        })),
        60.0
    );
}

#[test]
fn pending_variables_hold_the_query_back() {
    let fixture = Fixture::new();
    let context = fixture.context(3600);
    let waiting = plan_query(
        &prometheus_query("x{a=\"$slow\"}", None, None),
        QueryKind::Range,
        1000,
        &context,
    );
    assert_eq!(
        waiting,
        Err(PlanError::Waiting {
            variables: vec!["slow".into()]
        })
    );
    let bad_step = plan_query(
        &prometheus_query("x", Some("$ns"), None),
        QueryKind::Range,
        1000,
        &context,
    );
    assert!(matches!(bad_step, Err(PlanError::InvalidMinStep { text, .. }) if text == "team-a"));
    // A name no variable defines would go out as written and match nothing: the query is
    // not sent, and says why. `$1` (a regex group in label_replace) is no variable.
    let undefined = plan_query(
        &prometheus_query("x{a=\"$unknown\", b=\"$slow\"}", None, None),
        QueryKind::Range,
        1000,
        &context,
    );
    assert_eq!(
        undefined,
        Err(PlanError::Undefined {
            variables: vec!["unknown".into()]
        })
    );
    assert_eq!(
        undefined.unwrap_err().to_string(),
        "uses $unknown, which this dashboard does not define"
    );
    let planned = plan_query(
        &prometheus_query(
            "label_replace(x, \"b\", \"$1\", \"a\", \"(.*)\")",
            None,
            None,
        ),
        QueryKind::Range,
        1000,
        &context,
    )
    .unwrap();
    assert!(planned.request.promql.contains("\"$1\""));
    assert_eq!(
        planned.series_name_format.as_deref(),
        Some("{{pod}} in team-a")
    );
}

#[test]
fn instant_queries_evaluate_at_the_aligned_end() {
    let fixture = Fixture::new();
    let context = fixture.context(3600);
    let mut query = prometheus_query("sum by (pod) (x)", None, None);
    let planned = plan_query(&query, QueryKind::Instant, 1000, &context)
        .unwrap()
        .request;
    assert_eq!(
        (planned.kind, planned.end_secs as i64),
        (QueryKind::Instant, END_MS / 1000)
    );
    query.instant = Some(false);
    assert_eq!(
        plan_query(&query, QueryKind::Instant, 1000, &context)
            .unwrap()
            .request
            .kind,
        QueryKind::Range
    );
}

#[test]
fn panel_kinds_pick_range_or_instant() {
    let corpus =
        include_str!("../../../../tests/corpus/perses/perses__dev__data__9-dashboard__table.json");
    let document: serde_json::Value = serde_json::from_str(corpus).unwrap();
    let dashboard = load_document(&document).remove(0).unwrap().dashboard;
    for panel in dashboard.panels.values() {
        assert_eq!(
            default_query_kind(&panel.kind),
            QueryKind::Instant,
            "{}",
            panel.key
        );
        assert!(
            panel
                .queries
                .iter()
                .all(|query| matches!(query, Query::Prometheus(_)))
        );
    }
}

#[test]
fn variable_options_come_from_instant_queries() {
    let fixture = Fixture::new();
    let context = fixture.context(3600);
    let values = ListSource::PrometheusLabelValues {
        datasource: None,
        label_name: "model_name".into(),
        matchers: vec![
            "vllm:num_requests_running{namespace=\"$ns\"}".into(),
            "up".into(),
        ],
    };
    let request = plan_variable(&values, &context).unwrap().unwrap();
    assert_eq!(
        request.promql,
        "group by (model_name) (last_over_time(vllm:num_requests_running{namespace=\"team-a\"}[3600s]) or last_over_time(up[3600s]))"
    );
    assert_eq!(
        (request.kind, request.end_secs as i64),
        (QueryKind::Instant, END_MS / 1000)
    );
    let names = ListSource::PrometheusLabelNames {
        datasource: None,
        matchers: Vec::new(),
    };
    assert_eq!(
        plan_variable(&names, &context).unwrap().unwrap().promql,
        "group without () (last_over_time({__name__=~\".+\"}[3600s]))"
    );
    let promql = ListSource::PrometheusPromQl {
        datasource: None,
        expr: "up{job=\"$slow\"}".into(),
        label_name: "job".into(),
    };
    assert_eq!(
        plan_variable(&promql, &context),
        Err(PlanError::Waiting {
            variables: vec!["slow".into()]
        })
    );
    assert_eq!(
        plan_variable(&ListSource::Static { values: Vec::new() }, &context),
        Ok(None)
    );

    let series = |pairs: &[(&str, &str)]| Series {
        labels: pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        samples: vec![Sample {
            time_ms: 0,
            value: 1.0,
        }]
        .into(),
    };
    let result = QueryResult {
        result_type: crate::prometheus::ResultType::Vector,
        series: vec![
            series(&[("model_name", "b"), ("pod", "p")]),
            series(&[("model_name", "a")]),
            series(&[("pod", "q")]),
        ],
        native: Vec::new(),
        warnings: Vec::new(),
    };
    assert_eq!(variable_options(&values, &result, &context), ["a", "b"]);
    assert_eq!(
        variable_options(&names, &result, &context),
        ["__name__", "model_name", "pod"]
    );
    let promql = ListSource::PrometheusPromQl {
        datasource: None,
        expr: "x".into(),
        label_name: "pod".into(),
    };
    assert_eq!(variable_options(&promql, &result, &context), ["p", "q"]);
}

#[test]
fn queries_and_variables_take_their_datasource_s_route() {
    let fixture = Fixture::new();
    let mut context = fixture.context(3600);
    let cluster = Some(DatasourceSelector::Reference {
        kind: "PrometheusDatasource".into(),
        name: Some("cluster-prometheus-datasource".into()),
    });
    let plan = |query: &PrometheusQuery, context: &PlanContext<'_>| {
        plan_query(query, QueryKind::Range, 800, context)
            .unwrap()
            .request
    };
    let named = prometheus_query("up", None, cluster);
    let unnamed = prometheus_query("up", None, None);
    assert_eq!(plan(&named, &context).scope, QueryScope::Cluster);
    assert_eq!(
        plan(&named, &context).path(),
        "/api/prometheus/cluster/queryRange"
    );
    assert_eq!(plan(&unnamed, &context).scope, QueryScope::Tenancy);
    context.home = DashboardHome::Cluster;
    assert_eq!(plan(&unnamed, &context).scope, QueryScope::Cluster);
    let source = ListSource::PrometheusLabelValues {
        datasource: None,
        label_name: "namespace".into(),
        matchers: vec![],
    };
    let variable = plan_variable(&source, &context).unwrap().unwrap();
    assert_eq!(variable.path(), "/api/prometheus/cluster/query");
    context.home = DashboardHome::Project;
    let variable = plan_variable(&source, &context).unwrap().unwrap();
    assert_eq!(variable.path(), "/api/prometheus/query");
}
