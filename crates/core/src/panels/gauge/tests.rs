use serde_json::json;

use super::*;
use crate::panels::test_support::{output, series};

const NAN: f64 = f64::NAN;
const BASE: &str = "#3d7317";
const STEP_0: &str = "#ffcc00";
const STEP_1: &str = "#dca614";

fn run(options: serde_json::Value, outputs: &[QueryOutput], limit: usize) -> GaugeModel {
    let spec: GaugeChartSpec = serde_json::from_value(options).unwrap();
    prepare(&spec, outputs, &ThresholdPalette::patternfly_light(), limit)
}

/// The one gauge of a panel over one series with these values.
fn item(options: serde_json::Value, values: &[f64]) -> GaugeItem {
    let model = run(options, &[output(0, vec![series(&[], values)], None)], 10);
    model.items.into_iter().next().unwrap()
}

#[test]
fn arc_maximum() {
    let check = |options: serde_json::Value, expected: (f64, &str)| {
        let gauge = item(options.clone(), &[0.5]);
        assert_eq!((gauge.max, gauge.max_text.as_str()), expected, "{options}");
    };
    check(json!({}), (1.0, "100%"));
    check(json!({"format": {}}), (1.0, "100%"));
    check(json!({"format": {"decimalPlaces": 1}}), (1.0, "100.0%"));
    check(
        json!({"format": {"unit": "percent-decimal"}}),
        (1.0, "100%"),
    );
    check(json!({"format": {"unit": "percent"}}), (100.0, "100%"));
    check(json!({"format": {"unit": "decimal"}}), (1.0, "1"));
    check(json!({"format": {"unit": "bytes"}}), (1.0, "1 byte"));
    check(
        json!({"max": 500, "format": {"unit": "decimal"}}),
        (500.0, "500"),
    );
    check(
        json!({"max": 2000, "format": {"unit": "decimal"}}),
        (2000.0, "2K"),
    );
    // Perses uses a set max whatever the unit.
    check(
        json!({"max": 50, "format": {"unit": "percent"}}),
        (50.0, "50%"),
    );
    check(json!({"max": 2}), (2.0, "200%"));
}

#[test]
fn values_positions_and_colours() {
    let check =
        |options: serde_json::Value, values: &[f64], expected: (Option<f64>, &str, f64, &str)| {
            let gauge = item(options.clone(), values);
            let got = (
                gauge.value,
                gauge.text.to_string(),
                gauge.fraction,
                gauge.color,
            );
            let expected = (
                expected.0,
                expected.1.to_owned(),
                expected.2,
                expected.3.to_owned(),
            );
            // NaN never equals itself: compare its text instead.
            assert_eq!(
                format!("{got:?}"),
                format!("{expected:?}"),
                "{options} {values:?}"
            );
        };
    let steps = json!({"max": 100, "format": {"unit": "decimal"},
        "thresholds": {"steps": [{"value": 80}, {"value": 90, "color": "red"}]}});
    let percent = json!({"max": 200, "format": {"unit": "decimal"},
        "thresholds": {"mode": "percent", "steps": [{"value": 50}, {"value": 75}]}});
    // Without thresholds Perses has one step at 0: every value above 0 takes its colour.
    check(json!({}), &[0.1, 0.5], (Some(0.5), "50%", 0.5, STEP_0));
    check(json!({}), &[0.0], (Some(0.0), "0%", 0.0, BASE));
    check(json!({}), &[-0.5], (Some(-0.5), "-50%", 0.0, BASE));
    check(json!({}), &[1.5], (Some(1.5), "150%", 1.0, STEP_0));
    check(
        json!({"thresholds": {"defaultColor": "blue"}}),
        &[0.5],
        (Some(0.5), "50%", 0.5, "blue"),
    );
    check(
        json!({"format": {"unit": "percent"}}),
        &[25.0],
        (Some(25.0), "25%", 0.25, STEP_0),
    );
    // Calculations.
    check(
        json!({"calculation": "mean"}),
        &[0.2, 0.4],
        (
            Some(0.30000000000000004),
            "30%",
            0.30000000000000004,
            STEP_0,
        ),
    );
    check(
        json!({"calculation": "first"}),
        &[0.2, 0.4],
        (Some(0.2), "20%", 0.2, STEP_0),
    );
    check(
        json!({"calculation": "last-number"}),
        &[0.2, NAN],
        (Some(0.2), "20%", 0.2, STEP_0),
    );
    // No value is drawn as "No data"; NaN sits at the start in the last band's colour, as
    // ECharts colours it.
    check(json!({}), &[], (None, "", 0.0, STEP_0));
    check(json!({}), &[0.2, NAN], (Some(NAN), "NaN%", 0.0, STEP_0));
    // Absolute steps: a value on a band's end belongs to that band (ECharts), not the next.
    check(steps.clone(), &[50.0], (Some(50.0), "50", 0.5, BASE));
    check(steps.clone(), &[80.0], (Some(80.0), "80", 0.8, BASE));
    check(steps.clone(), &[85.0], (Some(85.0), "85", 0.85, STEP_0));
    check(steps.clone(), &[90.0], (Some(90.0), "90", 0.9, STEP_0));
    check(steps.clone(), &[95.0], (Some(95.0), "95", 0.95, "red"));
    check(steps.clone(), &[250.0], (Some(250.0), "250", 1.0, "red"));
    check(steps, &[-5.0], (Some(-5.0), "-5", 0.0, BASE));
    // Percent steps are shares of the arc.
    check(percent.clone(), &[60.0], (Some(60.0), "60", 0.3, BASE));
    check(percent.clone(), &[120.0], (Some(120.0), "120", 0.6, STEP_0));
    check(percent, &[160.0], (Some(160.0), "160", 0.8, STEP_1));
    // A zero-wide scale puts every value in the middle.
    check(
        json!({"max": 0, "format": {"unit": "decimal"}}),
        &[3.0],
        (Some(3.0), "3", 0.5, BASE),
    );
}

#[test]
fn bands() {
    let check = |options: serde_json::Value, expected: &[(f64, &str)]| {
        let gauge = item(options.clone(), &[0.5]);
        let expected: Vec<(f64, String)> = expected
            .iter()
            .map(|(end, color)| (*end, (*color).to_owned()))
            .collect();
        assert_eq!(gauge.bands, expected, "{options}");
    };
    check(json!({}), &[(0.0, BASE), (1.0, STEP_0)]);
    // Thresholds without steps are not replaced by Perses' default step.
    check(
        json!({"thresholds": {"defaultColor": "blue"}}),
        &[(1.0, "blue")],
    );
    check(json!({"thresholds": {"steps": []}}), &[(1.0, BASE)]);
    check(
        json!({"thresholds": {"steps": [{"value": 0.8}, {"value": 0.9, "color": "red"}]}}),
        &[(0.8, BASE), (0.9, STEP_0), (1.0, "red")],
    );
    check(
        json!({"max": 200, "thresholds": {"steps": [{"value": 50}, {"value": 300}]}}),
        &[(0.25, BASE), (1.0, STEP_0), (1.0, STEP_1)],
    );
    check(
        json!({"format": {"unit": "percent"}, "thresholds": {"mode": "percent", "steps": [{"value": 60}]}}),
        &[(0.6, BASE), (1.0, STEP_0)],
    );
}

#[test]
fn names_legend_and_limit() {
    let two = || {
        vec![
            output(
                0,
                vec![
                    series(&[("pod", "a")], &[0.1]),
                    series(&[("pod", "b")], &[0.2]),
                ],
                Some("{{pod}}"),
            ),
            output(1, vec![series(&[("__name__", "up")], &[1.0])], None),
        ]
    };
    let check = |options: serde_json::Value,
                 outputs: Vec<QueryOutput>,
                 limit: usize,
                 expected: (bool, &[&str], usize)| {
        let model = run(options.clone(), &outputs, limit);
        let names: Vec<&str> = model.items.iter().map(|item| item.name.as_str()).collect();
        assert_eq!(
            (model.show_names, names.as_slice(), model.total_series),
            expected,
            "{options} {limit}"
        );
    };
    check(json!({}), two(), 10, (true, &["a", "b", "up{}"], 3));
    check(
        json!({"legend": {}}),
        two(),
        10,
        (true, &["a", "b", "up{}"], 3),
    );
    check(
        json!({"legend": {"show": true}}),
        two(),
        10,
        (true, &["a", "b", "up{}"], 3),
    );
    check(
        json!({"legend": {"show": false}}),
        two(),
        10,
        (false, &["a", "b", "up{}"], 3),
    );
    check(json!({}), two(), 2, (true, &["a", "b"], 3));
    check(json!({}), two(), 0, (true, &[], 3));
    check(json!({}), Vec::new(), 10, (true, &[], 0));
    check(
        json!({}),
        vec![output(0, Vec::new(), None)],
        10,
        (true, &[], 0),
    );
}

#[test]
fn formats() {
    let check = |format: Option<Format>, expected: Format| {
        assert_eq!(effective_format(format.as_ref()), expected, "{format:?}");
    };
    let format =
        |unit: Option<Unit>, decimal_places: Option<f64>, short_values: Option<bool>| Format {
            unit,
            decimal_places,
            short_values,
        };
    check(None, format(Some(Unit::PercentDecimal), None, None));
    check(
        Some(format(None, Some(2.0), Some(false))),
        format(Some(Unit::PercentDecimal), Some(2.0), Some(false)),
    );
    check(
        Some(format(Some(Unit::Bytes), None, None)),
        format(Some(Unit::Bytes), None, None),
    );
}
