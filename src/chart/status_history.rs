//! Status history: the core's geometry (`obs_core::chart::status_history`) painted: the rows'
//! names, a cell per time step coloured by its value (or its mapping), and the time axis. The
//! tooltip names the cell under the pointer from the geometry that was painted.

use leptos::prelude::*;
use obs_core::chart::status_history::{StatusGeometry, layout};
use obs_core::panels::status_history::StatusHistoryModel;

use super::Shared;
use super::axes::{Side, fill_rect, label_font, paint_labels, paint_texts};
use super::canvas::LaidOutChart;
use super::hover_time_text;
use super::painter::{CanvasSize, Painter};
use super::theme::ChartTheme;
use super::utc_offset_minutes;

/// A status history chart of `model`.
#[component]
pub fn StatusHistoryChart(
    model: Memo<Shared<StatusHistoryModel>>,
    #[prop(into)] label: Signal<String>,
    /// The time zone to label times in (`None`: the browser's).
    timezone: Signal<Option<String>>,
) -> impl IntoView {
    let lay_out = move |painter: &Painter, size: CanvasSize, theme: &ChartTheme| {
        let model = model.get();
        let font = label_font(theme);
        let offset = utc_offset_minutes(model.columns.start_ms, timezone.get().as_deref());
        let geometry = layout(&model, size, offset, &|text| {
            painter.text_width(text, &font)
        });
        (model, geometry)
    };
    let hit =
        move |(model, geometry): &(Shared<StatusHistoryModel>, StatusGeometry), x: f64, y: f64| {
            let (row, cell) = geometry.hit(x, y)?;
            let row = model.rows.get(row)?;
            let cell = row.cells.get(cell)?;
            let zone = timezone.get_untracked();
            Some(vec![
                row.name.clone(),
                format!(
                    "{}: {}",
                    hover_time_text(cell.start_ms, zone.as_deref()),
                    cell.text
                ),
            ])
        };
    view! { <LaidOutChart lay_out=lay_out paint=paint hit=hit label=label/> }
}

fn paint(
    painter: &mut Painter,
    (model, geometry): &(Shared<StatusHistoryModel>, StatusGeometry),
    theme: &ChartTheme,
) {
    paint_texts(painter, &geometry.row_labels, theme, &theme.text);
    for (row, rects) in model.rows.iter().zip(&geometry.cells) {
        for (cell, rect) in row.cells.iter().zip(rects) {
            fill_rect(painter, rect, &cell.color);
        }
    }
    paint_labels(
        painter,
        &geometry.x_ticks,
        Side::Bottom,
        &geometry.plot,
        theme,
    );
}
