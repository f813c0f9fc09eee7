//! The table panel: columns and cells as the core prepared them, with sorting (a header click;
//! shift-click adds a column), a search and per-column filters when the panel enables
//! filtering, and pages when it enables pagination. Sorting, filtering and paging are the
//! core's pure functions over row indices; this view keeps only their state.

use std::sync::Arc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use obs_core::markdown::safe_link;
use obs_core::panels::table::{
    CellValue, ColumnFilter, Pagination, RowFilters, SortKey, TableCell, TableModel,
    filter_options, filter_rows, page_of, prepare, sort_rows, toggle_sort,
};
use obs_core::spec::common::SortOrder;
use obs_core::spec::panels::table::{Align, ColumnSize, Density, TableSpec};

use super::Outputs;
use crate::chart::Shared;
use crate::dom::focusable_when_scrolling;
use crate::ids::unique_id;
use crate::panel::data::PanelContext;
use crate::panel::with_variables;
use crate::regex::JsPatterns;

#[component]
pub fn TablePanel(
    spec: TableSpec,
    outputs: Outputs,
    series_limit: RwSignal<usize>,
    label: Signal<String>,
) -> impl IntoView {
    let context = use_context::<PanelContext>();
    let model = Memo::new(move |_| {
        let outputs = outputs.get();
        let limit = series_limit.get();
        let model = crate::perf::measure("table.prepare", || match &context {
            Some(context) => with_variables(context, |fill| {
                prepare(&spec, &outputs, &JsPatterns, fill, limit)
            }),
            None => prepare(&spec, &outputs, &JsPatterns, &|text| text.to_owned(), limit),
        });
        Shared(Arc::new(model))
    });
    let sorting = RwSignal::new(None::<Vec<SortKey>>);
    let query = RwSignal::new(String::new());
    let column_filters = RwSignal::new(Vec::<ColumnFilter>::new());
    let page_index = RwSignal::new(0_usize);
    let page_size = RwSignal::new(None::<usize>);
    // The rows shown, in order: filtered, sorted, then the page.
    let shown = Memo::new(move |_| {
        let model = model.get();
        let filters = RowFilters {
            columns: column_filters.get(),
            query: query.get(),
        };
        let mut rows = filter_rows(&model, &filters);
        let keys = sorting
            .get()
            .unwrap_or_else(|| model.default_sorting.clone());
        sort_rows(&model, &mut rows, &keys);
        let page = model.pagination.map(|pagination| {
            page_of(
                rows.len(),
                Pagination {
                    page_index: page_index.get(),
                    page_size: page_size.get().unwrap_or(pagination.page_size),
                },
            )
        });
        let visible: Vec<usize> = match page {
            Some(page) => rows.get(page.start..page.end).unwrap_or_default().to_vec(),
            None => rows,
        };
        (visible, page)
    });
    let on_sort = move |column: String, event: MouseEvent| {
        let current = sorting
            .get_untracked()
            .unwrap_or_else(|| model.get_untracked().default_sorting.clone());
        sorting.set(Some(toggle_sort(&current, &column, event.shift_key())));
    };
    let search_id = unique_id("table-search");
    move || {
        let model = model.get();
        let (rows, page) = shown.get();
        let keys = sorting
            .get()
            .unwrap_or_else(|| model.default_sorting.clone());
        let density = match model.density {
            Density::Compact => "obs-table--compact",
            Density::Standard => "",
            Density::Comfortable => "obs-table--comfortable",
        };
        let filters = model
            .enable_filtering
            .then(|| filter_bar(&model, query, column_filters, page_index, search_id.clone()));
        let header = model
            .columns
            .iter()
            .map(|column| {
                let order = keys.iter().find(|key| key.column == column.key).map(|key| key.order);
                let aria_sort = match order {
                    Some(SortOrder::Asc) => "ascending",
                    Some(SortOrder::Desc) => "descending",
                    None => "none",
                };
                let style = width_style(&column.width);
                let key = column.key.clone();
                let title = column.header_description.clone();
                let content = if column.enable_sorting {
                    let arrow = match order {
                        Some(SortOrder::Asc) => " ▲",
                        Some(SortOrder::Desc) => " ▼",
                        None => "",
                    };
                    view! {
                        <button class="obs-table__sort" type="button" on:click=move |event| on_sort(key.clone(), event)>
                            {column.header.clone()}<span aria-hidden="true">{arrow}</span>
                        </button>
                    }
                    .into_any()
                } else {
                    view! { <span>{column.header.clone()}</span> }.into_any()
                };
                view! {
                    <th scope="col" class=align_class(column.align) style=style title=title aria-sort=aria_sort>
                        {content}
                    </th>
                }
            })
            .collect_view();
        let body = rows
            .iter()
            .filter_map(|index| model.rows.get(*index))
            .map(|row| {
                let cells = row
                    .cells
                    .iter()
                    .zip(&model.columns)
                    .map(|(cell, column)| {
                        view! {
                            <td class=align_class(column.align) style=cell_style(cell) title=column.cell_description.clone()>
                                {cell_content(cell)}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        let current_size = page_size
            .get()
            .or(model.pagination.map(|pagination| pagination.page_size))
            .unwrap_or(10);
        let pager = page.map(|page| {
            let label = page.label();
            let last = page.page_count.saturating_sub(1);
            let (at_first, at_last) = (page.page_index == 0, page.page_index >= last);
            view! {
                <div class="obs-table__pager" role="group" aria-label="Pages">
                    <button class="obs-button obs-button--plain" type="button" disabled=at_first
                        on:click=move |_| page_index.set(page.page_index.saturating_sub(1))>"Previous"</button>
                    <span class="obs-table__page-label">{label}</span>
                    <button class="obs-button obs-button--plain" type="button" disabled=at_last
                        on:click=move |_| page_index.set((page.page_index + 1).min(last))>"Next"</button>
                    <label class="obs-table__page-size">
                        "Rows per page "
                        <select on:change=move |event| {
                            if let Ok(size) = event_target_value(&event).parse::<usize>() {
                                page_size.set(Some(size.max(1)));
                                page_index.set(0);
                            }
                        }>
                            {[5_usize, 10, 20, 50, 100].into_iter().map(|size| view! {
                                <option value=size.to_string() selected=size == current_size>{size}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
            }
        });
        let empty = rows
            .is_empty()
            .then(|| view! { <p class="obs-table__empty">"No rows match."</p> });
        view! {
            <div class="obs-panel__chart obs-table-panel">
                {filters}
                <div class="obs-table__scroll" role="group" aria-label=move || label.get() use:focusable_when_scrolling>
                    <table class=format!("obs-table {density}")>
                        <caption class="obs-visually-hidden">{label.get()}</caption>
                        <thead><tr>{header}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                    {empty}
                </div>
                {pager}
            </div>
        }
    }
}

/// The search box and one select per column, for panels that enable filtering.
fn filter_bar(
    model: &TableModel,
    query: RwSignal<String>,
    column_filters: RwSignal<Vec<ColumnFilter>>,
    page_index: RwSignal<usize>,
    search_id: String,
) -> impl IntoView + use<> {
    let selects = model
        .columns
        .iter()
        .map(|column| {
            let options = filter_options(model, &column.key);
            let key = column.key.clone();
            let choices = options.clone();
            let on_change = move |event: leptos::ev::Event| {
                let picked = event_target_value(&event);
                let value = picked
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| choices.get(index))
                    .map(|option| option.value.clone());
                column_filters.update(|filters| {
                    filters.retain(|filter| filter.column != key);
                    if let Some(value) = value {
                        filters.push(ColumnFilter {
                            column: key.clone(),
                            values: vec![value],
                        });
                    }
                });
                page_index.set(0);
            };
            view! {
                <label class="obs-table__filter">
                    <span class="obs-visually-hidden">{format!("Filter {}", column.header)}</span>
                    <select on:change=on_change title=format!("Filter {}", column.header)>
                        <option value="all">{format!("{}: all", column.header)}</option>
                        {options.iter().enumerate().map(|(index, option)| view! {
                            <option value=index.to_string()>{option.label.clone()}</option>
                        }).collect_view()}
                    </select>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="obs-table__filters" role="search">
            <label class="obs-visually-hidden" for=search_id.clone()>"Search the table"</label>
            <input
                id=search_id
                class="obs-input obs-table__search"
                type="search"
                placeholder="Search"
                prop:value=move || query.get()
                on:input=move |event| {
                    query.set(event_target_value(&event));
                    page_index.set(0);
                }
            />
            {selects}
        </div>
    }
}

fn cell_content(cell: &TableCell) -> AnyView {
    let text = cell.text.clone();
    match cell.link.as_ref().and_then(|link| {
        let (href, leaves) = safe_link(&link.url)?;
        Some((href, leaves || link.open_new_tab, link.title.clone()))
    }) {
        Some((href, new_tab, title)) if new_tab => view! {
            <a href=href title=title target="_blank" rel="noopener noreferrer">{text}</a>
        }
        .into_any(),
        Some((href, _, title)) => {
            view! { <a href=href title=title rel="noopener">{text}</a> }.into_any()
        }
        None => view! { <span>{text}</span> }.into_any(),
    }
}

fn cell_style(cell: &TableCell) -> String {
    let mut style = String::new();
    if let Some(color) = &cell.text_color {
        style.push_str(&format!("color:{color};"));
    }
    if let Some(color) = &cell.background_color {
        style.push_str(&format!("background:{color};"));
    }
    if matches!(cell.value, CellValue::Number(_)) {
        style.push_str("font-variant-numeric:tabular-nums;");
    }
    style
}

fn width_style(width: &ColumnSize) -> String {
    match width {
        ColumnSize::Pixels(px) => format!("width:{px}px"),
        ColumnSize::Auto(_) => String::new(),
    }
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "obs-table__cell--left",
        Align::Center => "obs-table__cell--center",
        Align::Right => "obs-table__cell--right",
    }
}
