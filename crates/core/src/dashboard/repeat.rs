//! Repeats, as Perses draws them: a grid group with `repeatVariable` is drawn once per selected
//! value of the variable, and a grid item with `repeatVariable` shows one copy of its panel per
//! value inside its own cell, `maxPer` copies to a row (four unless said), or one under another
//! (`alignment: vertical`). Inside a copy the variable holds that one value, so its queries,
//! title and links are about it. A variable with one value (or none) does not repeat: the
//! group or panel is drawn once, as it is.

use crate::interpolate::VariableValue;
use crate::spec::layout::{ItemRepeat, RepeatAlignment};

/// Copies on a row when a horizontal repeat does not say (Perses' `DEFAULT_MAX_PER_ROW`).
pub const DEFAULT_MAX_PER_ROW: u32 = 4;
/// Perses' grid rows are 30 px high with 10 px between items.
const ROW_HEIGHT_PX: u32 = 30;
const MARGIN_PX: u32 = 10;

/// The values a repeat runs over: each selected value when there are several (`$__all`
/// without a custom value is every option), else none.
pub fn repeat_values(value: Option<&VariableValue>) -> Vec<String> {
    match value {
        Some(VariableValue::Multiple(values)) => values.clone(),
        Some(VariableValue::Single(_)) | None => Vec::new(),
    }
}

/// How a repeated item lays its copies out in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepeatShape {
    /// Copies on one row: each is `1 / per_row` of the cell wide.
    pub per_row: u32,
    pub rows: u32,
}

impl RepeatShape {
    /// The shape of `copies` copies of an item repeated as `repeat` says.
    pub fn of(repeat: &ItemRepeat, copies: usize) -> Self {
        let per_row = match repeat.alignment.unwrap_or_default() {
            RepeatAlignment::Vertical => 1,
            RepeatAlignment::Horizontal => repeat
                .max_per
                .and_then(|max| u32::try_from(max).ok())
                .filter(|max| *max > 0)
                .unwrap_or(DEFAULT_MAX_PER_ROW),
        };
        let copies = u32::try_from(copies).unwrap_or(u32::MAX).max(1);
        Self {
            per_row,
            rows: copies.div_ceil(per_row),
        }
    }

    /// The cell's height in grid rows when one copy is `height` rows high: the copies' rows
    /// plus the margins between them, as Perses grows the item.
    pub fn cell_height(&self, height: u32) -> u32 {
        let gaps_px = self.rows.saturating_sub(1) * MARGIN_PX;
        self.rows * height + gaps_px.div_ceil(ROW_HEIGHT_PX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeat(alignment: Option<RepeatAlignment>, max_per: Option<i64>) -> ItemRepeat {
        ItemRepeat {
            value: "model".into(),
            max_per,
            alignment,
        }
    }

    #[test]
    fn values_that_repeat() {
        let several = VariableValue::Multiple(vec!["a".into(), "b".into()]);
        assert_eq!(repeat_values(Some(&several)), ["a", "b"]);
        assert!(repeat_values(Some(&VariableValue::Single(".*".into()))).is_empty());
        assert!(repeat_values(Some(&VariableValue::Multiple(vec![]))).is_empty());
        assert!(repeat_values(None).is_empty());
    }

    #[test]
    fn shapes_as_in_perses() {
        let cases = [
            (repeat(None, None), 3, (4, 1), 6),
            (repeat(None, None), 9, (4, 3), 6 * 3 + 1),
            (
                repeat(Some(RepeatAlignment::Horizontal), Some(2)),
                5,
                (2, 3),
                6 * 3 + 1,
            ),
            (
                repeat(Some(RepeatAlignment::Vertical), Some(3)),
                4,
                (1, 4),
                6 * 4 + 1,
            ),
            (repeat(None, Some(0)), 5, (4, 2), 6 * 2 + 1),
            (repeat(None, Some(-2)), 1, (4, 1), 6),
        ];
        for (repeat, copies, (per_row, rows), height) in cases {
            let shape = RepeatShape::of(&repeat, copies);
            assert_eq!(
                (shape.per_row, shape.rows),
                (per_row, rows),
                "{repeat:?} × {copies}"
            );
            assert_eq!(shape.cell_height(6), height, "{repeat:?} × {copies}");
        }
    }
}
