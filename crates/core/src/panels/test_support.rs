//! Builders of query results for the panel kinds' tests.

use super::QueryOutput;
use crate::prometheus::{Sample, Series};

/// A series with these labels and values one second apart from time 0.
pub fn series(labels: &[(&str, &str)], values: &[f64]) -> Series {
    let points: Vec<(i64, f64)> = values
        .iter()
        .enumerate()
        .map(|(index, value)| (index as i64 * 1000, *value))
        .collect();
    series_at(labels, &points)
}

/// A series with these labels and (unix ms, value) points.
pub fn series_at(labels: &[(&str, &str)], points: &[(i64, f64)]) -> Series {
    Series {
        labels: labels.iter().copied().collect(),
        samples: points
            .iter()
            .map(|(time_ms, value)| Sample {
                time_ms: *time_ms,
                value: *value,
            })
            .collect(),
    }
}

/// The result of query `query_index`, a range query, with an optional `seriesNameFormat`.
pub fn output(query_index: usize, series: Vec<Series>, name_format: Option<&str>) -> QueryOutput {
    QueryOutput::matrix(query_index, series, name_format)
}

/// Comma-separated numbers (`"1,3"`); empty means none.
pub fn values(text: &str) -> Vec<f64> {
    text.split(',')
        .filter(|value| !value.is_empty())
        .map(|value| value.parse().unwrap_or(f64::NAN))
        .collect()
}

/// One query from `"a=1,3 b=10 none="`: series named by their `name` label, with the values.
pub fn named_output(text: &str) -> Vec<QueryOutput> {
    let series = text
        .split_whitespace()
        .map(|item| {
            let (name, numbers) = item.split_once('=').unwrap_or((item, ""));
            series(&[("name", name)], &values(numbers))
        })
        .collect();
    vec![output(0, series, Some("{{name}}"))]
}
