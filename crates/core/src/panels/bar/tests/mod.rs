mod axis;
mod grouped;

use serde_json::{Value, json};

use super::*;
use crate::chart::palette::CATEGORICAL;
use crate::panels::test_support::{named_output as data, output, series};

/// A tiny pattern engine: `^prefix`, `suffix$`, or a substring.
struct TestPatterns;

impl PatternEngine for TestPatterns {
    fn replace(&self, pattern: &str, text: &str, replacement: &str) -> Option<String> {
        let hit = if let Some(prefix) = pattern.strip_prefix('^') {
            text.starts_with(prefix)
        } else if let Some(suffix) = pattern.strip_suffix('$') {
            text.ends_with(suffix)
        } else {
            text.contains(pattern)
        };
        hit.then(|| replacement.to_owned())
    }
}

fn spec(value: Value) -> BarChartSpec {
    serde_json::from_value(value).unwrap()
}

fn model(spec_json: &Value, outputs: &[QueryOutput]) -> BarModel {
    prepare(&spec(spec_json.clone()), outputs, &TestPatterns, 100, None)
}

/// Palette colours as `c0`…`c6`, to keep expectations short.
fn short_color(color: &str) -> String {
    CATEGORICAL
        .iter()
        .position(|palette| *palette == color)
        .map_or_else(|| color.to_owned(), |index| format!("c{index}"))
}

/// The bars as `label value text tooltip colour | …`, in drawing order.
fn render_bars(model: &BarModel) -> String {
    let BarLayout::Bars(bars) = &model.layout else {
        panic!("expected single bars: {model:?}");
    };
    let bars: Vec<String> = bars
        .iter()
        .map(|bar| {
            format!(
                "{} {} {} {} {}",
                bar.label,
                bar.value.map_or("-".to_owned(), |v| v.to_string()),
                bar.text.as_deref().unwrap_or("-"),
                bar.tooltip.as_deref().unwrap_or("-"),
                short_color(&bar.color)
            )
        })
        .collect();
    bars.join(" | ")
}

#[test]
fn single_bars() {
    let abc = "a=1,3 b=10 c=0.5,2";
    let gaps = "a=2 none= nan=NaN b=5";
    let overrides = json!({"visual": {"colorOverrides": [
        {"regex": "", "color": "black"},
        {"regex": "^a", "color": "red"},
        {"regex": "a", "color": "green"},
        {"regex": "c$", "color": "#123456"}
    ]}});
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({}), "", ""),
        (json!({}), "solo=4", "solo 4 4 4 c0"),
        // The default sort is `desc`: the largest bar on top of a horizontal chart.
        (json!({}), abc, "b 10 10 10 c0 | a 3 3 3 c0 | c 2 2 2 c0"),
        (
            json!({"sort": "asc"}),
            abc,
            "c 2 2 2 c0 | a 3 3 3 c0 | b 10 10 10 c0",
        ),
        // Vertical charts list Perses' array as is, left to right.
        (
            json!({"orientation": "vertical"}),
            abc,
            "c 2 2 2 c0 | a 3 3 3 c0 | b 10 10 10 c0",
        ),
        (
            json!({"orientation": "vertical", "sort": "asc"}),
            abc,
            "b 10 10 10 c0 | a 3 3 3 c0 | c 2 2 2 c0",
        ),
        (
            json!({"calculation": "sum"}),
            abc,
            "b 10 10 10 c0 | a 4 4 4 c0 | c 2.5 2.5 2.5 c0",
        ),
        (
            json!({"calculation": "first"}),
            abc,
            "b 10 10 10 c0 | a 1 1 1 c0 | c 0.5 0.5 0.5 c0",
        ),
        (json!({"calculation": "min"}), "x=3,-2,5", "x -2 -2 -2 c0"),
        // Missing and NaN values draw nothing: at the bottom with `desc`, on top with `asc`.
        (
            json!({}),
            gaps,
            "b 5 5 5 c0 | a 2 2 2 c0 | nan - - - c0 | none - - - c0",
        ),
        (
            json!({"sort": "asc"}),
            gaps,
            "nan - - - c0 | none - - - c0 | a 2 2 2 c0 | b 5 5 5 c0",
        ),
        // Zero gets no text, as in Perses.
        (json!({}), "zero=0", "zero 0 - - c0"),
        (
            json!({"format": {"unit": "bytes"}}),
            "mem=2048",
            "mem 2048 2 KiB 2 KiB c0",
        ),
        (
            json!({"format": {"shortValues": false}}),
            "n=12345",
            "n 12345 12,345 12,345 c0",
        ),
        (json!({}), "n=12345", "n 12345 12.3K 12.3K c0"),
        // Percentage: shares of the total; the tooltip keeps the panel's format.
        (
            json!({"mode": "percentage"}),
            "a=1 b=3",
            "b 75 75% 75 c0 | a 25 25% 25 c0",
        ),
        (
            json!({"mode": "percentage", "format": {"decimalPlaces": 1}}),
            "a=1 b=2",
            "b 66.66666666666666 66.7% 66.7 c0 | a 33.33333333333333 33.3% 33.3 c0",
        ),
        (
            json!({"mode": "percentage"}),
            "a=1 none=",
            "a 100 100% 100 c0 | none 0 - - c0",
        ),
        (
            json!({"mode": "percentage"}),
            "a=0 b=0",
            "b - - - c0 | a - - - c0",
        ),
        // The first matching override wins; empty regexes are skipped.
        (
            overrides,
            abc,
            "b 10 10 10 c0 | a 3 3 3 red | c 2 2 2 #123456",
        ),
    ];
    for (spec_json, text, expected) in cases {
        assert_eq!(
            render_bars(&model(&spec_json, &data(text))),
            expected,
            "{spec_json} {text}"
        );
    }
}

#[test]
fn series_names_and_limit() {
    let outputs = vec![
        output(
            0,
            vec![series(&[("__name__", "up"), ("pod", "x")], &[1.0])],
            None,
        ),
        output(
            1,
            vec![
                series(&[("pod", "y")], &[2.0]),
                series(&[("pod", "z")], &[3.0]),
            ],
            Some("pod {{pod}}"),
        ),
    ];
    let cases: &[(usize, &str, usize)] = &[
        (
            100,
            "pod z 3 3 3 c0 | pod y 2 2 2 c0 | up{pod=\"x\"} 1 1 1 c0",
            3,
        ),
        (2, "pod y 2 2 2 c0 | up{pod=\"x\"} 1 1 1 c0", 3),
        (0, "", 3),
    ];
    for (limit, expected, total) in cases {
        let model = prepare(&spec(json!({})), &outputs, &TestPatterns, *limit, None);
        assert_eq!(
            (render_bars(&model).as_str(), model.total_series),
            (*expected, *total)
        );
        assert_eq!(model.is_empty(), *limit == 0);
    }
}

#[test]
fn orientation_is_passed_on() {
    let cases = [
        (json!({}), Orientation::Horizontal),
        (
            json!({"orientation": "horizontal"}),
            Orientation::Horizontal,
        ),
        (json!({"orientation": "vertical"}), Orientation::Vertical),
    ];
    for (spec_json, expected) in cases {
        assert_eq!(model(&spec_json, &[]).orientation, expected);
    }
}

/// On a theme's card, the palette's colours reach 3:1; an override colour stays as written.
#[test]
fn palette_colours_are_readable_on_the_card() {
    use crate::chart::contrast::{MIN_RATIO, contrast_ratio};
    let outputs = data("a=1 b=2");
    let white = [255, 255, 255];
    let model = prepare(
        &spec(json!({})),
        &outputs,
        &TestPatterns,
        100,
        Some("#ffffff"),
    );
    let BarLayout::Bars(bars) = &model.layout else {
        panic!("single bars");
    };
    for bar in bars {
        let ratio = contrast_ratio(
            crate::chart::contrast::rgb_of(&bar.color)
                .unwrap_or_else(|| panic!("{} cannot be read", bar.color)),
            white,
        );
        assert!(ratio >= MIN_RATIO, "{}: {ratio:.2}", bar.color);
    }
    let overridden = prepare(
        &spec(json!({"visual": {"colorOverrides": [{"regex": "a", "color": "#FFFF00"}]}})),
        &outputs,
        &TestPatterns,
        100,
        Some("#ffffff"),
    );
    let BarLayout::Bars(bars) = &overridden.layout else {
        panic!("single bars");
    };
    assert!(bars.iter().any(|bar| bar.color == "#FFFF00"), "{bars:?}");
}
