mod legend;

use serde_json::{Value, json};

use super::*;
use crate::chart::palette::auto_color;
use crate::panels::test_support::{named_output as data, output, series};

fn spec(value: Value) -> PieChartSpec {
    serde_json::from_value(value).unwrap()
}

/// The panel with a fixed palette (series in query order get red, green, blue, gray), so that
/// colours show which series a slice is.
fn with_palette(spec_json: &Value, outputs: &[QueryOutput]) -> PieModel {
    let mut spec_json = spec_json.clone();
    spec_json["colorPalette"] = json!(["red", "green", "blue", "gray"]);
    prepare(&spec(spec_json), outputs, 100)
}

/// Slices as `name#row value start+fraction text/percent/label colour | …`.
fn render(model: &PieModel) -> String {
    let slices: Vec<String> = model
        .slices
        .iter()
        .map(|slice| {
            format!(
                "{}#{} {} {:.3}+{:.3} {}/{}/{} {}",
                slice.name,
                slice.index,
                slice.value,
                slice.start_fraction,
                slice.fraction,
                slice.text,
                slice.percent_text,
                slice.label,
                slice.color
            )
        })
        .collect();
    slices.join(" | ")
}

#[test]
fn slices() {
    let abc = "a=1 b=3 c=2,4";
    let decimals = json!({"mode": "percentage", "format": {"decimalPlaces": 2}});
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({}), "", ""),
        (json!({}), "solo=7", "solo#0 7 0.000+1.000 7/100%/7 red"),
        // Largest first by default; colours stay with their series.
        (
            json!({}),
            abc,
            "c#0 4 0.000+0.500 4/50%/4 blue | b#1 3 0.500+0.375 3/37.5%/3 green \
             | a#2 1 0.875+0.125 1/12.5%/1 red",
        ),
        (
            json!({"sort": "asc"}),
            abc,
            "a#0 1 0.000+0.125 1/12.5%/1 red | b#1 3 0.125+0.375 3/37.5%/3 green \
             | c#2 4 0.500+0.500 4/50%/4 blue",
        ),
        (
            json!({"calculation": "first"}),
            abc,
            "b#0 3 0.000+0.500 3/50%/3 green | c#1 2 0.500+0.333 2/33.3%/2 blue \
             | a#2 1 0.833+0.167 1/16.7%/1 red",
        ),
        // Percentages are rounded to hundredths so that they add up to 100.
        (
            decimals,
            "x=1 y=1 z=1",
            "x#0 1 0.000+0.333 1.00/33.34%/33.34% red | y#1 1 0.333+0.333 1.00/33.33%/33.33% green \
             | z#2 1 0.667+0.333 1.00/33.33%/33.33% blue",
        ),
        (
            json!({"mode": "percentage"}),
            "x=1 y=2",
            "y#0 2 0.000+0.667 2/66.7%/66.7% green | x#1 1 0.667+0.333 1/33.3%/33.3% red",
        ),
        (
            json!({"format": {"unit": "bytes"}}),
            "mem=2048",
            "mem#0 2048 0.000+1.000 2 KiB/100%/2 KiB red",
        ),
        // Negative, missing and NaN values are not drawn; they keep their legend rows (#1–#3).
        (
            json!({}),
            "neg=-2 none= pos=6 nan=NaN",
            "pos#0 6 0.000+1.000 6/100%/6 blue",
        ),
        // Zero takes no room…
        (
            json!({}),
            "zero=0 one=1",
            "one#0 1 0.000+1.000 1/100%/1 green | zero#1 0 1.000+0.000 0/0%/0 red",
        ),
        // …unless everything is zero: equal slices at 0%.
        (
            json!({}),
            "p=0 q=0",
            "p#0 0 0.000+0.500 0/0%/0 red | q#1 0 0.500+0.500 0/0%/0 green",
        ),
    ];
    for (spec_json, text, expected) in cases {
        assert_eq!(
            render(&with_palette(&spec_json, &data(text))),
            expected,
            "{spec_json} {text}"
        );
    }
}

#[test]
fn options() {
    let cases: &[(Value, f64, bool)] = &[
        (json!({}), 50.0, false),
        (json!({"radius": 80, "showLabels": true}), 80.0, true),
        (json!({"radius": 30.5, "showLabels": false}), 30.5, false),
    ];
    for (spec_json, radius_pct, show_labels) in cases {
        let model = prepare(&spec(spec_json.clone()), &data("a=1"), 100);
        assert_eq!(
            (model.radius_pct, model.show_labels, &model.legend),
            (*radius_pct, *show_labels, &None),
            "{spec_json}"
        );
    }
}

#[test]
fn colours_and_limit() {
    let outputs = vec![
        output(
            0,
            vec![series(&[("__name__", "up"), ("pod", "a")], &[3.0])],
            Some("{{pod}}"),
        ),
        output(
            1,
            vec![
                series(&[("pod", "b")], &[2.0]),
                series(&[("pod", "c")], &[1.0]),
            ],
            None,
        ),
    ];
    let auto = |key: &str| auto_color(key).to_css();
    let b = "{pod=\"b\"}";
    let c = "{pod=\"c\"}";
    type Case<'a> = (Value, usize, Vec<(&'a str, String)>);
    let cases: Vec<Case> = vec![
        // Without a palette, colours hash the series' unique keys, not their display names.
        // Perses looks the second query's colours up at 1 × 2 + 0 and 1 × 2 + 1: one key on,
        // and past the end of the list.
        (
            json!({}),
            100,
            vec![
                ("a", auto("up{pod=\"a\"}")),
                (b, auto(c)),
                (c, "#ff0000".to_owned()),
            ],
        ),
        (
            json!({"colorPalette": ["#111111", "#222222", "#333333"]}),
            100,
            vec![
                ("a", "#111111".to_owned()),
                (b, "#333333".to_owned()),
                (c, "#ff0000".to_owned()),
            ],
        ),
        // The limit caps the slices, not the colour list.
        (
            json!({"colorPalette": ["#111111", "#222222", "#333333"]}),
            2,
            vec![("a", "#111111".to_owned()), (b, "#333333".to_owned())],
        ),
        (json!({}), 0, vec![]),
    ];
    for (spec_json, limit, expected) in cases {
        let model = prepare(&spec(spec_json.clone()), &outputs, limit);
        let colors: Vec<(&str, String)> = model
            .slices
            .iter()
            .map(|slice| (slice.name.as_str(), slice.color.clone()))
            .collect();
        assert_eq!(
            (colors, model.total_series),
            (expected, 3),
            "{spec_json} {limit}"
        );
    }
    // With one query the lookup is straight.
    let model = prepare(&spec(json!({})), &outputs[1..], 100);
    let colors: Vec<&str> = model
        .slices
        .iter()
        .map(|slice| slice.color.as_str())
        .collect();
    assert_eq!(colors, [auto(b), auto(c)]);
}

#[test]
fn percent_seats_add_up() {
    let cases: &[(&[f64], &[f64])] = &[
        (&[], &[]),
        (&[0.0, 0.0], &[]),
        (&[1.0], &[100.0]),
        (&[1.0, 1.0, 1.0], &[33.34, 33.33, 33.33]),
        (&[2.0, 1.0], &[66.67, 33.33]),
        (&[1.0, 0.0, 1.0], &[50.0, 0.0, 50.0]),
        (
            &[1.0; 7],
            &[14.29, 14.29, 14.29, 14.29, 14.28, 14.28, 14.28],
        ),
    ];
    for (values, expected) in cases {
        assert_eq!(percent_seats(values, 2), *expected, "{values:?}");
    }
}
