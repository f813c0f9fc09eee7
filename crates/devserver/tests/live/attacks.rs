//! The tenancy attack suite: crafted queries and parameters, run as the developer against the
//! namespace fraud-detection, through the service and against a Prometheus that holds data of
//! every project.
//!
//! For each accepted query, not one returned series may carry a `namespace` or
//! `exported_namespace` other than fraud-detection; a query that writes those labels itself
//! (label_replace, count_values…) must return exactly what the same query returns when every
//! selector is pinned to fraud-detection by hand, run directly on Prometheus. Each refusal
//! must have the expected status and message. Run directly on Prometheus, most accepted
//! queries do return other projects' series: the suite shows what the rewrite prevented.

use std::collections::BTreeSet;

use serde_json::Value;

use super::common::{DATA_SCIENTIST, DEVELOPER, query_string};
use super::{Live, series};

const NAMESPACE: &str = "fraud-detection";
const PROJECTS: [&str; 3] = ["fraud-detection", "customer-support-llm", "vision-training"];

/// What must happen to one attack.
enum Expect {
    /// Accepted; every series stays in the namespace.
    Scoped,
    /// Accepted; the query writes namespace labels itself, so its result must equal this
    /// hand-pinned query's, run directly on Prometheus.
    SameAs(&'static str),
    /// Refused with this status and a message containing this text.
    Refused(u16, &'static str),
}

/// One attack: the body's query string and what must happen.
struct Attack {
    name: &'static str,
    query_string: String,
    /// The PromQL, when the attack is a query (to run it unscoped for comparison).
    promql: Option<&'static str>,
    expect: Expect,
}

fn promql(name: &'static str, promql: &'static str, expect: Expect) -> Attack {
    Attack {
        name,
        query_string: query_string(&[("namespace", NAMESPACE), ("query", promql)]),
        promql: Some(promql),
        expect,
    }
}

fn raw(name: &'static str, query_string: &str, expect: Expect) -> Attack {
    Attack {
        name,
        query_string: query_string.to_owned(),
        promql: None,
        expect,
    }
}

use Expect::{Refused, SameAs, Scoped};

fn attacks() -> Vec<Attack> {
    let conflict = "conflicting label matcher";
    vec![
        // Plain selectors and matchers on the namespace label.
        promql("bare metric", "kube_pod_info", Scoped),
        promql("every series by name regex", r#"{__name__=~".+"}"#, Scoped),
        promql(
            "name regex and namespace regex",
            r#"{__name__=~".+", namespace=~".*"}"#,
            Scoped,
        ),
        promql(
            "namespace regex matching all",
            r#"kube_pod_info{namespace=~".*"}"#,
            Scoped,
        ),
        promql(
            "namespace regex .+",
            r#"kube_pod_info{namespace=~".+"}"#,
            Scoped,
        ),
        promql(
            "not-equal another project",
            r#"kube_pod_info{namespace!="vision-training"}"#,
            Scoped,
        ),
        promql(
            "alternation with a foreign project",
            r#"kube_pod_info{namespace=~"fraud-detection|vision-training"}"#,
            Scoped,
        ),
        promql(
            "alternation with a visible project",
            r#"kube_pod_info{namespace=~"fraud-detection|customer-support-llm"}"#,
            Scoped,
        ),
        promql(
            "case-insensitive regex",
            r#"kube_pod_info{namespace=~"(?i)FRAUD.*"}"#,
            Scoped,
        ),
        promql(
            "negative regex",
            r#"kube_pod_info{namespace!~"vision.*"}"#,
            Scoped,
        ),
        promql(
            "UTF-8 quoted own namespace",
            r#"{"namespace"="fraud-detection", __name__=~".+"}"#,
            Scoped,
        ),
        promql(
            "empty-matching namespace regex next to a name",
            r#"kube_pod_info{namespace=~"|.*"}"#,
            Scoped,
        ),
        promql(
            "exported_namespace of another project",
            r#"accelerator_gpu_utilization{exported_namespace="vision-training"}"#,
            Scoped,
        ),
        promql(
            "exported_namespace regex",
            r#"{__name__=~"accelerator.*", exported_namespace=~".+"}"#,
            Scoped,
        ),
        // Binary operations and joins.
        promql(
            "or",
            "kube_pod_info or container_cpu_usage_seconds_total",
            Scoped,
        ),
        promql("or with vector", "kube_pod_info or vector(1)", Scoped),
        promql("unless", "kube_pod_info unless kube_pod_owner", Scoped),
        promql(
            "and on nothing",
            "kube_pod_info and on () kube_pod_owner",
            Scoped,
        ),
        promql(
            "group_left join",
            "kube_pod_owner * on (pod) group_left (node) kube_pod_info",
            Scoped,
        ),
        promql(
            "group_right join",
            "kube_pod_info * on (pod) group_right (owner_kind) kube_pod_owner",
            Scoped,
        ),
        promql(
            "ignoring namespace",
            "sum by (namespace) (kube_pod_info) / ignoring (namespace) group_left sum(kube_pod_info)",
            Scoped,
        ),
        promql(
            "comparison with bool",
            "container_memory_working_set_bytes > bool 0",
            Scoped,
        ),
        promql("unary minus", "-container_memory_working_set_bytes", Scoped),
        // Functions, aggregations, subqueries, offset and @.
        promql(
            "sum by namespace",
            "sum by (namespace) (kube_pod_info)",
            Scoped,
        ),
        promql(
            "count by namespace of everything",
            r#"count by (namespace) ({__name__=~".+"})"#,
            Scoped,
        ),
        promql(
            "rate",
            "rate(container_cpu_usage_seconds_total[5m])",
            Scoped,
        ),
        promql(
            "subquery",
            "max_over_time(sum by (namespace) (kube_pod_info)[10m:1m])",
            Scoped,
        ),
        promql(
            "nested subquery",
            "max_over_time(rate(container_cpu_usage_seconds_total[5m])[15m:1m])",
            Scoped,
        ),
        promql("offset", "kube_pod_info offset 10m", Scoped),
        promql(
            "offset in a range",
            "sum_over_time(kube_pod_info[5m] offset 5m)",
            Scoped,
        ),
        promql("at end()", "kube_pod_info @ end()", Scoped),
        promql(
            "at start() in a range",
            "rate(container_cpu_usage_seconds_total[5m] @ start())",
            Scoped,
        ),
        promql(
            "topk",
            "topk(100, container_memory_working_set_bytes)",
            Scoped,
        ),
        promql(
            "topk with a selector as k",
            "topk(scalar(count(kube_pod_info)), container_memory_working_set_bytes)",
            Scoped,
        ),
        promql(
            "quantile",
            "quantile(0.5, container_memory_working_set_bytes)",
            Scoped,
        ),
        promql(
            "histogram_quantile",
            "histogram_quantile(0.9, sum by (le, namespace) (rate(kserve_vllm:e2e_request_latency_seconds_bucket[5m])))",
            Scoped,
        ),
        promql(
            "absent of a missing metric",
            "absent(no_such_metric)",
            Scoped,
        ),
        promql(
            "absent of another project's metric",
            "absent(training_job_loss)",
            Scoped,
        ),
        promql("vector", "vector(1)", Scoped),
        promql("scalar", "scalar(sum(kube_pod_info))", Scoped),
        promql("timestamp", "timestamp(kube_pod_info)", Scoped),
        promql(
            "sort_desc",
            "sort_desc(container_memory_working_set_bytes)",
            Scoped,
        ),
        promql(
            "label_replace keeping the namespace",
            r#"label_replace(kube_pod_info, "namespace", "$1", "namespace", "(.*)")"#,
            Scoped,
        ),
        // Queries that write namespace labels themselves.
        promql(
            "label_replace writing another namespace",
            r#"label_replace(kube_pod_info, "namespace", "vision-training", "", "")"#,
            SameAs(
                r#"label_replace(kube_pod_info{namespace="fraud-detection"}, "namespace", "vision-training", "", "")"#,
            ),
        ),
        promql(
            "label_replace writing exported_namespace",
            r#"label_replace(kube_pod_info, "exported_namespace", "$1", "pod", "(.*)")"#,
            SameAs(
                r#"label_replace(kube_pod_info{namespace="fraud-detection"}, "exported_namespace", "$1", "pod", "(.*)")"#,
            ),
        ),
        promql(
            "label_join into namespace",
            r#"label_join(kube_pod_info, "namespace", ",", "node", "pod")"#,
            SameAs(
                r#"label_join(kube_pod_info{namespace="fraud-detection"}, "namespace", ",", "node", "pod")"#,
            ),
        ),
        promql(
            "count_values into namespace",
            r#"count_values("namespace", container_memory_working_set_bytes)"#,
            SameAs(
                r#"count_values("namespace", container_memory_working_set_bytes{namespace="fraud-detection"})"#,
            ),
        ),
        // Matchers that can never match the enforced namespace.
        promql(
            "equal another project",
            r#"kube_pod_info{namespace="vision-training"}"#,
            Refused(400, conflict),
        ),
        promql(
            "equal a visible other project",
            r#"kube_pod_info{namespace="customer-support-llm"}"#,
            Refused(400, conflict),
        ),
        promql(
            "regex of another project",
            r#"kube_pod_info{namespace=~"vision.*"}"#,
            Refused(400, conflict),
        ),
        promql(
            "case-insensitive regex of another project",
            r#"kube_pod_info{namespace=~"(?i)VISION.*"}"#,
            Refused(400, conflict),
        ),
        promql(
            "not-equal own namespace",
            r#"kube_pod_info{namespace!="fraud-detection"}"#,
            Refused(400, conflict),
        ),
        promql(
            "negative regex of own namespace",
            r#"kube_pod_info{namespace!~"fraud.*"}"#,
            Refused(400, conflict),
        ),
        promql(
            "empty namespace",
            r#"kube_pod_info{namespace=""}"#,
            Refused(400, conflict),
        ),
        promql(
            "UTF-8 quoted label name",
            r#"{"namespace"="vision-training", __name__=~".+"}"#,
            Refused(400, conflict),
        ),
        promql(
            "conflict on the right of or",
            r#"kube_pod_info or kube_pod_info{namespace="vision-training"}"#,
            Refused(400, conflict),
        ),
        promql(
            "conflict inside a function",
            r#"sum(rate(container_cpu_usage_seconds_total{namespace="vision-training"}[5m]))"#,
            Refused(400, conflict),
        ),
        promql(
            "conflict inside a subquery",
            r#"max_over_time(kube_pod_info{namespace="vision-training"}[10m:1m])"#,
            Refused(400, conflict),
        ),
        promql(
            "conflict in topk's parameter",
            r#"topk(scalar(count(kube_pod_info{namespace="vision-training"})), kube_pod_info)"#,
            Refused(400, conflict),
        ),
        promql(
            "two namespace matchers",
            r#"kube_pod_info{namespace="fraud-detection", namespace="vision-training"}"#,
            Refused(400, conflict),
        ),
        // What the upstream parser does not accept.
        promql(
            "or between matchers",
            r#"kube_pod_info{pod="a" or namespace="vision-training"}"#,
            Refused(400, "uses `or` between label matchers"),
        ),
        promql(
            "info() reads target_info implicitly",
            "info(kube_pod_info)",
            Refused(400, "info() is an experimental"),
        ),
        promql(
            "limitk",
            "limitk(1, kube_pod_info)",
            Refused(400, "limitk() is an experimental"),
        ),
        promql(
            "sort_by_label",
            r#"sort_by_label(kube_pod_info, "pod")"#,
            Refused(400, "sort_by_label() is an experimental"),
        ),
        promql(
            "unparsable",
            "sum(kube_pod_info",
            Refused(400, "failed to parse query string"),
        ),
        promql(
            "uninterpolated variable",
            "rate(x[$__rate_interval])",
            Refused(400, "failed to parse query string"),
        ),
        // Parameter tricks.
        raw(
            "no namespace",
            "query=kube_pod_info",
            Refused(400, "needs the \"namespace\" parameter"),
        ),
        raw(
            "empty namespace parameter",
            "namespace=&query=kube_pod_info",
            Refused(400, "needs the \"namespace\" parameter"),
        ),
        raw(
            "namespace twice",
            "namespace=fraud-detection&namespace=vision-training&query=kube_pod_info",
            Refused(400, "\"namespace\" parameter is given more than once"),
        ),
        raw(
            "namespace twice, empty first",
            "namespace=&namespace=fraud-detection&query=kube_pod_info",
            Refused(400, "given more than once"),
        ),
        raw(
            "encoded parameter name",
            "namespace=fraud-detection&name%73pace=vision-training&query=kube_pod_info",
            Refused(400, "given more than once"),
        ),
        raw(
            "query twice",
            "namespace=fraud-detection&query=kube_pod_info&query=training_job_loss",
            Refused(400, "\"query\" parameter is given more than once"),
        ),
        raw(
            "time twice",
            "namespace=fraud-detection&query=kube_pod_info&time=1&time=2",
            Refused(400, "\"time\" parameter is given more than once"),
        ),
        raw(
            "%26 inside the value",
            "namespace=fraud-detection%26namespace%3Dvision-training&query=kube_pod_info",
            Refused(403, "Forbidden (user=developer"),
        ),
        raw(
            "%3D in the name",
            "namespace%3Dvision-training&query=kube_pod_info",
            Refused(400, "needs the \"namespace\" parameter"),
        ),
        raw(
            "semicolon separator",
            "namespace=fraud-detection;namespace=vision-training&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "regex as namespace",
            "namespace=fraud-detection%7Cvision-training&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "match-all as namespace",
            "namespace=.%2A&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "another project",
            "namespace=vision-training&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "system namespace",
            "namespace=openshift-monitoring&query=up",
            Refused(403, "Forbidden"),
        ),
        raw(
            "padded namespace",
            "namespace=%20fraud-detection&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "upper-case namespace",
            "namespace=FRAUD-DETECTION&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "NUL in the namespace",
            "namespace=fraud-detection%00&query=kube_pod_info",
            Refused(403, "Forbidden"),
        ),
        raw(
            "no query",
            "namespace=fraud-detection",
            Refused(400, "the \"query\" parameter is missing"),
        ),
        raw(
            "differently cased parameter is ignored",
            "Namespace=vision-training&namespace=fraud-detection&query=kube_pod_info",
            Scoped,
        ),
        raw(
            "unknown parameters are dropped",
            "namespace=fraud-detection&query=kube_pod_info&match[]=%7Bnamespace%3D%22vision-training%22%7D&dedup=false",
            Scoped,
        ),
    ]
}

/// The demo data must span every project, or the suite proves nothing.
pub async fn data_of_every_project_is_present(live: &Live) {
    let reply = live.direct("count by (namespace) (kube_pod_info)").await;
    assert_eq!(reply.status, 200, "direct query: {}", reply.text);
    let namespaces: BTreeSet<String> = series(&reply.body["data"])
        .iter()
        .filter_map(|s| s["metric"]["namespace"].as_str().map(str::to_owned))
        .collect();
    for project in PROJECTS {
        assert!(
            namespaces.contains(project),
            "no data of {project}: {namespaces:?}"
        );
    }
}

pub async fn run(live: &Live) {
    let attacks = attacks();
    assert!(attacks.len() >= 40, "{} attacks", attacks.len());
    let mut would_leak = Vec::new();
    let mut with_data = 0;
    for attack in &attacks {
        let query_string = format!("{}&time={}", attack.query_string, live.time);
        // The time parameter is appended, except where the attack repeats it on purpose.
        let query_string = if attack.query_string.contains("time=") {
            attack.query_string.clone()
        } else {
            query_string
        };
        let reply = live
            .server
            .prometheus("query", Some(DEVELOPER), &query_string)
            .await;
        let name = attack.name;
        match &attack.expect {
            Expect::Refused(status, message) => {
                assert_eq!(reply.status, *status, "{name}: {}", reply.text);
                assert!(reply.message().contains(message), "{name}: {}", reply.text);
                continue;
            }
            Expect::Scoped | Expect::SameAs(_) => {
                assert_eq!(reply.status, 200, "{name}: {}", reply.text);
            }
        }
        let result = series(&reply.body["response"]["data"]);
        if !result.is_empty() {
            with_data += 1;
        }
        match &attack.expect {
            Expect::Scoped => {
                for series in &result {
                    assert_scoped(name, series, NAMESPACE);
                }
            }
            Expect::SameAs(reference) => {
                let direct = live.direct(reference).await;
                assert_eq!(direct.status, 200, "{name}: reference: {}", direct.text);
                assert_eq!(
                    canonical(&result),
                    canonical(&series(&direct.body["data"])),
                    "{name}: the result differs from the pinned reference query"
                );
                assert!(!result.is_empty(), "{name}: no data to compare");
            }
            Expect::Refused(..) => {}
        }
        if let Some(promql) = attack.promql {
            let unscoped = live.direct(promql).await;
            if series(&unscoped.body["data"])
                .iter()
                .any(|s| foreign(s, NAMESPACE))
            {
                would_leak.push(name);
            }
        }
    }
    // Unscoped, a good share of the accepted queries read other projects' series: those are
    // the leaks the rewrite prevented.
    eprintln!(
        "attack suite: {} attacks, {} accepted with data, {} would leak unscoped: {would_leak:?}",
        attacks.len(),
        with_data,
        would_leak.len()
    );
    assert!(
        would_leak.len() >= 25,
        "only {} would leak: {would_leak:?}",
        would_leak.len()
    );
    assert!(
        with_data >= 35,
        "only {with_data} accepted queries returned data"
    );
    range_attacks(live).await;
    other_user(live).await;
}

/// The same rules through queryRange.
async fn range_attacks(live: &Live) {
    let end: i64 = live.time.parse().unwrap();
    let start = (end - 1800).to_string();
    for promql in [
        r#"{__name__=~"kube_.*|container_.*"}"#,
        "sum by (namespace) (rate(container_cpu_usage_seconds_total[5m]))",
        r#"kube_pod_info{namespace=~".*"} or kube_pod_owner"#,
        "max_over_time(kube_pod_info[10m:1m] offset 5m)",
    ] {
        let body = query_string(&[
            ("namespace", NAMESPACE),
            ("query", promql),
            ("start", &start),
            ("end", &live.time),
            ("step", "60"),
        ]);
        let reply = live
            .server
            .prometheus("queryRange", Some(DEVELOPER), &body)
            .await;
        assert_eq!(reply.status, 200, "range {promql}: {}", reply.text);
        let result = series(&reply.body["response"]["data"]);
        assert!(!result.is_empty(), "range {promql}: no data");
        for series in &result {
            assert_scoped(promql, series, NAMESPACE);
        }
    }
    let body = query_string(&[
        ("namespace", NAMESPACE),
        ("query", r#"kube_pod_info{namespace="vision-training"}"#),
        ("start", &start),
        ("end", &live.time),
        ("step", "60"),
    ]);
    let reply = live
        .server
        .prometheus("queryRange", Some(DEVELOPER), &body)
        .await;
    assert_eq!(reply.status, 400, "range conflict: {}", reply.text);
}

/// Another user, another project: the same queries stay in vision-training.
async fn other_user(live: &Live) {
    for promql in [
        r#"{__name__=~".+"}"#,
        "kube_pod_info or kserve_vllm:num_requests_running",
    ] {
        let body = query_string(&[
            ("namespace", "vision-training"),
            ("query", promql),
            ("time", &live.time),
        ]);
        let reply = live
            .server
            .prometheus("query", Some(DATA_SCIENTIST), &body)
            .await;
        assert_eq!(reply.status, 200, "{promql}: {}", reply.text);
        let result = series(&reply.body["response"]["data"]);
        assert!(!result.is_empty());
        for series in &result {
            assert_scoped(promql, series, "vision-training");
        }
    }
    let body = query_string(&[("namespace", NAMESPACE), ("query", "kube_pod_info")]);
    let reply = live
        .server
        .prometheus("query", Some(DATA_SCIENTIST), &body)
        .await;
    assert_eq!(reply.status, 403, "{}", reply.text);
}

/// Whether a series carries a namespace label other than `namespace`.
fn foreign(series: &Value, namespace: &str) -> bool {
    ["namespace", "exported_namespace"].iter().any(|label| {
        series["metric"][label]
            .as_str()
            .is_some_and(|value| value != namespace)
    })
}

#[track_caller]
fn assert_scoped(name: &str, series: &Value, namespace: &str) {
    assert!(
        !foreign(series, namespace),
        "{name}: leaked {}",
        series["metric"]
    );
}

/// Series as comparable text, order-independent.
fn canonical(series: &[Value]) -> BTreeSet<String> {
    series
        .iter()
        .map(|s| format!("{} {} {}", s["metric"], s["value"], s["values"]))
        .collect()
}
