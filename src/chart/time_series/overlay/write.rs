//! Writing what a hover asks for: only what differs from what was written last.

use web_sys::HtmlElement;

use super::elements::{Elements, RowElements};
use super::{Crosshair, HoverValue, Wanted};
use obs_core::chart::tooltip::{TooltipHeights, rows_that_fit};

/// What the overlay shows now, as last written.
#[derive(Default)]
pub struct Written {
    shown: bool,
    line: Crosshair,
    place: (String, Option<String>),
    time: String,
    rows: Vec<RowWritten>,
    more: usize,
    markers: Vec<MarkerWritten>,
    /// Learnt on the first hover.
    heights: Option<TooltipHeights>,
}

#[derive(Default, Clone, PartialEq)]
struct RowWritten {
    shown: bool,
    name: String,
    color: String,
    value: String,
    nearest: bool,
}

#[derive(Default, Clone, PartialEq)]
struct MarkerWritten {
    shown: bool,
    transform: String,
    colors: (String, String),
    nearest: bool,
}

impl Written {
    /// Writes what differs between `wanted` (`None`: nothing hovered) and what is shown.
    pub fn write(&mut self, elements: &Elements, wanted: Option<Wanted<'_>>) {
        self.rows.resize(elements.rows.len(), RowWritten::default());
        self.markers
            .resize(elements.markers.len(), MarkerWritten::default());
        update(&mut self.shown, wanted.is_some(), |shown| {
            display(&elements.tooltip, *shown);
            display(&elements.line, *shown);
        });
        let Some(wanted) = wanted else {
            for (marker, written) in elements.markers.iter().zip(&mut self.markers) {
                update(&mut written.shown, false, |_| display(marker, false));
            }
            return;
        };
        let Wanted {
            line:
                Crosshair {
                    transform,
                    span,
                    color,
                },
            place,
            time,
            values,
            more,
            border,
            room_px,
        } = wanted;
        let line = elements.line.style();
        update(&mut self.line.transform, transform, |transform| {
            let _ = line.set_property("transform", transform);
        });
        update(&mut self.line.span, span, |(top, height)| {
            let _ = line.set_property("top", top);
            let _ = line.set_property("height", height);
        });
        update(&mut self.line.color, color, |color| {
            let _ = line.set_property("color", color);
        });
        let style = elements.tooltip.style();
        let (transform, max_width) = place;
        update(&mut self.place.0, transform, |transform| {
            let _ = style.set_property("transform", transform);
        });
        update(&mut self.place.1, max_width, |max_width| {
            let _ = match max_width {
                Some(width) => style.set_property("max-width", width),
                None => style.remove_property("max-width").map(drop),
            };
        });
        update(&mut self.time, time, |time| elements.time.set_data(time));
        // As many rows as fit in the chart below the tooltip's top, once the tooltip's
        // heights are known: the first hover lays it out once to learn them.
        let rows = |heights: Option<TooltipHeights>| {
            heights.map_or(values.len(), |heights| {
                rows_that_fit(room_px, heights, values.len(), more != 0)
            })
        };
        let hovered = Hovered {
            values,
            more,
            border: &border,
        };
        self.write_rows(elements, &hovered, rows(self.heights));
        if self.heights.is_none() {
            self.heights = measure(elements, &self.rows);
            if self.heights.is_some() {
                self.write_rows(elements, &hovered, rows(self.heights));
            }
        }
    }

    /// Writes the first `shown` of the hovered values as rows, each with its marker (a
    /// marker without a row would point at a series the tooltip does not name), and how many
    /// more there are besides those the hover left out.
    fn write_rows(&mut self, elements: &Elements, hovered: &Hovered, shown: usize) {
        let (values, more) = (hovered.values, hovered.more);
        let more = more + values.len().saturating_sub(shown);
        update(&mut self.more, more, |more| {
            display(&elements.more, *more != 0);
            if *more != 0 {
                elements.more_text.set_data(&format!("and {more} more"));
            }
        });
        let values = values.get(..shown).unwrap_or(values);
        for (row, written, value) in slots(&elements.rows, &mut self.rows, values) {
            match value {
                Some(value) => write_row(row, written, value),
                None => update(&mut written.shown, false, |_| display(&row.row, false)),
            }
        }
        for (marker, written, value) in slots(&elements.markers, &mut self.markers, values) {
            match value {
                Some(value) => write_marker(marker, written, value, hovered.border),
                None => update(&mut written.shown, false, |_| display(marker, false)),
            }
        }
    }
}

/// The hovered series' values, how many more the hover left out, and the markers' ring.
struct Hovered<'a> {
    values: &'a [HoverValue],
    more: usize,
    border: &'a str,
}

/// Each element with what it shows and the value it is to show, if any.
fn slots<'a, E, W>(
    elements: &'a [E],
    written: &'a mut [W],
    values: &'a [HoverValue],
) -> impl Iterator<Item = (&'a E, &'a mut W, Option<&'a HoverValue>)> {
    elements
        .iter()
        .zip(written)
        .enumerate()
        .map(|(index, (element, written))| (element, written, values.get(index)))
}

/// The tooltip's heights as laid out (reading them makes the browser lay it out at once, so
/// this runs once, on the first hover); `None` while no row is shown.
fn measure(elements: &Elements, rows: &[RowWritten]) -> Option<TooltipHeights> {
    let shown = rows.iter().filter(|row| row.shown).count();
    let row_px = f64::from(elements.rows.first()?.row.offset_height());
    if shown == 0 || row_px <= 0.0 {
        return None;
    }
    let more_shown = elements
        .more
        .style()
        .get_property_value("display")
        .ok()
        .as_deref()
        != Some("none");
    // The "more" line with the margin above it: from the last row's end to its own (offsets
    // are from the tooltip, which is positioned). While it is hidden, a third of a row more
    // than a row stands for it (too much costs a row at most).
    let last_row = elements.rows.get(shown - 1)?;
    let more_px = if more_shown {
        f64::from(
            elements.more.offset_top() + elements.more.offset_height()
                - (last_row.row.offset_top() + last_row.row.offset_height()),
        )
    } else {
        row_px * 4.0 / 3.0
    };
    let tooltip_px = f64::from(elements.tooltip.offset_height());
    Some(TooltipHeights {
        row_px,
        more_px,
        rest_px: tooltip_px - shown as f64 * row_px - if more_shown { more_px } else { 0.0 },
    })
}

fn write_row(row: &RowElements, written: &mut RowWritten, value: &HoverValue) {
    update(&mut written.shown, true, |_| display(&row.row, true));
    update(&mut written.nearest, value.nearest, |nearest| {
        let _ = row
            .row
            .class_list()
            .toggle_with_force("obs-ts__tooltip-row--nearest", *nearest);
    });
    update_text(&mut written.color, &value.color, |color| {
        let _ = row.swatch.style().set_property("background", color);
    });
    update_text(&mut written.name, &value.name, |name| {
        row.name.set_data(name)
    });
    update_text(&mut written.value, &value.value_text, |text| {
        row.value.set_data(text)
    });
}

fn write_marker(
    marker: &HtmlElement,
    written: &mut MarkerWritten,
    value: &HoverValue,
    border: &str,
) {
    let style = marker.style();
    update(&mut written.shown, true, |_| display(marker, true));
    update(
        &mut written.transform,
        format!("translate({}px,{}px)", value.x, value.y),
        |transform| {
            let _ = style.set_property("transform", transform);
        },
    );
    if written.colors.0 != value.color || written.colors.1 != border {
        let _ = style.set_property("background", &value.color);
        let _ = style.set_property("border-color", border);
        written.colors = (value.color.clone(), border.to_owned());
    }
    update(&mut written.nearest, value.nearest, |nearest| {
        let _ = marker
            .class_list()
            .toggle_with_force("obs-ts__marker--nearest", *nearest);
    });
}

/// Writes `value` with `write` when it differs from `written`, and keeps a copy.
fn update_text(written: &mut String, value: &str, write: impl FnOnce(&str)) {
    if written != value {
        write(value);
        value.clone_into(written);
    }
}

/// Writes `value` with `write` when it differs from what `written` holds, and keeps it.
fn update<T: PartialEq>(written: &mut T, value: T, write: impl FnOnce(&T)) {
    if *written != value {
        write(&value);
        *written = value;
    }
}

/// Shows `element` as its class says, or hides it.
fn display(element: &HtmlElement, shown: bool) {
    let style = element.style();
    let _ = if shown {
        style.remove_property("display").map(drop)
    } else {
        style.set_property("display", "none")
    };
}
