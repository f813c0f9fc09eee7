//! Table-driven tests of the tenancy rewrite: one line per query.

use super::params::{Param, ParamsError, QueryParams};
use super::{TenancyError, enforce_namespace};

const NS: &str = "fraud-detection";

/// The query is accepted and sent as `expected`.
#[track_caller]
fn check(query: &str, expected: &str) {
    match enforce_namespace(query, NS) {
        Ok(rewritten) => assert_eq!(rewritten, expected, "query: {query}"),
        Err(error) => panic!("query {query:?} was refused: {error}"),
    }
}

/// The query is refused with a message containing `expected`.
#[track_caller]
fn refuse(query: &str, expected: &str) {
    match enforce_namespace(query, NS) {
        Ok(rewritten) => panic!("query {query:?} was accepted as {rewritten:?}"),
        Err(error) => {
            assert!(error.is_client_error(), "{error}");
            let message = error.to_string();
            assert!(message.contains(expected), "query {query:?}: {message}");
        }
    }
}

#[test]
fn every_selector_gets_the_namespace() {
    check("up", r#"up{namespace="fraud-detection"}"#);
    check(
        r#"up{job="a"}"#,
        r#"up{job="a",namespace="fraud-detection"}"#,
    );
    check(
        r#"{__name__=~".+"}"#,
        r#"{__name__=~".+",namespace="fraud-detection"}"#,
    );
    check("rate(x[5m])", r#"rate(x{namespace="fraud-detection"}[5m])"#);
    check(
        "sum by (pod) (rate(x[5m])) / on (pod) group_left () kube_pod_info",
        r#"sum by (pod) (rate(x{namespace="fraud-detection"}[5m])) / on (pod) group_left () kube_pod_info{namespace="fraud-detection"}"#,
    );
    check(
        "a or b",
        r#"a{namespace="fraud-detection"} or b{namespace="fraud-detection"}"#,
    );
    check(
        "a unless on (pod) b",
        r#"a{namespace="fraud-detection"} unless on (pod) b{namespace="fraud-detection"}"#,
    );
    check(
        "max_over_time(up[1h:5m] offset 1d)",
        r#"max_over_time(up{namespace="fraud-detection"}[1h:5m] offset 1d)"#,
    );
    check(
        "up @ 1700000000",
        r#"up{namespace="fraud-detection"} @ 1700000000.000"#,
    );
    check(
        "up offset 5m",
        r#"up{namespace="fraud-detection"} offset 5m"#,
    );
    check(
        "rate(x[5m] @ end())",
        r#"rate(x{namespace="fraud-detection"}[5m] @ end())"#,
    );
    check("-x", r#"-x{namespace="fraud-detection"}"#);
    check("((x))", r#"((x{namespace="fraud-detection"}))"#);
    check("vector(1)", "vector(1)");
    check("1 + 2", "1 + 2");
    check(
        "topk(scalar(count(x)), y)",
        r#"topk(scalar(count(x{namespace="fraud-detection"})), y{namespace="fraud-detection"})"#,
    );
    check(
        r#"count_values("namespace", x)"#,
        r#"count_values("namespace", x{namespace="fraud-detection"})"#,
    );
    check(
        r#"label_replace(x, "namespace", "other", "", "")"#,
        r#"label_replace(x{namespace="fraud-detection"}, "namespace", "other", "", "")"#,
    );
    check("absent(x)", r#"absent(x{namespace="fraud-detection"})"#);
    check(
        "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))",
        r#"histogram_quantile(0.9, sum by (le) (rate(x_bucket{namespace="fraud-detection"}[5m])))"#,
    );
}

#[test]
fn namespace_matchers_that_can_match_are_dropped() {
    check(
        r#"up{namespace="fraud-detection"}"#,
        r#"up{namespace="fraud-detection"}"#,
    );
    check(
        r#"up{namespace!="other"}"#,
        r#"up{namespace="fraud-detection"}"#,
    );
    check(
        r#"up{namespace=~".*"}"#,
        r#"up{namespace="fraud-detection"}"#,
    );
    check(
        r#"up{namespace=~"fraud-detection|vision-training"}"#,
        r#"up{namespace="fraud-detection"}"#,
    );
    check(
        r#"up{namespace!~"vision.*"}"#,
        r#"up{namespace="fraud-detection"}"#,
    );
    check(
        r#"up{namespace=~"(?i)FRAUD.*"}"#,
        r#"up{namespace="fraud-detection"}"#,
    );
    check(
        r#"{"namespace"="fraud-detection", __name__="up"}"#,
        r#"{__name__="up",namespace="fraud-detection"}"#,
    );
}

#[test]
fn namespace_matchers_that_never_match_are_conflicts() {
    let conflict = "conflicting label matcher";
    refuse(r#"up{namespace="vision-training"}"#, conflict);
    refuse(r#"up{namespace=""}"#, conflict);
    refuse(r#"up{namespace!="fraud-detection"}"#, conflict);
    refuse(r#"up{namespace=~"vision.*"}"#, conflict);
    refuse(r#"up{namespace!~"fraud.*"}"#, conflict);
    refuse(r#"up{"namespace"="vision-training"}"#, conflict);
    refuse(
        r#"up{namespace="fraud-detection", namespace="vision-training"}"#,
        conflict,
    );
    refuse(
        r#"sum(rate(up{namespace="vision-training"}[5m]))"#,
        conflict,
    );
    refuse(
        r#"up{namespace="vision-training"}"#,
        r#"label matcher "namespace=\"vision-training\"" conflicts with injected matcher "namespace=\"fraud-detection\"""#,
    );
}

#[test]
fn what_prometheus_refuses_is_refused() {
    refuse(
        r#"up{job="a" or namespace="x"}"#,
        "uses `or` between label matchers",
    );
    refuse("up{", "failed to parse query string");
    refuse("sum(", "failed to parse query string");
    refuse("", "failed to parse query string");
    refuse(
        r#"rate(x{pod=~"$pod"}[$__rate_interval])"#,
        "failed to parse query string",
    );
    refuse("info(up)", "info() is an experimental PromQL feature");
    refuse(
        "limitk(2, up)",
        "limitk() is an experimental PromQL feature",
    );
    refuse(
        r#"sort_by_label(up, "pod")"#,
        "sort_by_label() is an experimental",
    );
}

#[test]
fn label_values_are_escaped_when_printed() {
    // promql-parser prints matchers sorted by name.
    check(
        r#"up{pod="a\"b\\c"}"#,
        r#"up{namespace="fraud-detection",pod="a\"b\\c"}"#,
    );
    check(
        r#"up{pod="\"} or vector(1) or x{a=\""}"#,
        r#"up{namespace="fraud-detection",pod="\"} or vector(1) or x{a=\""}"#,
    );
}

#[test]
fn any_namespace_value_round_trips() {
    // Admins may name any namespace; even a hostile one must stay a single quoted value.
    let hostile = "a\"} or up{b=\"";
    let rewritten = enforce_namespace("up", hostile).unwrap();
    assert_eq!(rewritten, r#"up{namespace="a\"} or up{b=\""}"#);
}

#[track_caller]
fn params(text: &str) -> Result<QueryParams, ParamsError> {
    QueryParams::parse(text)
}

#[test]
fn parameters_are_decoded_once_and_never_twice() {
    let parsed = params("namespace=a&query=sum%28up%29+%2B+1&time=5&x=1").unwrap();
    assert_eq!(parsed.get(Param::Namespace), Some("a"));
    assert_eq!(parsed.get(Param::Query), Some("sum(up) + 1"));
    assert_eq!(parsed.get(Param::Time), Some("5"));
    assert_eq!(parsed.ignored, ["x"]);
    // An encoded '&' or '=' stays inside the value.
    let parsed = params("namespace=a%26namespace%3Db&query=up").unwrap();
    assert_eq!(parsed.get(Param::Namespace), Some("a&namespace=b"));
    // An encoded name is the same name.
    assert_eq!(
        params("namespace=a&name%73pace=b"),
        Err(ParamsError::Duplicated(Param::Namespace))
    );
    assert_eq!(params("namespace=").unwrap().get(Param::Namespace), None);
    for duplicated in ["query", "time", "start", "end", "step", "namespace"] {
        let text = format!("{duplicated}=1&{duplicated}=2");
        assert!(
            matches!(params(&text), Err(ParamsError::Duplicated(_))),
            "{text}"
        );
    }
}

#[test]
fn verification_errors_are_server_errors() {
    assert!(!TenancyError::Verification(String::new()).is_client_error());
}
