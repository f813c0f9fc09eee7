//! Sorting, filtering and pagination over a prepared table.

use serde_json::json;

use super::super::*;
use super::{NAN, output, run, series};
use crate::spec::common::SortOrder;

pub(super) const ASC: SortOrder = SortOrder::Asc;
pub(super) const DESC: SortOrder = SortOrder::Desc;

pub(super) fn key(column: &str, order: SortOrder) -> SortKey {
    SortKey {
        column: column.to_owned(),
        order,
    }
}

/// Pods with a value each; pod `p-none` has no `zone` label, `p-nan` a NaN value.
pub(super) fn pods(options: serde_json::Value) -> TableModel {
    let pod = |name: &str, zone: Option<&str>, value: f64| {
        let mut labels = vec![("pod", name)];
        if let Some(zone) = zone {
            labels.push(("zone", zone));
        }
        series(&labels, &[(1, value)])
    };
    let outputs = vec![output(
        0,
        vec![
            pod("node10", Some("b"), 5.0),
            pod("node2", Some("a"), 20.0),
            pod("Node1", Some("b"), -1.0),
            pod("p-none", None, 5.0),
            pod("p-nan", Some("a"), NAN),
        ],
    )];
    let mut spec = json!({"enableSorting": true, "enableFiltering": true, "columnSettings": [{"name": "value", "format": {"unit": "percent"}}], "defaultColumnHidden": false});
    spec.as_object_mut()
        .unwrap()
        .extend(options.as_object().unwrap().clone());
    run(spec, &outputs)
}

/// The pods of the given rows, in order.
pub(super) fn names(model: &TableModel, rows: &[usize]) -> Vec<String> {
    let pod = model.columns.iter().position(|c| c.key == "pod").unwrap();
    rows.iter()
        .map(|row| model.rows[*row].cells[pod].text.clone())
        .collect()
}

#[test]
fn filtering_rows() {
    let model = pods(json!({}));
    let check = |filters: RowFilters, expected: &[&str]| {
        assert_eq!(
            names(&model, &filter_rows(&model, &filters)),
            expected,
            "{filters:?}"
        );
    };
    let column = |name: &str, values: Vec<CellValue>| ColumnFilter {
        column: name.to_owned(),
        values,
    };
    let text = |value: &str| CellValue::Text(value.to_owned());
    check(
        RowFilters::default(),
        &["node10", "node2", "Node1", "p-none", "p-nan"],
    );
    check(
        RowFilters {
            columns: vec![column("zone", vec![text("a")])],
            query: String::new(),
        },
        &["node2", "p-nan"],
    );
    check(
        RowFilters {
            columns: vec![
                column("zone", vec![text("a"), text("b")]),
                column("value", vec![CellValue::Number(5.0)]),
            ],
            query: String::new(),
        },
        &["node10"],
    );
    // Equality as JavaScript's `includes`: NaN is found, text "5" is not the number 5.
    check(
        RowFilters {
            columns: vec![column("value", vec![CellValue::Number(NAN)])],
            query: String::new(),
        },
        &["p-nan"],
    );
    check(
        RowFilters {
            columns: vec![column("value", vec![text("5")])],
            query: String::new(),
        },
        &[],
    );
    // Empty and unknown filters keep everything.
    check(
        RowFilters {
            columns: vec![column("zone", vec![]), column("nope", vec![text("x")])],
            query: String::new(),
        },
        &["node10", "node2", "Node1", "p-none", "p-nan"],
    );
    // The query searches the shown texts, ignoring case.
    check(
        RowFilters {
            columns: vec![],
            query: "NODE1".to_owned(),
        },
        &["node10", "Node1"],
    );
    check(
        RowFilters {
            columns: vec![],
            query: "20%".to_owned(),
        },
        &["node2"],
    );
    check(
        RowFilters {
            columns: vec![column("zone", vec![text("b")])],
            query: "-1".to_owned(),
        },
        &["Node1"],
    );
    // Without filtering enabled, nothing is filtered.
    let plain = pods(json!({"enableFiltering": false}));
    assert_eq!(
        filter_rows(
            &plain,
            &RowFilters {
                columns: vec![],
                query: "zzz".to_owned()
            }
        )
        .len(),
        5
    );
}

#[test]
fn filter_choices() {
    let model = pods(json!({}));
    let check = |column: &str, expected: &[&str]| {
        let labels: Vec<String> = filter_options(&model, column)
            .into_iter()
            .map(|option| option.label)
            .collect();
        assert_eq!(labels, expected, "{column}");
    };
    // Distinct values in order of appearance, missing ones left out, numbers formatted.
    check("zone", &["b", "a"]);
    check("value", &["5%", "20%", "-1%", "NaN%"]);
    check("nope", &[]);
    let options = filter_options(&model, "pod");
    let found: Vec<&str> = search_filter_options(&options, "NODE")
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert_eq!(found, ["node10", "node2", "Node1"]);
    assert_eq!(search_filter_options(&options, "").len(), 5);
    assert_eq!(options[0].value, CellValue::Text("node10".to_owned()));
}

#[test]
fn pages() {
    let check = |row_count: usize,
                 page_index: usize,
                 page_size: usize,
                 expected: (usize, usize, usize, usize, &str, bool, bool)| {
        let page = page_of(
            row_count,
            Pagination {
                page_index,
                page_size,
            },
        );
        let got = (
            page.page_index,
            page.page_count,
            page.start,
            page.end,
            page.label(),
            page.has_previous(),
            page.has_next(),
        );
        assert_eq!(
            (got.0, got.1, got.2, got.3, got.4.as_str(), got.5, got.6),
            expected,
            "{row_count} {page_index} {page_size}"
        );
    };
    check(25, 0, 10, (0, 3, 0, 10, "1–10 of 25", false, true));
    check(25, 1, 10, (1, 3, 10, 20, "11–20 of 25", true, true));
    check(25, 2, 10, (2, 3, 20, 25, "21–25 of 25", true, false));
    // A page past the end moves back to the last page.
    check(25, 9, 10, (2, 3, 20, 25, "21–25 of 25", true, false));
    check(0, 0, 10, (0, 0, 0, 0, "0–0 of 0", false, false));
    check(10, 0, 10, (0, 1, 0, 10, "1–10 of 10", false, false));
    check(3, 0, 0, (0, 3, 0, 1, "1–1 of 3", false, true));
    assert_eq!(
        Pagination::default(),
        Pagination {
            page_index: 0,
            page_size: 10
        }
    );
    assert_eq!(view_state::PAGE_SIZE_OPTIONS, [10, 25, 50, 100]);
}
