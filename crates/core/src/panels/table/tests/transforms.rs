//! The transforms on rows given directly, cross-checked with Perses' `transform-data` tests
//! and the examples of its doc comments.

use serde_json::json;

use super::super::CellValue;
use super::super::rows::Row;
use super::super::transforms::apply;
use super::regex::TestRegex;
use crate::spec::panels::table::Transform;

/// A field value written as JSON: a number, a string or null.
pub(super) fn cell(value: &serde_json::Value) -> CellValue {
    match value {
        serde_json::Value::Number(number) => CellValue::Number(number.as_f64().unwrap()),
        serde_json::Value::String(text) => CellValue::Text(text.clone()),
        serde_json::Value::Bool(flag) => CellValue::Bool(*flag),
        _ => CellValue::Null,
    }
}

/// Rows from a JSON array of objects, keys in written order.
pub(super) fn rows(data: serde_json::Value) -> Vec<Row> {
    data.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let pairs: Vec<(String, CellValue)> = row
                .as_array()
                .unwrap()
                .iter()
                .map(|pair| (pair[0].as_str().unwrap().to_owned(), cell(&pair[1])))
                .collect();
            Row::from_fields(pairs)
        })
        .collect()
}

/// A row as `key=value` pairs in key order, text quoted.
pub(super) fn render(row: &Row) -> String {
    row.fields()
        .map(|(key, value)| match value {
            CellValue::Number(number) => format!("{key}={number}"),
            CellValue::Text(text) => format!("{key}='{text}'"),
            CellValue::Bool(flag) => format!("{key}={flag}"),
            CellValue::Null => format!("{key}=null"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn check(input: serde_json::Value, transforms: serde_json::Value, expected: &[&str]) {
    let transforms: Vec<Transform> = serde_json::from_value(transforms).unwrap();
    let output: Vec<String> = apply(rows(input), &transforms, &TestRegex)
        .iter()
        .map(render)
        .collect();
    assert_eq!(output, expected, "{transforms:?}");
}

/// Perses' mock: three instances in query 1, the same three in query 2.
pub(super) fn flattened() -> serde_json::Value {
    let row = |query: u32, value: f64, instance: &str| {
        json!([
            [format!("timestamp #{query}"), 1630000000],
            [format!("value #{query}"), value],
            [format!("job #{query}"), "job1"],
            [format!("instance #{query}"), instance]
        ])
    };
    json!([
        row(1, 55.0, "instance1"),
        row(1, 33.0, "instance2"),
        row(1, 45.0, "instance3"),
        row(2, 112.0, "instance1"),
        row(2, 20.0, "instance2"),
        row(2, 10.0, "instance3"),
    ])
}

pub(super) const FLATTENED: [&str; 6] = [
    "instance #1='instance1' job #1='job1' timestamp #1=1630000000 value #1=55",
    "instance #1='instance2' job #1='job1' timestamp #1=1630000000 value #1=33",
    "instance #1='instance3' job #1='job1' timestamp #1=1630000000 value #1=45",
    "instance #2='instance1' job #2='job1' timestamp #2=1630000000 value #2=112",
    "instance #2='instance2' job #2='job1' timestamp #2=1630000000 value #2=20",
    "instance #2='instance3' job #2='job1' timestamp #2=1630000000 value #2=10",
];

#[test]
fn no_transform_only_sorts_keys() {
    check(flattened(), json!([]), &FLATTENED);
    check(json!([]), json!([]), &[]);
    // JavaScript object order: array-index keys first, ascending, then the rest by code unit.
    check(
        json!([[
            ["b", 1],
            ["10", 2],
            ["B", 3],
            ["2", 4],
            ["_", 5],
            ["a b", 6],
            ["a", 7]
        ]]),
        json!([]),
        &["2=4 10=2 B=3 _=5 a=7 a b=6 b=1"],
    );
}

#[test]
fn merge_indexed_columns() {
    let merge = |column: &str| json!({"kind": "MergeIndexedColumns", "spec": {"column": column}});
    // Perses: a missing column changes nothing.
    check(
        flattened(),
        json!([merge("non-existent-column")]),
        &FLATTENED,
    );
    // Perses: `instance #1` and `instance #2` become `instance`.
    check(
        flattened(),
        json!([merge("instance")]),
        &[
            "instance='instance1' job #1='job1' timestamp #1=1630000000 value #1=55",
            "instance='instance2' job #1='job1' timestamp #1=1630000000 value #1=33",
            "instance='instance3' job #1='job1' timestamp #1=1630000000 value #1=45",
            "instance='instance1' job #2='job1' timestamp #2=1630000000 value #2=112",
            "instance='instance2' job #2='job1' timestamp #2=1630000000 value #2=20",
            "instance='instance3' job #2='job1' timestamp #2=1630000000 value #2=10",
        ],
    );
    // Perses: chaining merges all four columns.
    check(
        flattened(),
        json!([
            merge("timestamp"),
            merge("value"),
            merge("job"),
            merge("instance")
        ]),
        &[
            "instance='instance1' job='job1' timestamp=1630000000 value=55",
            "instance='instance2' job='job1' timestamp=1630000000 value=33",
            "instance='instance3' job='job1' timestamp=1630000000 value=45",
            "instance='instance1' job='job1' timestamp=1630000000 value=112",
            "instance='instance2' job='job1' timestamp=1630000000 value=20",
            "instance='instance3' job='job1' timestamp=1630000000 value=10",
        ],
    );
    // Two indexed keys in one row give two rows; `a #x` and `ab #1` are not indexed `a`.
    check(
        json!([[["a #1", 1], ["a #2", 2], ["a #x", 3], ["ab #1", 4]]]),
        json!([merge("a")]),
        &["a=1 a #x=3 ab #1=4", "a=2 a #x=3 ab #1=4"],
    );
    check(
        flattened(),
        json!([{"kind": "MergeIndexedColumns", "spec": {"column": "instance", "disabled": true}}]),
        &FLATTENED,
    );
    check(flattened(), json!([merge("")]), &FLATTENED);
}

#[test]
fn join_by_column_value() {
    let join = |columns: serde_json::Value| json!({"kind": "JoinByColumnValue", "spec": {"columns": columns}});
    // Perses: a missing column joins every row into one, later values winning.
    check(
        flattened(),
        json!([join(json!(["non-existent-column"]))]),
        &[
            "instance #1='instance3' instance #2='instance3' job #1='job1' job #2='job1' timestamp #1=1630000000 timestamp #2=1630000000 value #1=45 value #2=10",
        ],
    );
    // Perses: merged instances joined on `instance`.
    check(
        flattened(),
        json!([{"kind": "MergeIndexedColumns", "spec": {"column": "instance"}}, join(json!(["instance"]))]),
        &[
            "instance='instance1' job #1='job1' job #2='job1' timestamp #1=1630000000 timestamp #2=1630000000 value #1=55 value #2=112",
            "instance='instance2' job #1='job1' job #2='job1' timestamp #1=1630000000 timestamp #2=1630000000 value #1=33 value #2=20",
            "instance='instance3' job #1='job1' job #2='job1' timestamp #1=1630000000 timestamp #2=1630000000 value #1=45 value #2=10",
        ],
    );
    // Perses: with equal values the last row's fields win.
    let devices = json!([
        [
            ["timestamp", 1630000000],
            ["value", 55],
            ["job", "job1"],
            ["instance", "instance1"],
            ["devices", "/dva/1"]
        ],
        [
            ["timestamp", 1630000000],
            ["value", 80],
            ["job", "job1"],
            ["instance", "instance1"],
            ["devices", "/dva/2"]
        ],
        [
            ["timestamp", 1630000000],
            ["value", 166],
            ["job", "job1"],
            ["instance", "instance1"],
            ["devices", "/dva/3"]
        ],
    ]);
    check(
        devices,
        json!([join(json!(["instance"]))]),
        &["devices='/dva/3' instance='instance1' job='job1' timestamp=1630000000 value=166"],
    );
    // The doc example: joining on `mount` fills both value columns.
    let mounts = json!([
        [["timestamp", 1], ["value #1", 1], ["mount", "/"]],
        [["timestamp", 1], ["value #1", 2], ["mount", "/boot/efi"]],
        [["timestamp", 1], ["value #3", 3], ["mount", "/"]],
        [["timestamp", 1], ["value #3", 4], ["mount", "/boot/efi"]],
    ]);
    check(
        mounts.clone(),
        json!([join(json!(["mount"]))]),
        &[
            "mount='/' timestamp=1 value #1=1 value #3=3",
            "mount='/boot/efi' timestamp=1 value #1=2 value #3=4",
        ],
    );
    // No columns: no change.
    check(
        mounts,
        json!([join(json!([]))]),
        &[
            "mount='/' timestamp=1 value #1=1",
            "mount='/boot/efi' timestamp=1 value #1=2",
            "mount='/' timestamp=1 value #3=3",
            "mount='/boot/efi' timestamp=1 value #3=4",
        ],
    );
    // Groups whose hash is an array index come first, ascending (JavaScript object order).
    check(
        json!([
            [["k", "b"]],
            [["k", "10"]],
            [["k", 2]],
            [["k", "a"]],
            [["k", "02"]]
        ]),
        json!([join(json!(["k"]))]),
        &["k=2", "k='10'", "k='b'", "k='a'", "k='02'"],
    );
    // Values hash in the row's key order: `a=1 b=2` and `b=1 a=2` both hash to `1|2` and join.
    check(
        json!([[["a", 1], ["b", 2]], [["b", 1], ["a", 2]]]),
        json!([join(json!(["a", "b"]))]),
        &["a=2 b=1"],
    );
    // A missing value hashes like an empty text.
    check(
        json!([[["a", null]], [["a", ""]]]),
        json!([join(json!(["a"]))]),
        &["a=''"],
    );
}
