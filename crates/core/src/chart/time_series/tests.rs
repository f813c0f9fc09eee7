use super::geometry::{compute, nearest_sample, pieces};
use super::hover::{TOOLTIP_SERIES, hover_at, hover_at_time};
use crate::chart::frame::CanvasSize;
use crate::panels::test_support::{output, series_at};
use crate::panels::time_series::{TimeSeriesModel, prepare};
use crate::prometheus::{Sample, Samples};
use crate::spec::panels::time_series::TimeSeriesChartSpec;
use crate::time_range::AbsoluteRange;

const SIZE: CanvasSize = CanvasSize {
    width_css: 600.0,
    height_css: 300.0,
    ratio: 1.0,
};

/// Series named `gpu-<n>` at constant `values`, one point a minute for an hour.
fn model(values: &[f64]) -> TimeSeriesModel {
    let series = values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let points: Vec<(i64, f64)> =
                (0..=60).map(|minute| (minute * 60_000, *value)).collect();
            series_at(&[("gpu", &format!("gpu-{index}"))], &points)
        })
        .collect();
    let range = AbsoluteRange {
        start_ms: 0,
        end_ms: 3_600_000,
    };
    prepare(
        &TimeSeriesChartSpec::default(),
        &[output(0, series, Some("{{gpu}}"))],
        range,
        1_000,
    )
}

#[test]
fn the_plot_sits_inside_its_axes_and_paths_follow_the_values() {
    let model = model(&[40.0, 60.0]);
    let geometry = compute(&model, &[true, true], SIZE, 0);
    let plot = geometry.plot;
    assert_eq!((plot.top, plot.bottom()), (8.0, 278.0));
    assert_eq!(plot.right(), 588.0);
    // The y labels are at most two characters ("60"): the margin fits them.
    assert!(plot.left > 12.0 && plot.left < 40.0, "{plot:?}");
    for (value, label) in &geometry.y_ticks {
        let y = geometry.y.px_from_value(*value);
        assert!(
            y >= plot.top - 0.5 && y <= plot.bottom() + 0.5,
            "{label} at {y}"
        );
    }
    assert!(!geometry.x_ticks.is_empty());
    for (index, value) in [40.0, 60.0].into_iter().enumerate() {
        let y = geometry.y.px_from_value(value);
        let path = geometry.path(index);
        assert!(
            path.iter()
                .all(|(px, py)| *py == y && *px >= plot.left && *px <= plot.right())
        );
        assert_eq!(path.first().map(|point| point.0), Some(plot.left));
        assert_eq!(path.last().map(|point| point.0), Some(plot.right()));
    }
    // Past the last series, nothing.
    assert!(geometry.path(2).is_empty());
    // A hidden series is not laid out.
    assert_eq!(compute(&model, &[false, true], SIZE, 0).series.len(), 1);
}

#[test]
fn long_series_are_decimated_to_the_pixels_and_gaps_break_lines() {
    let points: Vec<(i64, f64)> = (0..20_000)
        .map(|index| {
            (
                index * 180,
                if index % 5_000 == 2_500 {
                    f64::NAN
                } else {
                    (index % 7) as f64
                },
            )
        })
        .collect();
    let range = AbsoluteRange {
        start_ms: 0,
        end_ms: 20_000 * 180,
    };
    let model = prepare(
        &TimeSeriesChartSpec::default(),
        &[output(0, vec![series_at(&[], &points)], None)],
        range,
        10,
    );
    let narrow = CanvasSize {
        width_css: 200.0,
        height_css: 100.0,
        ratio: 2.0,
    };
    let geometry = compute(&model, &[true], narrow, 0);
    let path = &geometry.path(0);
    // M4 keeps at most four points a device pixel column.
    let device_columns = geometry.plot.width * narrow.ratio;
    assert!(
        (path.len() as f64) <= 4.0 * (device_columns + 2.0),
        "{} points",
        path.len()
    );
    assert_eq!(pieces(path).count(), 5, "four gaps, five pieces");
    // With missing values connected, the line goes on over the gaps.
    let mut connected = model;
    connected.connect_nulls = true;
    let path = compute(&connected, &[true], narrow, 0).path(0);
    assert!(path.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
    assert_eq!(pieces(&path).count(), 1);
}

#[test]
fn nearest_samples() {
    let samples: Samples = [0, 10, 20]
        .iter()
        .map(|time_ms| Sample {
            time_ms: *time_ms,
            value: 1.0,
        })
        .collect();
    let cases = [
        (-5, Some(0)),
        (0, Some(0)),
        (4, Some(0)),
        (5, Some(0)),
        (6, Some(1)),
        (19, Some(2)),
        (99, Some(2)),
    ];
    for (time_ms, expected) in cases {
        assert_eq!(nearest_sample(&samples, time_ms), expected, "{time_ms}");
    }
    assert_eq!(nearest_sample(&Samples::default(), 5), None);
}

#[test]
fn a_hover_lists_the_series_nearest_the_pointer_first() {
    let model = model(&[40.0, 60.0, 50.0]);
    let geometry = compute(&model, &[true, true, true], SIZE, 0);
    let x = (geometry.plot.left + geometry.plot.right()) / 2.0;
    let near_sixty = geometry.y.px_from_value(59.0);
    let hover = hover_at(&geometry, &model, x, near_sixty).expect("inside the plot");
    let order: Vec<(&str, &str, bool)> = hover
        .values
        .iter()
        .map(|value| {
            (
                value.name.as_str(),
                value.value_text.as_str(),
                value.nearest,
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("gpu-1", "60", true),
            ("gpu-2", "50", false),
            ("gpu-0", "40", false)
        ]
    );
    assert_eq!(hover.time_ms, 1_800_000);
    assert_eq!((hover.shown, hover.total), (3, 3));
    // Snapped to the sample's time.
    assert_eq!(hover.x, geometry.x.px_from_time(1_800_000));
    assert_eq!(hover_at(&geometry, &model, 2.0, near_sixty), None);
    // By time alone (the keyboard, other charts), no series is nearest.
    let by_time = hover_at_time(&geometry, &model, 60_000, None).expect("a time inside");
    assert!(by_time.values.iter().all(|value| !value.nearest));
}

#[test]
fn the_tooltip_lists_at_most_its_share_of_series() {
    let values: Vec<f64> = (0..25).map(f64::from).collect();
    let model = model(&values);
    let geometry = compute(&model, &[true; 25], SIZE, 0);
    let hover =
        hover_at_time(&geometry, &model, 0, Some(geometry.y.px_from_value(12.0))).expect("a hover");
    assert_eq!((hover.shown, hover.total), (TOOLTIP_SERIES, 25));
    assert_eq!(hover.values[0].value_text, "12");
}
