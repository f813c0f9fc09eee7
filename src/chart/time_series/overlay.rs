//! The crosshair, the markers on the hovered series and the tooltip beside the pointer, made
//! once and written by one effect.
//!
//! A pointer move changes a few transforms and texts. Written by bindings, that took a memo per
//! tooltip row and a binding per text, colour, class and display (some 25 runs of the reactive
//! graph per move, each crossing into the browser on its own), which cost as much as the
//! browser's layout and paint of the move together. The effect compares what it wrote last
//! with what the hover asks for and writes only the difference, as `texts::ChartTexts` does for
//! the chart's name: a move over three series writes nine things.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Text};

use super::geometry::Geometry;
use super::hover::{Hover, HoverValue, TOOLTIP_SERIES};
use crate::chart::Shared;
use crate::chart::hover_time_text;
use crate::chart::theme::ChartTheme;
use obs_core::chart::tooltip::tooltip_place;

/// The tooltip at its widest, as the style sheet caps it (`.obs-ts__tooltip`: 22rem at the
/// browser's default 16px).
const WIDEST_PX: f64 = 352.0;

/// The crosshair, a marker on each series of the tooltip at its value, and the tooltip: the
/// hovered time and the nearest series' values, beside the pointer.
#[component]
pub fn HoverOverlay(
    hover: Memo<Option<Hover>>,
    geometry: Memo<Option<Shared<Geometry>>>,
    theme: ReadSignal<ChartTheme>,
    pinned: Signal<bool>,
    timezone: Signal<Option<String>>,
) -> impl IntoView {
    let markers = NodeRef::<Div>::new();
    let tooltip = NodeRef::<Div>::new();
    Effect::new(move |state: Option<Option<(Elements, Written)>>| {
        // Read first, so the effect follows the hover even before its elements are there.
        let wanted = hover.with(|hover| {
            let hover = hover.as_ref()?;
            let (place, line) = geometry.with(|g| {
                let g = g.as_ref()?;
                let line = (
                    format!("translateX({}px)", hover.x.round()),
                    (format!("{}px", g.plot.top), format!("{}px", g.plot.height)),
                );
                Some((placement(hover, g), line))
            })?;
            let time = hover_time_text(hover.time_ms, timezone.get().as_deref());
            let time = if pinned.get() {
                format!("{time} · pinned")
            } else {
                time
            };
            let (border, line_color) =
                theme.with(|t| (t.background.clone(), t.text_subtle.clone()));
            Some(Wanted {
                line: (line.0, line.1, line_color),
                place,
                time,
                values: hover.values.clone(),
                more: hover.total.saturating_sub(hover.shown),
                border,
            })
        });
        let (elements, mut written) = match state.flatten() {
            Some(state) => state,
            None => {
                let (markers, tooltip) = (markers.get_untracked()?, tooltip.get_untracked()?);
                (Elements::find(&markers, &tooltip)?, Written::default())
            }
        };
        written.write(&elements, wanted);
        Some((elements, written))
    });
    let marker_spans = (0..TOOLTIP_SERIES)
        .map(|_| view! { <span class="obs-ts__marker" style="display:none"></span> })
        .collect_view();
    let rows = (0..TOOLTIP_SERIES)
        .map(|_| {
            view! {
                <div class="obs-ts__tooltip-row" style="display:none">
                    <span class="obs-legend__swatch"></span>
                    <span class="obs-ts__tooltip-name"></span>
                    <span class="obs-ts__tooltip-value"></span>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="obs-ts__cursor" aria-hidden="true" node_ref=markers>
            <span class="obs-ts__line" style="display:none"></span>
            {marker_spans}
        </div>
        <div class="obs-ts__tooltip" style="display:none" node_ref=tooltip>
            <div class="obs-ts__tooltip-time"></div>
            {rows}
            <div class="obs-ts__tooltip-more" style="display:none"></div>
        </div>
    }
}

/// Where the tooltip goes: beside the pointer at the plot's top, on the side where it fits
/// (`tooltip_place`), and no wider than the room there, since the panel's body scrolls and
/// would cut off what reached past the chart. `(transform, max-width)`; the width only where
/// the room is short of the tooltip's widest (elsewhere the style sheet's cap stands).
fn placement(hover: &Hover, g: &Geometry) -> (String, Option<String>) {
    let place = tooltip_place(
        hover.x,
        (g.plot.left, g.plot.width),
        g.size.width_css,
        WIDEST_PX,
    );
    let top = g.plot.top;
    let transform = if place.left_of_pointer {
        format!("translate(calc({}px - 100%),{top}px)", place.anchor_px)
    } else {
        format!("translate({}px,{top}px)", place.anchor_px)
    };
    let max_width = (place.room_px < WIDEST_PX).then(|| format!("{}px", place.room_px.floor()));
    (transform, max_width)
}

/// What a hover asks the overlay to show.
struct Wanted {
    /// The crosshair: its transform, `(top, height)` and colour.
    line: (String, (String, String), String),
    place: (String, Option<String>),
    time: String,
    values: Vec<HoverValue>,
    more: usize,
    /// The markers' ring: the chart's background, so a marker stands out from its line.
    border: String,
}

/// The overlay's elements, found once in what the view made.
struct Elements {
    line: HtmlElement,
    tooltip: HtmlElement,
    time: Text,
    rows: Vec<RowElements>,
    more: HtmlElement,
    more_text: Text,
    markers: Vec<HtmlElement>,
}

struct RowElements {
    row: HtmlElement,
    swatch: HtmlElement,
    name: Text,
    value: Text,
}

impl Elements {
    fn find(markers: &HtmlElement, tooltip: &HtmlElement) -> Option<Self> {
        let child = |parent: &HtmlElement, index: u32| -> Option<HtmlElement> {
            Some(parent.children().item(index)?.unchecked_into())
        };
        let rows = (0..TOOLTIP_SERIES as u32)
            .map(|index| {
                let row = child(tooltip, index + 1)?;
                Some(RowElements {
                    swatch: child(&row, 0)?,
                    name: text_in(&child(&row, 1)?)?,
                    value: text_in(&child(&row, 2)?)?,
                    row,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let more = child(tooltip, TOOLTIP_SERIES as u32 + 1)?;
        Some(Self {
            time: text_in(&child(tooltip, 0)?)?,
            more_text: text_in(&more)?,
            more,
            rows,
            line: child(markers, 0)?,
            markers: (1..=TOOLTIP_SERIES as u32)
                .map(|index| child(markers, index))
                .collect::<Option<Vec<_>>>()?,
            tooltip: tooltip.clone(),
        })
    }
}

/// A text node of its own in `element`, whose text is then replaced in place (no new node).
fn text_in(element: &HtmlElement) -> Option<Text> {
    let text = element.owner_document()?.create_text_node("");
    element.append_child(&text).ok()?;
    Some(text)
}

/// What the overlay shows now, as last written.
#[derive(Default)]
struct Written {
    shown: bool,
    line: (String, (String, String), String),
    place: (String, Option<String>),
    time: String,
    rows: Vec<RowWritten>,
    more: usize,
    markers: Vec<MarkerWritten>,
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
    fn write(&mut self, elements: &Elements, wanted: Option<Wanted>) {
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
        let (transform, (top, height), color) = wanted.line;
        let line = elements.line.style();
        update(&mut self.line.0, transform, |transform| {
            let _ = line.set_property("transform", transform);
        });
        update(&mut self.line.1, (top, height), |(top, height)| {
            let _ = line.set_property("top", top);
            let _ = line.set_property("height", height);
        });
        update(&mut self.line.2, color, |color| {
            let _ = line.set_property("color", color);
        });
        let style = elements.tooltip.style();
        let (transform, max_width) = wanted.place;
        if self.place.0 != transform {
            let _ = style.set_property("transform", &transform);
            self.place.0 = transform;
        }
        update(&mut self.place.1, max_width, |max_width| {
            let _ = match max_width {
                Some(width) => style.set_property("max-width", width),
                None => style.remove_property("max-width").map(drop),
            };
        });
        update(&mut self.time, wanted.time, |time| {
            elements.time.set_data(time)
        });
        update(&mut self.more, wanted.more, |more| {
            display(&elements.more, *more != 0);
            if *more != 0 {
                elements.more_text.set_data(&format!("and {more} more"));
            }
        });
        let mut values = wanted.values.into_iter();
        for ((row, row_written), (marker, marker_written)) in elements
            .rows
            .iter()
            .zip(&mut self.rows)
            .zip(elements.markers.iter().zip(&mut self.markers))
        {
            match values.next() {
                Some(value) => {
                    let colors = (value.color.clone(), wanted.border.clone());
                    write_marker(marker, marker_written, &value, colors);
                    write_row(row, row_written, value);
                }
                None => {
                    update(&mut row_written.shown, false, |_| display(&row.row, false));
                    update(&mut marker_written.shown, false, |_| display(marker, false));
                }
            }
        }
    }
}

fn write_row(row: &RowElements, written: &mut RowWritten, value: HoverValue) {
    update(&mut written.shown, true, |_| display(&row.row, true));
    update(&mut written.nearest, value.nearest, |nearest| {
        let _ = row
            .row
            .class_list()
            .toggle_with_force("obs-ts__tooltip-row--nearest", *nearest);
    });
    update(&mut written.color, value.color, |color| {
        let _ = row.swatch.style().set_property("background", color);
    });
    update(&mut written.name, value.name, |name| {
        row.name.set_data(name)
    });
    update(&mut written.value, value.value_text, |text| {
        row.value.set_data(text)
    });
}

fn write_marker(
    marker: &HtmlElement,
    written: &mut MarkerWritten,
    value: &HoverValue,
    colors: (String, String),
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
    update(&mut written.colors, colors, |(fill, border)| {
        let _ = style.set_property("background", fill);
        let _ = style.set_property("border-color", border);
    });
    update(&mut written.nearest, value.nearest, |nearest| {
        let _ = marker
            .class_list()
            .toggle_with_force("obs-ts__marker--nearest", *nearest);
    });
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
