//! Bars grouped by `groupBy` label values, side by side or stacked, as Perses' bar chart
//! builds them: one group per distinct value of the grouping labels, one segment per series
//! of the remaining labels.

use std::collections::HashMap;

use super::OverrideColors;
use crate::calculation::calculate;
use crate::format::format_value;
use crate::panels::NamedSeries;
use crate::spec::common::{Format, SortOrder};
use crate::spec::panels::bar::{BarChartSpec, BarMode};

/// Perses joins the values of several grouping labels with this.
const GROUP_KEY_SEPARATOR: &str = " / ";

/// Groups of bars, with the legend that names their segments.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedBars {
    /// Segments sit on one another instead of side by side.
    pub stacked: bool,
    /// In drawing order (top to bottom, or left to right).
    pub groups: Vec<BarGroup>,
    /// One entry per segment name, in the order of the segments.
    pub legend: Vec<LegendEntry>,
}

/// The bars of one value of the grouping labels.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    /// The grouping labels' values joined with " / ", shown on the category axis.
    pub label: String,
    /// One per legend entry, in legend order, even where the group has no such series (side by
    /// side, ECharts keeps its slot empty).
    pub segments: Vec<BarSegment>,
}

/// One segment of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSegment {
    /// The series' remaining labels (`{pod="a", job="x"}`), or its name when none remain.
    pub name: String,
    /// The summed value (a percentage of the group's total in percentage mode); `None` when the
    /// group has no such series and nothing is drawn.
    pub value: Option<f64>,
    /// Where the bar starts and ends on the value axis: from zero when side by side, from the
    /// top of the stack below when stacked (positive and negative values stack apart).
    pub from: f64,
    pub to: f64,
    /// The formatted value for the tooltip.
    pub text: Option<String>,
    /// A CSS colour.
    pub color: String,
}

/// A legend entry: a segment name and its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub name: String,
    pub color: String,
}

/// Groups the series, in Perses' category order (axis origin first).
pub(super) fn grouped_bars(
    spec: &BarChartSpec,
    named: &[NamedSeries<'_>],
    format: &Format,
    colors: &OverrideColors<'_>,
) -> GroupedBars {
    let mut group_keys: Vec<String> = Vec::new();
    let mut group_index: HashMap<String, usize> = HashMap::new();
    let mut segment_names: Vec<String> = Vec::new();
    let mut segment_index: HashMap<String, usize> = HashMap::new();
    let mut sums: HashMap<(usize, usize), f64> = HashMap::new();
    for series in named {
        let labels = &series.series.labels;
        let key = spec
            .group_by
            .iter()
            .map(|label| labels.get(label).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(GROUP_KEY_SEPARATOR);
        let remaining: Vec<String> = labels
            .iter()
            .filter(|(label, _)| !spec.group_by.iter().any(|group| group == label))
            .map(|(label, value)| format!("{label}=\"{value}\""))
            .collect();
        let segment = if remaining.is_empty() {
            series.name.clone()
        } else {
            format!("{{{}}}", remaining.join(", "))
        };
        let group = index_of(&mut group_keys, &mut group_index, key);
        let segment = index_of(&mut segment_names, &mut segment_index, segment);
        // A series without a value adds zero, as in Perses.
        let value = calculate(series.series.samples.values(), spec.calculation)
            .filter(|value| !value.is_nan())
            .unwrap_or(0.0);
        *sums.entry((group, segment)).or_insert(0.0) += value;
    }
    let totals: Vec<f64> = (0..group_keys.len())
        .map(|group| {
            (0..segment_names.len())
                .filter_map(|segment| sums.get(&(group, segment)))
                .sum()
        })
        .collect();
    let total = |group: usize| totals.get(group).copied().unwrap_or(0.0);
    let mut order: Vec<usize> = (0..group_keys.len()).collect();
    // Groups keep their order of appearance unless the panel sorts them by their totals.
    match spec.sort {
        Some(SortOrder::Asc) => {
            crate::sort::sort_by(&mut order, |a, b| total(*a).total_cmp(&total(*b)))
        }
        Some(SortOrder::Desc) => {
            crate::sort::sort_by(&mut order, |a, b| total(*b).total_cmp(&total(*a)))
        }
        None => {}
    }
    let mut palette_index = 0;
    let legend: Vec<LegendEntry> = segment_names
        .iter()
        .map(|name| {
            // ECharts gives palette colours only to series without a colour of their own.
            let color = colors.color_for(name).unwrap_or_else(|| {
                palette_index += 1;
                colors.palette(palette_index - 1)
            });
            LegendEntry {
                name: name.clone(),
                color,
            }
        })
        .collect();
    let percentage = spec.mode.unwrap_or_default() == BarMode::Percentage;
    let stacked = spec.is_stacked.unwrap_or(false);
    let groups = order
        .into_iter()
        .filter_map(|group| {
            let label = group_keys.get(group)?.clone();
            let group_total = total(group);
            let (mut positive_top, mut negative_top) = (0.0, 0.0);
            let segments = legend
                .iter()
                .enumerate()
                .map(|(segment, entry)| {
                    let value = sums.get(&(group, segment)).map(|raw| {
                        if !percentage {
                            *raw
                        } else if group_total > 0.0 {
                            raw / group_total * 100.0
                        } else {
                            0.0
                        }
                    });
                    let (from, to) = match (value, stacked) {
                        (Some(value), true) => {
                            let top = if value >= 0.0 {
                                &mut positive_top
                            } else {
                                &mut negative_top
                            };
                            let from = *top;
                            *top += value;
                            (from, *top)
                        }
                        (Some(value), false) => (0.0, value),
                        (None, _) => (0.0, 0.0),
                    };
                    BarSegment {
                        name: entry.name.clone(),
                        value,
                        from,
                        to,
                        text: value.map(|value| format_value(value, Some(format)).to_string()),
                        color: entry.color.clone(),
                    }
                })
                .collect();
            Some(BarGroup { label, segments })
        })
        .collect();
    GroupedBars {
        stacked,
        groups,
        legend,
    }
}

/// The position of `key` in `keys`, appending it when new.
fn index_of(keys: &mut Vec<String>, index: &mut HashMap<String, usize>, key: String) -> usize {
    if let Some(position) = index.get(&key) {
        return *position;
    }
    let position = keys.len();
    index.insert(key.clone(), position);
    keys.push(key);
    position
}
