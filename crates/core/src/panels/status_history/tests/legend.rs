use serde_json::{Value, json};

use super::{NoPatterns, model, outputs, range, series, short_color, spec};
use crate::panels::status_history::{StatusHistoryModel, prepare};
use crate::prometheus::Series;

/// The legend as `position mode size: text colour, …`.
fn render(model: &StatusHistoryModel) -> String {
    let Some(legend) = &model.legend else {
        return "none".to_owned();
    };
    let entries: Vec<String> = legend
        .entries
        .iter()
        .map(|entry| format!("{} {}", entry.text, short_color(&entry.color)))
        .collect();
    format!(
        "{:?} {:?} {:?}: {}",
        legend.position,
        legend.mode,
        legend.size,
        entries.join(", ")
    )
}

/// Series `s0`…`s{count-1}` holding their index, then one holding NaN.
fn counting(count: u32) -> Vec<Series> {
    (0..count)
        .map(|index| series(&format!("s{index}"), &[(0, f64::from(index))]))
        .chain([series("nan", &[(0, f64::NAN)])])
        .collect()
}

#[test]
fn legend() {
    let bottom = json!({"legend": {"position": "bottom"}});
    let mapped = json!({"legend": {"position": "bottom"}, "mappings": [
        {"kind": "Value", "spec": {"value": "1", "result": {"value": "Up", "color": "green"}}},
        {"kind": "Value", "spec": {"value": "2", "result": {"value": "Up"}}},
        {"kind": "Misc", "spec": {"value": "NaN", "result": {"value": "?", "color": "gray"}}}
    ]});
    let cases: Vec<(Value, Vec<Series>, &str)> = vec![
        (json!({}), counting(2), "none"),
        (bottom.clone(), vec![], "Bottom List Medium: "),
        // One entry per distinct value, NaN included, in order of first appearance.
        (
            bottom.clone(),
            counting(2),
            "Bottom List Medium: 0 c0, 1 c1, NaN c2",
        ),
        (
            json!({"legend": {"position": "right", "mode": "table", "size": "small"}}),
            counting(1),
            "Right Table Small: 0 c0, NaN c1",
        ),
        // Past the palette, colours derive from its first by a hash of the text.
        (
            bottom,
            counting(9),
            "Bottom List Medium: 0 c0, 1 c1, 2 c2, 3 c3, 4 c4, 5 c5, 6 c6, 7 #a070f5, \
             8 #e31097, NaN #a070f5",
        ),
        // Mapped values keep one entry each, even with the same text.
        (
            mapped,
            counting(3),
            "Bottom List Medium: 0 c0, Up green, Up c2, ? gray",
        ),
        // Values outside the range have no entry.
        (
            json!({"legend": {"position": "bottom"}}),
            vec![series("x", &[(0, 1.0), (100, 2.0)])],
            "Bottom List Medium: 1 c0",
        ),
    ];
    for (spec_json, series, expected) in cases {
        let model = model(spec_json.clone(), series, range(0, 10));
        assert_eq!(render(&model), expected, "{spec_json}");
    }
}

#[test]
fn series_limit() {
    let three = outputs(vec![
        series("a", &[(0, 1.0)]),
        series("b", &[(0, 1.0)]),
        series("c", &[]),
    ]);
    let cases: &[(usize, &str, bool)] = &[(100, "c b a", false), (2, "b a", false), (0, "", true)];
    for (limit, names, empty) in cases {
        let model = prepare(
            &spec(json!({})),
            &three,
            range(0, 0),
            &NoPatterns,
            *limit,
            None,
        );
        let rows: Vec<&str> = model.rows.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(
            (rows.join(" "), model.total_series, model.is_empty()),
            ((*names).to_owned(), 3, *empty)
        );
    }
    // A row without samples has no cells.
    assert!(model(json!({}), vec![series("x", &[])], range(0, 1)).is_empty());
}
