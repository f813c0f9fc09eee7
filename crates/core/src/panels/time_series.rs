//! `TimeSeriesChart`: series with their colours and styles, stacking, the y domain, thresholds
//! and the legend, as Perses draws them.

use std::collections::BTreeMap;

use super::{QueryOutput, named_series};
use crate::chart::palette::{Hsla, auto_color, categorical_color};
use crate::prometheus::{Labels, Samples};
use crate::spec::common::{
    Calculation, Format, LegendMode, LegendPosition, LegendSize, ThresholdMode,
};
use crate::spec::panels::time_series::{
    ColorMode, LineStyle, LogBase, PaletteMode, SeriesDisplay, ShowPoints, Stack,
    TimeSeriesChartSpec,
};
use crate::spec::unit::Unit;
use crate::time_range::AbsoluteRange;

/// Perses' defaults (perses/plugins `time-series-chart-model.ts`).
pub const DEFAULT_LINE_WIDTH: f64 = 1.25;
const POINT_SIZE_OFFSET: f64 = 1.5;
/// Points are drawn automatically for ranges of 15 minutes or less.
const AUTO_POINTS_MAX_RANGE_MS: i64 = 15 * 60 * 1000;

/// What the chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSeriesModel {
    pub series: Vec<ChartSeries>,
    /// How many series the queries returned; more than `series.len()` when capped.
    pub total_series: usize,
    pub range: AbsoluteRange,
    pub display: SeriesDisplay,
    pub line_width_px: f64,
    pub point_radius_px: f64,
    pub show_points: bool,
    pub connect_nulls: bool,
    pub stack: Option<Stack>,
    pub y_axis: YAxisModel,
    pub thresholds: Vec<ThresholdLine>,
    pub legend: Option<LegendModel>,
    pub tooltip_pinning: bool,
}

/// One series as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// Position among the drawn series; stable while the data is.
    pub id: usize,
    /// The query and the label set, hashed: tells apart series whose names are alike, and
    /// stays the same across refreshes (the legend remembers hidden series by it). A number,
    /// not the labels written out: a dashboard has hundreds of series of long label sets.
    pub key: u64,
    pub name: String,
    pub query_index: usize,
    /// A CSS colour (`#rrggbb`, a name, or Perses' `hsla(...)`).
    pub color: String,
    /// The colour comes from the palette, not from the dashboard: the web layer may move its
    /// lightness to reach 3:1 on the theme's background (`chart::contrast`).
    pub palette_color: bool,
    pub line_style: LineStyle,
    pub area_opacity: f64,
    /// Drawn below the axis (values negated), as Grafana's "negative Y" transform.
    pub negative_y: bool,
    /// The query's own format, when it overrides the axis's.
    pub format: Option<Format>,
    pub samples: Samples,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YAxisModel {
    pub show: bool,
    pub label: Option<String>,
    pub format: Format,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub log_base: Option<LogBase>,
}

/// A threshold drawn across the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ThresholdLine {
    pub value: f64,
    /// The step's colour, if the dashboard gives one; else the theme's threshold palette.
    pub color: Option<String>,
    pub name: Option<String>,
    pub index: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendModel {
    pub position: LegendPosition,
    pub mode: LegendMode,
    pub size: LegendSize,
    /// Value columns (table mode).
    pub columns: Vec<Calculation>,
}

/// From this many drawn series on, colour alone no longer tells them apart for everyone
/// (WCAG 1.4.1): series the dashboard gives no line style take solid, dashed and dotted in
/// turn, and the legend shows the style beside the colour.
pub const STYLED_FROM_SERIES: usize = 4;

/// The line style of series `id` of `drawn` when the dashboard sets none.
fn auto_line_style(id: usize, drawn: usize) -> LineStyle {
    if drawn < STYLED_FROM_SERIES {
        return LineStyle::Solid;
    }
    match id % 3 {
        0 => LineStyle::Solid,
        1 => LineStyle::Dashed,
        _ => LineStyle::Dotted,
    }
}

/// Prepares the chart from the panel's options and its query results, drawing at most
/// `series_limit` series.
pub fn prepare(
    spec: &TimeSeriesChartSpec,
    outputs: &[QueryOutput],
    range: AbsoluteRange,
    series_limit: usize,
) -> TimeSeriesModel {
    let visual = spec.visual.clone().unwrap_or_default();
    let (named, total_series) = named_series(outputs, series_limit);
    let series_per_query = outputs.iter().fold(
        BTreeMap::new(),
        |mut counts: BTreeMap<usize, usize>, output| {
            *counts.entry(output.query_index).or_default() += output.result.series.len();
            counts
        },
    );
    let palette = visual
        .palette
        .as_ref()
        .map(|palette| palette.mode)
        .unwrap_or_default();
    let drawn = named.len();
    let series = named
        .into_iter()
        .enumerate()
        .map(|(id, named)| {
            let settings = spec
                .query_settings
                .iter()
                .find(|settings| settings.query_index == named.query_index);
            let query_has_many = series_per_query
                .get(&named.query_index)
                .copied()
                .unwrap_or(0)
                > 1;
            let fixed = settings.and_then(|settings| match settings.color_mode {
                Some(ColorMode::Fixed) => settings.color_value.clone(),
                Some(ColorMode::FixedSingle) if !query_has_many => settings.color_value.clone(),
                _ => None,
            });
            let palette_color = fixed.is_none();
            let color = fixed.unwrap_or_else(|| match palette {
                PaletteMode::Categorical => categorical_color(id).to_owned(),
                PaletteMode::Auto => auto_color(&named.name).to_css(),
            });
            ChartSeries {
                id,
                key: series_hash(named.query_index, &named.series.labels),
                name: named.name,
                query_index: named.query_index,
                color,
                palette_color,
                line_style: settings
                    .and_then(|s| s.line_style)
                    .or(visual.line_style)
                    .unwrap_or_else(|| auto_line_style(id, drawn)),
                area_opacity: settings
                    .and_then(|s| s.area_opacity)
                    .or(visual.area_opacity)
                    .unwrap_or(0.0)
                    .clamp(0.0, 1.0),
                negative_y: settings.and_then(|s| s.negative_y).unwrap_or(false),
                format: settings.and_then(|s| s.format.clone()),
                samples: gaps::break_at_missing_steps(&named.series.samples),
            }
        })
        .collect::<Vec<_>>();
    let line_width_px = visual
        .line_width
        .unwrap_or(DEFAULT_LINE_WIDTH)
        .clamp(0.25, 3.0);
    let point_radius_px = visual
        .point_radius
        .unwrap_or(line_width_px + POINT_SIZE_OFFSET)
        .clamp(0.0, 6.0);
    let show_points = match visual.show_points.unwrap_or_default() {
        ShowPoints::Always => true,
        ShowPoints::Auto => range.duration_ms() <= AUTO_POINTS_MAX_RANGE_MS,
    };
    let y_axis_spec = spec.y_axis.clone().unwrap_or_default();
    let y_axis = YAxisModel {
        show: y_axis_spec.show.unwrap_or(true),
        label: y_axis_spec.label.filter(|label| !label.is_empty()),
        format: y_axis_spec.format.unwrap_or_else(default_format),
        min: y_axis_spec.min,
        max: y_axis_spec.max,
        log_base: y_axis_spec.log_base,
    };
    let thresholds = threshold_lines(spec, &series, &y_axis);
    let legend = spec.legend.as_ref().map(|legend| LegendModel {
        position: legend.position,
        mode: legend.mode.unwrap_or_default(),
        size: legend.size.unwrap_or_default(),
        columns: legend.values.clone(),
    });
    TimeSeriesModel {
        series,
        total_series,
        range,
        display: visual.display.unwrap_or_default(),
        line_width_px,
        point_radius_px,
        show_points,
        connect_nulls: visual.connect_nulls.unwrap_or(false),
        stack: visual.stack,
        y_axis,
        thresholds,
        legend,
        tooltip_pinning: spec
            .tooltip
            .as_ref()
            .and_then(|tooltip| tooltip.enable_pinning)
            .unwrap_or(true),
    }
}

/// A series' key: its query and its labels, hashed with a hasher of fixed keys, so the key is
/// the same at every refresh; the chance that two of a chart's series collide is negligible.
fn series_hash(query_index: usize, labels: &Labels) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (query_index, labels).hash(&mut hasher);
    hasher.finish()
}

/// The format Perses uses when a chart sets none: decimal with short values.
pub fn default_format() -> Format {
    Format {
        unit: Some(Unit::Decimal),
        decimal_places: None,
        short_values: Some(true),
    }
}

fn threshold_lines(
    spec: &TimeSeriesChartSpec,
    series: &[ChartSeries],
    y_axis: &YAxisModel,
) -> Vec<ThresholdLine> {
    let Some(thresholds) = &spec.thresholds else {
        return Vec::new();
    };
    if series.is_empty() {
        // Perses draws thresholds only over data.
        return Vec::new();
    }
    let percent = thresholds.mode == Some(ThresholdMode::Percent);
    let data_max = series
        .iter()
        .flat_map(|s| s.samples.values())
        .map(|value| value.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (min, max) = (y_axis.min.unwrap_or(0.0), y_axis.max.unwrap_or(data_max));
    thresholds
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| ThresholdLine {
            value: if percent {
                min + (max - min) * step.value / 100.0
            } else {
                step.value
            },
            color: step.color.clone(),
            name: step.name.clone(),
            index,
        })
        .collect()
}

/// The colour of a series as red, green, blue and alpha, for the canvas.
pub fn hsla_of(series: &ChartSeries) -> Option<Hsla> {
    let inner = series.color.strip_prefix("hsla(")?.strip_suffix(')')?;
    let mut parts = inner
        .split(',')
        .map(|part| crate::float_text::parse_f64(part.trim().trim_end_matches('%')));
    Some(Hsla {
        hue_deg: parts.next()??,
        saturation: parts.next()?? / 100.0,
        lightness: parts.next()?? / 100.0,
        alpha: parts.next()??,
    })
}

mod drawn;
mod gaps;

pub use drawn::{layout, y_domain};
#[cfg(test)]
mod tests;
