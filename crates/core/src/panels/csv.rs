//! The data of a panel as CSV, for "Download data": one row per sample, with the series name
//! and every label, in RFC 4180 quoting.

use std::collections::BTreeSet;

use super::{QueryOutput, named_series};

/// The panel's data as CSV: `query,series,time,value,<labels…>`, times in ISO 8601 (UTC).
pub fn to_csv(outputs: &[QueryOutput]) -> String {
    let (series, _) = named_series(outputs, usize::MAX);
    let labels: BTreeSet<&str> =
        crate::sort::btree_set(series.iter().flat_map(|named| named.series.labels.keys()));
    let mut out = String::new();
    let header: Vec<&str> = ["query", "series", "time", "value"]
        .into_iter()
        .chain(labels.iter().copied())
        .collect();
    push_row(&mut out, header.iter().map(|cell| (*cell).to_owned()));
    for named in &series {
        for sample in named.series.samples.iter() {
            let fixed = [
                (named.query_index + 1).to_string(),
                named.name.clone(),
                iso_time(sample.time_ms),
                format_number(sample.value),
            ];
            let label_cells = labels.iter().map(|label| {
                named
                    .series
                    .labels
                    .get(label)
                    .map(str::to_owned)
                    .unwrap_or_default()
            });
            push_row(&mut out, fixed.into_iter().chain(label_cells));
        }
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|cell| quote(&cell)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// Quotes a cell when it holds a comma, a quote or a line break; formula-like cells get a
/// leading apostrophe so spreadsheets do not evaluate label values as formulas.
fn quote(cell: &str) -> String {
    let guarded =
        if cell.starts_with(['=', '+', '-', '@']) && crate::float_text::parse_f64(cell).is_none() {
            format!("'{cell}")
        } else {
            cell.to_owned()
        };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn format_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 {
            "+Inf".to_owned()
        } else {
            "-Inf".to_owned()
        }
    } else {
        format!("{value}")
    }
}

/// `2023-11-14T22:13:20.000Z`.
pub fn iso_time(time_ms: i64) -> String {
    let day_ms = 86_400_000;
    let (year, month, day) = crate::chart::ticks::civil_from_days(time_ms.div_euclid(day_ms));
    let in_day = time_ms.rem_euclid(day_ms);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day % 3_600_000 / 60_000,
        in_day % 60_000 / 1_000,
        in_day % 1_000
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::prometheus::{Labels, QueryResult, ResultType, Sample, Series};

    #[test]
    fn writes_every_sample_with_its_labels() {
        let labels: Labels = [("pod", "a,b"), ("note", "=cmd()")].into_iter().collect();
        let series = Series {
            labels,
            samples: vec![
                Sample {
                    time_ms: 1_700_000_000_000,
                    value: 1.5,
                },
                Sample {
                    time_ms: 1_700_000_060_000,
                    value: f64::NAN,
                },
            ]
            .into(),
        };
        let output = QueryOutput {
            query_index: 0,
            result: Arc::new(QueryResult {
                result_type: ResultType::Matrix,
                series: vec![series],
                native: Vec::new(),
                warnings: Vec::new(),
            }),
            series_name_format: Some("{{pod}}".into()),
            query: String::new(),
        };
        let csv = to_csv(&[output]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "query,series,time,value,note,pod");
        assert_eq!(
            lines[1],
            "1,\"a,b\",2023-11-14T22:13:20.000Z,1.5,'=cmd(),\"a,b\""
        );
        assert_eq!(
            lines[2],
            "1,\"a,b\",2023-11-14T22:14:20.000Z,NaN,'=cmd(),\"a,b\""
        );
        assert_eq!(quote("-5"), "-5");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
