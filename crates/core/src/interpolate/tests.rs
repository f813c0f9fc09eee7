use std::collections::BTreeMap;

use super::*;

fn single(value: &str) -> VariableValue {
    VariableValue::Single(value.to_owned())
}

fn multiple(values: &[&str]) -> VariableValue {
    VariableValue::Multiple(values.iter().map(|value| (*value).to_owned()).collect())
}

/// Interpolates `text` with the variables `a` (one value), `list` (several) and the builtins.
fn check(text: &str, expected: &str) {
    let variables: BTreeMap<&str, VariableValue> = [
        ("a", single("world")),
        ("list", multiple(&["perses", "prometheus"])),
        ("specials", multiple(&["per.ses", "pro(metheus)"])),
        ("quote", multiple(&["perses'", "prometheus"])),
        (
            "objects",
            multiple(&[r#"{"one":"perses"}"#, r#"{"second":"value"}"#]),
        ),
        ("one", multiple(&["x"])),
        ("__range", single("1h")),
        ("__range_ms", single("3600000")),
        ("__interval", single("30s")),
        ("__interval_ms", single("30000")),
        ("__rate_interval", single("2m")),
    ]
    .into_iter()
    .collect();
    let actual = interpolate(text, |name| variables.get(name));
    assert_eq!(actual, expected, "interpolating {text:?}");
}

#[test]
fn plain_references() {
    check("hello $a", "hello world");
    check("hello $a $a", "hello world world");
    check("hello ${a}!", "hello world!");
    check("hello $list", "hello (perses|prometheus)");
    check(
        "hello $list $list",
        "hello (perses|prometheus) (perses|prometheus)",
    );
    check("$one", "(x)");
    check("x{pod=~\"$list\"}", "x{pod=~\"(perses|prometheus)\"}");
    check("$a-$a.$a", "world-world.world");
}

#[test]
fn unknown_references_stay_as_written() {
    check("hello $a $missing", "hello world $missing");
    check("${missing:csv} ${missing}", "${missing:csv} ${missing}");
    check("$ab", "$ab");
    check("${a:CSV}", "${a:CSV}");
    check("${a:nosuchformat}", "${a:nosuchformat}");
    check("${a.field}", "${a.field}");
    check("${a", "${a");
    check("${}", "${}");
    check("costs $5 and $", "costs $5 and $");
    check("{job=~\"^$\"} $$a", "{job=~\"^$\"} $world");
}

#[test]
fn longer_builtin_names_win() {
    check("$__range_ms", "3600000");
    check("$__range", "1h");
    check(
        "rate(x[$__rate_interval]) $__interval $__interval_ms",
        "rate(x[2m]) 30s 30000",
    );
    check("${__range}_ms", "1h_ms");
}

#[test]
fn every_format() {
    let cases = [
        ("${list:csv} ${a:csv}", "perses,prometheus world"),
        ("${list:raw} ${a:raw}", "perses,prometheus world"),
        (
            "${list:distributed} ${a:distributed}",
            "perses,list=prometheus world",
        ),
        (
            "${list:doublequote} ${a:doublequote}",
            "\"perses\",\"prometheus\" \"world\"",
        ),
        ("${list:glob} ${a:glob}", "{perses,prometheus} {world}"),
        (
            "${list:json} ${a:json}",
            "[\"perses\",\"prometheus\"] [\"world\"]",
        ),
        (
            "${objects:json}",
            r#"[{"one":"perses"},{"second":"value"}]"#,
        ),
        (
            "${list:lucene} ${a:lucene}",
            "(\"perses\" OR \"prometheus\") (\"world\")",
        ),
        (
            "${list:percentencode} ${a:percentencode}",
            "perses%2Cprometheus world",
        ),
        ("${list:pipe} ${a:pipe}", "perses|prometheus world"),
        (
            "${list:prometheus} ${a:prometheus}",
            "(perses|prometheus) (world)",
        ),
        ("${specials:prometheus}", "(per.ses|pro(metheus))"),
        ("${list:regex} ${a:regex}", "(perses|prometheus) (world)"),
        ("${specials:regex}", r"(per\.ses|pro\(metheus\))"),
        ("${specials:regexliteral}", r"(per\\.ses|pro\\(metheus\\))"),
        (
            "${list:singlequote} ${a:singlequote}",
            "'perses','prometheus' 'world'",
        ),
        (
            "${quote:sqlstring} ${a:sqlstring}",
            "'perses''','prometheus' 'world'",
        ),
        ("${list:text} ${a:text}", "perses + prometheus world"),
        (
            "${list:queryparam} ${a:queryparam}",
            "list=perses&list=prometheus a=world",
        ),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
    assert_eq!(InterpolationFormat::ALL.len(), 16);
    for format in InterpolationFormat::ALL {
        assert_eq!(InterpolationFormat::from_name(format.name()), Some(format));
    }
}

#[test]
fn percent_encoding_matches_encode_uri_component() {
    assert_eq!(encode_uri_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    assert_eq!(encode_uri_component("A-z_0.9!~*'()"), "A-z_0.9!~*'()");
}

#[test]
fn references_are_listed_once_in_order() {
    let names = referenced_variables(
        "sum(rate(x{a=\"$b\", c=~\"${d:regex}\"}[$__rate_interval])) by ($b) $e.f ${g.h}",
    );
    assert_eq!(names, ["b", "d", "__rate_interval", "e", "g"]);
}
