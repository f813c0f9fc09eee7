//! `BarChart`: one bar per series, or bars grouped (and optionally stacked) by label values,
//! with their texts, colours and the value axis, as Perses draws them (perses/plugins
//! `barchart/src`: `BarChartPanel.tsx`, `BarChartBase.tsx`, `utils.ts`).
//!
//! Bars and groups are listed in the order they are drawn: top to bottom for horizontal bars,
//! left to right for vertical ones. Perses hands ECharts a category axis whose first entry
//! sits at the axis origin (the bottom of a horizontal chart), so horizontal charts list its
//! array in reverse; the sort orders therefore read as Perses shows them, not as they sound
//! (with the default `desc`, vertical bars rise from left to right).

mod grouped;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use super::{QueryOutput, named_series};
use crate::calculation::calculate;
use crate::chart::palette::categorical_color;
use crate::chart::ticks::nice_domain;
use crate::format::format_value;
use crate::mappings::PatternEngine;
use crate::spec::common::{Format, SortOrder};
use crate::spec::panels::bar::{BarChartSpec, BarMode, ColorOverride, Orientation};
use crate::spec::unit::Unit;

pub use grouped::{BarGroup, BarSegment, GroupedBars, LegendEntry};

/// ECharts' `boundaryGap` on Perses' value axes: room above the largest value.
const VALUE_AXIS_GAP: f64 = 0.1;
/// About how many ticks ECharts puts on a value axis.
const VALUE_AXIS_TICKS: usize = 5;

/// What the chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct BarModel {
    pub orientation: Orientation,
    pub layout: BarLayout,
    pub value_axis: ValueAxis,
    /// How many series the queries returned; more than were used when capped.
    pub total_series: usize,
}

impl BarModel {
    /// True when there is nothing to draw (Perses shows "No data").
    pub fn is_empty(&self) -> bool {
        match &self.layout {
            BarLayout::Bars(bars) => bars.is_empty(),
            BarLayout::Groups(grouped) => grouped.groups.is_empty() || grouped.legend.is_empty(),
        }
    }
}

/// The bars: one per series, or grouped by the `groupBy` labels.
#[derive(Debug, Clone, PartialEq)]
pub enum BarLayout {
    Bars(Vec<Bar>),
    Groups(GroupedBars),
}

/// One series' bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The series name, shown on the category axis.
    pub label: String,
    /// The reduced value (a percentage 0–100 in percentage mode); `None` draws no bar.
    pub value: Option<f64>,
    /// The text beside the bar; Perses shows none for zero or missing values.
    pub text: Option<String>,
    /// The value in the tooltip; `None` when Perses shows no tooltip.
    pub tooltip: Option<String>,
    /// A CSS colour.
    pub color: String,
}

/// The value axis: its domain and how its ticks are formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    pub min: f64,
    pub max: f64,
    pub format: Format,
}

/// Prepares the chart from the panel's options and its query results, using at most
/// `series_limit` series. `patterns` matches the `colorOverrides` regexes against bar names.
/// With a `background` (the theme's card), palette colours are made to reach 3:1 on it
/// (`chart::contrast`); override colours stay as the dashboard writes them.
pub fn prepare(
    spec: &BarChartSpec,
    outputs: &[QueryOutput],
    patterns: &dyn PatternEngine,
    series_limit: usize,
    background: Option<&str>,
) -> BarModel {
    let (named, total_series) = named_series(outputs, series_limit);
    let orientation = spec.orientation.unwrap_or_default();
    let mode = spec.mode.unwrap_or_default();
    let overrides = spec
        .visual
        .as_ref()
        .map(|visual| visual.color_overrides.as_slice())
        .unwrap_or_default();
    let colors = OverrideColors {
        overrides,
        patterns,
        background,
    };
    let plain_format = spec.format.clone().unwrap_or_else(default_format);
    let (mut layout, axis_format) = if spec.group_by.is_empty() {
        let values = named
            .iter()
            .map(|named| {
                let value = calculate(named.series.samples.values(), spec.calculation);
                (named.name.clone(), value.filter(|value| !value.is_nan()))
            })
            .collect();
        let bars = single_bars(values, spec, mode, &plain_format, &colors);
        (BarLayout::Bars(bars), plain_format)
    } else {
        // Grouped bars format their values (tooltips and axis) as percentages in that mode.
        let format = match mode {
            BarMode::Value => plain_format,
            BarMode::Percentage => percent_format(spec.format.as_ref()),
        };
        let grouped = grouped::grouped_bars(spec, &named, &format, &colors);
        (BarLayout::Groups(grouped), format)
    };
    if orientation == Orientation::Horizontal {
        match &mut layout {
            BarLayout::Bars(bars) => bars.reverse(),
            BarLayout::Groups(grouped) => grouped.groups.reverse(),
        }
    }
    let (min, max) = value_domain(&layout);
    BarModel {
        orientation,
        layout,
        value_axis: ValueAxis {
            min,
            max,
            format: axis_format,
        },
        total_series,
    }
}

/// The format Perses' bar chart uses when the panel sets none.
pub fn default_format() -> Format {
    Format {
        unit: Some(Unit::Decimal),
        decimal_places: None,
        short_values: None,
    }
}

/// Percent values (0–100) keeping only the panel's decimal places, as Perses formats shares.
fn percent_format(format: Option<&Format>) -> Format {
    Format {
        unit: Some(Unit::Percent),
        decimal_places: format.and_then(|format| format.decimal_places),
        short_values: None,
    }
}

/// Colours from `visual.colorOverrides`: the first override whose regex matches the name.
struct OverrideColors<'a> {
    overrides: &'a [ColorOverride],
    patterns: &'a dyn PatternEngine,
    background: Option<&'a str>,
}

impl OverrideColors<'_> {
    /// The palette's `index`-th colour, readable on the background when there is one.
    fn palette(&self, index: usize) -> String {
        let color = categorical_color(index);
        match self.background {
            Some(background) => crate::chart::contrast::readable_on(color, background),
            None => color.to_owned(),
        }
    }

    fn color_for(&self, name: &str) -> Option<String> {
        self.overrides
            .iter()
            .filter(|override_| !override_.regex.is_empty())
            .find(|override_| self.patterns.replace(&override_.regex, name, "").is_some())
            .map(|override_| override_.color.clone())
    }
}

/// One bar per series, sorted and (in percentage mode) turned into shares, in Perses' order.
fn single_bars(
    mut values: Vec<(String, Option<f64>)>,
    spec: &BarChartSpec,
    mode: BarMode,
    format: &Format,
    colors: &OverrideColors<'_>,
) -> Vec<Bar> {
    let order = spec.sort.unwrap_or(SortOrder::Desc);
    crate::sort::sort_by(&mut values, |(_, a), (_, b)| {
        perses_bar_order(*a, *b, order)
    });
    if mode == BarMode::Percentage {
        let total: f64 = values.iter().filter_map(|(_, value)| *value).sum();
        for (_, value) in &mut values {
            // A missing value counts as zero; an empty total leaves nothing to draw.
            let share = value.unwrap_or(0.0) / total * 100.0;
            *value = share.is_finite().then_some(share);
        }
    }
    let text_format = match mode {
        BarMode::Value => format.clone(),
        BarMode::Percentage => percent_format(Some(format)),
    };
    values
        .into_iter()
        .map(|(label, value)| {
            // Perses labels only truthy values: zero gets neither a text nor a tooltip.
            let shown = value.filter(|value| *value != 0.0);
            Bar {
                color: colors
                    .color_for(&label)
                    .unwrap_or_else(|| colors.palette(0)),
                text: shown.map(|value| format_value(value, Some(&text_format)).to_string()),
                tooltip: shown.map(|value| format_value(value, Some(format)).to_string()),
                label,
                value,
            }
        })
        .collect()
}

/// Perses' bar order along the category axis (origin first). `desc` puts missing values
/// first, then rising values; `asc` puts falling values first, then missing ones.
fn perses_bar_order(a: Option<f64>, b: Option<f64>, order: SortOrder) -> Ordering {
    let by_value = |a: f64, b: f64| a.partial_cmp(&b).unwrap_or(Ordering::Equal);
    match (order, a, b) {
        (_, None, None) => Ordering::Equal,
        (SortOrder::Desc, None, Some(_)) | (SortOrder::Asc, Some(_), None) => Ordering::Less,
        (SortOrder::Desc, Some(_), None) | (SortOrder::Asc, None, Some(_)) => Ordering::Greater,
        (SortOrder::Desc, Some(a), Some(b)) => by_value(a, b),
        (SortOrder::Asc, Some(a), Some(b)) => by_value(b, a),
    }
}

/// The value axis domain as ECharts picks it for Perses: the data's extent plus 10% above,
/// stretched to include zero, then widened to round ticks.
fn value_domain(layout: &BarLayout) -> (f64, f64) {
    let ends: Vec<f64> = match layout {
        BarLayout::Bars(bars) => bars.iter().filter_map(|bar| bar.value).collect(),
        BarLayout::Groups(grouped) => grouped
            .groups
            .iter()
            .flat_map(|group| group.segments.iter())
            .filter(|segment| segment.value.is_some())
            .map(|segment| segment.to)
            .collect(),
    };
    let (data_min, data_max) = ends
        .iter()
        .filter(|value| value.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), value| {
            (lo.min(*value), hi.max(*value))
        });
    if !data_min.is_finite() || (data_min == 0.0 && data_max == 0.0) {
        return (0.0, 1.0);
    }
    let span = if data_max > data_min {
        data_max - data_min
    } else {
        data_min.abs()
    };
    let (min, max) = (data_min, data_max + span * VALUE_AXIS_GAP);
    // Bars start at zero, so the axis always shows it.
    let (min, max) = (min.min(0.0), max.max(0.0));
    nice_domain(min, max, VALUE_AXIS_TICKS)
}
