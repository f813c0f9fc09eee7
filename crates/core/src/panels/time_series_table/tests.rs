use super::*;
use crate::panels::test_support::{output, series_at as series};

const NAN: f64 = f64::NAN;

/// Each row as `name text | value lines`.
fn lines(model: &TimeSeriesTableModel) -> Vec<String> {
    model
        .rows
        .iter()
        .map(|row| {
            let values: Vec<String> = row.values.iter().map(SeriesValue::line).collect();
            format!("{} | {}", row.name.text(), values.join(" ; "))
        })
        .collect()
}

#[test]
fn names_and_values() {
    let check = |outputs: Vec<QueryOutput>, expected: &[&str]| {
        let model = prepare(&outputs, 10);
        assert_eq!(lines(&model), expected, "{outputs:?}");
    };
    check(vec![], &[]);
    check(vec![output(0, vec![], None)], &[]);
    // Instant results: one value, no timestamp.
    check(
        vec![output(
            0,
            vec![series(
                &[("__name__", "up"), ("job", "node"), ("instance", "a:9100")],
                &[(1_000, 1.0)],
            )],
            None,
        )],
        &["up{instance=\"a:9100\", job=\"node\"} | 1"],
    );
    // Only a metric name still shows braces.
    check(
        vec![output(
            0,
            vec![series(&[("__name__", "up")], &[(1_000, 0.5)])],
            None,
        )],
        &["up{} | 0.5"],
    );
    // No metric name: the braces alone.
    check(
        vec![output(
            0,
            vec![series(&[("pod", "p")], &[(1_000, 2.0)])],
            None,
        )],
        &["{pod=\"p\"} | 2"],
    );
    // No labels (a scalar): the series name, here from seriesNameFormat.
    check(
        vec![output(0, vec![series(&[], &[(1_000, 3.0)])], Some("total"))],
        &["total | 3"],
    );
    check(
        vec![output(0, vec![series(&[], &[(1_000, 3.0)])], None)],
        &["{} | 3"],
    );
    // Range results: every point with its time in milliseconds.
    check(
        vec![output(
            0,
            vec![series(
                &[("a", "1")],
                &[(1_000, 1.5), (2_000, NAN), (3_000, f64::INFINITY)],
            )],
            None,
        )],
        &["{a=\"1\"} | 1.5 @1000 ; NaN @2000 ; Infinity @3000"],
    );
    // No points: the name alone.
    check(
        vec![output(0, vec![series(&[("a", "1")], &[])], None)],
        &["{a=\"1\"} | "],
    );
    // Several queries, in order.
    check(
        vec![
            output(0, vec![series(&[("q", "1")], &[(0, 1.0)])], None),
            output(2, vec![series(&[("q", "2")], &[(0, 2.0)])], None),
        ],
        &["{q=\"1\"} | 1", "{q=\"2\"} | 2"],
    );
}

#[test]
fn label_parts_and_query_index() {
    let model = prepare(
        &[output(
            3,
            vec![series(&[("__name__", "up"), ("job", "x")], &[(5, 1.0)])],
            None,
        )],
        10,
    );
    let row = &model.rows[0];
    assert_eq!(row.query_index, 3);
    assert_eq!(
        row.name,
        SeriesName::Labels {
            metric: "up".to_owned(),
            labels: vec![("job".to_owned(), "x".to_owned())],
        }
    );
    assert_eq!(
        row.values,
        vec![SeriesValue {
            value: 1.0,
            text: "1".to_owned(),
            time_ms: None
        }]
    );
    assert_eq!(label_matcher("job", "x"), "job=\"x\"");
}

#[test]
fn series_limit_and_plain_names_past_a_thousand() {
    let many = |count: usize| {
        let all = (0..count)
            .map(|index| series(&[("i", &index.to_string())], &[(0, 1.0)]))
            .collect();
        vec![output(0, all, None)]
    };
    let check = |count: usize, limit: usize, expected: (usize, usize, bool, &str)| {
        let model = prepare(&many(count), limit);
        let first = model
            .rows
            .first()
            .map(|row| row.name.text())
            .unwrap_or_default();
        assert_eq!(
            (
                model.rows.len(),
                model.total_series,
                model.too_many_to_format,
                first.as_str()
            ),
            expected,
            "{count} series, limit {limit}"
        );
    };
    check(3, 2, (2, 3, false, "{i=\"0\"}"));
    check(999, 5, (5, 999, false, "{i=\"0\"}"));
    // From 1000 series on, Perses shows names as plain text (the series key here).
    check(1000, 5, (5, 1000, true, "{i=\"0\"}"));
    assert!(matches!(
        prepare(&many(1000), 1).rows[0].name,
        SeriesName::Plain(_)
    ));
    assert!(matches!(
        prepare(&many(999), 1).rows[0].name,
        SeriesName::Labels { .. }
    ));
}
