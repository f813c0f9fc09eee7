use super::*;
use crate::histogram::Bounds;
use crate::panels::histogram::{HistogramBar, Source};
use crate::spec::panels::time_series::LogBase;

fn measure(text: &str) -> f64 {
    text.chars().count() as f64 * 7.0
}

fn model(bounds: &[(f64, f64, f64)], log_base: Option<LogBase>) -> HistogramModel {
    HistogramModel {
        name: None,
        bars: bounds
            .iter()
            .map(|(lower, upper, value)| HistogramBar {
                bounds: Bounds {
                    lower: *lower,
                    upper: *upper,
                },
                value: *value,
                color: "#000".to_owned(),
            })
            .collect(),
        source: Source::LastPoint,
        notices: Vec::new(),
        format: None,
        log_base,
        min: None,
        max: None,
    }
}

#[test]
fn bars_span_their_buckets_and_inf_gets_a_slot() {
    let model = model(
        &[
            (0.0, 1.0, 4.0),
            (1.0, 2.0, 8.0),
            (2.0, 4.0, 2.0),
            (4.0, f64::INFINITY, 1.0),
        ],
        None,
    );
    let layout = layout(&model, 400.0, 200.0, &measure);
    // Counts 0..8 in steps of 2: one-character labels, 7 + 8 px.
    assert_eq!(layout.plot.left, 15.0);
    assert_eq!((layout.x.min_value, layout.x.max_value), (0.0, 4.0));
    let px = |value: f64| layout.x.px_from_value(value);
    assert_eq!(layout.bars[0].left, px(0.0) + 0.5);
    assert_eq!(layout.bars[1].right, px(2.0) - 0.5);
    // The tallest bar reaches the top of the count axis (8 is a round maximum).
    assert_eq!(layout.bars[1].top, layout.plot.top);
    assert_eq!(layout.bars[0].top, layout.y.px_from_value(4.0));
    // +Inf sits right of the axis, to the plot's edge.
    assert_eq!(layout.bars[3].right, 392.0);
    assert!(layout.bars[3].left > px(4.0));
    assert_eq!(
        layout.x_ticks.last().map(|tick| tick.label.as_str()),
        Some("+Inf")
    );
    let labels: Vec<&str> = layout
        .y_ticks
        .iter()
        .map(|tick| tick.label.as_str())
        .collect();
    assert_eq!(labels, ["0", "2", "4", "6", "8"]);
}

#[test]
fn hit_names_the_bar_under_the_pointer() {
    let model = model(
        &[(0.0, 1.0, 4.0), (1.0, 2.0, 8.0), (2.0, f64::INFINITY, 1.0)],
        None,
    );
    let layout = layout(&model, 300.0, 150.0, &measure);
    for (index, bar) in layout.bars.iter().enumerate() {
        let middle = (bar.left + bar.right) / 2.0;
        // Above a short bar still names it.
        assert_eq!(layout.hit(middle, layout.plot.top + 1.0), Some(index));
        assert_eq!(layout.hit(middle, layout.plot.bottom - 1.0), Some(index));
    }
    assert_eq!(layout.hit(2.0, 50.0), None);
    assert_eq!(layout.hit(100.0, 149.0), None);
}

#[test]
fn log_axis_makes_decades_equal() {
    let model = model(
        &[(0.0, 0.01, 1.0), (0.01, 0.1, 2.0), (0.1, 1.0, 3.0)],
        Some(LogBase::Ten),
    );
    let layout = layout(&model, 300.0, 150.0, &measure);
    // The first bucket starts at 0: it gets the decade under its bound.
    assert_eq!((layout.x.min_value, layout.x.max_value), (0.001, 1.0));
    let widths: Vec<f64> = layout.bars.iter().map(|bar| bar.right - bar.left).collect();
    assert!(
        widths.iter().all(|width| (width - widths[0]).abs() < 1e-9),
        "{widths:?}"
    );
    let labels: Vec<&str> = layout
        .x_ticks
        .iter()
        .map(|tick| tick.label.as_str())
        .collect();
    assert_eq!(labels, ["0.001", "0.01", "0.1", "1"]);
}
