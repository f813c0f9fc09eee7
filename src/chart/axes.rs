//! What laid-out charts paint the same way: axis labels where the core's layout put their
//! ticks, placed labels, and rectangles, in the charts' label font.

use obs_core::chart::frame::{Label, Rect, Tick};

use super::painter::{Align, Font, Painter};
use super::theme::ChartTheme;

/// The size of axis labels.
const LABEL_PX: f64 = 11.0;

/// The font of axis labels in `theme`.
pub fn label_font(theme: &ChartTheme) -> Font {
    Font {
        size_css: LABEL_PX,
        bold: false,
        family: theme.font_family.clone(),
    }
}

/// Which side of the plot an axis is on.
#[derive(Clone, Copy)]
pub enum Side {
    /// A vertical axis: labels right-aligned a little left of the plot.
    Left,
    /// A horizontal axis: labels centred on their ticks under the plot.
    Bottom,
}

/// An axis' labels.
pub fn paint_labels(
    painter: &mut Painter,
    ticks: &[Tick],
    side: Side,
    plot: &Rect,
    theme: &ChartTheme,
) {
    let font = label_font(theme);
    for tick in ticks {
        let (x, y, align) = match side {
            Side::Left => (plot.left - 6.0, tick.px, Align::Right),
            Side::Bottom => (tick.px, plot.bottom + 10.0, Align::Center),
        };
        painter.text(&tick.label, x, y, align, &font, &theme.text_subtle);
    }
}

/// Labels the core's layout placed, in `color`.
pub fn paint_texts(painter: &mut Painter, labels: &[Label], theme: &ChartTheme, color: &str) {
    let font = label_font(theme);
    for label in labels {
        painter.text(&label.text, label.x, label.y, label.align, &font, color);
    }
}

/// A filled rectangle in a CSS colour.
pub fn fill_rect(painter: &mut Painter, rect: &Rect, color: &str) {
    let fill = painter.color(color, 1.0);
    painter.rect(
        rect.left,
        rect.top,
        rect.right - rect.left,
        rect.bottom - rect.top,
        fill,
    );
}
