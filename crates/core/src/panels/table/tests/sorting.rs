//! Sorting rows and toggling the sort order.

use super::super::view_state::natural_cmp;
use super::super::*;
use super::view_state::{ASC, DESC, key, names, pods};
use serde_json::json;

#[test]
fn toggling_sort() {
    let check = |sorting: &[SortKey], column: &str, multi: bool, expected: &[SortKey]| {
        assert_eq!(
            toggle_sort(sorting, column, multi),
            expected,
            "{sorting:?} {column} {multi}"
        );
    };
    // Descending first, then ascending, then unsorted.
    check(&[], "a", false, &[key("a", DESC)]);
    check(&[key("a", DESC)], "a", false, &[key("a", ASC)]);
    check(&[key("a", ASC)], "a", false, &[]);
    // A plain click on another column replaces the sorting.
    check(&[key("a", DESC)], "b", false, &[key("b", DESC)]);
    // Not the last key: replaced, and after ascending comes ascending alone.
    check(
        &[key("a", ASC), key("b", DESC)],
        "a",
        false,
        &[key("a", ASC)],
    );
    check(
        &[key("a", DESC), key("b", DESC)],
        "a",
        false,
        &[key("a", ASC)],
    );
    // The last key toggles in place or leaves.
    check(
        &[key("a", ASC), key("b", DESC)],
        "b",
        false,
        &[key("a", ASC), key("b", ASC)],
    );
    check(
        &[key("a", ASC), key("b", ASC)],
        "b",
        false,
        &[key("a", ASC)],
    );
    // Shift-clicks add and toggle.
    check(
        &[key("a", ASC)],
        "b",
        true,
        &[key("a", ASC), key("b", DESC)],
    );
    check(
        &[key("a", DESC), key("b", DESC)],
        "a",
        true,
        &[key("a", ASC), key("b", DESC)],
    );
    check(
        &[key("a", ASC), key("b", DESC)],
        "a",
        true,
        &[key("b", DESC)],
    );
    check(&[], "a", true, &[key("a", DESC)]);
}

#[test]
fn sorting_rows() {
    let model = pods(json!({}));
    let check = |sorting: &[SortKey], expected: &[&str]| {
        let mut rows: Vec<usize> = (0..model.rows.len()).collect();
        sort_rows(&model, &mut rows, sorting);
        assert_eq!(names(&model, &rows), expected, "{sorting:?}");
    };
    check(&[], &["node10", "node2", "Node1", "p-none", "p-nan"]);
    // Numbers numerically, NaN after the numbers, ties in data order.
    check(
        &[key("value", ASC)],
        &["Node1", "node10", "p-none", "node2", "p-nan"],
    );
    check(
        &[key("value", DESC)],
        &["p-nan", "node2", "node10", "p-none", "Node1"],
    );
    // Text naturally and ignoring case.
    check(
        &[key("pod", ASC)],
        &["Node1", "node2", "node10", "p-nan", "p-none"],
    );
    check(
        &[key("pod", DESC)],
        &["p-none", "p-nan", "node10", "node2", "Node1"],
    );
    // Missing values last in both directions.
    check(
        &[key("zone", ASC)],
        &["node2", "p-nan", "node10", "Node1", "p-none"],
    );
    check(
        &[key("zone", DESC)],
        &["node10", "Node1", "node2", "p-nan", "p-none"],
    );
    // Several keys in turn.
    check(
        &[key("zone", ASC), key("value", DESC)],
        &["p-nan", "node2", "node10", "Node1", "p-none"],
    );
    // Unknown columns are ignored.
    check(
        &[key("nope", ASC), key("value", ASC)],
        &["Node1", "node10", "p-none", "node2", "p-nan"],
    );
    // Columns that cannot be sorted are ignored.
    let fixed = pods(json!({"columnSettings": [{"name": "value", "enableSorting": false}]}));
    let mut rows: Vec<usize> = (0..fixed.rows.len()).collect();
    sort_rows(&fixed, &mut rows, &[key("value", ASC)]);
    assert_eq!(rows, [0, 1, 2, 3, 4]);
}

#[test]
fn natural_order() {
    let check = |a: &str, b: &str, expected: std::cmp::Ordering| {
        assert_eq!(natural_cmp(a, b), expected, "{a} {b}")
    };
    use std::cmp::Ordering::{Equal, Greater, Less};
    check("a2", "a10", Less);
    check("a10", "a2", Greater);
    check("A", "a", Equal);
    check("a", "ab", Less);
    check("1", "a", Less);
    check("a007", "a7", Equal);
    check("x-2-b", "x-2-a", Greater);
    check("", "", Equal);
    check("é1", "é01", Equal);
}
