use serde_json::json;

use super::drawn::round_down;
use super::*;
use crate::panels::test_support::{output, series};

fn spec(value: serde_json::Value) -> TimeSeriesChartSpec {
    serde_json::from_value(value).unwrap()
}

const HOUR: AbsoluteRange = AbsoluteRange {
    start_ms: 0,
    end_ms: 3_600_000,
};

#[test]
fn series_get_names_colours_and_styles() {
    let outputs = vec![
        output(
            0,
            vec![
                series(&[("pod", "a")], &[1.0]),
                series(&[("pod", "b")], &[2.0]),
            ],
            Some("{{pod}}"),
        ),
        output(1, vec![series(&[("__name__", "up")], &[3.0])], None),
    ];
    let model = prepare(
        &spec(
            json!({"visual": {"lineStyle": "dashed", "areaOpacity": 0.3},
            "querySettings": [{"queryIndex": 1, "colorMode": "fixed-single", "colorValue": "#ff0000", "lineStyle": "dotted", "negativeY": true}]}),
        ),
        &outputs,
        HOUR,
        100,
    );
    let names: Vec<&str> = model.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "up{}"]);
    assert_eq!(model.series[0].color, auto_color("a").to_css());
    assert_eq!(
        (model.series[2].color.as_str(), model.series[2].line_style),
        ("#ff0000", LineStyle::Dotted)
    );
    assert_eq!(
        (model.series[0].line_style, model.series[0].area_opacity),
        (LineStyle::Dashed, 0.3)
    );
    assert!(model.series[2].negative_y);
    assert_eq!(
        (
            model.line_width_px,
            model.point_radius_px,
            model.show_points
        ),
        (1.25, 2.75, false)
    );
    assert_eq!(model.y_axis.format, default_format());

    let categorical = prepare(
        &spec(json!({"visual": {"palette": {"mode": "categorical"}}})),
        &outputs,
        HOUR,
        2,
    );
    assert_eq!(
        categorical
            .series
            .iter()
            .map(|s| s.color.as_str())
            .collect::<Vec<_>>(),
        ["#56B4E9", "#009E73"]
    );
    assert_eq!((categorical.series.len(), categorical.total_series), (2, 3));
    // "fixed-single" does not apply to a query with several series; "fixed" does.
    let fixed = prepare(
        &spec(
            json!({"querySettings": [{"queryIndex": 0, "colorMode": "fixed-single", "colorValue": "#00ff00"}]}),
        ),
        &outputs,
        HOUR,
        100,
    );
    assert_ne!(fixed.series[0].color, "#00ff00");
    assert!(
        fixed.series[0].palette_color,
        "a palette colour may be made readable"
    );
    let fixed = prepare(
        &spec(
            json!({"querySettings": [{"queryIndex": 0, "colorMode": "fixed", "colorValue": "#00ff00"}]}),
        ),
        &outputs,
        HOUR,
        100,
    );
    assert_eq!(
        (
            fixed.series[0].color.as_str(),
            fixed.series[1].color.as_str()
        ),
        ("#00ff00", "#00ff00")
    );
    assert!(
        !fixed.series[0].palette_color,
        "a dashboard's own colour stays"
    );
    let short = prepare(
        &spec(json!({})),
        &outputs,
        AbsoluteRange {
            start_ms: 0,
            end_ms: 900_000,
        },
        100,
    );
    assert!(short.show_points);
}

#[test]
fn stacking_sums_visible_series() {
    let outputs = vec![output(
        0,
        vec![
            series(&[("p", "a")], &[1.0, 2.0, f64::NAN]),
            series(&[("p", "b")], &[3.0, 4.0, 5.0]),
        ],
        None,
    )];
    let stacked = prepare(
        &spec(json!({"visual": {"stack": "all"}})),
        &outputs,
        HOUR,
        100,
    );
    let values = |drawn: &[(usize, Samples)], i: usize| {
        drawn[i].1.iter().map(|s| s.value).collect::<Vec<_>>()
    };
    let drawn = layout(&stacked, &[true, true]);
    assert_eq!(values(&drawn, 0)[..2], [1.0, 2.0]);
    assert!(values(&drawn, 0)[2].is_nan());
    assert_eq!(values(&drawn, 1), [4.0, 6.0, 5.0]);
    // Hiding the first series restacks the second on nothing.
    let drawn = layout(&stacked, &[false, true]);
    assert_eq!((drawn.len(), values(&drawn, 0)), (1, vec![3.0, 4.0, 5.0]));
    let percent = prepare(
        &spec(json!({"visual": {"stack": "percent"}})),
        &outputs,
        HOUR,
        100,
    );
    let drawn = layout(&percent, &[true, true]);
    assert!(values(&drawn, 1).iter().all(|v| (v - 100.0).abs() < 1e-9));
    let shares = values(&drawn, 0);
    assert!(
        (shares[0] - 25.0).abs() < 1e-9 && (shares[1] - 100.0 / 3.0).abs() < 1e-9,
        "{shares:?}"
    );
}

#[test]
fn y_domain_follows_perses() {
    let check = |values: &[f64], axis: serde_json::Value, expected: (f64, f64)| {
        let outputs = vec![output(0, vec![series(&[], values)], None)];
        let model = prepare(&spec(json!({"yAxis": axis})), &outputs, HOUR, 100);
        let drawn = layout(&model, &[true]);
        assert_eq!(y_domain(&model, &drawn), expected, "{values:?}");
    };
    check(&[0.2, 0.9], json!({}), (0.0, 1.0));
    check(&[675.0, 900.0], json!({}), (500.0, 900.0));
    check(&[675.0, 910.0], json!({}), (500.0, 1000.0));
    check(&[-12.0, 40.0], json!({}), (-20.0, 40.0));
    check(&[5.0, 7.0], json!({"min": 0, "max": 10}), (0.0, 10.0));
    check(&[f64::NAN], json!({}), (0.0, 1.0));
    check(&[3.0, 3.0], json!({}), (2.0, 3.0));
    assert_eq!(round_down(0.567), 0.5);
}

#[test]
fn thresholds_and_legend() {
    let outputs = vec![output(0, vec![series(&[], &[10.0, 50.0, -200.0])], None)];
    let model = prepare(
        &spec(json!({
            "thresholds": {"mode": "percent", "steps": [{"value": 50, "color": "red", "name": "half"}, {"value": 80}]},
            "legend": {"position": "right", "mode": "table", "values": ["mean", "max"]}
        })),
        &outputs,
        HOUR,
        100,
    );
    let thresholds: Vec<(f64, Option<&str>)> = model
        .thresholds
        .iter()
        .map(|t| (t.value, t.color.as_deref()))
        .collect();
    assert_eq!(thresholds, [(100.0, Some("red")), (160.0, None)]);
    let legend = model.legend.unwrap();
    assert_eq!(
        (legend.position, legend.mode, legend.columns),
        (
            LegendPosition::Right,
            LegendMode::Table,
            vec![Calculation::Mean, Calculation::Max]
        )
    );
    assert!(
        prepare(
            &spec(json!({"thresholds": {"steps": [{"value": 1}]}})),
            &[],
            HOUR,
            100
        )
        .thresholds
        .is_empty()
    );
    let hsla = hsla_of(&ChartSeries {
        color: auto_color("x").to_css(),
        ..prepare(&spec(json!({})), &outputs, HOUR, 1).series[0].clone()
    });
    assert!(hsla.is_some());
}

#[test]
fn series_with_the_same_name_have_different_keys() {
    let outputs = [output(
        0,
        vec![
            series(&[("pod", "a"), ("container", "x")], &[1.0]),
            series(&[("pod", "a"), ("container", "y")], &[2.0]),
        ],
        Some("{{pod}}"),
    )];
    let model = prepare(&spec(json!({})), &outputs, HOUR, 100);
    let names: Vec<&str> = model.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["a", "a"]);
    assert_ne!(model.series[0].key, model.series[1].key);
    // The same data next refresh: the same keys.
    let again = prepare(&spec(json!({})), &outputs, HOUR, 100);
    assert_eq!(model.series[0].key, again.series[0].key);
}

#[test]
fn many_series_take_line_styles_unless_the_dashboard_sets_them() {
    let pods = |count: usize| {
        let names: Vec<String> = (0..count).map(|i| format!("p{i}")).collect();
        let series = names
            .iter()
            .map(|name| series(&[("pod", name.as_str())], &[1.0]))
            .collect();
        vec![output(0, series, Some("{{pod}}"))]
    };
    let styles = |visual: serde_json::Value, count: usize| -> Vec<LineStyle> {
        prepare(&spec(visual), &pods(count), HOUR, 100)
            .series
            .iter()
            .map(|series| series.line_style)
            .collect()
    };
    use LineStyle::{Dashed, Dotted, Solid};
    let cases: [(serde_json::Value, usize, Vec<LineStyle>); 4] = [
        // Few series: colour and the tooltip suffice, lines stay solid.
        (json!({}), 3, vec![Solid; 3]),
        (
            json!({}),
            STYLED_FROM_SERIES + 1,
            vec![Solid, Dashed, Dotted, Solid, Dashed],
        ),
        // A style the dashboard sets is kept, for every series.
        (json!({"visual": {"lineStyle": "solid"}}), 5, vec![Solid; 5]),
        (
            json!({"querySettings": [{"queryIndex": 0, "lineStyle": "dotted"}]}),
            4,
            vec![Dotted; 4],
        ),
    ];
    for (visual, count, expected) in cases {
        assert_eq!(
            styles(visual.clone(), count),
            expected,
            "{visual} × {count}"
        );
    }
}
