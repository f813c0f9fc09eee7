//! `StatusHistoryChart`: one row per series, one column per time step, each cell coloured by
//! its value, as Perses draws it (perses/plugins `statushistorychart/src`:
//! `utils/data-transform.ts`, `utils/get-color.ts`, `StatusHistoryChartBase.tsx`).
//!
//! Rows are listed top to bottom. Perses puts its first series at the bottom (an ECharts
//! category axis starts at the origin), so without `sorting` the first series is the last
//! row. Perses' own sort compares each name with itself and changes nothing; here `asc` and
//! `desc` order the rows by name, read from the top.

mod colors;
mod columns;
#[cfg(test)]
mod tests;

use crate::case::lowercase;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use super::{QueryOutput, named_series};
use crate::format::format_value;
use crate::mappings::{MapInput, PatternEngine, apply_mappings};
use crate::spec::common::{LegendMode, LegendPosition, LegendSize, SortOrder};
use crate::spec::panels::status_history::StatusHistoryChartSpec;
use crate::time_range::AbsoluteRange;
pub use columns::TimeColumns;
use columns::time_columns;

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
