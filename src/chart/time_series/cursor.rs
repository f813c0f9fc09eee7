//! What moves with the pointer, as positioned elements over the plot rather than a canvas:
//! another chart's crosshair and the drag selection here; this chart's crosshair, its markers
//! and the tooltip in `overlay`.
//!
//! A pointer move changes only transforms and a few texts of elements made once, each on its
//! own compositing layer (`will-change: transform`), so the browser repaints nothing of the
//! plot: redrawing a plot-sized overlay canvas per move (clear, draw, upload the bitmap) cost
//! several times what uPlot, which also moves elements, spends on a hover.

use leptos::prelude::*;

use super::geometry::Geometry;
use crate::chart::Shared;
use crate::chart::theme::ChartTheme;

/// Another chart's crosshair and the drag selection `(from, to)` in CSS pixels.
#[component]
pub fn Cursor(
    geometry: Memo<Option<Shared<Geometry>>>,
    theme: ReadSignal<ChartTheme>,
    synced_time_ms: Memo<Option<i64>>,
    #[prop(into)] selection: Signal<Option<(f64, f64)>>,
) -> impl IntoView {
    let plot_box = move || geometry.with(|g| g.as_ref().map(|g| g.plot));
    // The vertical line spans the plot; only its x moves. Each property is its own binding: a
    // whole `style` would reset the others when the plot's size changes.
    let line_top = move || plot_box().map(|plot| format!("{}px", plot.top));
    let line_height = move || plot_box().map(|plot| format!("{}px", plot.height));
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

/// The `display` of an element shown or not (empty: as its class says).
fn display(shown: bool) -> &'static str {
    if shown { "" } else { "none" }
}
