//! Watching elements (whether they have come into view, how wide they are) and yielding to
//! the browser between tasks (`timing`).

mod seen;
mod timing;

pub use seen::{Prefetch, use_seen};
pub use timing::{after_ms, idle, next_task, now_ms};

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Logs `message` with the JavaScript value that explains it, as the console shows values (an
/// error with its stack). Formatting the value with `Debug` instead would bring wasm-bindgen's
/// describer of any JavaScript value into the page.
pub fn warn_with(message: &str, value: &wasm_bindgen::JsValue) {
    web_sys::console::warn_2(&wasm_bindgen::JsValue::from_str(message), value);
}

/// An observer and the Rust callback it calls, kept alive together until the element goes.
type Watcher<T> = StoredValue<Option<SendWrapper<(T, Closure<dyn FnMut(js_sys::Array)>)>>>;

/// Calls `mounted` with the element once `node` holds it. An effect waits for the element and
/// is stopped right after, which frees it: waiting was all it was for, and every panel and
/// chart waits for a few elements (an effect is about 0.4 KB for as long as it lives).
pub fn when_mounted(node: NodeRef<Div>, mounted: impl FnOnce(web_sys::HtmlDivElement) + 'static) {
    wait_for_mount(node, Box::new(mounted));
}

/// [`when_mounted`] compiled once: an effect's code is made for each closure it runs.
fn wait_for_mount(node: NodeRef<Div>, mounted: Box<dyn FnOnce(web_sys::HtmlDivElement)>) {
    let waiting: Rc<Cell<Option<Effect<LocalStorage>>>> = Rc::default();
    let stop = Rc::clone(&waiting);
    let mut mounted = Some(mounted);
    let effect = Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        if let Some(mounted) = mounted.take() {
            untrack(|| mounted(element));
        }
        if let Some(effect) = stop.take() {
            effect.stop();
        }
    });
    waiting.set(Some(effect));
}

/// The scroller a dashboard's panels sit in, found once per dashboard: finding it reads the
/// computed style of every ancestor, which makes the browser bring the whole page's style up
/// to date, and a hundred panels mounting one after another each paid for that. Every panel of
/// a dashboard has the same scroller: nothing between the dashboard and its panels scrolls
/// (the full-size view only restyles the panel in place).
#[derive(Clone, Copy)]
pub struct ScrollRoot(StoredValue<Option<SendWrapper<Option<web_sys::Element>>>>);

impl ScrollRoot {
    /// Provides an empty cache to the panels below.
    pub fn provide() {
        provide_context(Self(StoredValue::new(None)));
    }

    /// The nearest vertical scroller around `element`, `None` when the page itself scrolls.
    fn of(element: &web_sys::Element) -> Option<web_sys::Element> {
        let Some(Self(cache)) = use_context::<Self>() else {
            return scroll_parent(element);
        };
        let cached = cache.with_value(|cached| cached.as_ref().map(|root| (**root).clone()));
        match cached {
            // A scroller that does not hold this element (moved since) is looked up again.
            Some(Some(root)) if !root.contains(Some(element)) => scroll_parent(element),
            Some(root) => root,
            None => {
                let found = scroll_parent(element);
                cache.set_value(Some(SendWrapper::new(found.clone())));
                found
            }
        }
    }
}

/// The nearest ancestor that scrolls its content vertically, if any below `<body>`.
fn scroll_parent(element: &web_sys::Element) -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let mut current = element.parent_element();
    while let Some(candidate) = current {
        let tag = candidate.tag_name();
        if tag.eq_ignore_ascii_case("body") || tag.eq_ignore_ascii_case("html") {
            return None;
        }
        let overflow = window
            .get_computed_style(&candidate)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("overflow-y").ok())
            .unwrap_or_default();
        if matches!(overflow.as_str(), "auto" | "scroll" | "overlay") {
            return Some(candidate);
        }
        current = candidate.parent_element();
    }
    None
}

/// The element's content width in CSS pixels, following resizes; `None` until measured.
pub fn use_width(node: NodeRef<Div>) -> ReadSignal<Option<u32>> {
    let (width, set_width) = signal(None::<u32>);
    let observer: Watcher<web_sys::ResizeObserver> = StoredValue::new(None);
    when_mounted(node, move |element| {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let measured = entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                .map(|entry| entry.content_rect().width())
                .next_back();
            if let Some(measured) = measured {
                let measured = measured.round().max(0.0) as u32;
                // Only real changes: the step depends on the width, so each change is a query.
                if width.get_untracked() != Some(measured) {
                    set_width.set(Some(measured));
                }
            }
        });
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(watcher) => {
                watcher.observe(&element);
                observer.set_value(Some(SendWrapper::new((watcher, callback))));
            }
            Err(_) => set_width.set(Some(element.client_width().max(0) as u32)),
        }
    });
    on_cleanup(move || {
        if let Some(Some(watcher)) = observer.try_update_value(Option::take) {
            watcher.0.disconnect();
        }
    });
    width
}

/// The element's content box in CSS pixels (width, height), following resizes; `None` until
/// measured.
///
/// A measurement arrives in a task of its own, right after the frame that measured it (sizes
/// measured meanwhile are folded into the latest). The browser delivers sizes inside its
/// rendering step, and what a size sets off (a chart painting itself) would run there too: a
/// scroll that brought a dozen charts in, or filled their legends, painted them all in that
/// one step, 14–20 ms on NodeExporter in the benchmark, on top of the frame's own layout and
/// paint. A chart sets its canvas's size when it paints, in the same task, so the frame in
/// between shows the old picture scaled, never a cleared canvas.
pub fn use_size(node: NodeRef<Div>) -> ReadSignal<Option<(f64, f64)>> {
    let (size, set_size) = signal(None::<(f64, f64)>);
    let observer: Watcher<web_sys::ResizeObserver> = StoredValue::new(None);
    when_mounted(node, move |element| {
        // The latest size measured while one is on its way.
        let latest = std::rc::Rc::new(std::cell::Cell::new(None::<(f64, f64)>));
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let measured = entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                .map(|entry| {
                    let rect = entry.content_rect();
                    (rect.width().round(), rect.height().round())
                })
                .next_back();
            let Some(measured) = measured else { return };
            if latest.replace(Some(measured)).is_some() {
                return;
            }
            let latest = latest.clone();
            leptos::task::spawn_local(async move {
                next_task().await;
                let Some(measured) = latest.take() else {
                    return;
                };
                // The box may have gone meanwhile.
                if size
                    .try_get_untracked()
                    .is_some_and(|size| size != Some(measured))
                {
                    crate::perf::mark("at.resize-observed");
                    set_size.set(Some(measured));
                }
            });
        });
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(watcher) => {
                watcher.observe(&element);
                observer.set_value(Some(SendWrapper::new((watcher, callback))));
            }
            Err(_) => set_size.set(Some((
                f64::from(element.client_width()),
                f64::from(element.client_height()),
            ))),
        }
    });
    on_cleanup(move || {
        if let Some(Some(watcher)) = observer.try_update_value(Option::take) {
            watcher.0.disconnect();
        }
    });
    size
}

/// A directive (`use:focusable_when_scrolling`) for a box that may scroll: while its content
/// overflows, it takes `tabindex=0` so a keyboard user can focus and scroll it (WCAG 2.1.1,
/// axe's `scrollable-region-focusable`); while it does not, it stays out of the Tab order.
/// The box and its first child are watched, so both a smaller box and more content count;
/// a replaced first child is watched from the next resize on.
pub fn focusable_when_scrolling(element: web_sys::Element) {
    let target = element.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
        move |_: js_sys::Array, observer: web_sys::ResizeObserver| {
            // The content may have been replaced (a chart by its table view): watch the new
            // first child too (observing one already watched does nothing).
            if let Some(child) = target.first_element_child() {
                observer.observe(&child);
            }
            let scrolls = target.scroll_height() > target.client_height()
                || target.scroll_width() > target.client_width();
            if scrolls != target.has_attribute("tabindex") {
                // A box that names itself in `data-scroll-label` (a panel's body) is a named
                // group while it is a Tab stop, so a screen reader says what took focus.
                let label = target.get_attribute("data-scroll-label");
                let _ = if scrolls {
                    if let Some(label) = &label {
                        let _ = target.set_attribute("role", "group");
                        let _ = target.set_attribute("aria-label", label);
                    }
                    target.set_attribute("tabindex", "0")
                } else {
                    if label.is_some() {
                        let _ = target.remove_attribute("role");
                        let _ = target.remove_attribute("aria-label");
                    }
                    target.remove_attribute("tabindex")
                };
            }
        },
    );
    match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&element);
            if let Some(child) = element.first_element_child() {
                observer.observe(&child);
            }
            let held = SendWrapper::new((observer, callback));
            on_cleanup(move || held.0.disconnect());
        }
        // Without an observer, a box that might scroll is always reachable.
        Err(_) => {
            let _ = element.set_attribute("tabindex", "0");
        }
    }
}
