//! The size of a chart's box in CSS pixels and the device pixel ratio, kept current, and a
//! canvas repainted whenever it or what its painting reads changes.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use super::painter::{CanvasSize, Painter, mark_painted};
use crate::dom::use_size;

/// Paints `canvas`, sized to `container`, with `paint` once the box is measured and again
/// whenever the size or a signal `paint` reads changes; returns the size. Painting is the
/// outside world, so this is an effect; it finishes within the effect, so the canvas is
/// marked complete right after.
pub fn use_painted_canvas(
    container: NodeRef<Div>,
    canvas: NodeRef<Canvas>,
    paint: impl Fn(&mut Painter, CanvasSize) + 'static,
) -> Signal<Option<CanvasSize>> {
    let size = use_canvas_size(container);
    Effect::new(move |_| {
        let (Some(size), Some(canvas)) = (size.get(), canvas.get()) else {
            return;
        };
        if let Some(mut painter) = Painter::new(&canvas, size) {
            crate::perf::measure("canvas.paint", || paint(&mut painter, size));
            mark_painted(&canvas, true);
        }
    });
    size
}

/// The chart box's measured size and the current pixel ratio.
pub fn use_canvas_size(container: NodeRef<Div>) -> Signal<Option<CanvasSize>> {
    let measured = use_size(container);
    let ratio = page_ratio();
    Signal::derive(move || {
        let (width_css, height_css) = measured.get()?;
        (width_css > 0.0 && height_css > 0.0).then(|| CanvasSize {
            width_css,
            height_css,
            ratio: ratio.get(),
        })
    })
}

thread_local! {
    /// The page's pixel ratio, one for all charts (a listener and a signal per chart were 114
    /// of each on NodeExporter).
    static PAGE_RATIO: ArcRwSignal<f64> = {
        let ratio = ArcRwSignal::new(device_ratio());
        let following = ratio.clone();
        // Moving the window to another screen changes the ratio and fires a resize. The
        // listener lasts as long as the page, as the signal does.
        let _listener = window_event_listener(leptos::ev::resize, move |_| {
            let current = device_ratio();
            if current != following.get_untracked() {
                following.set(current);
            }
        });
        ratio
    };
}

/// The page's pixel ratio, followed across screens.
fn page_ratio() -> ArcRwSignal<f64> {
    PAGE_RATIO.with(ArcRwSignal::clone)
}

fn device_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |window| window.device_pixel_ratio())
        .clamp(1.0, 4.0)
}
