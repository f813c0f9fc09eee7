//! What moves with the pointer, as positioned elements over the plot rather than a canvas: the
//! crosshair and its markers, another chart's crosshair, the drag selection and the tooltip.
//!
//! A pointer move changes only transforms and a few texts of elements made once, each on its
//! own compositing layer (`will-change: transform`), so the browser repaints nothing of the
//! plot: redrawing a plot-sized overlay canvas per move (clear, draw, upload the bitmap) cost
//! several times what uPlot, which also moves elements, spends on a hover.

use leptos::prelude::*;

use super::geometry::Geometry;
use super::hover::{Hover, HoverValue, TOOLTIP_SERIES};
use crate::chart::Shared;
use crate::chart::theme::ChartTheme;
use crate::intl::format_time;
use obs_core::chart::tooltip::tooltip_place;

/// The tooltip at its widest, as the style sheet caps it (`.obs-ts__tooltip`: 22rem at the
/// browser's default 16px).
const WIDEST_PX: f64 = 352.0;

/// The crosshair, another chart's crosshair and the drag selection `(from, to)` in CSS
/// pixels.
#[component]
pub fn Cursor(
    hover: Memo<Option<Hover>>,
    geometry: Memo<Option<Shared<Geometry>>>,
    theme: ReadSignal<ChartTheme>,
    synced_time_ms: Memo<Option<i64>>,
    #[prop(into)] selection: Signal<Option<(f64, f64)>>,
) -> impl IntoView {
    let plot_box = move || geometry.with(|g| g.as_ref().map(|g| g.plot));
    // The vertical lines span the plot; only their x moves. Each property is its own
    // binding: a whole `style` would reset the others when the plot's size changes.
    let line_top = move || plot_box().map(|plot| format!("{}px", plot.top));
    let line_height = move || plot_box().map(|plot| format!("{}px", plot.height));
    let hover_x = move || hover.with(|h| h.as_ref().map(|h| h.x.round()));
    let synced_x = move || {
        let time_ms = synced_time_ms.get()?;
        geometry.with(|g| {
            let g = g.as_ref()?;
            (time_ms >= g.x.start_ms && time_ms <= g.x.end_ms)
                .then(|| g.x.px_from_time(time_ms).round())
        })
    };
    let selection_style = move || {
        let (from, to) = selection.get()?;
        let plot = plot_box()?;
        let (left, right) = (from.min(to).max(plot.left), from.max(to).min(plot.right()));
        Some(format!(
            "left:{left}px;width:{}px;top:{}px;height:{}px;background:{}",
            (right - left).max(0.0),
            plot.top,
            plot.height,
            theme.with(|t| t.brand.clone())
        ))
    };
    let line_color = move || theme.with(|t| t.text_subtle.clone());
    view! {
        <div class="obs-ts__cursor" aria-hidden="true">
            {line("obs-ts__line obs-ts__line--synced", line_top, line_height, synced_x, line_color)}
            {line("obs-ts__line", line_top, line_height, hover_x, line_color)}
            <span class="obs-ts__selection" style=move || selection_style().unwrap_or_else(|| "display:none".to_owned())></span>
        </div>
    }
}

/// A vertical line across the plot at `x` (CSS pixels), hidden while `x` is `None`.
fn line(
    class: &'static str,
    top: impl Fn() -> Option<String> + Send + Sync + 'static,
    height: impl Fn() -> Option<String> + Send + Sync + 'static,
    x: impl Fn() -> Option<f64> + Copy + Send + Sync + 'static,
    color: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <span
            class=class
            style:top=top
            style:height=height
            style:display=move || display(x().is_some())
            style:transform=move || x().map(|x| format!("translateX({x}px)"))
            style:color=color
        ></span>
    }
}

/// The values of the tooltip's rows, each its own memo: a row whose value did not change is
/// not touched. Made once, on the first hover, for the markers and the tooltip together, so a
/// dashboard of many charts does not build what is never hovered.
pub fn rows(hover: Memo<Option<Hover>>) -> Vec<Memo<Option<HoverValue>>> {
    (0..TOOLTIP_SERIES)
        .map(|index| {
            Memo::new(move |_| {
                hover.with(|h| h.as_ref().and_then(|h| h.values.get(index).cloned()))
            })
        })
        .collect()
}

/// A marker on each series of the tooltip, at its value.
pub fn markers(
    rows: Vec<Memo<Option<HoverValue>>>,
    theme: ReadSignal<ChartTheme>,
) -> impl IntoView {
    let markers = rows
        .into_iter()
        .map(|value| {
            let style = move || {
                value.with(|v| {
                    v.as_ref().map_or_else(
                        || "display:none".to_owned(),
                        |v| {
                            format!(
                                "transform:translate({}px,{}px);background:{};border-color:{}",
                                v.x,
                                v.y,
                                v.color,
                                theme.with(|t| t.background.clone())
                            )
                        },
                    )
                })
            };
            let nearest = move || value.with(|v| v.as_ref().is_some_and(|v| v.nearest));
            view! { <span class="obs-ts__marker" class:obs-ts__marker--nearest=nearest style=style></span> }
        })
        .collect_view();
    view! { <div class="obs-ts__cursor" aria-hidden="true">{markers}</div> }
}

/// The tooltip: the hovered time and the nearest series' values, beside the pointer. Its rows
/// are made once and filled in place.
#[component]
pub fn Tooltip(
    hover: Memo<Option<Hover>>,
    rows: Vec<Memo<Option<HoverValue>>>,
    geometry: Memo<Option<Shared<Geometry>>>,
    pinned: Signal<bool>,
    timezone: Signal<Option<String>>,
) -> impl IntoView {
    // Beside the pointer at the plot's top, on the side where it fits (`tooltip_place`), and
    // no wider than the room there: the panel's body scrolls, so it would cut off what
    // reached past the chart.
    let place = move || {
        hover.with(|h| {
            let h = h.as_ref()?;
            geometry.with(|g| {
                let g = g.as_ref()?;
                let place = tooltip_place(
                    h.x,
                    (g.plot.left, g.plot.width),
                    g.size.width_css,
                    WIDEST_PX,
                );
                Some((place, g.plot.top))
            })
        })
    };
    let transform = move || {
        let (place, top) = place()?;
        Some(if place.left_of_pointer {
            format!("translate(calc({}px - 100%),{top}px)", place.anchor_px)
        } else {
            format!("translate({}px,{top}px)", place.anchor_px)
        })
    };
    // Only where the room is short of the tooltip's widest; elsewhere the style sheet's cap
    // stands and a move writes nothing here.
    let max_width = move || {
        place()
            .map(|(place, _)| place.room_px)
            .filter(|room_px| *room_px < WIDEST_PX)
            .map(|room_px| format!("{}px", room_px.floor()))
    };
    let time_text = move || {
        hover.with(|h| {
            h.as_ref()
                .map(|h| format_time(h.time_ms, timezone.get().as_deref()))
        })
    };
    let more = move || hover.with(|h| h.as_ref().map_or(0, |h| h.total.saturating_sub(h.shown)));
    let rows = rows
        .into_iter()
        .map(|value| {
            let text = move |read: fn(&HoverValue) -> String| {
                move || value.with(|v| v.as_ref().map(read).unwrap_or_default())
            };
            view! {
                <div
                    class="obs-ts__tooltip-row"
                    class:obs-ts__tooltip-row--nearest=move || value.with(|v| v.as_ref().is_some_and(|v| v.nearest))
                    style:display=move || display(value.with(Option::is_some))
                >
                    <span class="obs-legend__swatch" style:background=text(|v| v.color.clone())></span>
                    <span class="obs-ts__tooltip-name">{text(|v| v.name.clone())}</span>
                    <span class="obs-ts__tooltip-value">{text(|v| v.value_text.clone())}</span>
                </div>
            }
        })
        .collect_view();
    view! {
        <div
            class="obs-ts__tooltip"
            style:display=move || display(hover.with(Option::is_some))
            style:transform=transform
            style:max-width=max_width
        >
            <div class="obs-ts__tooltip-time">
                {time_text}
                {move || pinned.get().then_some(" · pinned")}
            </div>
            {rows}
            <div class="obs-ts__tooltip-more" style:display=move || display(more() != 0)>
                {move || format!("and {} more", more())}
            </div>
        </div>
    }
}

/// The `display` of an element shown or not (empty: as its class says).
fn display(shown: bool) -> &'static str {
    if shown { "" } else { "none" }
}
