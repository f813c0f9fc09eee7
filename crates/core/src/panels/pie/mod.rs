//! `PieChart`: one slice per series with its share, texts and colour, and the legend, as
//! Perses draws them (perses/plugins `piechart/src`: `PieChartPanel.tsx`, `PieChartBase.tsx`,
//! `utils.ts`, `colors.ts`) with ECharts' pie layout.
//!
//! ECharts leaves out negative values and slices without a number; a zero value gets no
//! room, unless every value is zero, when all slices share the circle equally. The legend
//! still lists every series.

mod colors;
mod legend;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use super::{QueryOutput, named_series};
use crate::calculation::calculate;
use crate::format::format_value;
use crate::prometheus::series_key;
use crate::spec::common::{Format, LegendMode, LegendPosition, LegendSize, SortOrder};
use crate::spec::panels::bar::BarMode;
use crate::spec::panels::pie::{Comparison, PieChartSpec};
use crate::spec::unit::Unit;

/// The radius when the panel sets none, in percent.
pub const DEFAULT_RADIUS_PCT: f64 = 50.0;
/// ECharts rounds slice percentages to this many decimals (`percentPrecision`).
const PERCENT_PRECISION: i32 = 2;

/// What the chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct PieModel {
    /// The drawn slices, clockwise from the top.
    pub slices: Vec<PieSlice>,
    /// How many series the queries returned; more than were used when capped.
    pub total_series: usize,
    /// The pie's radius in percent of the available space (the spec's `radius`).
    pub radius_pct: f64,
    /// Whether each slice shows its name and `label`.
    pub show_labels: bool,
    pub legend: Option<PieLegend>,
    /// The colours come from the series names' hashes (no `colorPalette`): the web layer may
    /// move their lightness to reach 3:1 on the theme's background (`chart::contrast`).
    pub palette_colors: bool,
}

/// One drawn slice.
#[derive(Debug, Clone, PartialEq)]
pub struct PieSlice {
    /// The series' position after sorting: its row in the legend.
    pub index: usize,
    pub name: String,
    pub value: f64,
    /// Where the slice starts and how much of the circle it takes, both 0–1.
    pub start_fraction: f64,
    pub fraction: f64,
    /// The value in the panel's format.
    pub text: String,
    /// The share of the total (ECharts' rounded percentage).
    pub percent_text: String,
    /// What the slice shows under its name with `showLabels`: `text`, or `percent_text` in
    /// percentage mode.
    pub label: String,
    /// A CSS colour.
    pub color: String,
}

/// The legend beside the pie.
#[derive(Debug, Clone, PartialEq)]
pub struct PieLegend {
    pub position: LegendPosition,
    pub mode: LegendMode,
    pub size: LegendSize,
    /// Value columns (table mode only).
    pub columns: Vec<PieLegendColumn>,
    /// Every series, in slice order, drawn or not.
    pub rows: Vec<PieLegendRow>,
}

/// A legend value column.
#[derive(Debug, Clone, PartialEq)]
pub struct PieLegendColumn {
    pub comparison: Comparison,
    pub header: &'static str,
    pub description: &'static str,
}

/// A legend row.
#[derive(Debug, Clone, PartialEq)]
pub struct PieLegendRow {
    pub name: String,
    pub color: String,
    /// One text per column; `None` leaves the cell empty.
    pub values: Vec<Option<String>>,
}

/// A series reduced to one value, with its colour.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
    value: Option<f64>,
    color: String,
}

/// Prepares the chart from the panel's options and its query results, using at most
/// `series_limit` series.
pub fn prepare(spec: &PieChartSpec, outputs: &[QueryOutput], series_limit: usize) -> PieModel {
    let (named, total_series) = named_series(outputs, series_limit);
    let keys: Vec<String> = outputs
        .iter()
        .flat_map(|output| output.result.series.iter())
        .map(|series| series_key(&series.labels))
        .collect();
    let color_list = colors::palette_colors(&keys, &spec.color_palette);
    // Perses looks colours up at `query position × that query's series count + series
    // position`, which strays from the flat list when queries return different counts.
    let positions = outputs.iter().enumerate().flat_map(|(query, output)| {
        let count = output.result.series.len();
        (0..count).map(move |series| query * count + series)
    });
    let mut entries: Vec<Entry> = named
        .iter()
        .zip(positions)
        .map(|(named, color_index)| Entry {
            name: named.name.clone(),
            value: calculate(named.series.samples.values(), spec.calculation)
                .filter(|value| !value.is_nan()),
            color: color_list
                .get(color_index)
                .cloned()
                .unwrap_or_else(|| colors::MISSING_COLOR.to_owned()),
        })
        .collect();
    let order = spec.sort.unwrap_or(SortOrder::Desc);
    crate::sort::sort_by(&mut entries, |a, b| slice_order(a.value, b.value, order));
    let percent = percent_format(spec.format.as_ref());
    let slices = slices(&entries, spec, &percent);
    let legend = spec
        .legend
        .as_ref()
        .map(|legend| legend::legend(legend, &entries, spec.format.as_ref(), &percent));
    PieModel {
        slices,
        total_series,
        radius_pct: spec
            .radius
            .filter(|radius| radius.is_finite())
            .unwrap_or(DEFAULT_RADIUS_PCT),
        show_labels: spec.show_labels.unwrap_or(false),
        legend,
        palette_colors: spec.color_palette.is_empty(),
    }
}

/// Perses' slice order: by value, missing values last whatever the order.
fn slice_order(a: Option<f64>, b: Option<f64>, order: SortOrder) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(a), Some(b)) => {
            let rising = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            match order {
                SortOrder::Asc => rising,
                SortOrder::Desc => rising.reverse(),
            }
        }
    }
}

/// Percentages (0–100) with the panel's decimal places, as Perses formats shares.
fn percent_format(format: Option<&Format>) -> Format {
    Format {
        unit: Some(Unit::Percent),
        decimal_places: format.and_then(|format| format.decimal_places),
        short_values: None,
    }
}

/// The slices ECharts draws: finite values of zero or more.
fn slices(entries: &[Entry], spec: &PieChartSpec, percent: &Format) -> Vec<PieSlice> {
    let drawn: Vec<(usize, &Entry, f64)> = entries
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            let value = entry
                .value
                .filter(|value| value.is_finite() && *value >= 0.0)?;
            Some((index, entry, value))
        })
        .collect();
    let values: Vec<f64> = drawn.iter().map(|(_, _, value)| *value).collect();
    let total: f64 = values.iter().sum();
    let seats = percent_seats(&values, PERCENT_PRECISION);
    let mode = spec.mode.unwrap_or_default();
    let mut start_fraction = 0.0;
    drawn
        .iter()
        .enumerate()
        .map(|(position, (index, entry, value))| {
            // With nothing to share, ECharts still shows every slice, equally.
            let fraction = if total > 0.0 {
                value / total
            } else {
                1.0 / values.len() as f64
            };
            let text = format_value(*value, spec.format.as_ref()).to_string();
            let share = seats.get(position).copied().unwrap_or(0.0);
            let percent_text = format_value(share, Some(percent)).to_string();
            let slice = PieSlice {
                index: *index,
                name: entry.name.clone(),
                value: *value,
                start_fraction,
                fraction,
                label: match mode {
                    BarMode::Value => text.clone(),
                    BarMode::Percentage => percent_text.clone(),
                },
                text,
                percent_text,
                color: entry.color.clone(),
            };
            start_fraction += fraction;
            slice
        })
        .collect()
}

/// ECharts' slice percentages: shares of 100 rounded to `precision` decimals by the largest
/// remainder method, so that they add up to exactly 100. Empty when the total is zero.
fn percent_seats(values: &[f64], precision: i32) -> Vec<f64> {
    let total: f64 = values.iter().sum();
    if total == 0.0 || !total.is_finite() {
        return Vec::new();
    }
    let digits = 10_f64.powi(precision);
    let target_seats = digits * 100.0;
    let votes: Vec<f64> = values
        .iter()
        .map(|value| value / total * target_seats)
        .collect();
    let mut seats: Vec<f64> = votes.iter().map(|votes| votes.floor()).collect();
    let mut remainders: Vec<f64> = votes
        .iter()
        .zip(&seats)
        .map(|(votes, seats)| votes - seats)
        .collect();
    let mut assigned: f64 = seats.iter().sum();
    while assigned < target_seats {
        // The first of the largest remainders gets the next seat.
        let mut best: Option<(usize, f64)> = None;
        for (index, remainder) in remainders.iter().enumerate() {
            if best.is_none_or(|(_, max)| *remainder > max) {
                best = Some((index, *remainder));
            }
        }
        let Some((index, _)) = best else {
            break;
        };
        if let Some(seat) = seats.get_mut(index) {
            *seat += 1.0;
        }
        if let Some(remainder) = remainders.get_mut(index) {
            *remainder = 0.0;
        }
        assigned += 1.0;
    }
    seats.into_iter().map(|seats| seats / digits).collect()
}
