//! Where a chart's tooltip goes beside the pointer (and, for the short ones, above or below
//! it), and how many rows it shows, so that it stays readable inside the chart: the panel
//! around a chart scrolls its content, so whatever of a tooltip reaches past the chart's edge
//! is cut off.

/// Between the pointer and the tooltip, in CSS pixels.
pub const GAP_PX: f64 = 12.0;

/// The tooltip's place: on which side of the pointer, and the room it has there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipPlace {
    /// Left of the pointer (the tooltip ends at `anchor_px`), else right of it (it starts
    /// there).
    pub left_of_pointer: bool,
    /// The tooltip's start (right of the pointer) or end (left of it), in CSS pixels from the
    /// chart's left edge.
    pub anchor_px: f64,
    /// The widest the tooltip may be there without reaching past the chart, in CSS pixels
    /// (its names are cut short with an ellipsis rather than its edge).
    pub room_px: f64,
}

/// The place of a tooltip at most `widest_px` wide for a pointer at `pointer_x_px` in a chart
/// `chart_width_px` wide whose plot spans `plot_left_px` to `plot_left_px + plot_width_px`. As
/// Perses does, it sits right of the pointer until 60 % of the plot, then left of it; but on
/// whichever side it would not fit at its widest, it goes to the other side when that has
/// more room.
pub fn tooltip_place(
    pointer_x_px: f64,
    (plot_left_px, plot_width_px): (f64, f64),
    chart_width_px: f64,
    widest_px: f64,
) -> TooltipPlace {
    let room_right = (chart_width_px - pointer_x_px - GAP_PX).max(0.0);
    let room_left = (pointer_x_px - GAP_PX).max(0.0);
    let past_60 = pointer_x_px > plot_left_px + plot_width_px * 0.6;
    let left_of_pointer = if past_60 {
        room_left >= widest_px || room_left >= room_right
    } else {
        room_right < widest_px && room_left > room_right
    };
    if left_of_pointer {
        TooltipPlace {
            left_of_pointer,
            anchor_px: pointer_x_px - GAP_PX,
            room_px: room_left,
        }
    } else {
        TooltipPlace {
            left_of_pointer,
            anchor_px: pointer_x_px + GAP_PX,
            room_px: room_right,
        }
    }
}

/// Above or below the pointer, for a chart whose tooltip is a few lines (bar, pie, status
/// history, heat map, histogram): below it while that leaves the tooltip more room than
/// above, else above it, so a pointer near the chart's bottom does not push the tooltip past
/// the edge. The anchor is the tooltip's top (below) or bottom (above), in CSS pixels from
/// the chart's top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VerticalPlace {
    pub above_pointer: bool,
    pub anchor_px: f64,
}

/// The vertical place of a tooltip for a pointer at `pointer_y_px` in a chart
/// `chart_height_px` tall.
pub fn vertical_place(pointer_y_px: f64, chart_height_px: f64) -> VerticalPlace {
    let room_below = chart_height_px - pointer_y_px - GAP_PX;
    let room_above = pointer_y_px - GAP_PX;
    if room_below >= room_above {
        VerticalPlace {
            above_pointer: false,
            anchor_px: pointer_y_px + GAP_PX,
        }
    } else {
        VerticalPlace {
            above_pointer: true,
            anchor_px: (pointer_y_px - GAP_PX).max(0.0),
        }
    }
}

/// A tooltip's heights as laid out, in CSS pixels: one row, the "and N more" line, and the
/// rest (its time line and padding).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipHeights {
    pub row_px: f64,
    pub more_px: f64,
    pub rest_px: f64,
}

/// How many of `rows` rows a tooltip shows in `room_px` of height: all of them when they fit
/// (with the "and N more" line when `more` already), else as many as fit above that line,
/// which then counts the rest; at least one, the nearest series'.
pub fn rows_that_fit(room_px: f64, heights: TooltipHeights, rows: usize, more: bool) -> usize {
    let height = |shown: usize, more: bool| {
        heights.rest_px + shown as f64 * heights.row_px + if more { heights.more_px } else { 0.0 }
    };
    if height(rows, more) <= room_px {
        return rows;
    }
    (1..rows)
        .rev()
        .find(|shown| height(*shown, true) <= room_px)
        .unwrap_or(1)
        .min(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tooltip_keeps_inside_the_chart() {
        // (pointer, plot left, plot width, chart width) → (left of the pointer, anchor, room),
        // for a tooltip at most 352 px wide.
        let cases = [
            // A wide chart: right of the pointer until 60 % of the plot, then left of it.
            ((500.0, 50.0, 1500.0, 1600.0), (false, 512.0, 1088.0)),
            ((1000.0, 50.0, 1500.0, 1600.0), (true, 988.0, 988.0)),
            // A narrow chart at 59 %: the right has less than the tooltip's widest and less
            // room than the left, so it goes left.
            ((200.0, 40.0, 280.0, 330.0), (true, 188.0, 188.0)),
            // Past 60 % of a narrow chart, left it is, with the room there.
            ((250.0, 40.0, 280.0, 330.0), (true, 238.0, 238.0)),
            // Near the left edge of a narrow chart, right of the pointer with the room there.
            ((60.0, 40.0, 280.0, 330.0), (false, 72.0, 258.0)),
            // Past 60 % but the left is cramped and the right roomier: right of the pointer.
            ((130.0, 40.0, 100.0, 600.0), (false, 142.0, 458.0)),
            // No room either side: none, never negative.
            ((5.0, 0.0, 10.0, 10.0), (false, 17.0, 0.0)),
        ];
        for ((pointer, plot_left, plot_width, chart_width), (left, anchor, room)) in cases {
            let place = tooltip_place(pointer, (plot_left, plot_width), chart_width, 352.0);
            assert_eq!(
                place,
                TooltipPlace {
                    left_of_pointer: left,
                    anchor_px: anchor,
                    room_px: room
                },
                "pointer at {pointer} in a chart {chart_width} wide"
            );
        }
    }

    #[test]
    fn a_short_tooltip_goes_where_the_chart_has_more_room() {
        // (pointer, chart height) → (above the pointer, anchor).
        let cases = [
            // The upper half: below the pointer, its top 12 px under it.
            ((20.0, 200.0), (false, 32.0)),
            ((100.0, 200.0), (false, 112.0)),
            // The lower half: above the pointer, its bottom 12 px over it.
            ((101.0, 200.0), (true, 89.0)),
            ((190.0, 200.0), (true, 178.0)),
            // A chart shorter than the gap: never a negative anchor.
            ((8.0, 10.0), (true, 0.0)),
        ];
        for ((pointer, height), (above, anchor)) in cases {
            assert_eq!(
                vertical_place(pointer, height),
                VerticalPlace {
                    above_pointer: above,
                    anchor_px: anchor
                },
                "pointer at {pointer} in a chart {height} tall"
            );
        }
    }

    #[test]
    fn the_tooltip_shows_the_rows_that_fit() {
        let heights = TooltipHeights {
            row_px: 18.0,
            more_px: 22.0,
            rest_px: 30.0,
        };
        // (room, rows, more already) → rows shown.
        let cases = [
            // Ten rows fit in 210 px: all of them.
            ((210.0, 10, false), 10),
            // 209 px: not all; nine rows and the "more" line need 214, eight 196.
            ((209.0, 10, false), 8),
            // A line of "more" already there counts against the room.
            ((210.0, 10, true), 8),
            ((232.0, 10, true), 10),
            // A short chart: as many as fit above the "more" line.
            ((100.0, 10, false), 2),
            // No room at all: still the nearest series.
            ((10.0, 10, false), 1),
            ((10.0, 1, false), 1),
            // Nothing to show.
            ((100.0, 0, false), 0),
        ];
        for ((room, rows, more), expected) in cases {
            assert_eq!(
                rows_that_fit(room, heights, rows, more),
                expected,
                "{room} px, {rows} rows, more {more}"
            );
        }
    }
}
