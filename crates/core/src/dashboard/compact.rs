//! Perses lays out a grid with react-grid-layout's vertical compaction: every item rises as far
//! as it can without overlapping the items above it, so a `y` that leaves a gap closes it.
//! Reproduced here (rather than by CSS, which has no such packing) so the page draws the grid
//! as Perses does.

use super::GridItem;

/// The grid is 24 columns wide.
pub const GRID_COLUMNS: u32 = 24;

/// A cell of the grid: column, row, width and height in grid units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Cell {
    /// An item's place, kept inside the grid: at least one unit wide and high, no wider than
    /// the grid, and moved left when it would stick out on the right.
    pub fn of(item: &GridItem) -> Self {
        let width = item.width.clamp(1, GRID_COLUMNS);
        Self {
            x: item.x.min(GRID_COLUMNS - width),
            y: item.y,
            width,
            height: item.height.max(1),
        }
    }

    fn overlaps(&self, other: &Cell) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }
}

/// The cells of `items` after vertical compaction, in the items' order. Items are placed in
/// reading order (row, then column); each rises while nothing placed is in the way, and an
/// item that still overlaps one drops below it, as react-grid-layout does.
pub fn compact(items: &[GridItem]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = items.iter().map(Cell::of).collect();
    let mut order: Vec<usize> = (0..cells.len()).collect();
    crate::sort::sort_by_key(&mut order, |&index| (cells[index].y, cells[index].x, index));
    let mut placed: Vec<Cell> = Vec::with_capacity(cells.len());
    for index in order {
        let mut cell = cells[index];
        while cell.y > 0 && !placed.iter().any(|other| cell_above(&cell).overlaps(other)) {
            cell.y -= 1;
        }
        while let Some(blocking) = placed.iter().find(|other| cell.overlaps(other)) {
            cell.y = blocking.y + blocking.height;
        }
        placed.push(cell);
        cells[index] = cell;
    }
    cells
}

/// The same cell one row higher.
fn cell_above(cell: &Cell) -> Cell {
    Cell {
        y: cell.y - 1,
        ..*cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dashboard::GridContent;

    fn item(x: u32, y: u32, width: u32, height: u32) -> GridItem {
        GridItem {
            x,
            y,
            width,
            height,
            content: GridContent::Panel("p".into()),
            repeat: None,
        }
    }

    fn rows(items: &[GridItem]) -> Vec<u32> {
        compact(items).iter().map(|cell| cell.y).collect()
    }

    #[test]
    fn items_rise_as_in_perses() {
        let cases: Vec<(&str, Vec<GridItem>, Vec<u32>)> = vec![
            ("nothing", vec![], vec![]),
            (
                "a gap above the first row closes",
                vec![item(0, 5, 12, 4)],
                vec![0],
            ),
            (
                "a gap between rows closes",
                vec![item(0, 0, 24, 4), item(0, 10, 12, 4), item(12, 12, 12, 4)],
                vec![0, 4, 4],
            ),
            (
                "an item rises beside a taller one",
                vec![item(0, 0, 12, 8), item(12, 0, 12, 4), item(12, 9, 12, 4)],
                vec![0, 0, 4],
            ),
            (
                "an item stops under what covers its columns",
                vec![item(0, 0, 8, 4), item(8, 0, 16, 6), item(4, 20, 8, 2)],
                vec![0, 0, 6],
            ),
            (
                "overlapping items are pushed apart",
                vec![item(0, 0, 12, 4), item(6, 2, 12, 4)],
                vec![0, 4],
            ),
            (
                "order is by row, then column, whatever the file's order",
                vec![item(12, 3, 12, 2), item(0, 3, 24, 2)],
                vec![2, 0],
            ),
            (
                "a packed grid stays as it is",
                vec![item(0, 0, 12, 4), item(12, 0, 12, 4), item(0, 4, 24, 3)],
                vec![0, 0, 4],
            ),
        ];
        for (what, items, expected) in cases {
            assert_eq!(rows(&items), expected, "{what}");
        }
    }

    #[test]
    fn cells_stay_inside_the_grid() {
        let cell = Cell::of(&item(20, 0, 8, 0));
        assert_eq!((cell.x, cell.width, cell.height), (16, 8, 1));
        let cell = Cell::of(&item(3, 0, 40, 2));
        assert_eq!((cell.x, cell.width), (0, 24));
        let cell = Cell::of(&item(0, 0, 0, 2));
        assert_eq!(cell.width, 1);
    }
}
