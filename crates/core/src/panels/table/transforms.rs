//! The table transforms, applied in order as Perses' `transformData` applies them, then every
//! row's keys sorted (which is why unconfigured columns come in alphabetical order).

use std::collections::{BTreeMap, HashMap};

use super::CellValue;
use super::extract;
use super::rows::{Row, array_index, js_string};
use crate::mappings::PatternEngine;
use crate::spec::panels::table::Transform;

/// Applies the enabled transforms in order and sorts each row's keys.
pub(crate) fn apply(
    mut rows: Vec<Row>,
    transforms: &[Transform],
    patterns: &dyn PatternEngine,
) -> Vec<Row> {
    for transform in transforms {
        rows = match transform {
            Transform::MergeSeries { disabled: false } => merge_series(rows),
            Transform::JoinByColumnValue {
                columns,
                disabled: false,
            } => join(rows, columns),
            Transform::MergeColumns {
                columns,
                name,
                disabled: false,
            } if !columns.is_empty() && !name.is_empty() => merge_columns(rows, columns, name),
            Transform::MergeIndexedColumns {
                column,
                disabled: false,
            } if !column.is_empty() => merge_indexed_columns(rows, column),
            Transform::ExtractColumnFields {
                column,
                format,
                matcher,
                disabled: false,
            } => extract::extract_fields(rows, column, *format, matcher.as_deref(), patterns),
            // Disabled transforms and ones missing what they need change nothing.
            Transform::MergeSeries { disabled: true }
            | Transform::JoinByColumnValue { .. }
            | Transform::MergeColumns { .. }
            | Transform::MergeIndexedColumns { .. }
            | Transform::ExtractColumnFields { .. } => rows,
        };
    }
    rows.into_iter().map(|row| sorted_keys(&row)).collect()
}

/// Rows with equal values in `columns` become one, later rows overriding earlier fields. The
/// values are hashed in the row's key order, joined with `|`; rows lacking all the columns
/// share the empty hash. Groups come out in JavaScript object order: array-index hashes
/// first, ascending.
pub(crate) fn join(rows: Vec<Row>, columns: &[String]) -> Vec<Row> {
    if columns.is_empty() {
        return rows;
    }
    let mut indexed: BTreeMap<u32, Row> = BTreeMap::new();
    let mut named: Vec<Row> = Vec::new();
    let mut named_positions: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let hash = row
            .fields()
            .filter(|(key, _)| columns.iter().any(|column| column == key))
            .map(|(_, value)| js_string(value).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("|");
        if let Some(index) = array_index(&hash) {
            let merged = match indexed.get(&index) {
                Some(existing) => existing.spread(&row),
                None => row,
            };
            indexed.insert(index, merged);
        } else if let Some(existing) = named_positions
            .get(&hash)
            .and_then(|position| named.get_mut(*position))
        {
            *existing = existing.spread(&row);
        } else {
            named_positions.insert(hash, named.len());
            named.push(row);
        }
    }
    indexed.into_values().chain(named).collect()
}

/// The `columns` a row has become one column `name`: one output row per such column, with
/// that column's value; rows with none of them are kept as they are.
pub(crate) fn merge_columns(rows: Vec<Row>, columns: &[String], name: &str) -> Vec<Row> {
    split_rows(rows, name, |key| columns.iter().any(|column| column == key))
}

/// `column` and `column #N` become one column `column`, one output row per such key.
/// `column` is taken literally (Perses builds a regex from it unescaped; label names hold
/// no regex syntax).
pub(crate) fn merge_indexed_columns(rows: Vec<Row>, column: &str) -> Vec<Row> {
    split_rows(rows, column, |key| {
        key == column
            || key
                .strip_prefix(column)
                .and_then(|rest| rest.strip_prefix(" #"))
                .is_some_and(|digits| {
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                })
    })
}

/// Series of several queries that share their labels become one row: every label column
/// (keys without their ` #N`, `timestamp` included, `value` excluded) is merged as indexed
/// columns, then rows are joined on them. The `value #N` columns stay apart.
pub(crate) fn merge_series(rows: Vec<Row>) -> Vec<Row> {
    let mut labels: Vec<String> = Vec::new();
    for row in &rows {
        for key in row.keys() {
            let label = strip_first_index(key);
            if label != "value" && !labels.contains(&label) {
                labels.push(label);
            }
        }
    }
    let mut merged = rows;
    for label in &labels {
        merged = merge_indexed_columns(merged, label);
    }
    join(merged, &labels)
}

/// For each row, the keys `selected` picks are removed and each comes back as `output`, one
/// row per picked key, in the row's key order.
fn split_rows(rows: Vec<Row>, output: &str, selected: impl Fn(&str) -> bool) -> Vec<Row> {
    let mut result = Vec::with_capacity(rows.len());
    for mut row in rows {
        let picked: Vec<String> = row
            .keys()
            .filter(|key| selected(key))
            .map(str::to_owned)
            .collect();
        if picked.is_empty() {
            result.push(row);
            continue;
        }
        let values: Vec<CellValue> = picked
            .iter()
            .map(|key| row.remove(key).unwrap_or(CellValue::Null))
            .collect();
        for value in values {
            let mut split = row.clone();
            split.set(output.to_owned(), value);
            result.push(split);
        }
    }
    result
}

/// Removes the first ` #<digits>` of a key, wherever it is (Perses' `/ #\d+/`).
pub(crate) fn strip_first_index(key: &str) -> String {
    let mut from = 0;
    while let Some(found) = key.get(from..).and_then(|rest| rest.find(" #")) {
        let start = from + found;
        let digits_start = start + 2;
        let digits = key
            .get(digits_start..)
            .map(|rest| rest.bytes().take_while(u8::is_ascii_digit).count())
            .unwrap_or(0);
        if digits > 0 {
            let before = key.get(..start).unwrap_or_default();
            let after = key.get(digits_start + digits..).unwrap_or_default();
            return format!("{before}{after}");
        }
        from = start + 1;
    }
    key.to_owned()
}

/// The row with its keys in JavaScript's default sort order (UTF-16 code units); array-index
/// keys still come first, as in any JavaScript object.
fn sorted_keys(row: &Row) -> Row {
    let mut fields: Vec<(&str, &CellValue)> = row.fields().collect();
    crate::sort::sort_by(&mut fields, |(a, _), (b, _)| {
        a.encode_utf16().cmp(b.encode_utf16())
    });
    Row::from_fields(
        fields
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.clone())),
    )
}
