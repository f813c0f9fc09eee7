//! What the viewer changes without preparing the table again: the sort order (TanStack's
//! header clicks, descending first), the per-column value filters and text search, and the
//! page. Each helper is pure: it takes the prepared [`TableModel`](super::TableModel) and row
//! indices into it.

mod filtering;
mod sorting;

pub use filtering::{
    ColumnFilter, FilterOption, RowFilters, filter_options, filter_rows, search_filter_options,
};
#[cfg(test)]
pub(crate) use sorting::natural_cmp;
pub use sorting::{SortKey, sort_rows, toggle_sort};

/// The page sizes offered (MUI's `TablePagination` defaults).
pub const PAGE_SIZE_OPTIONS: [usize; 4] = [10, 25, 50, 100];
/// Perses' initial page size.
pub const DEFAULT_PAGE_SIZE: usize = 10;

/// The page the viewer looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    pub page_index: usize,
    pub page_size: usize,
}

impl Default for Pagination {
    fn default() -> Self {
        Self {
            page_index: 0,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

/// One page of `row_count` rows: the rows `start..end` of the sorted, filtered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The page shown, moved back to the last page when the rows shrank.
    pub page_index: usize,
    pub page_count: usize,
    /// The first row of the page, an index into the sorted, filtered list.
    pub start: usize,
    /// One past the last row of the page.
    pub end: usize,
    pub row_count: usize,
}

impl Page {
    /// MUI's label, `11–20 of 25`.
    pub fn label(&self) -> String {
        let from = if self.row_count == 0 {
            0
        } else {
            self.start + 1
        };
        format!("{from}–{} of {}", self.end, self.row_count)
    }

    /// Whether the "previous page" button is enabled.
    pub fn has_previous(&self) -> bool {
        self.page_index > 0
    }

    /// Whether the "next page" button is enabled.
    pub fn has_next(&self) -> bool {
        self.page_index + 1 < self.page_count
    }
}

/// The page `pagination` shows of `row_count` rows.
pub fn page_of(row_count: usize, pagination: Pagination) -> Page {
    let page_size = pagination.page_size.max(1);
    let page_count = row_count.div_ceil(page_size);
    let page_index = pagination.page_index.min(page_count.saturating_sub(1));
    let start = (page_index * page_size).min(row_count);
    Page {
        page_index,
        page_count,
        start,
        end: (start + page_size).min(row_count),
        row_count,
    }
}
