//! Which columns show, in which order, and how: Perses' `generateColumnConfig` and the column
//! loop of `TablePanel`.

use super::rows::Row;
use super::{DEFAULT_COLUMN_WIDTH_PX, MIN_COLUMN_WIDTH_PX, SortKey, TableColumn};
use crate::spec::panels::table::{Align, ColumnSettings, ColumnSize, TableSpec};

/// Every key of the data in order of first appearance, then the configured column names that
/// no row has (so such columns still show, empty).
pub(crate) fn all_keys(data: &[Row], settings: &[ColumnSettings]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let names = data
        .iter()
        .flat_map(Row::keys)
        .chain(settings.iter().map(|column| column.name.as_str()));
    for key in names {
        if seen.insert(key) {
            keys.push(key.to_owned());
        }
    }
    keys
}

/// The shown columns with their first settings: configured columns first, in settings order,
/// then the other keys unless `defaultColumnHidden`. The first setting of a name decides,
/// including whether it is hidden.
pub(crate) fn shown_columns<'a>(
    spec: &'a TableSpec,
    keys: &[String],
) -> Vec<(String, Option<&'a ColumnSettings>)> {
    let first_settings = |name: &str| spec.column_settings.iter().find(|c| c.name == name);
    let mut shown: Vec<(String, Option<&ColumnSettings>)> = Vec::new();
    for settings in &spec.column_settings {
        let already = shown.iter().any(|(key, _)| *key == settings.name);
        let first = first_settings(&settings.name);
        if !already && first.is_some_and(|first| first.hide != Some(true)) {
            shown.push((settings.name.clone(), first));
        }
    }
    if spec.default_column_hidden != Some(true) {
        for key in keys {
            let first = first_settings(key);
            let hidden = first.is_some_and(|first| first.hide == Some(true));
            if !hidden && !shown.iter().any(|(shown_key, _)| shown_key == key) {
                shown.push((key.clone(), first));
            }
        }
    }
    shown
}

/// A shown column's properties from its first settings and the table's defaults.
pub(crate) fn column(
    key: &str,
    settings: Option<&ColumnSettings>,
    spec: &TableSpec,
    enable_sorting: bool,
) -> TableColumn {
    let table_width = spec
        .default_column_width
        .unwrap_or(ColumnSize::Pixels(DEFAULT_COLUMN_WIDTH_PX));
    // A column "auto" or zero wide falls back to the table's default width.
    let width = match settings.and_then(|settings| settings.width) {
        Some(ColumnSize::Pixels(width_px)) if width_px != 0.0 => {
            ColumnSize::Pixels(width_px.max(MIN_COLUMN_WIDTH_PX))
        }
        _ => table_width,
    };
    TableColumn {
        key: key.to_owned(),
        header: settings
            .and_then(|settings| settings.header.clone())
            .unwrap_or_else(|| key.to_owned()),
        header_description: settings.and_then(|settings| settings.header_description.clone()),
        cell_description: settings
            .and_then(|settings| settings.cell_description.clone())
            .filter(|description| !description.is_empty()),
        align: settings
            .and_then(|settings| settings.align)
            .unwrap_or(Align::Left),
        enable_sorting: settings
            .and_then(|settings| settings.enable_sorting)
            .unwrap_or(enable_sorting),
        width,
        format: settings.and_then(|settings| settings.format.clone()),
    }
}

/// The settings' `sort`s, kept only for shown sortable columns (TanStack ignores the others).
pub(crate) fn default_sorting(
    settings: &[ColumnSettings],
    columns: &[TableColumn],
) -> Vec<SortKey> {
    let mut sorting: Vec<SortKey> = Vec::new();
    for column_settings in settings {
        let Some(order) = column_settings.sort else {
            continue;
        };
        let sortable = columns
            .iter()
            .any(|column| column.key == column_settings.name && column.enable_sorting);
        let repeated = sorting.iter().any(|key| key.column == column_settings.name);
        if sortable && !repeated {
            sorting.push(SortKey {
                column: column_settings.name.clone(),
                order,
            });
        }
    }
    sorting
}
