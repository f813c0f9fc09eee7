//! `StatChart`: one big value per series, its colour from mappings and thresholds, and an
//! optional sparkline, as Perses' stat chart plugin shows them.

use super::{QueryOutput, named_series};
use crate::calculation::calculate;
use crate::chart::ticks::nice_domain;
use crate::format::{FormattedValue, format_value};
use crate::mappings::{MapInput, PatternEngine, apply_mappings};
use crate::prometheus::{Samples, Series};
use crate::spec::panels::stat::{LegendMode, StatChartSpec};
use crate::thresholds::{ThresholdPalette, base_color, color_for_value};

pub use crate::spec::panels::stat::StatColorMode;

/// Perses' chart theme draws sparklines this wide when the panel sets no width.
pub const DEFAULT_SPARKLINE_WIDTH_PX: f64 = 2.0;
/// The sparkline's area is its line colour at this opacity.
pub const SPARKLINE_AREA_OPACITY: f64 = 0.4;
/// On a solid background Perses draws the sparkline in white.
const SOLID_BACKGROUND_SPARKLINE_COLOR: &str = "#ffffff";
/// ECharts divides a value axis into about this many intervals when it rounds the maximum.
const SPARKLINE_AXIS_INTERVALS: usize = 5;

/// What the panel draws: one stat per series, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct StatModel {
    /// One per series, in query order; empty means "No data".
    pub items: Vec<StatItem>,
    /// Whether each stat shows its series name (`legendMode`; `auto` shows them when the
    /// queries returned more than one series).
    pub show_names: bool,
    /// What the item's colour paints: the value, the background, or nothing.
    pub color_mode: StatColorMode,
    /// The value's font size when the panel fixes it; else the view fits the text.
    pub value_font_size_px: Option<f64>,
    /// How sparklines look; `None` when the panel draws none.
    pub sparkline: Option<SparklineStyle>,
    /// How many series the queries returned; more than `items.len()` when capped.
    pub total_series: usize,
}

/// How the sparklines of a stat chart are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct SparklineStyle {
    /// The line's width: the panel's, else Perses' theme default.
    pub width_px: f64,
    /// A colour that replaces the item's colour for the line and area (white on a solid
    /// background); `None` draws in the item's colour. The panel's `sparkline.color` is not
    /// used: Perses ignores it so that the sparkline always follows the thresholds.
    pub color: Option<String>,
    /// The opacity of the area under the line.
    pub area_opacity: f64,
}

/// One series' stat.
#[derive(Debug, Clone, PartialEq)]
pub struct StatItem {
    /// The series' name, as Perses names it (`seriesNameFormat`, else its labels).
    pub name: String,
    /// The calculated value, formatted; a mapping's text or the `metricLabel` value is put
    /// whole in `number`. No value (an empty series) is an empty text, as in Perses.
    pub value: FormattedValue,
    /// The calculated value before formatting and mapping.
    pub raw_value: Option<f64>,
    /// A CSS colour: the matching mapping's, else the last threshold step reached, else the
    /// base colour.
    pub color: String,
    /// The series' samples for the sparkline (shared with the query's result); empty when the
    /// panel draws none.
    pub samples: Samples,
}

/// Prepares the stats from the panel's options and its query results, drawing at most
/// `series_limit` of them. `patterns` matches `metricLabel` and regex mappings.
pub fn prepare(
    spec: &StatChartSpec,
    outputs: &[QueryOutput],
    palette: &ThresholdPalette,
    patterns: &dyn PatternEngine,
    series_limit: usize,
) -> StatModel {
    let (named, total_series) = named_series(outputs, series_limit);
    let with_sparkline = spec.sparkline.is_some();
    let items = named
        .into_iter()
        .map(|named| {
            let raw_value = calculate(named.series.samples.values(), spec.calculation);
            StatItem {
                value: display_value(spec, named.series, raw_value, patterns),
                color: value_color(spec, raw_value, palette, patterns),
                raw_value,
                samples: if with_sparkline {
                    named.series.samples.clone()
                } else {
                    Samples::default()
                },
                name: named.name,
            }
        })
        .collect();
    let show_names = match spec.legend_mode {
        LegendMode::On => true,
        LegendMode::Off => false,
        // Perses counts every series, drawn or not.
        LegendMode::Auto => total_series > 1,
    };
    let sparkline = spec.sparkline.as_ref().map(|sparkline| SparklineStyle {
        width_px: sparkline.width.unwrap_or(DEFAULT_SPARKLINE_WIDTH_PX),
        color: match spec.color_mode {
            StatColorMode::BackgroundSolid => Some(SOLID_BACKGROUND_SPARKLINE_COLOR.to_owned()),
            StatColorMode::Value | StatColorMode::None => None,
        },
        area_opacity: SPARKLINE_AREA_OPACITY,
    });
    StatModel {
        items,
        show_names,
        color_mode: spec.color_mode,
        value_font_size_px: spec.value_font_size,
        sparkline,
        total_series,
    }
}

/// The value range of a sparkline's hidden axis: from 0 when the data's minimum lies between
/// 0 and 1 (so percent-decimal and 0/1 series sit on the floor), else from the minimum, up to
/// the maximum rounded as ECharts rounds it. `None` without a finite sample.
pub fn sparkline_range(values: &[f64]) -> Option<(f64, f64)> {
    let (min, max) = values
        .iter()
        .copied()
        .filter(|value| value.is_finite())
        .fold(None, |range: Option<(f64, f64)>, value| match range {
            None => Some((value, value)),
            Some((min, max)) => Some((min.min(value), max.max(value))),
        })?;
    let min = if (0.0..=1.0).contains(&min) { 0.0 } else { min };
    if max <= min {
        return Some((min, min + 1.0));
    }
    Some((min, nice_domain(min, max, SPARKLINE_AXIS_INTERVALS).1))
}

/// The text shown: the `metricLabel` value when a label name matches, else a mapping's text,
/// else the formatted value.
fn display_value(
    spec: &StatChartSpec,
    series: &Series,
    raw_value: Option<f64>,
    patterns: &dyn PatternEngine,
) -> FormattedValue {
    if let Some(label) = metric_label_value(spec, series, patterns) {
        return whole_text(label);
    }
    let Some(value) = raw_value else {
        // Perses shows nothing for a series without a value, and maps nothing.
        return FormattedValue::default();
    };
    if !spec.mappings.is_empty()
        && let Some(text) = apply_mappings(MapInput::Number(value), &spec.mappings, patterns).text
    {
        return whole_text(text);
    }
    format_value(value, spec.format.as_ref())
}

/// The value of the first label whose name matches `metricLabel`; an empty value counts as
/// none, so the number is shown instead.
fn metric_label_value(
    spec: &StatChartSpec,
    series: &Series,
    patterns: &dyn PatternEngine,
) -> Option<String> {
    let pattern = spec.metric_label.as_deref().filter(|p| !p.is_empty())?;
    series
        .labels
        .iter()
        .find(|(name, _)| patterns.replace(pattern, name, name).is_some())
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The colour of the value: mappings are checked first, then thresholds, both against the
/// calculated number (not the label or mapped text), as Perses' `get-color.ts` does.
fn value_color(
    spec: &StatChartSpec,
    raw_value: Option<f64>,
    palette: &ThresholdPalette,
    patterns: &dyn PatternEngine,
) -> String {
    let thresholds = spec.thresholds.as_ref();
    let base = base_color(thresholds, palette);
    let Some(value) = raw_value else {
        return base;
    };
    let from_mappings = (!spec.mappings.is_empty())
        .then(|| apply_mappings(MapInput::Number(value), &spec.mappings, patterns).color)
        .flatten()
        .filter(|color| !color.is_empty());
    from_mappings
        .or_else(|| thresholds.and_then(|steps| color_for_value(value, steps, palette)))
        .unwrap_or(base)
}

fn whole_text(text: String) -> FormattedValue {
    FormattedValue {
        number: text,
        ..FormattedValue::default()
    }
}

#[cfg(test)]
mod tests;
