//! Names, the legend, display options and sparklines.

use serde_json::json;

use super::*;
use crate::prometheus::Sample;

#[test]
fn names_and_legend() {
    let one = || {
        vec![output(
            0,
            vec![series(&[("pod", "a")], &[1.0])],
            Some("{{pod}}"),
        )]
    };
    let two = || {
        vec![
            output(0, vec![series(&[("pod", "a")], &[1.0])], Some("{{pod}}")),
            output(1, vec![series(&[("__name__", "up")], &[2.0])], None),
        ]
    };
    let check =
        |mode: &str, outputs: Vec<QueryOutput>, limit: usize, expected: (bool, &[&str], usize)| {
            let model = run(json!({"legendMode": mode}), &outputs, limit);
            let names: Vec<&str> = model.items.iter().map(|item| item.name.as_str()).collect();
            assert_eq!(
                (model.show_names, names.as_slice(), model.total_series),
                expected,
                "{mode} {limit}"
            );
        };
    check("auto", one(), 10, (false, &["a"], 1));
    check("auto", two(), 10, (true, &["a", "up{}"], 2));
    check("on", one(), 10, (true, &["a"], 1));
    check("off", two(), 10, (false, &["a", "up{}"], 2));
    // The limit caps the items; the legend still counts every series, as Perses draws them all.
    check("auto", two(), 1, (true, &["a"], 2));
    check("auto", two(), 0, (true, &[], 2));
    check("auto", Vec::new(), 10, (false, &[], 0));
    check(
        "auto",
        vec![output(0, Vec::new(), None)],
        10,
        (false, &[], 0),
    );
}

#[test]
fn display_options() {
    let check = |options: serde_json::Value,
                 expected: (StatColorMode, Option<f64>, Option<SparklineStyle>)| {
        let model = run(
            options.clone(),
            &[output(0, vec![series(&[], &[1.0])], None)],
            10,
        );
        assert_eq!(
            (model.color_mode, model.value_font_size_px, model.sparkline),
            expected,
            "{options}"
        );
    };
    let style = |width_px: f64, color: Option<&str>| {
        Some(SparklineStyle {
            width_px,
            color: color.map(str::to_owned),
            area_opacity: 0.4,
        })
    };
    check(json!({}), (StatColorMode::Value, None, None));
    check(
        json!({"valueFontSize": 24}),
        (StatColorMode::Value, Some(24.0), None),
    );
    check(
        json!({"colorMode": "none"}),
        (StatColorMode::None, None, None),
    );
    check(
        json!({"sparkline": {}}),
        (StatColorMode::Value, None, style(2.0, None)),
    );
    check(
        json!({"sparkline": {"width": 3.5}}),
        (StatColorMode::Value, None, style(3.5, None)),
    );
    // Perses ignores the sparkline's own colour: it follows the thresholds.
    check(
        json!({"sparkline": {"color": "pink"}}),
        (StatColorMode::Value, None, style(2.0, None)),
    );
    check(
        json!({"sparkline": {}, "colorMode": "background_solid"}),
        (
            StatColorMode::BackgroundSolid,
            None,
            style(2.0, Some("#ffffff")),
        ),
    );
    check(
        json!({"colorMode": "background_solid"}),
        (StatColorMode::BackgroundSolid, None, None),
    );
}

#[test]
fn samples_only_with_a_sparkline() {
    let check = |options: serde_json::Value, expected_len: usize| {
        let stat = item(options.clone(), &[], &[1.0, NAN, 3.0]);
        assert_eq!(stat.samples.len(), expected_len, "{options}");
    };
    check(json!({}), 0);
    check(json!({"sparkline": {}}), 3);
    let stat = item(json!({"sparkline": {}}), &[], &[1.0, 2.0]);
    assert_eq!(
        stat.samples.to_vec(),
        vec![
            Sample {
                time_ms: 0,
                value: 1.0
            },
            Sample {
                time_ms: 1000,
                value: 2.0
            }
        ]
    );
    assert_eq!(stat.raw_value, Some(2.0));
}

#[test]
fn sparkline_ranges() {
    let check = |values: &[f64], expected: Option<(f64, f64)>| {
        let samples = series(&[], values).samples;
        assert_eq!(sparkline_range(samples.values()), expected, "{values:?}");
    };
    check(&[], None);
    check(&[NAN, f64::INFINITY], None);
    check(&[0.2, 0.9], Some((0.0, 1.0)));
    check(&[1.0, 1.0], Some((0.0, 1.0)));
    check(&[20.0, 47.0], Some((20.0, 50.0)));
    check(&[-3.0, 7.0, NAN], Some((-3.0, 8.0)));
    check(&[5.0], Some((5.0, 6.0)));
}
