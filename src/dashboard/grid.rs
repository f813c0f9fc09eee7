//! A Perses Grid layout: an optional collapsible row header over a 24-column grid of panels.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::compact::{Cell, compact};
use obs_core::dashboard::{Dashboard, GridContent, GridItem, GridLayout};

use super::MountScheduler;
use crate::icons::ChevronIcon;
use crate::ids::unique_id;
use crate::panel::{MissingPanel, PanelFrame};

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
    let collapsible = grid.collapse.is_some();
    let open = RwSignal::new(grid.collapse.unwrap_or(true));
    let body_id = unique_id("grid");
    let title = grid.title.clone();
    let panel_count = grid.items.len();
    let items = Arc::new(grid.items);

    let header = match (title.clone(), collapsible) {
        (Some(title), true) => Some({
            let button_label = title.clone();
            view! {
                <h3 class="obs-row-heading">
                    <button
                        class="obs-row-header"
                        aria-label=button_label
                        aria-expanded=move || open.get().to_string()
                        aria-controls=body_id.clone()
                        on:click=move |_| open.update(|open| *open = !*open)
                    >
                        <span class="obs-row-header__toggle"><ChevronIcon/></span>
                        <span>{title}</span>
                        <span class="obs-row-header__count">
                            {move || (!open.get()).then(|| panels_label(panel_count))}
                        </span>
                    </button>
                </h3>
            }
            .into_any()
        }),
        (Some(title), false) => Some(view! { <h3 class="obs-row-header">{title}</h3> }.into_any()),
        (None, _) => None,
    };
    let label = title.unwrap_or_else(|| format!("Panel group {}", index + 1));
    let body = move || {
        open.get().then(|| {
            let items = Arc::clone(&items);
            let dashboard = Arc::clone(&dashboard);
            // Perses packs the grid upwards; the cells are placed where it would put them.
            let cells = compact(&items);
            view! {
                <div class="obs-grid">
                    {items
                        .iter()
                        .zip(cells)
                        .map(|(item, cell)| view! { <GridCell item=item.clone() cell=cell dashboard=Arc::clone(&dashboard)/> })
                        .collect_view()}
                </div>
            }
        })
    };

    view! {
        <section class="obs-grid-section" aria-label=label>
            {header}
            <div id=body_id>{body}</div>
        </section>
    }
}

/// One item of the grid, placed by its Perses coordinates. Its panel mounts when the
/// [`MountScheduler`] gives it a turn; until then the cell is an empty card.
#[component]
fn GridCell(item: GridItem, cell: Cell, dashboard: Arc<Dashboard>) -> impl IntoView {
    let style = grid_placement(cell);
    let turn = MountScheduler::turn();
    let content = move || {
        turn.get().then(|| match &item.content {
            GridContent::Panel(key) => match dashboard.panel(key) {
                Some(panel) => view! { <PanelFrame panel=panel.clone()/> }.into_any(),
                None => view! { <MissingPanel reference=key.clone()/> }.into_any(),
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

fn panels_label(count: usize) -> String {
    match count {
        1 => "1 panel".to_owned(),
        count => format!("{count} panels"),
    }
}
