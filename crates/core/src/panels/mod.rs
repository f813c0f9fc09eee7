//! Per panel kind, the pure step between query results and a view: `prepare` turns the spec and
//! the data into a view model the web layer draws without deciding anything itself.

pub mod bar;
pub mod csv;
pub mod distributions;
pub mod gauge;
pub mod heatmap;
pub mod histogram;
pub mod pie;
pub mod stat;
pub mod status_history;
pub mod table;
pub mod time_series;
pub mod time_series_table;

#[cfg(test)]
pub(crate) mod test_support;

use std::sync::Arc;

use crate::prometheus::{QueryResult, Series, format_series_name, series_key};

/// The result of one query of a panel, as the panel's `prepare` takes it.
#[derive(Debug, Clone)]
pub struct QueryOutput {
    /// The query's position in the panel (for `querySettings`).
    pub query_index: usize,
    pub result: Arc<QueryResult>,
    /// `seriesNameFormat` with variables filled in.
    pub series_name_format: Option<String>,
    /// The PromQL as sent: the name of a series without labels, as Perses names it.
    pub query: String,
}

impl QueryOutput {
    /// The output of query `query_index` as a range query's result (for benchmarks and tests).
    pub fn matrix(query_index: usize, series: Vec<Series>, name_format: Option<&str>) -> Self {
        Self {
            query_index,
            result: Arc::new(QueryResult {
                result_type: crate::prometheus::ResultType::Matrix,
                series,
                native: Vec::new(),
                warnings: Vec::new(),
            }),
            series_name_format: name_format.map(str::to_owned),
            query: String::new(),
        }
    }
}

/// A series with its display name and the query it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSeries<'a> {
    pub query_index: usize,
    pub name: String,
    pub series: &'a Series,
}

/// Every series of the outputs, named as Perses names them, in query order. At most `limit`
/// are returned; the second value is how many there were in all.
pub fn named_series(outputs: &[QueryOutput], limit: usize) -> (Vec<NamedSeries<'_>>, usize) {
    let mut named = Vec::new();
    let mut total = 0;
    for output in outputs {
        for series in &output.result.series {
            total += 1;
            if named.len() < limit {
                let name = match &output.series_name_format {
                    Some(format) => format_series_name(format, &series.labels),
                    // Perses names a series without any label after its query
                    // (prometheus-plugin `getFormattedPrometheusSeriesName`): `{}` says nothing.
                    None if series.labels.is_empty() && !output.query.is_empty() => {
                        output.query.clone()
                    }
                    None => series_key(&series.labels),
                };
                named.push(NamedSeries {
                    query_index: output.query_index,
                    name,
                    series,
                });
            }
        }
    }
    (named, total)
}

#[cfg(test)]
mod naming_tests {
    use super::*;
    use crate::panels::test_support::series_at;

    #[test]
    fn series_are_named_as_perses_names_them() {
        let query = "sum(rate(vllm:request_success_total[5m]))";
        let cases = [
            // (labels, seriesNameFormat, query as sent, name)
            (vec![], None, query, query),
            (vec![], None, "", "{}"),
            (vec![("pod", "a")], None, query, r#"{pod="a"}"#),
            (vec![("__name__", "up")], None, query, "up{}"),
            (vec![], Some("requests"), query, "requests"),
        ];
        for (labels, format, sent, expected) in cases {
            let mut output = QueryOutput::matrix(0, vec![series_at(&labels, &[(0, 1.0)])], format);
            output.query = sent.to_owned();
            let outputs = [output];
            let (named, total) = named_series(&outputs, 10);
            assert_eq!(
                (named[0].name.as_str(), total),
                (expected, 1),
                "{labels:?} {format:?}"
            );
        }
    }
}
