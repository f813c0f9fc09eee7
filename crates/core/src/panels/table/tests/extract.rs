//! `ExtractColumnFields` in each format. Perses does not apply this transform yet; these
//! cases pin down this project's behaviour (see `extract.rs`).

use super::super::CellValue;
use super::super::extract::{Group, capture_groups, extract_fields, split_pattern};
use super::super::rows::Row;
use super::regex::TestRegex;
use crate::spec::panels::table::ExtractFormat;

/// Extracts from a row `{id: 1, src: <value>}` and renders the new fields.
fn fields(value: CellValue, format: ExtractFormat, matcher: Option<&str>) -> String {
    let row = Row::from_fields([("id", CellValue::Number(1.0)), ("src", value)]);
    let rows = extract_fields(vec![row], "src", format, matcher, &TestRegex);
    rows[0]
        .fields()
        .filter(|(key, _)| !matches!(*key, "id" | "src"))
        .map(|(key, value)| match value {
            CellValue::Number(number) => format!("{key}={number}"),
            CellValue::Text(text) => format!("{key}='{text}'"),
            CellValue::Bool(flag) => format!("{key}={flag}"),
            CellValue::Null => format!("{key}=null"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn text(value: &str) -> CellValue {
    CellValue::Text(value.to_owned())
}

#[test]
fn json() {
    let check = |source: &str, matcher: Option<&str>, expected: &str| {
        assert_eq!(
            fields(text(source), ExtractFormat::Json, matcher),
            expected,
            "{source} {matcher:?}"
        );
    };
    check(
        r#"{"n": 2, "none": null, "o": {"k": 1}, "ok": true, "tags": ["a"], "user": "ann"}"#,
        None,
        "n=2 none=null o='{\"k\":1}' ok=true tags='[\"a\"]' user='ann'",
    );
    check(r#"{"user": {"id": 7}}"#, Some("$.user.id"), "user.id=7");
    check(r#"{"user": {"id": 7}}"#, Some("user.id"), "user.id=7");
    check(
        r#"{"items": [{"name": "x"}]}"#,
        Some("$.items[0].name"),
        "items[0].name='x'",
    );
    check(r#"{"a b": "y"}"#, Some("$['a b']"), "['a b']='y'");
    check(r#"{"user": {}}"#, Some("$.user.id"), "");
    check(r#"{"user": 1}"#, Some("$..bad"), "");
    check(r#"{"user": 1}"#, Some("$[x]"), "");
    check("[1, 2]", None, "");
    check("not json", None, "");
    check("", None, "");
    // A number cell is read as its text.
    assert_eq!(
        fields(CellValue::Number(5.0), ExtractFormat::Json, None),
        ""
    );
    // A missing cell is left alone.
    assert_eq!(fields(CellValue::Null, ExtractFormat::Json, None), "");
}

#[test]
fn regex() {
    let check = |source: &str, matcher: Option<&str>, expected: &str| {
        assert_eq!(
            fields(text(source), ExtractFormat::Regex, matcher),
            expected,
            "{source} {matcher:?}"
        );
    };
    // The schema's example: one numbered group.
    check("ERROR: disk full", Some("ERROR: (.*)"), "src 1='disk full'");
    check("at 12:30 ERROR: x", Some("ERROR: (.*)"), "src 1='x'");
    check("all good", Some("ERROR: (.*)"), "");
    check(
        "GET /a 200",
        Some("(?<method>\\w+) (?<path>\\S+) (\\d+)"),
        "method='GET' path='/a' src 3='200'",
    );
    // Non-capturing groups, lookaheads and escaped or bracketed parentheses are not fields.
    check("a(b)c", Some("(?:a)\\((\\w)\\)[(]?c"), "src 1='b'");
    // Without groups, the whole match.
    check("id=42;", Some("\\d+"), "src 1='42'");
    // A group that does not take part is empty.
    check("xz", Some("x(y)?z"), "src 1=''");
    // `/source/flags`; the `g` flag does not repeat the extraction.
    check("ab", Some("/(b)/g"), "src 1='b'");
    check("ab", None, "");
    check("ab", Some(""), "");
    assert_eq!(
        fields(
            CellValue::Number(12.5),
            ExtractFormat::Regex,
            Some("(\\d+)\\.")
        ),
        "src 1='12'"
    );
}

#[test]
fn split_by_delimiter() {
    let check = |source: &str, matcher: Option<&str>, expected: &str| {
        assert_eq!(
            fields(text(source), ExtractFormat::SplitByDelimiter, matcher),
            expected,
            "{source} {matcher:?}"
        );
    };
    check("a,b,,c", None, "src 1='a' src 2='b' src 3='' src 4='c'");
    check("k=v", Some("="), "src 1='k' src 2='v'");
    check("a::b", Some("::"), "src 1='a' src 2='b'");
    check("plain", Some(";"), "src 1='plain'");
    check("", None, "src 1=''");
}

#[test]
fn key_value_pairs() {
    let check = |source: &str, matcher: Option<&str>, expected: &str| {
        assert_eq!(
            fields(text(source), ExtractFormat::KeyValuePairs, matcher),
            expected,
            "{source} {matcher:?}"
        );
    };
    check("a=1 b=\"x y\" c='z'", None, "a='1' b='x y' c='z'");
    check("a: 1, b: 2; c = 3&d=4", None, "a='1' b='2' c='3' d='4'");
    check("word a=1 =2 b=", None, "a='1' b=''");
    check("", None, "");
    check("a=1|b= two |c", Some("|"), "a='1' b='two'");
    check("x:\"q\"", Some(","), "x='q'");
}

#[test]
fn existing_fields_are_replaced() {
    let row = Row::from_fields([("a", text("old")), ("src", text("a=new"))]);
    let rows = extract_fields(
        vec![row],
        "src",
        ExtractFormat::KeyValuePairs,
        None,
        &TestRegex,
    );
    assert_eq!(rows[0].get("a"), Some(&text("new")));
    let untouched = extract_fields(
        vec![Row::from_fields([("x", text("a=1"))])],
        "src",
        ExtractFormat::KeyValuePairs,
        None,
        &TestRegex,
    );
    assert_eq!(untouched[0].keys().collect::<Vec<_>>(), ["x"]);
}

#[test]
fn pattern_parts() {
    let named = |name: &str| Group::Named(name.to_owned());
    let cases: &[(&str, Vec<Group>)] = &[
        ("abc", vec![]),
        ("(a)(b)", vec![Group::Numbered(1), Group::Numbered(2)]),
        ("(?:a)(?=b)(?!c)(?<=d)(?<!e)(f)", vec![Group::Numbered(1)]),
        (
            "(?<year>\\d+)-(\\d+)",
            vec![named("year"), Group::Numbered(2)],
        ),
        ("\\((a)\\)", vec![Group::Numbered(1)]),
        ("[(](a)[)\\]]", vec![Group::Numbered(1)]),
        ("((a)b)", vec![Group::Numbered(1), Group::Numbered(2)]),
    ];
    for (source, expected) in cases {
        assert_eq!(&capture_groups(source), expected, "{source}");
    }
    let splits = [
        ("abc", ("abc", "")),
        ("/abc/", ("abc", "")),
        ("/a/b/gi", ("a/b", "i")),
        ("/abc/x", ("/abc/x", "")),
        ("/", ("/", "")),
        ("//", ("", "")),
    ];
    for (matcher, (source, flags)) in splits {
        let (got_source, got_flags) = split_pattern(matcher);
        assert_eq!(
            (got_source, got_flags.as_str()),
            (source, flags),
            "{matcher}"
        );
    }
}
