//! A painted plot shown as a still picture. Chromium composes a 2D canvas again at every frame
//! it draws, even one whose pixels did not change: with the benchmark's 3 × 55,550 chart, a
//! pointer move took 4.2 ms with the painted canvas shown and 2.6 ms with the same pixels shown
//! this way (uPlot: 1.9–2.0 ms in the same runs). So once a paint is complete, its
//! pixels are copied (`createImageBitmap`) into a `bitmaprenderer` canvas over the painting
//! canvas, and the painting canvas is hidden and emptied (its pixels would be kept twice); the
//! next paint sizes and shows it again. Where the browser has neither, or the copy fails, the
//! painting canvas stays.
//!
//! The copy waits until the browser is idle (`requestIdleCallback`): it
//! costs the main thread about half a millisecond per chart, which on a dashboard that is
//! still loading delays the next panels (NodeExporter's 114 panels spent 92 ms in it).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

/// Shows `canvas` and hides its still, before `canvas` is painted again.
pub fn hide(canvas: &HtmlCanvasElement, still: Option<&HtmlCanvasElement>) {
    if let Some(still) = still {
        let _ = still.style().set_property("display", "none");
    }
    let _ = canvas.style().remove_property("visibility");
}

/// Copies `canvas`'s pixels into `still`, shows it instead and empties `canvas`, unless
/// `current` says a newer paint began meanwhile.
pub fn show(
    canvas: HtmlCanvasElement,
    still: Option<HtmlCanvasElement>,
    current: impl Fn() -> bool + 'static,
) {
    let Some(still) = still else { return };
    leptos::task::spawn_local(async move {
        // No time limit: with one (a second), NodeExporter loaded no faster in the
        // benchmark, and the first download grew by 470 bytes.
        crate::dom::idle().await;
        if !current() {
            return;
        }
        if let Ok(bitmap) = copy(&canvas).await
            && current()
            && present(&still, &bitmap, canvas.width(), canvas.height()).is_ok()
        {
            let _ = still.style().remove_property("display");
            let _ = canvas.style().set_property("visibility", "hidden");
            canvas.set_width(0);
            canvas.set_height(0);
        }
    });
}

/// `createImageBitmap(canvas)`: the canvas's pixels as they are now.
async fn copy(canvas: &HtmlCanvasElement) -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let create: js_sys::Function =
        js_sys::Reflect::get(&window, &"createImageBitmap".into())?.dyn_into()?;
    let promise: js_sys::Promise = create.call1(&window, canvas)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// Gives `still` the bitmap through its `bitmaprenderer` context, at the painting canvas's
/// size in device pixels.
fn present(
    still: &HtmlCanvasElement,
    bitmap: &JsValue,
    width_px: u32,
    height_px: u32,
) -> Result<(), JsValue> {
    still.set_width(width_px);
    still.set_height(height_px);
    let context = still.get_context("bitmaprenderer")?.ok_or(JsValue::NULL)?;
    let transfer: js_sys::Function =
        js_sys::Reflect::get(&context, &"transferFromImageBitmap".into())?.dyn_into()?;
    transfer.call1(&context, bitmap)?;
    Ok(())
}
