//! Cell conditions, cell settings, shown text and data links.

use serde_json::json;

use super::super::CellValue;
use super::super::cells::{cell_style, condition_matches, display_text, fill_data_fields};
use super::super::rows::Row;
use super::regex::TestRegex;
use super::{disks, grid, run};
use crate::spec::panels::table::{CellSettings, Condition};

const NAN: f64 = f64::NAN;

fn n(value: f64) -> CellValue {
    CellValue::Number(value)
}

fn t(value: &str) -> CellValue {
    CellValue::Text(value.to_owned())
}

fn condition(json: serde_json::Value) -> Condition {
    serde_json::from_value(json).unwrap()
}

fn settings(json: serde_json::Value) -> Vec<CellSettings> {
    serde_json::from_value(json).unwrap()
}

#[test]
fn conditions() {
    let check = |spec: serde_json::Value, value: CellValue, expected: bool| {
        assert_eq!(
            condition_matches(&condition(spec.clone()), &value, &TestRegex),
            expected,
            "{spec} {value:?}"
        );
    };
    let value = |v: &str| json!({"kind": "Value", "spec": {"value": v}});
    check(value("1"), n(1.0), true);
    check(value("1.5"), n(1.5), true);
    check(value("1.0"), n(1.0), false);
    check(value("NaN"), n(NAN), true);
    check(value("up"), t("up"), true);
    check(value("up"), t("Up"), false);
    check(value(""), t(""), true);
    check(value("undefined"), CellValue::Null, false);
    let range = |min: serde_json::Value, max: serde_json::Value| json!({"kind": "Range", "spec": {"min": min, "max": max}});
    check(range(json!(1), json!(5)), n(1.0), true);
    check(range(json!(1), json!(5)), n(5.0), true);
    check(range(json!(1), json!(5)), n(5.5), false);
    check(range(json!(1), json!(null)), n(1e9), true);
    check(range(json!(null), json!(0)), n(-3.0), true);
    check(range(json!(null), json!(null)), n(0.0), false);
    check(range(json!(0), json!(10)), n(NAN), false);
    check(range(json!(null), json!(0)), n(f64::NEG_INFINITY), true);
    // Text is read as JavaScript's `Number()` reads it: blank is 0, junk is NaN.
    check(range(json!(100), json!(300)), t("200"), true);
    check(range(json!(100), json!(300)), t(" 0x10 "), false);
    check(range(json!(10), json!(20)), t("0x10"), true);
    check(range(json!(-1), json!(1)), t(""), true);
    check(range(json!(-1), json!(1)), t("1e0"), true);
    check(range(json!(-1), json!(1)), t("inf"), false);
    check(range(json!(0), json!(1e300)), t("Infinity"), false);
    check(range(json!(0), json!(1)), CellValue::Bool(true), true);
    check(range(json!(-1), json!(1)), CellValue::Null, false);
    let regex = |expr: &str| json!({"kind": "Regex", "spec": {"expr": expr}});
    check(regex("^ns-"), t("ns-a"), true);
    check(regex("^ns-"), t("kube"), false);
    check(regex("^1"), n(12.0), true);
    check(regex(""), t("x"), false);
    check(regex(".*"), CellValue::Null, false);
    // A slash is part of the source, as with `new RegExp(expr)`.
    check(regex("/dev/"), t("/dev/vda1"), true);
    let misc = |v: &str| json!({"kind": "Misc", "spec": {"value": v}});
    check(misc("empty"), t(""), true);
    check(misc("empty"), CellValue::Null, false);
    check(misc("null"), CellValue::Null, true);
    check(misc("null"), t("null"), false);
    check(misc("NaN"), n(NAN), true);
    check(misc("NaN"), t("NaN"), false);
    check(misc("true"), CellValue::Bool(true), true);
    check(misc("true"), t("true"), false);
    check(misc("false"), CellValue::Bool(false), true);
    check(misc("false"), CellValue::Bool(true), false);
}

#[test]
fn styles() {
    let table = settings(json!([
        {"condition": {"kind": "Range", "spec": {"min": 0, "max": 10}}, "backgroundColor": "#00ff00"},
        {"condition": {"kind": "Range", "spec": {"min": 5}}, "text": "high", "textColor": "#ff0000"},
        {"condition": {"kind": "Misc", "spec": {"value": "null"}}, "prefix": "<", "suffix": ">"},
        {"condition": {"kind": "Misc", "spec": {"value": "NaN"}}},
        {"condition": {"kind": "Value", "spec": {"value": "skip"}}, "text": ""},
    ]));
    let column = settings(
        json!([{"condition": {"kind": "Value", "spec": {"value": "7"}}, "text": "seven", "prefix": "#"}]),
    );
    let check = |value: CellValue,
                 column: &[CellSettings],
                 expected: Option<(&str, Option<&str>, Option<&str>)>| {
        let style = cell_style(&value, &table, column, &TestRegex);
        let got = style.as_ref().map(|s| {
            (
                s.text.as_str(),
                s.text_color.as_deref(),
                s.background_color.as_deref(),
            )
        });
        assert_eq!(got, expected, "{value:?}");
    };
    // The first matching setting wins; without a text, the raw value is shown.
    check(n(3.25), &[], Some(("3.25", None, Some("#00ff00"))));
    check(n(7.0), &[], Some(("7", None, Some("#00ff00"))));
    check(n(12.0), &[], Some(("high", Some("#ff0000"), None)));
    check(n(-1.0), &[], None);
    check(CellValue::Null, &[], Some(("<null>", None, None)));
    check(n(NAN), &[], Some(("NaN", None, None)));
    check(t("skip"), &[], Some(("skip", None, None)));
    // A matching column setting replaces the table's; otherwise the table's applies.
    check(n(7.0), &column, Some(("#seven", None, None)));
    check(n(8.0), &column, Some(("8", None, Some("#00ff00"))));
}

#[test]
fn shown_texts() {
    let check = |value: CellValue, format: serde_json::Value, expected: &str| {
        let format = serde_json::from_value::<Option<crate::spec::common::Format>>(format).unwrap();
        assert_eq!(display_text(&value, format.as_ref()), expected, "{value:?}");
    };
    check(n(0.27700745551584494), json!(null), "0.27700745551584494");
    check(n(1e21), json!(null), "1e+21");
    check(n(NAN), json!(null), "NaN");
    check(n(0.277), json!({"unit": "percent-decimal"}), "27.7%");
    check(n(2048.0), json!({"unit": "bytes"}), "2 KiB");
    check(t("0.5"), json!({"unit": "percent-decimal"}), "0.5");
    check(CellValue::Null, json!({"unit": "bytes"}), "");
    check(CellValue::Bool(true), json!(null), "true");
}

#[test]
fn settings_in_the_table() {
    let check = |options: serde_json::Value, expected: &[&str]| {
        let model = run(options.clone(), &disks());
        let lines: Vec<String> = model
            .rows
            .iter()
            .map(|row| {
                let cell = &row.cells[0];
                format!(
                    "{} {:?} {:?}",
                    cell.text, cell.text_color, cell.background_color
                )
            })
            .collect();
        assert_eq!(lines, expected, "{options}");
    };
    let value_column = |extra: serde_json::Value| {
        let mut column = json!({"name": "value", "format": {"unit": "percent-decimal"}});
        column
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        column
    };
    check(
        json!({"columnSettings": [value_column(json!({}))]}),
        &["27.7% None None", "8.49% None None"],
    );
    // Perses shows the raw value once a setting matches, even over a format.
    check(
        json!({"columnSettings": [value_column(json!({}))], "cellSettings": [{"condition": {"kind": "Range", "spec": {"min": 0.2}}, "backgroundColor": "red"}]}),
        &["0.27700745551584494 None Some(\"red\")", "8.49% None None"],
    );
    check(
        json!({"columnSettings": [value_column(json!({"cellSettings": [{"condition": {"kind": "Range", "spec": {"max": 0.1}}, "text": "low", "textColor": "gray"}]}))], "cellSettings": [{"condition": {"kind": "Range", "spec": {"min": 0}}, "backgroundColor": "red"}]}),
        &[
            "0.27700745551584494 None Some(\"red\")",
            "low Some(\"gray\") None",
        ],
    );
    // Table-wide settings reach label columns too.
    let labels = run(
        json!({"cellSettings": [{"condition": {"kind": "Regex", "spec": {"expr": "^/dev/vda1$"}}, "text": "root disk"}]}),
        &disks(),
    );
    assert_eq!(grid(&labels)[1].split('|').next(), Some("root disk"));
}

#[test]
fn data_links() {
    let row = Row::from_fields([
        ("job", t("node exporter")),
        ("value", n(0.5)),
        ("flag", CellValue::Bool(true)),
        ("gone", CellValue::Null),
        ("path", t("a/b")),
    ]);
    let check = |template: &str, expected: &str| {
        assert_eq!(fill_data_fields(template, &row), expected, "{template}");
    };
    check("https://x/static", "https://x/static");
    check(
        "https://x/?j=${__data.fields[\"job\"]}",
        "https://x/?j=node%20exporter",
    );
    check(
        "https://x/?j=${__data.fields['job']}&v=${__data.fields.value}",
        "https://x/?j=node%20exporter&v=0.5",
    );
    check("/p/${__data.fields.path:raw}", "/p/a/b");
    check("?${__data.fields.job:queryparam}", "?job=node%20exporter");
    check(
        "${__data.fields.job:pipe}|${__data.fields.job:json}",
        "node exporter|[\"node exporter\"]",
    );
    // An unknown format encodes as if there were none.
    check("${__data.fields.path:nope}", "a%2Fb");
    // Missing, null and boolean fields are empty.
    check(
        "[${__data.fields.missing}][${__data.fields.gone}][${__data.fields.flag}]",
        "[][][]",
    );
    // Not references: left as written.
    check(
        "${__data.fields.}${__data.fields:raw}${__data.fields.job:}",
        "${__data.fields.}${__data.fields:raw}${__data.fields.job:}",
    );
    // The whole row only when a field reference is present too; surrounding quotes go.
    check("${__data}", "${__data}");
    check(
        "${__data}|${__data.fields.job}",
        "\"node exporter\",\"0.5\",\"a/b\"|node%20exporter",
    );
    check(
        "'${__data:json}' ${__data.index} ${__data.count} ${__data.fields.value}",
        "{\"job\":\"node exporter\",\"value\":\"0.5\",\"path\":\"a/b\"} ${__data.index} ${__data.count} 0.5",
    );
    check(
        "${__data:pipe}${__data[0].fields['job']}",
        "\"node exporter\"|\"0.5\"|\"a/b\"${__data[0].fields['job']}",
    );
    check("$$__data{}${__data.fields.value}$", "$$__data{}0.5$");
}
