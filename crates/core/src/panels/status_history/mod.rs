//! `StatusHistoryChart`: one row per series, one column per time step, each cell coloured by
//! its value, as Perses draws it (perses/plugins `statushistorychart/src`:
//! `utils/data-transform.ts`, `utils/get-color.ts`, `StatusHistoryChartBase.tsx`).
//!
//! Rows are listed top to bottom. Perses puts its first series at the bottom (an ECharts
//! category axis starts at the origin), so without `sorting` the first series is the last
//! row. Perses' own sort compares each name with itself and changes nothing; here `asc` and
//! `desc` order the rows by name, read from the top.

mod colors;
#[cfg(test)]
mod tests;

use crate::case::lowercase;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use super::{NamedSeries, QueryOutput, named_series};
use crate::format::format_value;
use crate::mappings::{MapInput, PatternEngine, apply_mappings};
use crate::spec::common::{LegendMode, LegendPosition, LegendSize, SortOrder};
use crate::spec::panels::status_history::StatusHistoryChartSpec;
use crate::time_range::AbsoluteRange;

/// Perses' smallest column width (`MIN_STEP_INTERVAL_MS`).
pub const MIN_STEP_MS: i64 = 10;
/// At most this many columns (Perses queries at most 10,000 points per series); finer data is
/// bucketed, the last value of a bucket showing.
pub const MAX_COLUMNS: i64 = 10_000;

/// What the chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusHistoryModel {
    /// Top to bottom.
    pub rows: Vec<StatusRow>,
    pub columns: TimeColumns,
    /// How many series the queries returned; more than `rows.len()` when capped.
    pub total_series: usize,
    pub legend: Option<StatusLegend>,
}

impl StatusHistoryModel {
    /// True when no cell is drawn (Perses shows "No data").
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|row| row.cells.is_empty())
    }
}

/// The time axis: `count` columns of `step_ms`, the first starting at `start_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeColumns {
    pub start_ms: i64,
    pub step_ms: i64,
    pub count: usize,
}

impl TimeColumns {
    /// Where column `index` starts.
    pub fn column_start_ms(&self, index: usize) -> i64 {
        let index = i64::try_from(index).unwrap_or(i64::MAX);
        self.start_ms
            .saturating_add(index.saturating_mul(self.step_ms))
    }

    /// Where the last column ends.
    pub fn end_ms(&self) -> i64 {
        self.column_start_ms(self.count)
    }

    /// The column holding `time_ms`, if any.
    fn column_of(&self, time_ms: i64) -> Option<usize> {
        let offset = time_ms.checked_sub(self.start_ms)?;
        let index = usize::try_from(offset.div_euclid(self.step_ms.max(1))).ok()?;
        (index < self.count).then_some(index)
    }
}

/// One series' row.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusRow {
    pub name: String,
    /// The columns that have a value, left to right.
    pub cells: Vec<StatusCell>,
}

/// One coloured cell.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusCell {
    pub column: usize,
    pub start_ms: i64,
    pub end_ms: i64,
    pub value: f64,
    /// The mapped text, else the value as Perses prints it.
    pub text: String,
    /// The mapped colour, else the palette's colour for this value.
    pub color: String,
}

impl StatusRow {
    /// What a screen reader hears of the row: its name, its state now (the last cell) and the
    /// share of the steps each state took, most first ("pod-a: now Queueing; No queue 80%,
    /// Queueing 20%").
    pub fn describe(&self) -> String {
        let Some(last) = self.cells.last() else {
            return format!("{}: no data", self.name);
        };
        let mut shares: Vec<(&str, usize)> = Vec::new();
        for cell in &self.cells {
            match shares.iter_mut().find(|(text, _)| *text == cell.text) {
                Some((_, count)) => *count += 1,
                None => shares.push((&cell.text, 1)),
            }
        }
        crate::sort::sort_by(&mut shares, |a, b| b.1.cmp(&a.1));
        let total = self.cells.len() as f64;
        let parts: Vec<String> = shares
            .iter()
            .map(|(text, count)| format!("{text} {:.0}%", *count as f64 * 100.0 / total))
            .collect();
        format!("{}: now {}; {}", self.name, last.text, parts.join(", "))
    }
}

/// The legend: one entry per distinct value.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusLegend {
    pub position: LegendPosition,
    pub mode: LegendMode,
    pub size: LegendSize,
    pub entries: Vec<StatusLegendEntry>,
}

/// A legend entry: a value's text and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusLegendEntry {
    pub text: String,
    pub color: String,
}

/// Prepares the chart over `range` from the panel's options and its query results, using at
/// most `series_limit` series. `patterns` evaluates regex mappings; `background` (the theme's
/// card), when given, makes palette colours readable on it.
pub fn prepare(
    spec: &StatusHistoryChartSpec,
    outputs: &[QueryOutput],
    range: AbsoluteRange,
    patterns: &dyn PatternEngine,
    series_limit: usize,
    background: Option<&str>,
) -> StatusHistoryModel {
    let (mut named, total_series) = named_series(outputs, series_limit);
    // Perses' series order runs from the bottom row up, so the order that reads `asc` from the
    // top is descending here.
    match spec.sorting {
        Some(SortOrder::Asc) => {
            crate::sort::sort_by(&mut named, |a, b| compare_names(&b.name, &a.name))
        }
        Some(SortOrder::Desc) => {
            crate::sort::sort_by(&mut named, |a, b| compare_names(&a.name, &b.name))
        }
        None => {}
    }
    let columns = time_columns(&named, range);
    let mut values = DistinctValues::default();
    let mut cells_by_row: Vec<BTreeMap<usize, (f64, usize)>> = Vec::new();
    for series in &named {
        let mut cells = BTreeMap::new();
        for sample in series.series.samples.iter() {
            let Some(column) = columns.column_of(sample.time_ms) else {
                continue;
            };
            let value_index = values.index_of(sample.value);
            // ECharts does not draw NaN cells, but the value still gets a legend entry.
            if !sample.value.is_nan() {
                cells.insert(column, (sample.value, value_index));
            }
        }
        cells_by_row.push(cells);
    }
    let looks: Vec<StatusLegendEntry> = values
        .values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let mapped = apply_mappings(MapInput::Number(*value), &spec.mappings, patterns);
            let printed = format_value(*value, None).to_string();
            StatusLegendEntry {
                // A mapping's colour stays as written; the palette's reaches 3:1 on the
                // theme's card when there is one (`chart::contrast`).
                color: mapped.color.unwrap_or_else(|| {
                    let color = colors::value_color(index, &printed);
                    background.map_or_else(
                        || color.clone(),
                        |background| crate::chart::contrast::readable_on(&color, background),
                    )
                }),
                text: mapped.text.unwrap_or(printed),
            }
        })
        .collect();
    let rows = named
        .iter()
        .zip(cells_by_row)
        .rev()
        .map(|(series, cells)| StatusRow {
            name: series.name.clone(),
            cells: cells
                .into_iter()
                .map(|(column, (value, value_index))| {
                    let look = looks.get(value_index);
                    let start_ms = columns.column_start_ms(column);
                    StatusCell {
                        column,
                        start_ms,
                        end_ms: start_ms.saturating_add(columns.step_ms),
                        value,
                        text: look.map(|look| look.text.clone()).unwrap_or_default(),
                        color: look.map_or_else(
                            || colors::FALLBACK_COLOR.to_owned(),
                            |look| look.color.clone(),
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    let legend = spec.legend.as_ref().map(|legend| StatusLegend {
        position: legend.position,
        mode: legend.mode.unwrap_or_default(),
        size: legend.size.unwrap_or_default(),
        entries: looks,
    });
    StatusHistoryModel {
        rows,
        columns,
        total_series,
        legend,
    }
}

/// The distinct values in order of appearance; NaN is one value and -0 is 0, as in a
/// JavaScript `Set`.
#[derive(Default)]
struct DistinctValues {
    values: Vec<f64>,
    index: HashMap<u64, usize>,
}

impl DistinctValues {
    fn index_of(&mut self, value: f64) -> usize {
        let key = if value.is_nan() {
            f64::NAN.to_bits()
        } else if value == 0.0 {
            0
        } else {
            value.to_bits()
        };
        *self.index.entry(key).or_insert_with(|| {
            self.values.push(value);
            self.values.len() - 1
        })
    }
}

/// Names compared as a browser's `localeCompare` roughly does: letters before case, and
/// lower case first.
fn compare_names(a: &str, b: &str) -> Ordering {
    lowercase(a).cmp(&lowercase(b)).then_with(|| b.cmp(a))
}

/// The columns over `range`. Perses steps through the query's aligned range by its step; the
/// step is read back from the samples (the greatest common divisor of the gaps between
/// distinct times) and the columns are aligned on them, starting at or before the range's
/// start. Without two distinct times, one column spans the range.
fn time_columns(named: &[NamedSeries<'_>], range: AbsoluteRange) -> TimeColumns {
    let mut times: Vec<i64> = named
        .iter()
        .flat_map(|series| series.series.samples.iter())
        .map(|sample| sample.time_ms)
        .collect();
    crate::sort::sort(&mut times);
    times.dedup();
    let gaps_gcd = times
        .iter()
        .zip(times.iter().skip(1))
        .map(|(earlier, later)| later.saturating_sub(*earlier))
        .fold(0, gcd);
    let mut step_ms = if gaps_gcd > 0 {
        gaps_gcd.max(MIN_STEP_MS)
    } else {
        range.duration_ms().max(MIN_STEP_MS)
    };
    let anchor_ms = times.first().copied().unwrap_or(range.start_ms);
    let mut columns = aligned_columns(anchor_ms, step_ms, range);
    let count = i64::try_from(columns.count).unwrap_or(i64::MAX);
    if count > MAX_COLUMNS {
        // Coarser columns stay aligned with the samples: a whole number of steps each.
        step_ms = step_ms.saturating_mul(count.div_euclid(MAX_COLUMNS) + 1);
        columns = aligned_columns(anchor_ms, step_ms, range);
    }
    columns
}

/// Columns of `step_ms` on the grid through `anchor_ms`, from the last grid time at or before
/// the range's start to the last one at or before its end.
fn aligned_columns(anchor_ms: i64, step_ms: i64, range: AbsoluteRange) -> TimeColumns {
    let align = |time_ms: i64| {
        let steps = time_ms.saturating_sub(anchor_ms).div_euclid(step_ms);
        anchor_ms.saturating_add(steps.saturating_mul(step_ms))
    };
    let (first_ms, last_ms) = (align(range.start_ms), align(range.end_ms));
    let count = if range.end_ms < range.start_ms {
        0
    } else {
        last_ms.saturating_sub(first_ms).div_euclid(step_ms) + 1
    };
    TimeColumns {
        start_ms: first_ms,
        step_ms,
        count: usize::try_from(count).unwrap_or(0),
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.saturating_abs(), b.saturating_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
