use serde_json::json;

use super::{S, model, range, render, series};
use crate::panels::status_history::TimeColumns;
use crate::prometheus::{Sample, Series};
use crate::time_range::AbsoluteRange;

#[test]
fn columns() {
    type Case = (Vec<Series>, AbsoluteRange, (i64, i64, usize));
    let cases: Vec<Case> = vec![
        // No samples: one step spanning the range.
        (vec![], range(0, 60), (0, 60 * S, 2)),
        (
            vec![series("x", &[(0, 1.0), (15, 1.0)])],
            range(0, 60),
            (0, 15 * S, 5),
        ),
        (
            vec![series("x", &[(0, 1.0), (15, 1.0)])],
            range(7, 52),
            (0, 15 * S, 4),
        ),
        (
            vec![series("x", &[(100, 1.0), (130, 1.0)])],
            range(0, 60),
            (-20 * S, 30 * S, 3),
        ),
        // Reversed ranges have no columns.
        (
            vec![series("x", &[(0, 1.0), (15, 1.0)])],
            range(60, 0),
            (60 * S, 15 * S, 0),
        ),
    ];
    for (series, range, (start_ms, step_ms, count)) in cases {
        let model = model(json!({}), series, range);
        assert_eq!(
            model.columns,
            TimeColumns {
                start_ms,
                step_ms,
                count
            },
            "{range:?}"
        );
    }
    let columns = TimeColumns {
        start_ms: 1000,
        step_ms: 500,
        count: 4,
    };
    assert_eq!((columns.column_start_ms(2), columns.end_ms()), (2000, 3000));
    assert_eq!(columns.column_of(999), None);
    assert_eq!(columns.column_of(1499), Some(0));
    assert_eq!(columns.column_of(2999), Some(3));
    assert_eq!(columns.column_of(3000), None);
}

#[test]
fn cells_span_their_column() {
    let model = model(
        json!({}),
        vec![series("x", &[(0, 1.0), (10, 2.0)])],
        range(0, 10),
    );
    let cell = &model.rows[0].cells[1];
    assert_eq!(
        (cell.column, cell.start_ms, cell.end_ms, cell.value),
        (1, 10 * S, 20 * S, 2.0)
    );
}

#[test]
fn too_many_columns_are_merged() {
    // Samples 10 ms apart over 1,000 s would make 100,001 columns: they become 11 steps wide,
    // and the later sample of a bucket shows.
    let points = vec![Series {
        labels: [("name", "x")].into_iter().collect(),
        samples: vec![
            Sample {
                time_ms: 0,
                value: 1.0,
            },
            Sample {
                time_ms: 10,
                value: 2.0,
            },
        ]
        .into(),
    }];
    let model = model(json!({}), points, range(0, 1000));
    assert_eq!(
        model.columns,
        TimeColumns {
            start_ms: 0,
            step_ms: 110,
            count: 9091
        }
    );
    assert_eq!(render(&model), "x: 0=2 c1");
}
