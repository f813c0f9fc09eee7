//! The status history chart's geometry: a row per series with its name at the left, a cell
//! per time step, and the time axis under the rows, from the model, the chart's size and
//! measured name widths. Painting draws it and the tooltip's hit test reads the same one.

use super::frame::{Align, CanvasSize, Label, Rect, Tick, time_ticks_along, truncate};
use super::scale::TimeScale;
use crate::panels::status_history::StatusHistoryModel;

/// Height of the time axis under the rows.
const AXIS_PX: f64 = 20.0;

/// Where everything of a status history chart lies.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusGeometry {
    /// The rows' area.
    pub plot: Rect,
    pub x: TimeScale,
    pub row_px: f64,
    /// The rows' names, cut to fit the margin.
    pub row_labels: Vec<Label>,
    /// Per row, per cell of the model's row: its rectangle.
    pub cells: Vec<Vec<Rect>>,
    pub x_ticks: Vec<Tick>,
}

/// Lays out `model` in `size`; `measure` gives a name's width in CSS pixels and
/// `utc_offset_minutes` aligns the time ticks to the viewer's clock.
pub fn layout(
    model: &StatusHistoryModel,
    size: CanvasSize,
    utc_offset_minutes: i32,
    measure: &dyn Fn(&str) -> f64,
) -> StatusGeometry {
    let widest = model
        .rows
        .iter()
        .map(|row| measure(&row.name))
        .fold(0.0, f64::max);
    let left = widest.min(size.width_css * 0.3) + 8.0;
    let right = (size.width_css - 4.0).max(left + 1.0);
    let top = 2.0;
    let rows = model.rows.len().max(1) as f64;
    let row_px = ((size.height_css - AXIS_PX - top) / rows).max(1.0);
    let plot = Rect {
        left,
        top,
        right,
        bottom: top + row_px * model.rows.len() as f64,
    };
    let x = TimeScale {
        start_ms: model.columns.start_ms,
        end_ms: model.columns.end_ms().max(model.columns.start_ms + 1),
        start_px: left,
        end_px: right,
    };
    let row_labels = model
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| Label {
            text: truncate(&row.name, left - 8.0, measure),
            x: left - 6.0,
            y: top + row_px * (index as f64 + 0.5),
            align: Align::Right,
        })
        .collect();
    let cells = model
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let row_top = top + row_px * index as f64;
            row.cells
                .iter()
                .map(|cell| {
                    let (x0, x1) = (x.px_from_time(cell.start_ms), x.px_from_time(cell.end_ms));
                    Rect {
                        left: x0,
                        top: row_top + 1.0,
                        right: x0 + (x1 - x0).max(1.0),
                        bottom: row_top + 1.0 + (row_px - 2.0).max(1.0),
                    }
                })
                .collect()
        })
        .collect();
    let x_ticks = time_ticks_along(&x, utc_offset_minutes);
    StatusGeometry {
        plot,
        x,
        row_px,
        row_labels,
        cells,
        x_ticks,
    }
}

impl StatusGeometry {
    /// The cell under `(x, y)`: its row and its index in the row. A cell thinner than a pixel
    /// is drawn a pixel wide and is hit as drawn.
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        if !self.plot.contains(x, y) {
            return None;
        }
        let row = ((y - self.plot.top) / self.row_px).floor().max(0.0) as usize;
        let cells = self.cells.get(row)?;
        let cell = cells
            .iter()
            .position(|rect| x >= rect.left && x < rect.right.max(rect.left + 1.0))?;
        Some((row, cell))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panels::status_history::{StatusCell, StatusRow, TimeColumns};

    fn measure(text: &str) -> f64 {
        text.chars().count() as f64 * 7.0
    }

    fn model() -> StatusHistoryModel {
        let cell = |column: usize, value: f64| StatusCell {
            column,
            start_ms: column as i64 * 60_000,
            end_ms: (column as i64 + 1) * 60_000,
            value,
            text: format!("{value}"),
            color: "#000".to_owned(),
        };
        StatusHistoryModel {
            rows: vec![
                StatusRow {
                    name: "predictor-a".to_owned(),
                    cells: vec![cell(0, 1.0), cell(1, 0.0), cell(3, 1.0)],
                },
                StatusRow {
                    name: "a-very-long-pod-name-that-does-not-fit".to_owned(),
                    cells: vec![cell(2, 2.0)],
                },
            ],
            columns: TimeColumns {
                start_ms: 0,
                step_ms: 60_000,
                count: 4,
            },
            total_series: 2,
            legend: None,
        }
    }

    #[test]
    fn rows_and_cells_fill_the_plot() {
        let size = CanvasSize {
            width_css: 400.0,
            height_css: 102.0,
            ratio: 1.0,
        };
        let geometry = layout(&model(), size, 0, &measure);
        // The long name is cut at 30 % of the width: 120 px, then 8 px of gap.
        assert_eq!(
            geometry.plot,
            Rect {
                left: 128.0,
                top: 2.0,
                right: 396.0,
                bottom: 82.0
            }
        );
        assert_eq!(geometry.row_px, 40.0);
        assert_eq!(geometry.row_labels[0].text, "predictor-a");
        let cut = &geometry.row_labels[1].text;
        assert!(cut.ends_with('…') && measure(cut) <= 120.0, "{cut}");
        // Four minutes over 268 px: 67 px a column; the third column is empty in row one.
        let first = &geometry.cells[0];
        assert_eq!((first[0].left, first[0].right), (128.0, 195.0));
        assert_eq!((first[2].left, first[2].right), (329.0, 396.0));
        assert_eq!((first[0].top, first[0].bottom), (3.0, 41.0));
        let cases = [
            (150.0, 20.0, Some((0, 0))),
            (200.0, 20.0, Some((0, 1))),
            (300.0, 20.0, None),
            (300.0, 60.0, Some((1, 0))),
            (100.0, 20.0, None),
            (150.0, 90.0, None),
        ];
        for (x, y, expected) in cases {
            assert_eq!(geometry.hit(x, y), expected, "({x}, {y})");
        }
        assert!(!geometry.x_ticks.is_empty());
    }
}
