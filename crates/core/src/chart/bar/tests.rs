use super::*;
use crate::panels::bar::{Bar, BarGroup, BarSegment, GroupedBars, LegendEntry, ValueAxis};
use crate::spec::common::Format;

/// Labels 7 px a character.
fn measure(text: &str) -> f64 {
    text.chars().count() as f64 * 7.0
}

const SIZE: CanvasSize = CanvasSize {
    width_css: 400.0,
    height_css: 200.0,
    ratio: 1.0,
};

fn bar(label: &str, value: f64) -> Bar {
    Bar {
        label: label.to_owned(),
        value: Some(value),
        text: Some(format!("{value}")),
        tooltip: Some(format!("{value} req/s")),
        color: "#06c".to_owned(),
    }
}

fn model(orientation: Orientation, layout: BarLayout) -> BarModel {
    BarModel {
        orientation,
        layout,
        value_axis: ValueAxis {
            min: 0.0,
            max: 100.0,
            format: Format::default(),
        },
        total_series: 3,
    }
}

#[test]
fn horizontal_bars_grow_from_their_labels() {
    let bars = vec![bar("a", 10.0), bar("llama", 50.0), bar("granite", 98.0)];
    let geometry = layout(
        &model(Orientation::Horizontal, BarLayout::Bars(bars)),
        SIZE,
        &measure,
    );
    // "granite" is the widest name: 49 px, then 10 px of gap.
    assert_eq!(
        geometry.plot,
        Rect {
            left: 59.0,
            top: 4.0,
            right: 384.0,
            bottom: 180.0
        }
    );
    let px = |value: f64| geometry.scale.px_from_value(value);
    let widths: Vec<f64> = geometry
        .placed
        .iter()
        .map(|p| p.rect.right - p.rect.left)
        .collect();
    assert_eq!(
        widths,
        [px(10.0) - px(0.0), px(50.0) - px(0.0), px(98.0) - px(0.0)]
    );
    // Bands split the height in three; a bar is 60 % of its band.
    let band_px = 176.0 / 3.0;
    let first = geometry.placed[0].rect;
    assert!(
        (first.top - (4.0 + band_px * 0.2)).abs() < 1e-9,
        "{first:?}"
    );
    let names: Vec<(&str, f64, Align)> = geometry
        .category_labels
        .iter()
        .map(|label| (label.text.as_str(), label.x, label.align))
        .collect();
    assert_eq!(
        names,
        [
            ("a", 53.0, Align::Right),
            ("llama", 53.0, Align::Right),
            ("granite", 53.0, Align::Right)
        ]
    );
    // The last bar reaches the plot's end: its value does not fit after it.
    let values: Vec<&str> = geometry
        .value_labels
        .iter()
        .map(|label| label.text.as_str())
        .collect();
    assert_eq!(values, ["10", "50"]);
    assert_eq!(geometry.value_labels[0].x, px(10.0) + 4.0);
    let ticks: Vec<&str> = geometry
        .ticks
        .iter()
        .map(|tick| tick.label.as_str())
        .collect();
    assert_eq!(ticks, ["0", "20", "40", "60", "80", "100"]);
}

#[test]
fn the_hit_test_finds_each_painted_rectangle() {
    let bars = vec![bar("a", 10.0), bar("b", 50.0)];
    let geometry = layout(
        &model(Orientation::Vertical, BarLayout::Bars(bars)),
        SIZE,
        &measure,
    );
    for placed in &geometry.placed {
        let rect = placed.rect;
        let middle = (
            (rect.left + rect.right) / 2.0,
            (rect.top + rect.bottom) / 2.0,
        );
        assert_eq!(
            geometry.hit(middle.0, middle.1),
            Some((placed.band, placed.segment))
        );
    }
    assert_eq!(geometry.hit(1.0, 1.0), None);
    assert_eq!(
        geometry.tooltip(1, 0),
        Some(vec!["b".to_owned(), "50 req/s".to_owned()])
    );
    assert_eq!(geometry.tooltip(2, 0), None);
}

#[test]
fn grouped_bars_share_their_band_side_by_side_and_names_are_cut_to_fit() {
    let segment = |name: &str, to: f64| BarSegment {
        name: name.to_owned(),
        value: Some(to),
        from: 0.0,
        to,
        text: Some(format!("{to}")),
        color: "#000".to_owned(),
    };
    let groups = GroupedBars {
        stacked: false,
        groups: vec![
            BarGroup {
                label: "a-very-long-deployment-name".to_owned(),
                segments: vec![segment("p50", 20.0), segment("p99", 80.0)],
            },
            BarGroup {
                label: "b".to_owned(),
                segments: vec![segment("p50", 30.0), segment("p99", 60.0)],
            },
        ],
        legend: vec![
            LegendEntry {
                name: "p50".to_owned(),
                color: "#000".to_owned(),
            },
            LegendEntry {
                name: "p99".to_owned(),
                color: "#000".to_owned(),
            },
        ],
    };
    let geometry = layout(
        &model(Orientation::Vertical, BarLayout::Groups(groups)),
        SIZE,
        &measure,
    );
    assert_eq!(geometry.placed.len(), 4);
    let (first, second) = (geometry.placed[0].rect, geometry.placed[1].rect);
    assert!(
        first.right <= second.left,
        "side by side: {first:?} {second:?}"
    );
    assert_eq!(first.bottom, geometry.scale.px_from_value(0.0));
    // Ticks up to "100" (21 px) make the left margin; each band is half of the rest.
    let band_px = (400.0 - 31.0) / 2.0;
    let cut = &geometry.category_labels[0].text;
    assert!(cut.ends_with('…') && measure(cut) <= band_px - 4.0, "{cut}");
    assert!(geometry.value_labels.is_empty(), "groups write no values");
    assert_eq!(
        geometry.tooltip(0, 1),
        Some(vec![
            "a-very-long-deployment-name".to_owned(),
            "p99: 80".to_owned()
        ])
    );
}
