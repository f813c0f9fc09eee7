//! The crosshair, the markers on the hovered series and the tooltip beside the pointer, made
//! once and written by one effect.
//!
//! A pointer move changes a few transforms and texts. Written by bindings, that took a memo per
//! tooltip row and a binding per text, colour, class and display (some 25 runs of the reactive
//! graph per move, each crossing into the browser on its own), which cost as much as the
//! browser's layout and paint of the move together. The effect compares what it wrote last
//! with what the hover asks for and writes only the difference, as `texts::ChartTexts` does for
//! the chart's name: a move over three series writes nine things.
//!
//! In a chart too short for every row, the tooltip shows the rows that fit below its top and
//! counts the rest in its "and N more" line (`obs_core::chart::tooltip::rows_that_fit`), from
//! its heights as the browser laid it out on the first hover.

mod elements;
mod write;

use leptos::html::Div;
use leptos::prelude::*;

use super::geometry::Geometry;
use super::hover::{Hover, HoverValue, TOOLTIP_SERIES};
use crate::chart::Shared;
use crate::chart::hover_time_text;
use crate::chart::theme::ChartTheme;
use elements::Elements;
use obs_core::chart::tooltip::tooltip_place;
use write::Written;

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
        // Until its elements are found, the effect follows them too: made by a chunk that
        // arrived after the hover, this view may run its effect before it is in the page.
        let mut state = state.flatten().or_else(|| {
            let (markers, tooltip) = (markers.get()?, tooltip.get()?);
            Some((Elements::find(&markers, &tooltip)?, Written::default()))
        });
        // Read whether or not the elements are there yet, so the effect follows the hover; the
        // hovered values are borrowed, not copied on every move.
        hover.with(|hover| {
            let wanted = hover.as_ref().and_then(|hover| {
                let (place, line, room_px) = geometry.with(|g| {
                    let g = g.as_ref()?;
                    let line = (
                        format!("translateX({}px)", hover.x.round()),
                        (format!("{}px", g.plot.top), format!("{}px", g.plot.height)),
                    );
                    Some((placement(hover, g), line, g.size.height_css - g.plot.top))
                })?;
                // The zone is borrowed: cloning it would allocate on every pointer move.
                let time = timezone.with(|zone| hover_time_text(hover.time_ms, zone.as_deref()));
                let time = if pinned.get() {
                    format!("{time} · pinned")
                } else {
                    time
                };
                let (border, line_color) =
                    theme.with(|t| (t.background.clone(), t.text_subtle.clone()));
                Some(Wanted {
                    line: Crosshair {
                        transform: line.0,
                        span: line.1,
                        color: line_color,
                    },
                    place,
                    time,
                    values: &hover.values,
                    more: hover.total.saturating_sub(hover.shown),
                    border,
                    room_px,
                })
            });
            if let Some((elements, written)) = &mut state {
                written.write(elements, wanted);
            }
        });
        state
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

/// The crosshair as written: its transform, its `(top, height)` in CSS lengths, its colour.
#[derive(Default)]
pub(super) struct Crosshair {
    transform: String,
    span: (String, String),
    color: String,
}

/// What a hover asks the overlay to show.
pub(super) struct Wanted<'a> {
    line: Crosshair,
    place: (String, Option<String>),
    time: String,
    values: &'a [HoverValue],
    more: usize,
    /// The markers' ring: the chart's background, so a marker stands out from its line.
    border: String,
    /// The height below the tooltip's top, in CSS pixels.
    room_px: f64,
}
