//! A Perses Grid layout: an optional collapsible row header over a 24-column grid of panels,
//! packed upwards as Perses packs it, with its repeats: a group repeated once per value of its
//! `repeatVariable`, and items whose panel is copied once per value inside their cell.

use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use obs_core::dashboard::compact::{Cell, compact};
use obs_core::dashboard::repeat::{RepeatShape, repeat_values};
use obs_core::dashboard::{Dashboard, GridContent, GridItem, GridLayout, Panel};

use super::MountScheduler;
use crate::icons::ChevronIcon;
use crate::ids::unique_id;
use crate::panel::data::PanelContext;
use crate::panel::{MissingPanel, PanelFrame, interpolated};

/// A grid group, drawn once per selected value of its `repeatVariable` when it has one (and
/// the variable holds several values), else once.
#[component]
pub fn GridGroup(
    /// The group to draw.
    grid: GridLayout,
    /// The dashboard the group's items refer to.
    dashboard: Arc<Dashboard>,
    /// The group's position in the dashboard, for its accessible name when it has no title.
    index: usize,
) -> impl IntoView {
    let context = use_context::<PanelContext>();
    let (Some(variable), Some(context)) = (grid.repeat_variable.clone(), context) else {
        return view! { <GridSection grid=grid dashboard=dashboard index=index/> }.into_any();
    };
    let values = {
        let context = context.clone();
        let variable = variable.clone();
        Memo::new(move |_| repeat_values(context.value_of(&variable).as_ref()))
    };
    view! {
        {move || {
            let values = values.get();
            if values.is_empty() {
                return view! { <GridSection grid=grid.clone() dashboard=Arc::clone(&dashboard) index=index/> }
                    .into_any();
            }
            values
                .into_iter()
                .map(|value| {
                    view! {
                        <BoundGroup
                            grid=grid.clone()
                            dashboard=Arc::clone(&dashboard)
                            index=index
                            context=context.bind(&variable, &value)
                        />
                    }
                })
                .collect_view()
                .into_any()
        }}
    }
    .into_any()
}

/// One copy of a repeated group: its variable holds one value inside it.
#[component]
fn BoundGroup(
    grid: GridLayout,
    dashboard: Arc<Dashboard>,
    index: usize,
    context: PanelContext,
) -> impl IntoView {
    // A Provider scopes the context to this copy: panels mount later (a few per frame) and
    // must find their own copy's value, not the last one provided.
    view! {
        <Provider value=context>
            <GridSection grid=grid dashboard=dashboard index=index/>
        </Provider>
    }
}

/// One grid group. A group with `collapse` gets a header button that opens and closes it;
/// a closed group does not mount its panels, so they neither render nor query.
#[component]
pub fn GridSection(
    /// The group to draw.
    grid: GridLayout,
    /// The dashboard the group's items refer to.
    dashboard: Arc<Dashboard>,
    /// The group's position in the dashboard, for its accessible name when it has no title.
    index: usize,
) -> impl IntoView {
    let context = use_context::<PanelContext>();
    let collapsible = grid.collapse.is_some();
    let open = RwSignal::new(grid.collapse.unwrap_or(true));
    let body_id = unique_id("grid");
    // Titles show variables' values, as Perses does (a repeated group names its value so).
    let title = grid
        .title
        .clone()
        .map(|title| interpolated(title, context.clone()));
    // Panel titles are h4 under a row's h3; in a group without a title they come right
    // after the dashboard's h2, so they are announced one level up (axe's heading-order).
    let panel_level = crate::panel::PanelHeadingLevel(if grid.title.is_some() { 4 } else { 3 });
    let panel_count = grid.items.len();
    let items = Arc::new(grid.items);
    let copies = item_copies(Arc::clone(&items), context);

    let header = match (title, collapsible) {
        (Some(title), true) => Some(
            view! {
                <h3 class="obs-row-heading">
                    // Named by what it shows, the count of a closed row included, so the name
                    // a voice user says is the one on screen (WCAG 2.5.3).
                    <button
                        class="obs-row-header"
                        aria-expanded=move || open.get().to_string()
                        aria-controls=body_id.clone()
                        on:click=move |_| open.update(|open| *open = !*open)
                    >
                        <span class="obs-row-header__toggle"><ChevronIcon/></span>
                        <span>{move || title.get()}</span>
                        <span class="obs-row-header__count">
                            {move || (!open.get()).then(|| panels_label(panel_count))}
                        </span>
                    </button>
                </h3>
            }
            .into_any(),
        ),
        (Some(title), false) => {
            Some(view! { <h3 class="obs-row-header">{move || title.get()}</h3> }.into_any())
        }
        (None, _) => None,
    };
    let label = {
        let title = grid.title;
        let context = use_context::<PanelContext>();
        match title {
            Some(title) => interpolated(title, context),
            None => Signal::stored(format!("Panel group {}", index + 1)),
        }
    };
    let region_name = crate::region_names::RegionNames::name_of(label);
    let body = move || {
        open.get().then(|| {
            let copies = copies.get();
            // A repeated item grows to hold its copies; Perses then packs the grid upwards.
            let sized: Vec<GridItem> = items
                .iter()
                .zip(&copies)
                .map(|(item, values)| match &item.repeat {
                    Some(repeat) if !values.is_empty() => GridItem {
                        height: RepeatShape::of(repeat, values.len()).cell_height(item.height.max(1)),
                        ..item.clone()
                    },
                    _ => item.clone(),
                })
                .collect();
            let cells = compact(&sized);
            let dashboard = Arc::clone(&dashboard);
            view! {
                <div class="obs-grid">
                    {items
                        .iter()
                        .zip(cells)
                        .zip(copies)
                        .map(|((item, cell), values)| view! {
                            <GridCell item=item.clone() cell=cell values=values dashboard=Arc::clone(&dashboard)/>
                        })
                        .collect_view()}
                </div>
            }
        })
    };

    view! {
        <section class="obs-grid-section" aria-label=move || region_name.get()>
            {header}
            // A Provider owns its children, so the level reaches this group's panels (also
            // those mounted later) and no sibling's.
            <div id=body_id><Provider value=panel_level>{body}</Provider></div>
        </section>
    }
}

/// For each item, the values its panel is copied for (empty: drawn once). An item inside a
/// copy of a group repeated on the same variable is drawn once, with the group's value.
fn item_copies(items: Arc<Vec<GridItem>>, context: Option<PanelContext>) -> Memo<Vec<Vec<String>>> {
    Memo::new(move |_| {
        items
            .iter()
            .map(|item| match (&item.repeat, &context) {
                (Some(repeat), Some(context)) => {
                    repeat_values(context.value_of(&repeat.value).as_ref())
                }
                _ => Vec::new(),
            })
            .collect()
    })
}

/// One item of the grid, placed at its packed cell. Its panel (or its copies) mounts when
/// the [`MountScheduler`] gives it a turn; until then the cell is an empty card.
#[component]
fn GridCell(
    item: GridItem,
    cell: Cell,
    /// The values the panel is copied for; empty: the panel once.
    values: Vec<String>,
    dashboard: Arc<Dashboard>,
) -> impl IntoView {
    let style = grid_placement(cell);
    let turn = MountScheduler::turn();
    let content = move || {
        turn.get().then(|| match &item.content {
            GridContent::Panel(key) => match (dashboard.panel(key), &item.repeat) {
                (Some(panel), Some(repeat)) if !values.is_empty() => {
                    let shape = RepeatShape::of(repeat, values.len());
                    let layout = format!(
                        "grid-template-columns: repeat({}, minmax(0, 1fr)); grid-template-rows: repeat({}, minmax(0, 1fr));",
                        shape.per_row, shape.rows
                    );
                    let variable = repeat.value.clone();
                    view! {
                        <div class="obs-repeat" style=layout>
                            {values
                                .iter()
                                .map(|value| view! {
                                    <BoundPanel panel=panel.clone() variable=variable.clone() value=value.clone()/>
                                })
                                .collect_view()}
                        </div>
                    }
                    .into_any()
                }
                (Some(panel), _) => view! { <PanelFrame panel=panel.clone()/> }.into_any(),
                (None, _) => view! { <MissingPanel reference=key.clone()/> }.into_any(),
            },
            GridContent::Missing { reference } => {
                view! { <MissingPanel reference=reference.clone()/> }.into_any()
            }
        })
    };
    let class = move || {
        if turn.get() {
            "obs-grid__cell"
        } else {
            "obs-grid__cell obs-grid__cell--pending"
        }
    };
    view! { <div class=class style=style>{content}</div> }
}

/// One copy of a repeated panel: its variable holds one value inside it.
#[component]
fn BoundPanel(panel: Panel, variable: String, value: String) -> impl IntoView {
    match use_context::<PanelContext>() {
        Some(context) => view! {
            <Provider value=context.bind(&variable, &value)>
                <PanelFrame panel=panel.clone()/>
            </Provider>
        }
        .into_any(),
        None => view! { <PanelFrame panel=panel/> }.into_any(),
    }
}

/// CSS grid placement of a cell: columns and rows start at 1 in CSS, at 0 in Perses.
fn grid_placement(cell: Cell) -> String {
    format!(
        "grid-column: {} / span {}; grid-row: {} / span {};",
        cell.x + 1,
        cell.width,
        cell.y + 1,
        cell.height
    )
}

/// The count a closed row shows, with the space that keeps it a word apart from the title in
/// the button's accessible name.
fn panels_label(count: usize) -> String {
    match count {
        1 => " 1 panel".to_owned(),
        count => format!(" {count} panels"),
    }
}
