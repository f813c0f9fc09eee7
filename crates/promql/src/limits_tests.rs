use super::*;

#[test]
fn real_queries_pass() {
    for query in [
        r#"sum(rate(x{a="[1e30]", b=~"offset Inf"}[5m])) by (pod)"#,
        "histogram_quantile(0.9, sum by (le) (rate(x_bucket[$__rate_interval])))",
        "rate(x[5m:1m]) offset -1h @ 1700000000",
        "max_over_time(x[1h:]) @ start() - x offset 1d2h",
        "x[1.5] + x[90] offset 0.5",
        "x # a comment with [ and ( and @ Inf\n+ 1",
        "0x1f * x",
        "x offset 0",
        r#"x{a=~"b", c!="d", e="f"} or x{a!~"g"}"#,
    ] {
        assert_eq!(check(query), Ok(()), "{query}");
    }
}

#[test]
fn hostile_queries_are_refused() {
    let long = "x".repeat(MAX_QUERY_BYTES + 1);
    let deep = format!(
        "{}x{}",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    let chain = vec!["x"; MAX_OPERATORS + 2].join(" or ");
    let unary = format!("{}x", "-".repeat(MAX_OPERATORS + 1));
    let huge_offset = format!("x offset 1{}", "0".repeat(10_000));
    let huge_shown = format!("\"1{}…\"", "0".repeat(99));
    // Matchers are not operators; the `or`s between the selectors are.
    let selectors = vec![r#"x{a=~"b"}"#; MAX_OPERATORS + 2].join(" or ");
    let cases: Vec<(&str, &str)> = vec![
        (&long, "bytes long"),
        (&deep, "nests brackets"),
        (&chain, "operators"),
        (&unary, "operators"),
        (&selectors, "operators"),
        ("x offset Inf", "not a finite number"),
        ("x offset -inf", "not a finite number"),
        ("x offset NaN", "not a finite number"),
        ("x offset 1e30", "292 years"),
        ("x[1e30]", "292 years"),
        ("x[99999999999999999999]", "292 years"),
        ("x[100000000y]", "292 years"),
        ("x[5m:1e30]", "292 years"),
        ("x[0.0001]", "shorter than a millisecond"),
        ("x offset 0.0001", "shorter than a millisecond"),
        ("x[5m:0.0001]", "shorter than a millisecond"),
        ("x @ 1e30", "outside Prometheus' timestamps"),
        ("x @ Inf", "not a finite number"),
        ("x @ NaN", "not a finite number"),
        ("x[0]", "longer than 0"),
        ("x[0s]", "longer than 0"),
        ("x[5m:0]", "longer than 0"),
        (&huge_offset, &huge_shown),
    ];
    for (query, message) in cases {
        let error = check(query).expect_err(query);
        assert!(error.to_string().contains(message), "{query}: {error}");
    }
}
