//! Painting a time series chart's base layer: grid, axes, thresholds and series.

use obs_core::panels::time_series::TimeSeriesModel;
use obs_core::spec::panels::time_series::{LineStyle, SeriesDisplay};

use super::geometry::{AXIS_FONT_PX, Geometry, pieces};
use crate::chart::painter::{Align, Font, Painter};
use crate::chart::theme::ChartTheme;

/// How thresholds are shown: dashed lines (Perses' way) or coloured bands between steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThresholdStyle {
    #[default]
    Lines,
    Bands,
}

/// How many points one frame paints at most: the canvas rasterises what a frame drew before
/// the next one, so a chart of many series is drawn in frames of about this much work and
/// never blocks the page for long.
pub const POINTS_PER_FRAME: usize = 25_000;

/// The series to paint in each frame: consecutive ranges of about [`POINTS_PER_FRAME`]
/// samples, which a paint decimates and draws (a range holds at least one series).
pub fn frames(geometry: &Geometry) -> Vec<std::ops::Range<usize>> {
    let mut frames = Vec::new();
    let (mut start, mut points) = (0, 0);
    for (index, series) in geometry.series.iter().enumerate() {
        points += series.values.len().max(1);
        if points >= POINTS_PER_FRAME {
            frames.push(start..index + 1);
            start = index + 1;
            points = 0;
        }
    }
    if start < geometry.series.len() || frames.is_empty() {
        frames.push(start..geometry.series.len());
    }
    frames
}

/// The chart without its series: grid, axes and thresholds.
pub fn paint_frame(
    painter: &mut Painter,
    geometry: &Geometry,
    model: &TimeSeriesModel,
    theme: &ChartTheme,
    threshold_style: ThresholdStyle,
) {
    let plot = geometry.plot;
    let font = Font {
        size_css: AXIS_FONT_PX,
        bold: false,
        family: theme.font_family.clone(),
    };
    let grid = painter.color(&theme.grid, 1.0);
    // Horizontal grid and value labels.
    for (value, label) in &geometry.y_ticks {
        let y = geometry.y.px_from_value(*value).round() + 0.5;
        painter.line(&[(plot.left, y), (plot.right(), y)], grid, 1.0, &[]);
        if model.y_axis.show {
            painter.text(
                label,
                plot.left - 6.0,
                y,
                Align::Right,
                &font,
                &theme.text_subtle,
            );
        }
    }
    // Time labels under ticks.
    for tick in &geometry.x_ticks {
        let x = geometry.x.px_from_time(tick.time_ms).round() + 0.5;
        painter.line(
            &[(x, plot.bottom()), (x, plot.bottom() + 4.0)],
            grid,
            1.0,
            &[],
        );
        painter.text(
            &tick.label,
            x,
            plot.bottom() + 12.0,
            Align::Center,
            &font,
            &theme.text_subtle,
        );
    }
    if let Some(label) = &model.y_axis.label {
        painter.text(
            label,
            8.0,
            plot.top + plot.height / 2.0,
            Align::Center,
            &font,
            &theme.text_subtle,
        );
    }
    let threshold_color = |index: usize| {
        model
            .thresholds
            .get(index)
            .and_then(|line| line.color.clone())
            .unwrap_or_else(|| theme.threshold_color(index))
    };
    painter.clip(plot.left, plot.top, plot.width, plot.height);
    if threshold_style == ThresholdStyle::Bands {
        let mut sorted = geometry.thresholds.clone();
        obs_core::sort::sort_by(&mut sorted, |a, b| a.0.total_cmp(&b.0));
        for (position, (value, index)) in sorted.iter().enumerate() {
            let top_value = sorted
                .get(position + 1)
                .map_or(geometry.y.max_value, |next| next.0);
            let (y_low, y_high) = (
                geometry.y.px_from_value(*value),
                geometry.y.px_from_value(top_value),
            );
            let color = painter.color(&threshold_color(*index), 0.12);
            painter.rect(
                plot.left,
                y_high.min(y_low),
                plot.width,
                (y_low - y_high).abs(),
                color,
            );
        }
    }
    for (value, index) in &geometry.thresholds {
        let y = geometry.y.px_from_value(*value);
        let color = painter.color(&threshold_color(*index), 1.0);
        painter.line(
            &[(plot.left, y), (plot.right(), y)],
            color,
            1.5,
            &[6.0, 4.0],
        );
    }
    painter.unclip();
}

/// The series in `range`, over what is already painted.
pub fn paint_series(
    painter: &mut Painter,
    geometry: &Geometry,
    model: &TimeSeriesModel,
    range: std::ops::Range<usize>,
) {
    let plot = geometry.plot;
    painter.clip(plot.left, plot.top, plot.width, plot.height);
    let baseline = geometry
        .y
        .px_from_value(if geometry.y.min_value > 0.0 {
            geometry.y.min_value
        } else {
            0.0
        })
        .min(plot.bottom());
    let stacked = model.stack.is_some();
    // Stacked series sit on the one drawn before them: areas and bars start there. Its path
    // is the one this loop made last, except for the first series of a frame.
    let mut previous: Option<Vec<(f64, f64)>> = None;
    for index in range {
        let Some(series) = geometry.series.get(index) else {
            break;
        };
        let path = geometry.path(index);
        let below_path = match index.checked_sub(1) {
            Some(below) if stacked => Some(previous.take().unwrap_or_else(|| geometry.path(below))),
            _ => None,
        };
        let below = below_path.as_deref();
        // The colour is the model's: the drawn series does not keep a copy of its own.
        let color = model
            .series
            .get(series.id)
            .map_or("", |source| source.color.as_str());
        let line = painter.color(color, 1.0);
        match model.display {
            SeriesDisplay::Bar => {
                paint_bars(painter, series, color, &path, below, geometry, baseline)
            }
            SeriesDisplay::Line => {
                let fill = if stacked {
                    series.area_opacity.max(0.3)
                } else {
                    series.area_opacity
                };
                for piece in pieces(&path) {
                    if fill > 0.0 && piece.len() > 1 {
                        let mut polygon: Vec<(f64, f64)> = piece.to_vec();
                        polygon.extend(floor_under(piece, below, baseline));
                        painter.polygon(&polygon, painter.color(color, fill));
                    }
                    painter.line(
                        piece,
                        line,
                        model.line_width_px,
                        dash(series.line_style, model.line_width_px).as_slice(),
                    );
                    if model.show_points || piece.len() == 1 {
                        for (x, y) in piece {
                            painter.circle(*x, *y, model.point_radius_px.max(1.0), line);
                        }
                    }
                }
            }
        }
        previous = Some(path);
    }
    painter.unclip();
}

/// The lower edge of the area under `piece`, from its right end back to its left: the series
/// below it where stacked (its points within the piece's span), else the baseline.
fn floor_under(
    piece: &[(f64, f64)],
    below: Option<&[(f64, f64)]>,
    baseline: f64,
) -> Vec<(f64, f64)> {
    let (Some(first), Some(last)) = (piece.first(), piece.last()) else {
        return Vec::new();
    };
    let on_series: Vec<(f64, f64)> = below
        .map(|below| {
            below
                .iter()
                .rev()
                .filter(|(x, y)| x.is_finite() && y.is_finite() && *x >= first.0 && *x <= last.0)
                .copied()
                .collect()
        })
        .unwrap_or_default();
    if on_series.is_empty() {
        vec![(last.0, baseline), (first.0, baseline)]
    } else {
        on_series
    }
}

fn paint_bars(
    painter: &mut Painter,
    series: &super::geometry::DrawnSeries,
    color: &str,
    path: &[(f64, f64)],
    below: Option<&[(f64, f64)]>,
    geometry: &Geometry,
    baseline: f64,
) {
    let count = series.values.len().max(1) as f64;
    let width = (geometry.plot.width / count * 0.8).clamp(1.0, 40.0);
    let color = painter.color(color, 0.85);
    // Where stacked, each bar starts at the top of the bar below it at the same time (x).
    let floors: std::collections::HashMap<u64, f64> = below
        .map(|below| {
            below
                .iter()
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(|(x, y)| (x.to_bits(), *y))
                .collect()
        })
        .unwrap_or_default();
    for (x, y) in path.iter().filter(|(x, _)| x.is_finite()) {
        let floor = floors.get(&x.to_bits()).copied().unwrap_or(baseline);
        painter.rect(
            x - width / 2.0,
            y.min(floor),
            width,
            (floor - y).abs().max(1.0),
            color,
        );
    }
}

/// The dash pattern of a line style, scaled with the line's width.
fn dash(style: LineStyle, width: f64) -> Vec<f64> {
    match style {
        LineStyle::Solid => Vec::new(),
        LineStyle::Dashed => vec![6.0 * width.max(1.0), 4.0 * width.max(1.0)],
        LineStyle::Dotted => vec![width.max(1.0), 3.0 * width.max(1.0)],
    }
}
