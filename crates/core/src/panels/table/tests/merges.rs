//! `MergeColumns`, `MergeSeries`, extraction among the other transforms, and the ` #N`
//! suffix rule, cross-checked with the examples of Perses' `transform-data` doc comments.

use serde_json::json;

use super::super::transforms::strip_first_index;
use super::transforms::check;

#[test]
fn merge_columns() {
    let merge = |columns: serde_json::Value, name: &str| json!({"kind": "MergeColumns", "spec": {"columns": columns, "name": name}});
    // The doc example: `value #1` and `value #2` merged into `MERGED`.
    let data = json!([
        [["timestamp", 1], ["value #1", 1], ["mount #1", "/"]],
        [["timestamp", 1], ["value #1", 2], ["mount #1", "/boot/efi"]],
        [["timestamp", 1], ["value #2", 3], ["mount #2", "/"]],
        [["timestamp", 1], ["value #2", 4], ["mount #2", "/boot/efi"]],
    ]);
    check(
        data.clone(),
        json!([merge(json!(["value #1", "value #2"]), "MERGED")]),
        &[
            "MERGED=1 mount #1='/' timestamp=1",
            "MERGED=2 mount #1='/boot/efi' timestamp=1",
            "MERGED=3 mount #2='/' timestamp=1",
            "MERGED=4 mount #2='/boot/efi' timestamp=1",
        ],
    );
    // A row with two picked columns becomes two rows, in the row's key order.
    check(
        json!([[["b", 2], ["a", 1], ["c", 3]]]),
        json!([merge(json!(["a", "b"]), "ab")]),
        &["ab=2 c=3", "ab=1 c=3"],
    );
    // The output may reuse a picked name.
    check(
        json!([[["a", 1], ["b", 2]]]),
        json!([merge(json!(["a", "b"]), "a")]),
        &["a=1", "a=2"],
    );
    // No columns or no name: no change.
    check(
        data,
        json!([merge(json!([]), "X")]),
        &[
            "mount #1='/' timestamp=1 value #1=1",
            "mount #1='/boot/efi' timestamp=1 value #1=2",
            "mount #2='/' timestamp=1 value #2=3",
            "mount #2='/boot/efi' timestamp=1 value #2=4",
        ],
    );
    check(
        json!([[["a", 1]]]),
        json!([merge(json!(["a"]), "")]),
        &["a=1"],
    );
    check(
        json!([[["a", 1]]]),
        json!([{"kind": "MergeColumns", "spec": {"columns": ["a"], "name": "x", "disabled": true}}]),
        &["a=1"],
    );
}

#[test]
fn merge_series() {
    let merge = json!([{"kind": "MergeSeries", "spec": {}}]);
    // The doc example: two queries over the same mounts become one row per mount.
    let data = json!([
        [
            ["timestamp", 1],
            ["value #1", 1],
            ["mount #1", "/"],
            ["instance #1", "test:44"],
            ["env #1", "prd"]
        ],
        [
            ["timestamp", 1],
            ["value #1", 2],
            ["mount #1", "/boot/efi"],
            ["instance #1", "test:44"],
            ["env #1", "prd"]
        ],
        [
            ["timestamp", 1],
            ["value #2", 5],
            ["mount #2", "/"],
            ["instance #2", "test:44"],
            ["env #2", "prd"]
        ],
        [
            ["timestamp", 1],
            ["value #2", 6],
            ["mount #2", "/boot/efi"],
            ["instance #2", "test:44"],
            ["env #2", "prd"]
        ],
    ]);
    check(
        data.clone(),
        merge.clone(),
        &[
            "env='prd' instance='test:44' mount='/' timestamp=1 value #1=1 value #2=5",
            "env='prd' instance='test:44' mount='/boot/efi' timestamp=1 value #1=2 value #2=6",
        ],
    );
    check(
        data,
        json!([{"kind": "MergeSeries", "spec": {"disabled": true}}]),
        &[
            "env #1='prd' instance #1='test:44' mount #1='/' timestamp=1 value #1=1",
            "env #1='prd' instance #1='test:44' mount #1='/boot/efi' timestamp=1 value #1=2",
            "env #2='prd' instance #2='test:44' mount #2='/' timestamp=1 value #2=5",
            "env #2='prd' instance #2='test:44' mount #2='/boot/efi' timestamp=1 value #2=6",
        ],
    );
    // Series whose labels differ stay apart; differing timestamps too.
    check(
        json!([
            [["timestamp", 1], ["value #1", 1], ["a #1", "x"]],
            [["timestamp", 1], ["value #2", 2], ["a #2", "y"]],
            [["timestamp", 2], ["value #3", 3], ["a #3", "x"]]
        ]),
        merge.clone(),
        &[
            "a='x' timestamp=1 value #1=1",
            "a='y' timestamp=1 value #2=2",
            "a='x' timestamp=2 value #3=3",
        ],
    );
    check(json!([]), merge, &[]);
}

#[test]
fn extract_runs_in_order_with_the_others() {
    check(
        json!([
            [["msg #1", "ERROR: disk"], ["value #1", 1]],
            [["msg #2", "ERROR: cpu"], ["value #2", 2]]
        ]),
        json!([
            {"kind": "MergeIndexedColumns", "spec": {"column": "msg"}},
            {"kind": "ExtractColumnFields", "spec": {"column": "msg", "format": "Regex", "matcher": "ERROR: (?<what>.*)"}},
            {"kind": "ExtractColumnFields", "spec": {"column": "msg", "format": "Regex", "matcher": "(.*)", "disabled": true}},
        ]),
        &[
            "msg='ERROR: disk' value #1=1 what='disk'",
            "msg='ERROR: cpu' value #2=2 what='cpu'",
        ],
    );
}

#[test]
fn index_suffix_stripping() {
    let cases = [
        ("value #1", "value"),
        ("instance #12", "instance"),
        ("a #1 b #2", "a b #2"),
        ("a #x #3", "a #x"),
        ("plain", "plain"),
        ("a #", "a #"),
        ("é #7é", "éé"),
    ];
    for (key, expected) in cases {
        assert_eq!(strip_first_index(key), expected, "{key}");
    }
}
