//! The hostile inputs, by class, and what must happen to each.

use serde_json::json;

use super::super::common::query_string;
use super::Expect::{self, Answered, Refused, Scoped};
use super::NAMESPACE;

/// `n` copies of `part` joined by `separator`.
fn chain(part: &str, separator: &str, n: usize) -> String {
    vec![part; n].join(separator)
}

fn nested(open: &str, inner: &str, close: &str, n: usize) -> String {
    format!("{}{inner}{}", open.repeat(n), close.repeat(n))
}

/// Queries by class, each run as an instant query at the live time.
pub fn queries() -> Vec<(String, String, Expect)> {
    let too_long = "is 6";
    let deep = "nests brackets";
    let operators = "more than 1000 operators";
    let duration = "invalid duration";
    let at = "invalid @ time";
    let mut cases = vec![
        // Size and depth: each of these overflowed the parser's stack or kept it busy for
        // minutes before the bounds.
        (
            "3000 unary minus",
            format!("{}up", "-".repeat(3000)),
            Refused(400, operators),
        ),
        (
            "3000 parentheses",
            nested("(", "up", ")", 3000),
            Refused(400, deep),
        ),
        (
            "3000 abs(",
            nested("abs(", "up", ")", 3000),
            Refused(400, deep),
        ),
        (
            "5000-term or",
            chain("up", " or ", 5000),
            Refused(400, operators),
        ),
        (
            "5000-term *",
            chain("up", " * ", 5000),
            Refused(400, operators),
        ),
        (
            "100,000-term or",
            chain("up", " or ", 100_000),
            Refused(400, too_long),
        ),
        (
            "3000 braces",
            nested("{", "", "}", 3000),
            Refused(400, deep),
        ),
        (
            "3000 brackets",
            nested("up[", "", "]", 3000),
            Refused(400, deep),
        ),
        // Just inside the bounds: deep but valid queries are answered, on a large stack.
        (
            "200 parentheses",
            nested("(", "kube_pod_info", ")", 200),
            Scoped,
        ),
        (
            "200 abs(",
            nested("abs(", "kube_pod_info", ")", 200),
            Scoped,
        ),
        (
            "900 unary minus",
            format!("{}kube_pod_info", "-".repeat(900)),
            Scoped,
        ),
        ("900-term or", chain("kube_pod_info", " or ", 900), Scoped),
        ("900-term +", chain("kube_pod_info", " + ", 900), Scoped),
        // Long queries, and queries that grow past any URL limit once every selector carries
        // the namespace: sent to Prometheus as a form body, they are answered.
        (
            "400 KB label value",
            format!("up{{job=\"{}\"}}", "x".repeat(400_000)),
            Refused(400, too_long),
        ),
        (
            "60 KB label value",
            format!("kube_pod_info{{pod!=\"{}\"}}", "x".repeat(60_000)),
            Scoped,
        ),
        (
            "900 selectors with matchers",
            chain(r#"kube_pod_info{pod=~".+"}"#, " or ", 900),
            Scoped,
        ),
        // Numbers where durations go: promql-parser panicked on these, or printed them as
        // nothing.
        ("offset Inf", "up offset Inf".into(), Refused(400, duration)),
        ("offset -Inf", "up offset -Inf".into(), Refused(400, "")),
        ("offset NaN", "up offset NaN".into(), Refused(400, duration)),
        (
            "offset 1e30",
            "up offset 1e30".into(),
            Refused(400, duration),
        ),
        (
            "offset 0.0001",
            "up offset 0.0001".into(),
            Refused(400, duration),
        ),
        (
            "range 1e30",
            "rate(up[1e30])".into(),
            Refused(400, duration),
        ),
        (
            "range 20 digits",
            "rate(up[99999999999999999999])".into(),
            Refused(400, duration),
        ),
        ("range Inf", "rate(up[Inf])".into(), Refused(400, "")),
        (
            "range 0.0001",
            "rate(up[0.0001])".into(),
            Refused(400, duration),
        ),
        ("range 0", "rate(up[0])".into(), Refused(400, "")),
        (
            "subquery step 0.0001",
            "max_over_time(up[5m:0.0001])".into(),
            Refused(400, duration),
        ),
        (
            "subquery step 1e30",
            "max_over_time(up[5m:1e30])".into(),
            Refused(400, duration),
        ),
        (
            "subquery range NaN",
            "max_over_time(up[NaN:1m])".into(),
            Refused(400, ""),
        ),
        ("300 years", "rate(up[300y])".into(), Refused(400, duration)),
        ("@ Inf", "up @ Inf".into(), Refused(400, at)),
        ("@ NaN", "up @ NaN".into(), Refused(400, at)),
        ("@ 1e300", "up @ 1e300".into(), Refused(400, at)),
        // Within Prometheus' range, these are fine.
        (
            "range 1 ms",
            "max_over_time(kube_pod_info[0.001])".into(),
            Answered,
        ),
        (
            "offset in seconds",
            "kube_pod_info offset 60".into(),
            Scoped,
        ),
        (
            "@ in seconds",
            "kube_pod_info @ 1700000000".into(),
            Answered,
        ),
        ("offset 1 ms", "kube_pod_info offset 0.001".into(), Scoped),
        // Text that is not PromQL at all.
        ("NUL bytes", "up\0\0".into(), Refused(400, "")),
        (
            "unterminated string",
            r#"up{job="x"#.into(),
            Refused(400, ""),
        ),
        (
            "lone backslash escape",
            r#"up{job="\x"}"#.into(),
            Refused(400, ""),
        ),
        ("emoji metric", "📈".into(), Refused(400, "")),
    ];
    cases.push(("empty query", String::new(), Refused(400, "query")));
    cases
        .into_iter()
        .map(|(name, promql, expect)| (name.to_owned(), promql, expect))
        .collect()
}

/// Parameters besides the query: times, steps and the namespace.
pub fn parameters(time: &str) -> Vec<(&'static str, &'static str, String, Expect)> {
    let range = |start: &str, end: &str, step: &str| {
        query_string(&[
            ("namespace", NAMESPACE),
            ("query", "kube_pod_info"),
            ("start", start),
            ("end", end),
            ("step", step),
        ])
    };
    let instant = |time: &str| {
        query_string(&[
            ("namespace", NAMESPACE),
            ("query", "kube_pod_info"),
            ("time", time),
        ])
    };
    let with_namespace =
        |namespace: &str| query_string(&[("namespace", namespace), ("query", "up"), ("time", "1")]);
    let end: i64 = time.parse().unwrap_or_default();
    let start = (end - 600).to_string();
    let end = end.to_string();
    vec![
        ("query", "time NaN", instant("NaN"), Refused(400, "")),
        ("query", "time Inf", instant("Inf"), Refused(400, "")),
        ("query", "time 1e300", instant("1e300"), Refused(400, "")),
        ("query", "time text", instant("yesterday"), Refused(400, "")),
        (
            "queryRange",
            "step 0",
            range(&start, &end, "0"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "step -5",
            range(&start, &end, "-5"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "step NaN",
            range(&start, &end, "NaN"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "step Inf",
            range(&start, &end, "Inf"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "step 1 ns",
            range(&start, &end, "0.000000001"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "a billion points",
            range("0", "1000000000", "1"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "end before start",
            range(&end, &start, "15"),
            Refused(400, ""),
        ),
        (
            "queryRange",
            "start Inf",
            range("Inf", &end, "15"),
            Refused(400, ""),
        ),
        (
            "query",
            "namespace with quotes",
            with_namespace("a\"} or up{x=\""),
            Refused(403, ""),
        ),
        (
            "query",
            "namespace 100 KB",
            with_namespace(&"n".repeat(100_000)),
            Refused(403, ""),
        ),
        (
            "query",
            "namespace of another project",
            with_namespace("vision-training"),
            Refused(403, ""),
        ),
    ]
}

/// Bodies that are not what the route takes.
pub fn bodies() -> Vec<(&'static str, String, u16)> {
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    vec![
        ("not JSON", "namespace=a&query=up".into(), 400),
        ("query not a string", json!({"query": 5}).to_string(), 400),
        ("no query field", json!({}).to_string(), 400),
        ("JSON nested 100,000 deep", deep_json, 400),
        (
            "a 2 MB body",
            json!({"query": format!("namespace={NAMESPACE}&query={}", "x".repeat(2_000_000))})
                .to_string(),
            413,
        ),
        (
            "100,000 unknown parameters",
            json!({"query": format!("namespace={NAMESPACE}&query=up&time=1&{}", chain("a=1", "&", 100_000))})
                .to_string(),
            200,
        ),
    ]
}
