use std::sync::Arc;

use serde_json::{Value, json};

mod columns;
mod legend;

use super::*;
use crate::chart::palette::CATEGORICAL;
use crate::mappings::NoPatterns;
use crate::prometheus::{QueryResult, ResultType, Sample, Series};

const S: i64 = 1000;

/// A series named by its `name` label, with `(seconds, value)` samples.
fn series(name: &str, points: &[(i64, f64)]) -> Series {
    Series {
        labels: [("name", name)].into_iter().collect(),
        samples: points
            .iter()
            .map(|(secs, value)| Sample {
                time_ms: secs * S,
                value: *value,
            })
            .collect(),
    }
}

fn outputs(series: Vec<Series>) -> Vec<QueryOutput> {
    vec![QueryOutput {
        query_index: 0,
        result: Arc::new(QueryResult {
            result_type: ResultType::Matrix,
            series,
            native: Vec::new(),
            warnings: Vec::new(),
        }),
        series_name_format: Some("{{name}}".to_owned()),
        query: String::new(),
    }]
}

fn spec(value: Value) -> StatusHistoryChartSpec {
    serde_json::from_value(value).unwrap()
}

/// From 0 to `end_secs`.
fn range(start_secs: i64, end_secs: i64) -> AbsoluteRange {
    AbsoluteRange {
        start_ms: start_secs * S,
        end_ms: end_secs * S,
    }
}

/// Palette colours as `c0`…`c6`, to keep expectations short.
fn short_color(color: &str) -> String {
    CATEGORICAL
        .iter()
        .position(|palette| *palette == color)
        .map_or_else(|| color.to_owned(), |index| format!("c{index}"))
}

/// Rows top to bottom as `name: column=text colour, … | …`.
fn render(model: &StatusHistoryModel) -> String {
    let rows: Vec<String> = model
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|cell| format!("{}={} {}", cell.column, cell.text, short_color(&cell.color)))
                .collect();
            format!("{}: {}", row.name, cells.join(", "))
        })
        .collect();
    rows.join(" | ")
}

fn model(spec_json: Value, series: Vec<Series>, range: AbsoluteRange) -> StatusHistoryModel {
    prepare(
        &spec(spec_json),
        &outputs(series),
        range,
        &NoPatterns,
        100,
        None,
    )
}

fn check(spec_json: &Value, series: Vec<Series>, range: AbsoluteRange, expected: &str) {
    let model = model(spec_json.clone(), series, range);
    assert_eq!(render(&model), expected, "{spec_json}");
}

#[test]
fn rows_and_cells() {
    let updown = || {
        vec![
            series("b", &[(0, 1.0), (10, 1.0), (20, 0.0)]),
            series("a", &[(10, 0.0), (20, 2.0)]),
            series("c", &[(0, 2.0)]),
        ]
    };
    let mappings = json!({"mappings": [
        {"kind": "Value", "spec": {"value": "1", "result": {"value": "Up", "color": "green"}}},
        {"kind": "Range", "spec": {"from": -1, "to": 0, "result": {"value": "Down"}}}
    ]});
    let cases: Vec<(Value, Vec<Series>, AbsoluteRange, &str)> = vec![
        (json!({}), vec![], range(0, 60), ""),
        // Without sorting the first series is the bottom row; colours follow first appearance.
        (
            json!({}),
            updown(),
            range(0, 20),
            "c: 0=2 c2 | a: 1=0 c1, 2=2 c2 | b: 0=1 c0, 1=1 c0, 2=0 c1",
        ),
        // `asc` reads from the top; colours are given from the bottom row up.
        (
            json!({"sorting": "asc"}),
            updown(),
            range(0, 20),
            "a: 1=0 c2, 2=2 c0 | b: 0=1 c1, 1=1 c1, 2=0 c2 | c: 0=2 c0",
        ),
        (
            json!({"sorting": "desc"}),
            updown(),
            range(0, 20),
            "c: 0=2 c1 | b: 0=1 c2, 1=1 c2, 2=0 c0 | a: 1=0 c0, 2=2 c1",
        ),
        // Mapped texts and colours; a mapping without a colour keeps the palette's.
        (
            mappings,
            updown(),
            range(0, 20),
            "c: 0=2 c2 | a: 1=Down c1, 2=2 c2 | b: 0=Up green, 1=Up green, 2=Down c1",
        ),
        // Samples outside the range are left out; NaN draws no cell but takes a colour.
        (
            json!({}),
            vec![series(
                "x",
                &[(0, 5.0), (10, f64::NAN), (20, 7.0), (30, 9.0)],
            )],
            range(10, 20),
            "x: 1=7 c1",
        ),
        // An unaligned range starts at the column before it.
        (
            json!({}),
            vec![series("x", &[(0, 1.0), (10, 1.5), (20, 2.5)])],
            range(5, 25),
            "x: 0=1 c0, 1=1.5 c1, 2=2.5 c2",
        ),
        // Gaps do not widen the columns: the step is the common divisor of all gaps.
        (
            json!({}),
            vec![
                series("x", &[(0, 1.0), (30, 1.0)]),
                series("y", &[(10, 2.0)]),
            ],
            range(0, 30),
            "y: 1=2 c1 | x: 0=1 c0, 3=1 c0",
        ),
        // -0 is 0; large and fractional values print as JavaScript does.
        (
            json!({}),
            vec![series("x", &[(0, 0.0), (10, -0.0)])],
            range(0, 10),
            "x: 0=0 c0, 1=0 c0",
        ),
        (
            json!({}),
            vec![series("x", &[(0, 1e21), (10, 0.1 + 0.2)])],
            range(0, 10),
            "x: 0=1e+21 c0, 1=0.30000000000000004 c1",
        ),
    ];
    for (spec_json, series, range, expected) in cases {
        check(&spec_json, series, range, expected);
    }
}

#[test]
fn names_compare_like_locale_compare() {
    let cases: &[(&str, &str, Ordering)] = &[
        ("a", "b", Ordering::Less),
        ("B", "a", Ordering::Greater),
        ("a", "A", Ordering::Less),
        ("pod-10", "pod-10", Ordering::Equal),
    ];
    for (a, b, expected) in cases {
        assert_eq!(compare_names(a, b), *expected, "{a} {b}");
    }
}

#[test]
fn rows_describe_their_states_for_screen_readers() {
    let mappings = json!({"mappings": [
        {"kind": "Value", "spec": {"value": "1", "result": {"value": "Up"}}},
        {"kind": "Value", "spec": {"value": "0", "result": {"value": "Down"}}}
    ]});
    let series = vec![
        series("b", &[(0, 1.0), (10, 1.0), (20, 1.0), (30, 0.0)]),
        series("a", &[]),
    ];
    let model = model(mappings, series, range(0, 40));
    let described: Vec<String> = model.rows.iter().map(StatusRow::describe).collect();
    assert_eq!(described, ["a: no data", "b: now Down; Up 75%, Down 25%"]);
}

#[test]
fn palette_colours_are_readable_on_the_card_and_mapped_ones_stay() {
    use crate::chart::contrast::{MIN_RATIO, contrast_ratio};
    let mappings = json!({
        "legend": {"position": "bottom"},
        "mappings": [{"kind": "Value", "spec": {"value": "1", "result": {"value": "Up", "color": "#FFFF00"}}}]
    });
    let series = vec![series("b", &[(0, 1.0), (10, 2.0), (20, 3.0), (30, 4.0)])];
    let model = prepare(
        &spec(mappings),
        &outputs(series),
        range(0, 40),
        &NoPatterns,
        100,
        Some("#ffffff"),
    );
    let entries = &model.legend.as_ref().expect("a legend").entries;
    assert_eq!(entries[0].color, "#FFFF00", "a mapping's colour stays");
    for entry in &entries[1..] {
        let rgb = crate::chart::contrast::rgb_of(&entry.color)
            .unwrap_or_else(|| panic!("{} cannot be read", entry.color));
        let ratio = contrast_ratio(rgb, [255, 255, 255]);
        assert!(ratio >= MIN_RATIO, "{}: {ratio:.2}", entry.color);
    }
}
