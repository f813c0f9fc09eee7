//! `TimeSeriesTable`: one row per series, Prometheus-style, as Perses shows it (perses/plugins
//! `timeseriestable/src/components/DataTable.tsx` and `SeriesName.tsx`): the series name with
//! its labels, and every point of the series (one for instant queries, all of them with
//! their timestamps for range queries).

#[cfg(test)]
mod tests;

use super::{QueryOutput, named_series};
use crate::format::js_number_to_string;

/// From this many series on, Perses stops formatting names and warns.
pub const MAX_FORMATTED_SERIES: usize = 1000;

/// What the table draws.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSeriesTableModel {
    /// At most the series limit; no rows means "No data".
    pub rows: Vec<SeriesRow>,
    /// How many series the queries returned; more than `rows.len()` when capped.
    pub total_series: usize,
    /// Whether to warn that names are shown plain because there are so many series.
    pub too_many_to_format: bool,
}

/// One series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRow {
    /// The position of the series' query in the panel.
    pub query_index: usize,
    pub name: SeriesName,
    /// The points, oldest first.
    pub values: Vec<SeriesValue>,
}

/// How a series is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesName {
    /// `metric{a="1", b="2"}`: each label is drawn on its own (name in bold) and copies its
    /// [`label_matcher`] when clicked.
    Labels {
        /// `__name__`, or empty.
        metric: String,
        /// The other labels, in order.
        labels: Vec<(String, String)>,
    },
    /// The series' name (its `seriesNameFormat`, or its label key), for series without
    /// labels or when there are too many series to format.
    Plain(String),
}

impl SeriesName {
    /// The name as one line of text.
    pub fn text(&self) -> String {
        match self {
            Self::Labels { metric, labels } => {
                let labels: Vec<String> = labels
                    .iter()
                    .map(|(name, value)| label_matcher(name, value))
                    .collect();
                format!("{metric}{{{}}}", labels.join(", "))
            }
            Self::Plain(name) => name.clone(),
        }
    }
}

/// One point as shown: the value as JavaScript prints it, and its time when the series has
/// more than one point.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesValue {
    pub value: f64,
    pub text: String,
    /// Unix milliseconds, shown as `@<time_ms>` after the value.
    pub time_ms: Option<i64>,
}

impl SeriesValue {
    /// The line Perses shows: `0.5` or `0.5 @1666479357903`.
    pub fn line(&self) -> String {
        match self.time_ms {
            Some(time_ms) => format!("{} @{time_ms}", self.text),
            None => self.text.clone(),
        }
    }
}

/// A label as a PromQL matcher, `name="value"`: what clicking a label copies.
pub fn label_matcher(name: &str, value: &str) -> String {
    format!("{name}=\"{value}\"")
}

/// Prepares the table from the query results, showing at most `series_limit` series.
pub fn prepare(outputs: &[QueryOutput], series_limit: usize) -> TimeSeriesTableModel {
    let (named, total_series) = named_series(outputs, series_limit);
    let formatted = total_series < MAX_FORMATTED_SERIES;
    let rows = named
        .into_iter()
        .map(|named| {
            let labels = &named.series.labels;
            let name = if formatted && !labels.is_empty() {
                SeriesName::Labels {
                    metric: labels
                        .get("__name__")
                        .map(str::to_owned)
                        .unwrap_or_default(),
                    labels: labels
                        .iter()
                        .filter(|(name, _)| *name != "__name__")
                        .map(|(name, value)| (name.to_owned(), value.to_owned()))
                        .collect(),
                }
            } else {
                SeriesName::Plain(named.name)
            };
            let with_times = named.series.samples.len() > 1;
            let values = named
                .series
                .samples
                .iter()
                .map(|sample| SeriesValue {
                    value: sample.value,
                    text: js_number_to_string(sample.value),
                    time_ms: with_times.then_some(sample.time_ms),
                })
                .collect();
            SeriesRow {
                query_index: named.query_index,
                name,
                values,
            }
        })
        .collect();
    TimeSeriesTableModel {
        rows,
        total_series,
        too_many_to_format: !formatted,
    }
}
