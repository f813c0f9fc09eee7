//! `Table`: one row per series (or per joined group), columns from labels and values, the
//! transforms, column settings and conditional cell styles, as Perses' Table panel shows them
//! (perses/plugins `table/src/table-data-utils.ts`, `components/TablePanel.tsx`,
//! `models/table-model.ts`; perses/shared `components/src/utils/transform-data.ts`).
//!
//! `prepare` builds the whole table once per data change; the pure helpers of [`view_state`]
//! (sorting, filtering, pagination) then pick the rows to draw without preparing again.

mod cells;
mod columns;
mod extract;
mod rows;
mod transforms;
pub mod view_state;

#[cfg(test)]
mod tests;

pub use view_state::{
    ColumnFilter, FilterOption, Page, Pagination, RowFilters, SortKey, filter_options, filter_rows,
    page_of, search_filter_options, sort_rows, toggle_sort,
};

use super::QueryOutput;
use crate::mappings::PatternEngine;
use crate::spec::common::Format;
use crate::spec::panels::table::{
    Align, AutoKeyword, ColumnSettings, ColumnSize, Density, TableSpec,
};

/// Perses' width of a column with no width of its own when the panel sets no default.
pub const DEFAULT_COLUMN_WIDTH_PX: f64 = 150.0;
/// The narrowest a column with a width in pixels is drawn (TanStack's minimum size).
pub const MIN_COLUMN_WIDTH_PX: f64 = 20.0;

/// What the table draws, before the viewer sorts, filters or pages it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableModel {
    /// The shown columns, in order.
    pub columns: Vec<TableColumn>,
    /// Every row (at most the row limit); each has one cell per column. No rows means Perses'
    /// "No data", even when columns are configured.
    pub rows: Vec<TableRow>,
    /// How many rows the transforms produced; more than `rows.len()` when capped.
    pub total_rows: usize,
    /// Row spacing (`standard` unless set).
    pub density: Density,
    /// `defaultColumnHeight`: the height of body rows, or `Auto` for the density's height.
    pub row_height: ColumnSize,
    /// The initial page when pagination is on; `None` shows every row.
    pub pagination: Option<Pagination>,
    /// Whether the per-column value filters (and the text search) are offered.
    pub enable_filtering: bool,
    /// The initial sorting: the columns whose settings give a `sort`, in settings order.
    pub default_sorting: Vec<SortKey>,
}

/// One shown column.
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumn {
    /// The key of the column in the data (a label name, `value`, `value #2`, ...).
    pub key: String,
    /// The header text: the setting's `header`, else the key.
    pub header: String,
    /// Shown when hovering the header.
    pub header_description: Option<String>,
    /// Shown when hovering a cell instead of its text.
    pub cell_description: Option<String>,
    /// Alignment of the cells' content (left unless set).
    pub align: Align,
    /// Whether the viewer may sort by this column.
    pub enable_sorting: bool,
    /// The drawn width: pixels, or `Auto` to share the free space.
    pub width: ColumnSize,
    /// The column's number format, also used to label its filter values.
    pub format: Option<Format>,
}

/// One row: a cell per column of [`TableModel::columns`].
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub cells: Vec<TableCell>,
}

/// One cell: its raw value (for sorting and filtering) and how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    pub value: CellValue,
    /// The shown text: a matching cell setting's text, else the formatted value.
    pub text: String,
    /// A CSS colour from a matching cell setting.
    pub text_color: Option<String>,
    /// A CSS colour from a matching cell setting.
    pub background_color: Option<String>,
    /// The column's data link, with this row's fields filled in.
    pub link: Option<CellLink>,
}

/// A raw cell value. `Null` is a missing value (the row has no such field).
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Number(f64),
    Text(String),
    /// Only extracted JSON fields are booleans; query data never is.
    Bool(bool),
    Null,
}

/// A cell's link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellLink {
    /// The URL with variables and the row's fields filled in.
    pub url: String,
    pub title: Option<String>,
    /// `openNewTab` (Perses' cells ignore it and always open in place).
    pub open_new_tab: bool,
}

/// Prepares the table from the panel's options and its query results, keeping at most
/// `row_limit` rows. `fill_variables` fills dashboard variables into data link URLs (before
/// the row's fields are filled in, as Perses does); regex conditions and extractions run on
/// `patterns`.
pub fn prepare(
    spec: &TableSpec,
    outputs: &[QueryOutput],
    patterns: &dyn PatternEngine,
    fill_variables: &dyn Fn(&str) -> String,
    row_limit: usize,
) -> TableModel {
    // A column that embeds a panel makes Perses run range queries, and its rows then have no
    // timestamp column.
    let instant = !spec
        .column_settings
        .iter()
        .any(|column| column.plugin.is_some());
    let raw = rows::raw_rows(outputs, instant);
    let mut data = transforms::apply(raw, &spec.transforms, patterns);
    let keys = columns::all_keys(&data, &spec.column_settings);
    let total_rows = data.len();
    data.truncate(row_limit);

    let enable_sorting = spec.enable_sorting.unwrap_or(false);
    let shown = columns::shown_columns(spec, &keys);
    let columns: Vec<TableColumn> = shown
        .iter()
        .map(|(key, settings)| columns::column(key, *settings, spec, enable_sorting))
        .collect();
    let links: Vec<Option<(String, &ColumnSettings)>> = shown
        .iter()
        .map(|(_, settings)| {
            settings.and_then(|settings| {
                let link = settings.data_link.as_ref()?;
                Some((fill_variables(&link.url), settings))
            })
        })
        .collect();

    let rows = data
        .iter()
        .map(|row| TableRow {
            cells: shown
                .iter()
                .zip(&columns)
                .zip(&links)
                .map(|(((key, settings), column), link)| {
                    let value = row.get(key).cloned().unwrap_or(CellValue::Null);
                    let column_cell_settings = settings
                        .map(|settings| settings.cell_settings.as_slice())
                        .unwrap_or_default();
                    let style = cells::cell_style(
                        &value,
                        &spec.cell_settings,
                        column_cell_settings,
                        patterns,
                    );
                    let link = link.as_ref().and_then(|(url, settings)| {
                        let data_link = settings.data_link.as_ref()?;
                        Some(CellLink {
                            url: cells::fill_data_fields(url, row),
                            title: data_link.title.clone(),
                            open_new_tab: data_link.open_new_tab,
                        })
                    });
                    let (text, text_color, background_color) = match style {
                        // An empty setting text falls back to the value, as in Perses.
                        Some(style) if !style.text.is_empty() => {
                            (style.text, style.text_color, style.background_color)
                        }
                        Some(style) => (
                            cells::display_text(&value, column.format.as_ref()),
                            style.text_color,
                            style.background_color,
                        ),
                        None => (
                            cells::display_text(&value, column.format.as_ref()),
                            None,
                            None,
                        ),
                    };
                    TableCell {
                        value,
                        text,
                        text_color,
                        background_color,
                        link,
                    }
                })
                .collect(),
        })
        .collect();

    let default_sorting = columns::default_sorting(&spec.column_settings, &columns);
    TableModel {
        columns,
        rows,
        total_rows,
        density: spec.density.unwrap_or_default(),
        row_height: match spec.default_column_height {
            // Perses treats a zero height as unset.
            Some(ColumnSize::Pixels(height_px)) if height_px != 0.0 => {
                ColumnSize::Pixels(height_px)
            }
            _ => ColumnSize::Auto(AutoKeyword::Auto),
        },
        pagination: (spec.pagination == Some(true)).then(Pagination::default),
        enable_filtering: spec.enable_filtering.unwrap_or(false),
        default_sorting,
    }
}
