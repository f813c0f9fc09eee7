//! Tests of the table: rows from query results, columns and settings (this file), transforms,
//! extraction, cells and the view state (one file each). Cases marked "Perses" restate, as
//! Rust data, what Perses' own tests check.

mod cells;
mod columns;
mod extract;
mod merges;
mod regex;
mod sorting;
mod transforms;
mod view_state;

use std::sync::Arc;

use serde_json::json;

use super::*;
use crate::panels::test_support::series_at as series;
use crate::prometheus::{QueryResult, ResultType, Series};
use regex::TestRegex;

const NAN: f64 = f64::NAN;
/// The time of the points of Perses' table mocks.
const T: i64 = 1_666_479_357_903;

fn output(query_index: usize, series: Vec<Series>) -> QueryOutput {
    QueryOutput {
        query_index,
        result: Arc::new(QueryResult {
            result_type: ResultType::Vector,
            series,
            native: Vec::new(),
            warnings: Vec::new(),
        }),
        series_name_format: None,
        query: String::new(),
    }
}

/// Perses' `MOCK_TIME_SERIES_DATA_SINGLEVALUE`: two filesystems of one node.
fn disks() -> Vec<QueryOutput> {
    let disk = |device: &str, fstype: &str, mount: &str, value: f64| {
        series(
            &[
                ("device", device),
                ("env", "demo"),
                ("fstype", fstype),
                ("instance", "demo.do.prometheus.io:9100"),
                ("job", "node"),
                ("mountpoint", mount),
            ],
            &[(T, value)],
        )
    };
    vec![output(
        0,
        vec![
            disk("/dev/vda1", "ext4", "/", 0.27700745551584494),
            disk("/dev/vda15", "vfat", "/boot/efi", 0.08486496097624885),
        ],
    )]
}

/// Perses' multi-query mocks: `ns-a` and `ns-b` in the first query, only `ns-a` in the second.
fn namespaces(second: &[(&str, f64)], third: bool) -> Vec<QueryOutput> {
    let query = |index: usize, rows: &[(&str, f64)]| {
        output(
            index,
            rows.iter()
                .map(|(ns, value)| series(&[("namespace", ns)], &[(T, *value)]))
                .collect(),
        )
    };
    let mut outputs = vec![
        query(0, &[("ns-a", 100.0), ("ns-b", 200.0)]),
        query(1, second),
    ];
    if third {
        outputs.push(query(2, &[]));
    }
    outputs
}

fn run(options: serde_json::Value, outputs: &[QueryOutput]) -> TableModel {
    run_limited(options, outputs, 1000)
}

fn run_limited(options: serde_json::Value, outputs: &[QueryOutput], limit: usize) -> TableModel {
    let spec: TableSpec = serde_json::from_value(options).unwrap();
    prepare(
        &spec,
        outputs,
        &TestRegex,
        &|text| text.replace("$project", "demo"),
        limit,
    )
}

/// The headers, then each row's texts, `|`-separated.
fn grid(model: &TableModel) -> Vec<String> {
    let headers: Vec<&str> = model
        .columns
        .iter()
        .map(|column| column.header.as_str())
        .collect();
    let mut lines = vec![headers.join("|")];
    for row in &model.rows {
        let texts: Vec<&str> = row.cells.iter().map(|cell| cell.text.as_str()).collect();
        lines.push(texts.join("|"));
    }
    lines
}

#[test]
fn rows_from_query_results() {
    let check = |outputs: Vec<QueryOutput>, options: serde_json::Value, expected: &[&str]| {
        assert_eq!(
            grid(&run(options.clone(), &outputs)),
            expected,
            "{options} {outputs:?}"
        );
    };
    // Perses: a timestamp column, a value column and one column per label, in key order.
    check(
        disks(),
        json!({}),
        &[
            "device|env|fstype|instance|job|mountpoint|timestamp|value",
            "/dev/vda1|demo|ext4|demo.do.prometheus.io:9100|node|/|1666479357903|0.27700745551584494",
            "/dev/vda15|demo|vfat|demo.do.prometheus.io:9100|node|/boot/efi|1666479357903|0.08486496097624885",
        ],
    );
    check(vec![], json!({}), &[""]);
    check(vec![output(0, vec![])], json!({}), &[""]);
    // The last point counts, NaN included; `__name__` sorts before lower-case keys.
    check(
        vec![output(
            0,
            vec![series(
                &[("__name__", "up"), ("a", "1")],
                &[(1, 5.0), (2, NAN)],
            )],
        )],
        json!({}),
        &["__name__|a|timestamp|value", "up|1|2|NaN"],
    );
    // Several queries: `value #N` and label keys suffixed with ` #N`.
    check(
        vec![
            output(0, vec![series(&[("a", "x")], &[(1, 1.0)])]),
            output(1, vec![series(&[("a", "y")], &[(1, 2.0)])]),
        ],
        json!({}),
        &[
            "a #1|timestamp|value #1|a #2|value #2",
            "x|1|1||",
            "|1||y|2",
        ],
    );
    // N counts the outputs given (queries with data), not the panel's query index.
    check(
        vec![
            output(3, vec![series(&[], &[(1, 1.0)])]),
            output(5, vec![series(&[], &[(1, 2.0)])]),
        ],
        json!({}),
        &["timestamp|value #1|value #2", "1|1|", "1||2"],
    );
    // A series without points gives its labels, never suffixed.
    check(
        vec![
            output(0, vec![series(&[("a", "x")], &[])]),
            output(1, vec![series(&[("a", "y")], &[(1, 2.0)])]),
        ],
        json!({}),
        &["a|a #2|timestamp|value #2", "x|||", "|y|1|2"],
    );
    // A label called `value` replaces the value, as the object spread does in Perses.
    check(
        vec![output(0, vec![series(&[("value", "label")], &[(1, 2.0)])])],
        json!({}),
        &["timestamp|value", "1|label"],
    );
    // An embedded panel column means range queries and no timestamp column.
    check(
        vec![output(
            0,
            vec![series(&[("a", "x")], &[(1, 1.0), (2, 3.0)])],
        )],
        json!({"columnSettings": [{"name": "value", "plugin": {"kind": "StatChart", "spec": {}}}]}),
        &["value|a", "3|x"],
    );
}

#[test]
fn perses_panel_cases() {
    // Perses: joining on `env` gives one row of 8 cells, `demo` among them.
    let joined = run(
        json!({"transforms": [{"kind": "JoinByColumnValue", "spec": {"columns": ["env"]}}]}),
        &disks(),
    );
    assert_eq!(
        grid(&joined)[1..],
        [
            "/dev/vda15|demo|vfat|demo.do.prometheus.io:9100|node|/boot/efi|1666479357903|0.08486496097624885"
        ]
    );
    // Perses: MergeSeries then a join on namespace; missing values show "N/A", zeros do not.
    let options = |extra: serde_json::Value| {
        let mut settings = vec![
            json!({"name": "timestamp", "hide": true}),
            json!({"name": "namespace", "header": "Namespace"}),
            json!({"name": "value #1", "header": "Value 1"}),
            json!({"name": "value #2", "header": "Value 2"}),
        ];
        if !extra.is_null() {
            settings.push(extra);
        }
        json!({
            "columnSettings": settings,
            "cellSettings": [{"condition": {"kind": "Misc", "spec": {"value": "null"}}, "text": "N/A"}],
            "transforms": [{"kind": "MergeSeries", "spec": {}}, {"kind": "JoinByColumnValue", "spec": {"columns": ["namespace"]}}],
            "enableFiltering": true,
        })
    };
    let check = |outputs: Vec<QueryOutput>, extra: serde_json::Value, expected: &[&str]| {
        assert_eq!(
            grid(&run(options(extra.clone()), &outputs)),
            expected,
            "{extra}"
        );
    };
    check(
        namespaces(&[("ns-a", 50.0)], false),
        json!(null),
        &["Namespace|Value 1|Value 2", "ns-a|100|50", "ns-b|200|N/A"],
    );
    check(
        namespaces(&[("ns-a", 50.0), ("ns-b", 0.0)], false),
        json!(null),
        &["Namespace|Value 1|Value 2", "ns-a|100|50", "ns-b|200|0"],
    );
    check(
        namespaces(&[("ns-a", 50.0)], true),
        json!({"name": "value #3", "header": "Value 3 (empty query)"}),
        &[
            "Namespace|Value 1|Value 2|Value 3 (empty query)",
            "ns-a|100|50|N/A",
            "ns-b|200|N/A|N/A",
        ],
    );
}

#[test]
fn data_links_per_cell() {
    let model = run(
        json!({"defaultColumnHidden": true, "columnSettings": [{"name": "device", "dataLink": {"url": "https://x/$project?d=${__data.fields[\"device\"]}&m=${__data.fields.mountpoint}", "title": "Open", "openNewTab": true}}, {"name": "job"}]}),
        &disks(),
    );
    let links: Vec<Option<CellLink>> = model
        .rows
        .iter()
        .flat_map(|row| row.cells.iter().map(|cell| cell.link.clone()))
        .collect();
    let link = |url: &str| {
        Some(CellLink {
            url: url.to_owned(),
            title: Some("Open".to_owned()),
            open_new_tab: true,
        })
    };
    assert_eq!(
        links,
        [
            link("https://x/demo?d=%2Fdev%2Fvda1&m=%2F"),
            None,
            link("https://x/demo?d=%2Fdev%2Fvda15&m=%2Fboot%2Fefi"),
            None
        ]
    );
}
