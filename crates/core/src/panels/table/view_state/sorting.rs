//! Sorting rows by column values, and the sort order a header click gives.

use crate::case::lowercase;
use std::cmp::Ordering;

use super::super::{CellValue, TableModel};
use crate::spec::common::SortOrder;

/// A column to sort by and its direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    /// The column's key ([`super::TableColumn::key`]).
    pub column: String,
    pub order: SortOrder,
}

/// The sorting after a click on `column`'s header, as TanStack Table does it with
/// descending first: unsorted → descending → ascending → unsorted. A plain click makes the
/// column the only sort key (unless it is already the last one); `multi` (a shift-click)
/// adds it to the others or toggles it among them.
pub fn toggle_sort(sorting: &[SortKey], column: &str, multi: bool) -> Vec<SortKey> {
    let position = sorting.iter().position(|key| key.column == column);
    let current = position
        .and_then(|position| sorting.get(position))
        .map(|key| key.order);
    // `None` means the click removes the column from the sorting.
    let next = match current {
        None => Some(SortOrder::Desc),
        Some(SortOrder::Desc) => Some(SortOrder::Asc),
        Some(SortOrder::Asc) => None,
    };
    let key = |order| SortKey {
        column: column.to_owned(),
        order,
    };
    let toggles = if !sorting.is_empty() && multi {
        position.is_some()
    } else {
        !sorting.is_empty() && position.is_some() && position == Some(sorting.len() - 1)
    };
    match (toggles, next) {
        (true, Some(order)) => sorting
            .iter()
            .map(|existing| {
                if existing.column == column {
                    key(order)
                } else {
                    existing.clone()
                }
            })
            .collect(),
        (true, None) => sorting
            .iter()
            .filter(|existing| existing.column != column)
            .cloned()
            .collect(),
        // A shift-click on a new column adds it.
        (false, next) if multi && !sorting.is_empty() => {
            let mut added = sorting.to_vec();
            added.push(key(next.unwrap_or(SortOrder::Asc)));
            added
        }
        // Replacing never removes: after ascending comes ascending alone.
        (false, next) => vec![key(next.unwrap_or(SortOrder::Asc))],
    }
}

/// Sorts row indices by the sort keys in turn (numbers numerically, text naturally and
/// case-insensitively, missing values last in either direction); ties keep their order.
/// Keys of columns that are not shown or not sortable are ignored.
pub fn sort_rows(model: &TableModel, rows: &mut [usize], sorting: &[SortKey]) {
    let keys: Vec<(usize, SortOrder)> = sorting
        .iter()
        .filter_map(|key| {
            let column = model
                .columns
                .iter()
                .position(|column| column.key == key.column && column.enable_sorting)?;
            Some((column, key.order))
        })
        .collect();
    if keys.is_empty() {
        return;
    }
    let value = |row: usize, column: usize| {
        model
            .rows
            .get(row)
            .and_then(|row| row.cells.get(column))
            .map(|cell| &cell.value)
    };
    crate::sort::sort_by(rows, |a, b| {
        keys.iter()
            .map(
                |(column, order)| match (value(*a, *column), value(*b, *column)) {
                    (Some(a), Some(b)) => compare_values(a, b, *order),
                    _ => Ordering::Equal,
                },
            )
            .find(|ordering| ordering.is_ne())
            .unwrap_or(Ordering::Equal)
    });
}

/// Missing values last whatever the order; the rest by kind (numbers, booleans, text), then
/// by value.
fn compare_values(a: &CellValue, b: &CellValue, order: SortOrder) -> Ordering {
    let ordering = match (a, b) {
        (CellValue::Null, CellValue::Null) => return Ordering::Equal,
        (CellValue::Null, _) => return Ordering::Greater,
        (_, CellValue::Null) => return Ordering::Less,
        (CellValue::Number(a), CellValue::Number(b)) => match (a.is_nan(), b.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
        },
        (CellValue::Bool(a), CellValue::Bool(b)) => a.cmp(b),
        (CellValue::Text(a), CellValue::Text(b)) => natural_cmp(a, b),
        _ => kind_rank(a).cmp(&kind_rank(b)),
    };
    match order {
        SortOrder::Asc => ordering,
        SortOrder::Desc => ordering.reverse(),
    }
}

fn kind_rank(value: &CellValue) -> u8 {
    match value {
        CellValue::Number(_) => 0,
        CellValue::Bool(_) => 1,
        CellValue::Text(_) => 2,
        CellValue::Null => 3,
    }
}

/// Text order where digit runs compare as numbers (`node2` < `node10`), ignoring case.
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (lowercase(a), lowercase(b));
    let (mut a_chunks, mut b_chunks) = (chunks(&a), chunks(&b));
    loop {
        match (a_chunks.next(), b_chunks.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let ordering = match (is_digits(x), is_digits(y)) {
                    (true, true) => {
                        let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                        x.len().cmp(&y.len()).then_with(|| x.cmp(y))
                    }
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (false, false) => x.cmp(y),
                };
                if ordering.is_ne() {
                    return ordering;
                }
            }
        }
    }
}

fn is_digits(chunk: &str) -> bool {
    chunk.bytes().all(|b| b.is_ascii_digit())
}

/// Splits text into runs of ASCII digits and runs of anything else.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digits = first.is_ascii_digit();
        let length = rest
            .find(|c: char| c.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (chunk, tail) = rest.split_at_checked(length)?;
        rest = tail;
        Some(chunk)
    })
}
