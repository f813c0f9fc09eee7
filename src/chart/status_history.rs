//! Status history: one row per series, one cell per time step coloured by its value (or its
//! mapping), row names on the left, a time axis below, and a tooltip for the cell under the
//! pointer.

use leptos::prelude::*;
use obs_core::chart::scale::TimeScale;
use obs_core::chart::ticks::time_ticks;
use obs_core::panels::status_history::StatusHistoryModel;

use super::Shared;
use super::bar::truncate;
use super::canvas::CanvasChart;
use super::painter::{Align, CanvasSize, Font, Painter};
use super::theme::ChartTheme;
use super::utc_offset_minutes;
use crate::intl::format_time;

const AXIS_PX: f64 = 20.0;

/// The grid: where rows and the time axis lie.
struct Grid {
    left: f64,
    right: f64,
    top: f64,
    row_px: f64,
    x: TimeScale,
}

fn grid(model: &StatusHistoryModel, size: CanvasSize, label_px: f64) -> Grid {
    let left = label_px.min(size.width_css * 0.3) + 8.0;
    let right = size.width_css - 4.0;
    let rows = model.rows.len().max(1) as f64;
    Grid {
        left,
        right,
        top: 2.0,
        row_px: ((size.height_css - AXIS_PX - 2.0) / rows).max(1.0),
        x: TimeScale {
            start_ms: model.columns.start_ms,
            end_ms: model.columns.end_ms().max(model.columns.start_ms + 1),
            start_px: left,
            end_px: right,
        },
    }
}

#[component]
pub fn StatusHistoryChart(
    model: Memo<Shared<StatusHistoryModel>>,
    #[prop(into)] label: Signal<String>,
    /// The time zone to label times in (`None`: the browser's).
    timezone: Signal<Option<String>>,
) -> impl IntoView {
    let paint = move |painter: &mut Painter, size: CanvasSize, theme: &ChartTheme| {
        let model = model.get();
        let font = Font {
            size_css: 11.0,
            bold: false,
            family: theme.font_family.clone(),
        };
        let widest = model
            .rows
            .iter()
            .map(|row| painter.text_width(&row.name, &font))
            .fold(0.0, f64::max);
        let grid = grid(&model, size, widest);
        for (index, row) in model.rows.iter().enumerate() {
            let top = grid.top + grid.row_px * index as f64;
            let name = truncate(&row.name, grid.left - 8.0, |t| painter.text_width(t, &font));
            painter.text(
                &name,
                grid.left - 6.0,
                top + grid.row_px / 2.0,
                Align::Right,
                &font,
                &theme.text,
            );
            for cell in &row.cells {
                let (x0, x1) = (
                    grid.x.px_from_time(cell.start_ms),
                    grid.x.px_from_time(cell.end_ms),
                );
                let fill = painter.color(&cell.color, 1.0);
                painter.rect(
                    x0,
                    top + 1.0,
                    (x1 - x0).max(1.0),
                    (grid.row_px - 2.0).max(1.0),
                    fill,
                );
            }
        }
        let offset = utc_offset_minutes(model.columns.start_ms, timezone.get().as_deref());
        let axis_y = grid.top + grid.row_px * model.rows.len() as f64 + AXIS_PX / 2.0;
        for tick in time_ticks(
            grid.x.start_ms,
            grid.x.end_ms,
            grid.right - grid.left,
            90.0,
            offset,
        ) {
            let x = grid.x.px_from_time(tick.time_ms);
            painter.text(
                &tick.label,
                x,
                axis_y,
                Align::Center,
                &font,
                &theme.text_subtle,
            );
        }
    };
    let hit = move |x: f64, y: f64, size: CanvasSize| {
        let model = model.get_untracked();
        let widest = model
            .rows
            .iter()
            .map(|row| row.name.chars().count() as f64 * 6.5)
            .fold(0.0, f64::max);
        let grid = grid(&model, size, widest);
        if x < grid.left || x > grid.right {
            return None;
        }
        let row = model
            .rows
            .get(((y - grid.top) / grid.row_px).floor().max(0.0) as usize)?;
        let time_ms = grid.x.time_from_px(x);
        let cell = row
            .cells
            .iter()
            .find(|cell| time_ms >= cell.start_ms && time_ms < cell.end_ms)?;
        let zone = timezone.get_untracked();
        Some(vec![
            row.name.clone(),
            format!(
                "{}: {}",
                format_time(cell.start_ms, zone.as_deref()),
                cell.text
            ),
        ])
    };
    view! { <CanvasChart paint=paint hit=hit label=label/> }
}
