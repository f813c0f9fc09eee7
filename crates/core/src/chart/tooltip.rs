//! Where a chart's tooltip goes beside the pointer, so that it stays readable inside the
//! chart: the panel around a chart scrolls its content, so whatever of a tooltip reaches past
//! the chart's edge is cut off.

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
}
