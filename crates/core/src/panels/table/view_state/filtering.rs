//! Filtering rows by column values (Perses' filter row) and by a text query.

use super::super::{CellValue, TableModel, cells, rows::js_string};
use crate::case::lowercase;

/// What the viewer filters by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowFilters {
    /// Per column, the values to keep (Perses' filter row); an empty list keeps everything.
    pub columns: Vec<ColumnFilter>,
    /// Keeps rows where some shown text contains this, ignoring case; empty keeps all.
    pub query: String,
}

/// The values of one column a row may have to be kept.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnFilter {
    pub column: String,
    pub values: Vec<CellValue>,
}

/// The indices of the rows that pass the filters, in order. Without `enable_filtering` every
/// row passes, as the filters are not offered.
pub fn filter_rows(model: &TableModel, filters: &RowFilters) -> Vec<usize> {
    let all = 0..model.rows.len();
    if !model.enable_filtering {
        return all.collect();
    }
    let column_filters: Vec<(usize, &[CellValue])> = filters
        .columns
        .iter()
        .filter(|filter| !filter.values.is_empty())
        .filter_map(|filter| {
            let column = model.columns.iter().position(|c| c.key == filter.column)?;
            Some((column, filter.values.as_slice()))
        })
        .collect();
    let query = lowercase(&filters.query);
    all.filter(|index| {
        let Some(row) = model.rows.get(*index) else {
            return false;
        };
        let kept = column_filters.iter().all(|(column, values)| {
            row.cells
                .get(*column)
                .is_some_and(|cell| values.iter().any(|value| same_value(value, &cell.value)))
        });
        kept && (query.is_empty()
            || row
                .cells
                .iter()
                .any(|cell| lowercase(&cell.text).contains(&query)))
    })
    .collect()
}

/// One value offered by a column's filter.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterOption {
    pub value: CellValue,
    /// The value with the column's format (numbers only).
    pub label: String,
}

/// The distinct text and number values of a column, in order of first appearance, blank and
/// missing values left out (Perses' filter dropdown).
pub fn filter_options(model: &TableModel, column: &str) -> Vec<FilterOption> {
    let Some((index, settings)) = model
        .columns
        .iter()
        .enumerate()
        .find(|(_, candidate)| candidate.key == column)
    else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    model
        .rows
        .iter()
        .filter_map(|row| row.cells.get(index))
        .filter(|cell| match &cell.value {
            CellValue::Number(_) => true,
            CellValue::Text(text) => !text.is_empty(),
            CellValue::Bool(_) | CellValue::Null => false,
        })
        .filter(|cell| seen.insert(js_string(&cell.value).unwrap_or_default()))
        .map(|cell| FilterOption {
            value: cell.value.clone(),
            label: cells::display_text(&cell.value, settings.format.as_ref()),
        })
        .collect()
}

/// The options whose label contains `search`, ignoring case (the dropdown's search box).
pub fn search_filter_options<'a>(
    options: &'a [FilterOption],
    search: &str,
) -> Vec<&'a FilterOption> {
    let search = lowercase(search);
    options
        .iter()
        .filter(|option| lowercase(&option.label).contains(&search))
        .collect()
}

/// JavaScript's `includes` equality (SameValueZero): NaN equals NaN.
fn same_value(a: &CellValue, b: &CellValue) -> bool {
    match (a, b) {
        (CellValue::Number(a), CellValue::Number(b)) => a == b || (a.is_nan() && b.is_nan()),
        _ => a == b,
    }
}
