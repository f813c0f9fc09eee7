//! The value's text and colour.

use serde_json::json;

use super::*;

#[test]
fn value_texts() {
    let check =
        |options: serde_json::Value, labels: &[(&str, &str)], values: &[f64], expected: &str| {
            let text = item(options.clone(), labels, values).value.to_string();
            assert_eq!(text, expected, "{options} {labels:?} {values:?}");
        };
    let pod = &[("pod", "api-1"), ("zone", "")][..];
    let value_map = json!([{"kind": "Value", "spec": {"value": "1", "result": {"value": "Up"}}}]);
    check(json!({}), &[], &[1.0, 2.0, 3.0], "3");
    check(json!({"calculation": "first"}), &[], &[1.0, 2.0, 3.0], "1");
    check(json!({"calculation": "mean"}), &[], &[1.0, 2.0, 3.0], "2");
    check(json!({"calculation": "sum"}), &[], &[1.0, 2.0, NAN], "3");
    check(json!({"calculation": "last-number"}), &[], &[4.0, NAN], "4");
    check(json!({"calculation": "max"}), &[], &[4.0, 9.0, 2.0], "9");
    // Perses shows an empty text for a series without a value, and "NaN" for NaN.
    check(json!({}), &[], &[], "");
    check(json!({"calculation": "mean"}), &[], &[NAN], "");
    check(json!({}), &[], &[1.0, NAN], "NaN");
    check(json!({}), &[], &[0.123456], "0.123456");
    check(
        json!({"format": {"unit": "decimal"}}),
        &[],
        &[1234.0],
        "1.23K",
    );
    check(json!({"format": {"unit": "percent"}}), &[], &[42.0], "42%");
    check(
        json!({"format": {"unit": "percent-decimal"}}),
        &[],
        &[0.5],
        "50%",
    );
    check(
        json!({"format": {"unit": "decimal", "decimalPlaces": 2}}),
        &[],
        &[1.5],
        "1.50",
    );
    // Mappings replace the value's text; a mapping with an empty text keeps the number.
    check(json!({"mappings": value_map}), &[], &[1.0], "Up");
    check(json!({"mappings": value_map}), &[], &[2.0], "2");
    check(
        json!({"mappings": value_map, "format": {"unit": "percent"}}),
        &[],
        &[2.0],
        "2%",
    );
    check(
        json!({"mappings": [{"kind": "Range", "spec": {"from": 10, "result": {"value": "high"}}}]}),
        &[],
        &[11.0],
        "high",
    );
    check(
        json!({"mappings": [{"kind": "Range", "spec": {"from": 10, "result": {"value": ""}}}]}),
        &[],
        &[11.0],
        "11",
    );
    check(
        json!({"mappings": [{"kind": "Misc", "spec": {"value": "NaN", "result": {"value": "n/a"}}}]}),
        &[],
        &[NAN],
        "n/a",
    );
    // An empty series is not mapped, not even by a `null` mapping.
    check(
        json!({"mappings": [{"kind": "Misc", "spec": {"value": "null", "result": {"value": "none"}}}]}),
        &[],
        &[],
        "",
    );
    // metricLabel shows the value of the first label whose name matches, before mappings.
    check(json!({"metricLabel": "pod"}), pod, &[1.0], "api-1");
    check(
        json!({"metricLabel": "pod", "mappings": value_map}),
        pod,
        &[1.0],
        "api-1",
    );
    check(json!({"metricLabel": "/^po/"}), pod, &[1.0], "api-1");
    check(json!({"metricLabel": "pod"}), pod, &[], "api-1");
    check(json!({"metricLabel": "node"}), pod, &[7.0], "7");
    check(json!({"metricLabel": "zone"}), pod, &[7.0], "7");
    check(json!({"metricLabel": ""}), pod, &[7.0], "7");
    check(
        json!({"metricLabel": "/^po/", "mappings": value_map}),
        &[],
        &[1.0],
        "Up",
    );
}

#[test]
fn value_parts() {
    let check = |options: serde_json::Value, values: &[f64], expected: (&str, &str, &str)| {
        let value = item(options.clone(), &[("pod", "a")], values).value;
        let parts = (
            value.prefix.as_str(),
            value.number.as_str(),
            value.suffix.as_str(),
        );
        assert_eq!(parts, expected, "{options} {values:?}");
    };
    check(
        json!({"format": {"unit": "percent"}}),
        &[42.0],
        ("", "42", "%"),
    );
    check(json!({"format": {"unit": "usd"}}), &[3.0], ("$", "3", ""));
    check(
        json!({"mappings": [{"kind": "Value", "spec": {"value": 3, "result": {"value": "three"}}}], "format": {"unit": "percent"}}),
        &[3.0],
        ("", "three", ""),
    );
    check(
        json!({"metricLabel": "pod", "format": {"unit": "percent"}}),
        &[3.0],
        ("", "a", ""),
    );
}

#[test]
fn colours() {
    let check =
        |options: serde_json::Value, labels: &[(&str, &str)], values: &[f64], expected: &str| {
            let color = item(options.clone(), labels, values).color;
            assert_eq!(color, expected, "{options} {values:?}");
        };
    let steps = json!({"steps": [{"value": 50}, {"value": 80}, {"value": 90, "color": "red"}]});
    let red_for_one = json!([{"kind": "Value", "spec": {"value": "1", "result": {"value": "Up", "color": "purple"}}}]);
    check(json!({}), &[], &[100.0], BASE);
    check(
        json!({"thresholds": {"defaultColor": "blue"}}),
        &[],
        &[100.0],
        "blue",
    );
    check(json!({"thresholds": steps}), &[], &[10.0], BASE);
    check(json!({"thresholds": steps}), &[], &[50.0], STEP_0);
    check(json!({"thresholds": steps}), &[], &[79.9], STEP_0);
    check(json!({"thresholds": steps}), &[], &[80.0], STEP_1);
    check(json!({"thresholds": steps}), &[], &[95.0], "red");
    check(json!({"thresholds": steps}), &[], &[95.0, 10.0], BASE);
    check(
        json!({"thresholds": steps, "calculation": "max"}),
        &[],
        &[95.0, 10.0],
        "red",
    );
    check(
        json!({"thresholds": {"defaultColor": "blue", "steps": [{"value": 1}]}}),
        &[],
        &[0.0],
        "blue",
    );
    // A step past the palette takes the base colour.
    check(
        json!({"thresholds": {"steps": [{"value": 1}, {"value": 2}, {"value": 3}, {"value": 4}]}}),
        &[],
        &[5.0],
        BASE,
    );
    // Percent steps are compared with the raw value, as Perses' stat chart does.
    check(
        json!({"thresholds": {"mode": "percent", "steps": [{"value": 50}]}}),
        &[],
        &[60.0],
        STEP_0,
    );
    check(
        json!({"thresholds": {"mode": "percent", "steps": [{"value": 50}]}}),
        &[],
        &[0.6],
        BASE,
    );
    // No value, or NaN, takes the base colour.
    check(json!({"thresholds": steps}), &[], &[], BASE);
    check(json!({"thresholds": steps}), &[], &[NAN], BASE);
    check(
        json!({"thresholds": {"defaultColor": "blue", "steps": [{"value": 1}]}}),
        &[],
        &[],
        "blue",
    );
    // Mappings come first; a mapping without a colour leaves the thresholds' colour.
    check(
        json!({"thresholds": steps, "mappings": red_for_one}),
        &[],
        &[1.0],
        "purple",
    );
    check(
        json!({"thresholds": steps, "mappings": red_for_one}),
        &[],
        &[95.0],
        "red",
    );
    check(
        json!({"mappings": [{"kind": "Range", "spec": {"from": 0, "result": {"value": "x"}}}], "thresholds": steps}),
        &[],
        &[60.0],
        STEP_0,
    );
    check(
        json!({"mappings": [{"kind": "Range", "spec": {"from": 0, "result": {"value": "x", "color": ""}}}]}),
        &[],
        &[60.0],
        BASE,
    );
    check(
        json!({"mappings": [{"kind": "Misc", "spec": {"value": "NaN", "result": {"value": "x", "color": "grey"}}}]}),
        &[],
        &[NAN],
        "grey",
    );
    // The colour follows the number even when a label is shown.
    check(
        json!({"thresholds": steps, "metricLabel": "pod"}),
        &[("pod", "a")],
        &[95.0],
        "red",
    );
}
