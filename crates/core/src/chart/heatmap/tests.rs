use super::*;
use crate::panels::heatmap::prepare;
use crate::panels::test_support::{output, series_at};
use crate::spec::panels::heatmap::HeatMapChartSpec;
use crate::spec::panels::time_series::LogBase;
use crate::time_range::AbsoluteRange;

/// Labels 7 px a character, as a monospace font would measure them.
fn measure(text: &str) -> f64 {
    text.chars().count() as f64 * 7.0
}

fn model(spec: HeatMapChartSpec) -> HeatmapModel {
    let series = vec![
        series_at(&[("le", "0.1")], &[(60_000, 10.0), (120_000, 0.0)]),
        series_at(&[("le", "1")], &[(60_000, 30.0), (120_000, 10.0)]),
        series_at(&[("le", "10")], &[(60_000, 40.0), (120_000, 20.0)]),
        series_at(&[("le", "+Inf")], &[(60_000, 40.0), (120_000, 40.0)]),
    ];
    let range = AbsoluteRange {
        start_ms: 0,
        end_ms: 120_000,
    };
    prepare(&spec, &[output(0, series, None)], range)
}

#[test]
fn cells_fill_the_plot_by_time_and_bound() {
    let model = model(HeatMapChartSpec::default());
    let layout = layout(&model, 400.0, 200.0, 0, &measure);
    // Ticks 0, 2, 4, 6, 8, 10 (2 characters at most) and "+Inf" (4): 28 + 8 px.
    assert_eq!(layout.plot.left, 36.0);
    let band = layout.overflow.expect("a +Inf band");
    assert_eq!((band.top, band.bottom, layout.plot.top), (1.0, 12.0, 14.0));
    assert_eq!(layout.plot.bottom, 180.0);
    // The colour bar: "20" and "0" → 14 px of label, 10 of bar, 12 of gaps, 2 spare.
    assert_eq!(layout.plot.right, 400.0 - 38.0);
    // Each sample covers the minute that ends at it.
    let middle = (layout.plot.left + layout.plot.right) / 2.0;
    assert_eq!(
        layout.columns,
        [(layout.plot.left, middle), (middle, layout.plot.right)]
    );
    // Linear axis from 0 to 10: the first two buckets are thin, the third most of the plot.
    let px = |value: f64| layout.y.px_from_value(value);
    assert_eq!(
        layout.rows,
        [
            (px(0.1), px(0.0)),
            (px(1.0), px(0.1)),
            (px(10.0), px(1.0)),
            (band.top, band.bottom)
        ]
    );
    let labels: Vec<&str> = layout
        .y_ticks
        .iter()
        .map(|tick| tick.label.as_str())
        .collect();
    assert_eq!(labels, ["0", "2", "4", "6", "8", "10", "+Inf"]);
    let (bar, high, low) = layout.color_bar.clone().expect("a colour bar");
    assert_eq!(
        (high.as_str(), low.as_str(), bar.left),
        ("20", "0", layout.plot.right + 6.0)
    );
}

#[test]
fn hit_finds_the_cell_that_was_painted() {
    let model = model(HeatMapChartSpec::default());
    let layout = layout(&model, 400.0, 200.0, 0, &measure);
    let cases = [
        // Middle of the third bucket in the first minute.
        (
            100.0,
            layout.y.px_from_value(5.0),
            Some(Cell { time: 0, bucket: 2 }),
        ),
        // The +Inf band in the second minute.
        (300.0, 6.0, Some(Cell { time: 1, bucket: 3 })),
        // Left of the plot, under it, right of it.
        (10.0, 100.0, None),
        (100.0, 190.0, None),
        (390.0, 100.0, None),
    ];
    for (x, y, expected) in cases {
        assert_eq!(layout.hit(x, y), expected, "({x}, {y})");
    }
    // Every cell's centre hits that cell.
    for (time, (left, right)) in layout.columns.iter().enumerate() {
        for (bucket, (top, bottom)) in layout.rows.iter().enumerate() {
            if bottom > top {
                let hit = layout.hit((left + right) / 2.0, (top + bottom) / 2.0);
                assert_eq!(hit, Some(Cell { time, bucket }));
            }
        }
    }
}

#[test]
fn log_axis_and_spec_bounds() {
    let log = model(HeatMapChartSpec {
        log_base: Some(LogBase::Ten),
        show_visual_map: Some(false),
        ..HeatMapChartSpec::default()
    });
    let layout = layout(&log, 400.0, 200.0, 0, &measure);
    // The lowest bucket starts at 0: on a log axis it gets the decade under its bound.
    assert_eq!((layout.y.min_value, layout.y.max_value), (0.01, 10.0));
    let labels: Vec<&str> = layout
        .y_ticks
        .iter()
        .map(|tick| tick.label.as_str())
        .collect();
    assert_eq!(labels, ["0.01", "0.1", "1", "10", "+Inf"]);
    // Three decades, one bucket each: equal rows.
    let heights: Vec<f64> = layout.rows[..3]
        .iter()
        .map(|(top, bottom)| bottom - top)
        .collect();
    assert!(
        heights
            .iter()
            .all(|height| (height - heights[0]).abs() < 1e-9),
        "{heights:?}"
    );
    assert_eq!(layout.color_bar, None);
    assert_eq!(layout.plot.right, 396.0);
    // A max of its own hides the +Inf band; a bucket above it is clipped away.
    let bounded = model(HeatMapChartSpec {
        min: Some(0.0),
        max: Some(1.0),
        ..HeatMapChartSpec::default()
    });
    let layout = super::layout(&bounded, 400.0, 200.0, 0, &measure);
    assert_eq!(layout.overflow, None);
    let (top, bottom) = layout.rows[2];
    assert_eq!(top, bottom);
    assert_eq!(layout.rows[3].0, layout.rows[3].1);
}

#[test]
fn empty_buckets_at_the_ends_leave_the_axis() {
    // Buckets up to 1000 s, observations only below 10 s.
    let series = vec![
        series_at(&[("le", "0.1")], &[(60_000, 0.0)]),
        series_at(&[("le", "1")], &[(60_000, 5.0)]),
        series_at(&[("le", "10")], &[(60_000, 8.0)]),
        series_at(&[("le", "1000")], &[(60_000, 8.0)]),
        series_at(&[("le", "+Inf")], &[(60_000, 8.0)]),
    ];
    let range = AbsoluteRange {
        start_ms: 0,
        end_ms: 60_000,
    };
    let model = prepare(
        &HeatMapChartSpec::default(),
        &[output(0, series, None)],
        range,
    );
    let layout = layout(&model, 400.0, 200.0, 0, &measure);
    assert_eq!((layout.y.min_value, layout.y.max_value), (0.1, 10.0));
    // The unused buckets have no height, so nothing is drawn or hit there.
    assert_eq!(layout.rows[3].0, layout.rows[3].1);
    assert_eq!(layout.rows[0].0, layout.rows[0].1);
}

#[test]
fn colours_by_count() {
    let cases = [
        (5.0, 10.0, CountScale::Linear, 0.5),
        (10.0, 10.0, CountScale::Linear, 1.0),
        (100.0, 10_000.0, CountScale::Log, 0.5),
        (1.0, 1000.0, CountScale::Log, 0.0),
    ];
    for (count, max, scale, expected) in cases {
        let got = color_fraction(count, max, scale, 1.0);
        assert!((got - expected).abs() < 1e-9, "{count} of {max}: {got}");
    }
    assert!(color_fraction(0.0, 10.0, CountScale::Linear, 1.0).is_nan());
    assert!(color_fraction(f64::NAN, 10.0, CountScale::Linear, 1.0).is_nan());
    assert_eq!(ramp(0.0), [68, 1, 84]);
    assert_eq!(ramp(1.0), [253, 231, 37]);
    assert_eq!(ramp(0.5), [33, 145, 140]);
    // Few observations are faint: yellow on white, purple on black.
    assert_eq!(heat_color(0.0, "#ffffff"), [253, 231, 37]);
    assert_eq!(heat_color(0.0, "rgb(21, 21, 21)"), [68, 1, 84]);
    assert_eq!(heat_color(1.0, "#fff"), [68, 1, 84]);
}

#[test]
fn the_raster_fills_each_cell_with_its_colour_and_nothing_else() {
    let model = model(HeatMapChartSpec::default());
    let layout = layout(&model, 400.0, 200.0, 0, &measure);
    for ratio in [1.0, 2.0] {
        let image = raster(&model, &layout, ratio, "#ffffff").expect("cells");
        let width = image.width_px as usize;
        assert_eq!(image.rgba.len(), width * image.bands.len() * 4);
        // Each band is a whole number of device pixels, and no two overlap.
        let mut bands = image.bands.clone();
        bands.sort_by_key(|band| band.top_px);
        for pair in bands.windows(2) {
            assert!(
                pair[0].top_px + pair[0].height_px <= pair[1].top_px,
                "{pair:?}"
            );
        }
        assert!(bands.iter().all(|band| band.height_px > 0));
        let at = |x_css: f64, y_css: f64| {
            let pixel = image.pixel_at((x_css * ratio) as u32, (y_css * ratio) as u32);
            pixel.expect("a pixel of the image").to_vec()
        };
        let expect = |count: f64| {
            let fraction = color_fraction(count, model.max_count, model.count_scale, 1.0);
            // The raster looks colours up in 256 shades.
            let [r, g, b] = heat_color((fraction * 255.0).round() / 255.0, "#ffffff");
            vec![r, g, b, 255]
        };
        // Minute one: 10, 20, 10 and none above 10 s; minute two: none, 10, 10, 20.
        let middle = |bucket: usize| (layout.rows[bucket].0 + layout.rows[bucket].1) / 2.0;
        let (first, second) = (layout.columns[0], layout.columns[1]);
        let x1 = (first.0 + first.1) / 2.0;
        let x2 = (second.0 + second.1) / 2.0;
        assert_eq!(at(x1, middle(1)), expect(20.0), "ratio {ratio}");
        assert_eq!(at(x1, middle(2)), expect(10.0));
        assert_eq!(
            at(x1, middle(3)),
            vec![0, 0, 0, 0],
            "an empty cell stays transparent"
        );
        assert_eq!(at(x2, middle(3)), expect(20.0), "the +Inf band");
        assert_eq!(at(x2, middle(0)), vec![0, 0, 0, 0]);
    }
}
