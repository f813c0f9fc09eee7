//! Where everything of a time series chart goes, in CSS pixels: computed from the model and
//! the box's size alone (no canvas), so it is a memo that hover and drawing both read.

use crate::chart::decimate::m4_indices;
use crate::chart::scale::{TimeScale, ValueScale};
use crate::chart::ticks::{TimeTick, log_ticks, time_ticks, value_ticks};
use crate::format::format_value;
use crate::panels::time_series::{TimeSeriesModel, layout, y_domain};
use crate::prometheus::Samples;
use crate::spec::panels::time_series::LineStyle;

use crate::chart::frame::CanvasSize;

/// Font size of axis labels, CSS pixels.
pub const AXIS_FONT_PX: f64 = 11.0;
/// Rough width of one character of an axis label; labels are short, so an estimate is enough
/// to size the margin without measuring (measuring needs a canvas, and this is a memo).
const CHAR_WIDTH_PX: f64 = 6.4;
const TOP_PX: f64 = 8.0;
const RIGHT_PX: f64 = 12.0;
const BOTTOM_PX: f64 = 22.0;
/// Vertical distance between value ticks, about.
const Y_TICK_SPACING_PX: f64 = 36.0;
/// Smallest distance between time ticks.
const X_TICK_SPACING_PX: f64 = 90.0;

/// The plot area, inside the axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotRect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl PlotRect {
    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right() && y >= self.top && y <= self.bottom()
    }
}

/// A series ready to draw. Its name and colour are found in the model by `id`, not copied
/// into every geometry (long names of many series add up on a dashboard).
#[derive(Debug, Clone)]
pub struct DrawnSeries {
    pub id: usize,
    pub line_style: LineStyle,
    pub area_opacity: f64,
    /// The values drawn (stacked, negated), at full resolution, for hover; the painter's
    /// polyline is made from them when painting ([`Geometry::path`]).
    pub values: Samples,
}

/// Everything the painters and the hover need.
#[derive(Debug, Clone)]
pub struct Geometry {
    pub size: CanvasSize,
    pub plot: PlotRect,
    pub x: TimeScale,
    pub y: ValueScale,
    pub y_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<TimeTick>,
    pub series: Vec<DrawnSeries>,
    /// Threshold values mapped to the plot, with their step index.
    pub thresholds: Vec<(f64, usize)>,
    /// Missing values are skipped (the line goes on) rather than breaking the line.
    pub connect_nulls: bool,
}

impl Geometry {
    /// The polyline of the series at `index`, decimated to the device's pixels, in CSS pixels;
    /// `NaN` points separate the pieces of a broken line. Made when painting, not kept: a
    /// dashboard's charts would otherwise hold a copy of every sample as pixels (0.7 MB on
    /// NodeExporter's 114 panels) for the paints that follow a change of size or data,
    /// which compute the geometry again anyway.
    pub fn path(&self, index: usize) -> Vec<(f64, f64)> {
        let Some(series) = self.series.get(index) else {
            return Vec::new();
        };
        let mut indices = Vec::new();
        // Decimate in device pixels: the finest detail the screen can show.
        m4_indices(
            &series.values,
            |time_ms| self.x.px_from_time(time_ms) * self.size.ratio,
            &mut indices,
        );
        indices
            .iter()
            .filter_map(|index| series.values.get(*index))
            .filter(|sample| !(self.connect_nulls && sample.value.is_nan()))
            .map(|sample| {
                if sample.value.is_finite() {
                    (
                        self.x.px_from_time(sample.time_ms),
                        self.y.px_from_value(sample.value),
                    )
                } else {
                    (f64::NAN, f64::NAN)
                }
            })
            .collect()
    }
}

/// Lays the chart out in a box of `size`.
pub fn compute(
    model: &TimeSeriesModel,
    visible: &[bool],
    size: CanvasSize,
    utc_offset_minutes: i32,
) -> Geometry {
    let drawn = layout(model, visible);
    let (y_min, y_max) = y_domain(model, &drawn);
    let plot_height_guess = (size.height_css - TOP_PX - BOTTOM_PX).max(10.0);
    let tick_count = (plot_height_guess / Y_TICK_SPACING_PX).floor().max(2.0) as usize;
    let tick_values = match model.y_axis.log_base {
        Some(base) => log_ticks(f64::from(base), y_min, y_max),
        None => value_ticks(y_min, y_max, tick_count).1,
    };
    let y_ticks: Vec<(f64, String)> = tick_values
        .into_iter()
        .map(|value| {
            (
                value,
                format_value(value, Some(&model.y_axis.format)).to_string(),
            )
        })
        .collect();
    let label_chars = y_ticks
        .iter()
        .map(|(_, label)| label.chars().count())
        .max()
        .unwrap_or(1);
    let axis_title_px = if model.y_axis.label.is_some() {
        18.0
    } else {
        0.0
    };
    let left = if model.y_axis.show {
        axis_title_px + label_chars as f64 * CHAR_WIDTH_PX + 10.0
    } else {
        4.0
    };
    let plot = PlotRect {
        left,
        top: TOP_PX,
        width: (size.width_css - left - RIGHT_PX).max(10.0),
        height: plot_height_guess,
    };
    let x = TimeScale {
        start_ms: model.range.start_ms,
        end_ms: model.range.end_ms,
        start_px: plot.left,
        end_px: plot.right(),
    };
    let y = ValueScale::new(y_min, y_max, plot.bottom(), plot.top, model.y_axis.log_base);
    let x_ticks = time_ticks(
        model.range.start_ms,
        model.range.end_ms,
        plot.width,
        X_TICK_SPACING_PX,
        utc_offset_minutes,
    );
    let series = drawn
        .into_iter()
        .filter_map(|(id, values)| {
            let source = model.series.get(id)?;
            Some(DrawnSeries {
                id,
                line_style: source.line_style,
                area_opacity: source.area_opacity,
                values,
            })
        })
        .collect();
    let thresholds = model
        .thresholds
        .iter()
        .map(|line| (line.value, line.index))
        .collect();
    Geometry {
        size,
        plot,
        x,
        y,
        y_ticks,
        x_ticks,
        series,
        thresholds,
        connect_nulls: model.connect_nulls,
    }
}

/// The pieces of a polyline between gaps.
pub fn pieces(path: &[(f64, f64)]) -> impl Iterator<Item = &[(f64, f64)]> {
    path.split(|(x, _)| x.is_nan())
        .filter(|piece| !piece.is_empty())
}

/// The index of the sample nearest in time to `time_ms` (samples in time order).
pub fn nearest_sample(samples: &Samples, time_ms: i64) -> Option<usize> {
    if samples.is_empty() {
        return None;
    }
    let after = samples.partition_point(|sample_ms| sample_ms < time_ms);
    let candidates = [
        after.checked_sub(1),
        (after < samples.len()).then_some(after),
    ];
    candidates.into_iter().flatten().min_by_key(|index| {
        samples
            .get(*index)
            .map_or(i64::MAX, |sample| (sample.time_ms - time_ms).abs())
    })
}
