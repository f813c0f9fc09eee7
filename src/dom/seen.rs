//! Whether a panel has been seen, which is when its queries go out: at once when it is in or
//! near the viewport, and when the page is idle when it is within a screen of it
//! ([`Prefetch`]), so that scrolling down finds the next panels drawn rather than starting
//! their queries then.

use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::{ScrollRoot, when_mounted};
use crate::api::QueryCache;

/// How far outside the viewport a panel counts as seen at once: a little, so that it is ready
/// when it scrolls in.
const NEAR_MARGIN: &str = "200px 0px";

/// How far outside the viewport a panel is fetched ahead when the page is idle: one screen
/// above and below, in pixels (the scroller's height, else the window's). A percentage would
/// do in Chromium, which resolves it against the root's height, but the specification says
/// its width. Reading a scroller's height lays the page out, so a dashboard reads it once
/// ([`Prefetch::margin`]).
fn ahead_margin(root: Option<&web_sys::Element>) -> String {
    let height_px: i32 = match root {
        Some(root) => root.client_height(),
        None => web_sys::window()
            .and_then(|window| window.inner_height().ok())
            .and_then(|height| height.as_f64())
            .map_or(0, |height| height as i32),
    };
    format!("{}px 0px", height_px.max(0))
}

/// Marks a panel seen unless it is already (or has gone). `try_`, as wherever a browser's
/// callback reads a reactive value: a disposed one would panic, which stops the page.
fn mark_seen(seen: RwSignal<bool>) {
    if seen.try_get_untracked() == Some(false) {
        seen.set(true);
    }
}

/// An intersection observer and the Rust callback it calls, kept until it has seen its element
/// or the element goes.
type Watcher = Option<
    SendWrapper<(
        web_sys::IntersectionObserver,
        Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
    )>,
>;

/// A panel's two watchers, near and ahead, in one stored value: a dashboard has a hundred
/// panels, and each stored value is a slot of the reactive arena.
type Watchers = StoredValue<[Watcher; 2]>;

const NEAR: usize = 0;
const AHEAD: usize = 1;

/// Becomes true the first time the element is within (or near) the viewport, or, with a
/// [`Prefetch`] in the context, when the page is idle while it is within a screen of it; and
/// stays true.
pub fn use_seen(node: NodeRef<Div>) -> ReadSignal<bool> {
    let seen = RwSignal::new(false);
    let prefetch = use_context::<Prefetch>();
    let watchers: Watchers = StoredValue::new([None, None]);
    when_mounted(node, move |element| {
        let root = ScrollRoot::of(&element);
        let now = Rc::new(move || mark_seen(seen));
        watch(&element, root.as_ref(), NEAR_MARGIN, (watchers, NEAR), now);
        if let Some(prefetch) = prefetch {
            let later = Rc::new(move || prefetch.push(seen, watchers));
            let margin = prefetch.margin(root.as_ref());
            watch(&element, root.as_ref(), &margin, (watchers, AHEAD), later);
        }
    });
    on_cleanup(move || {
        if let Some(taken) = watchers.try_update_value(std::mem::take) {
            for watcher in taken.into_iter().flatten() {
                watcher.0.disconnect();
            }
        }
    });
    seen.read_only()
}

/// Calls `visible` the first time `element` intersects `root` (the window when `None`)
/// widened by `margin`, then stops watching. Without IntersectionObserver it calls it at once.
/// The callback is shared (`Rc<dyn Fn>`) so that this is compiled once for both margins.
fn watch(
    element: &web_sys::HtmlDivElement,
    root: Option<&web_sys::Element>,
    margin: &str,
    (watchers, slot): (Watchers, usize),
    visible: Rc<dyn Fn()>,
) {
    let on_visible = Rc::clone(&visible);
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let intersecting = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if intersecting {
                on_visible();
                // Once seen, a panel stays seen: the observer has nothing more to say. It and
                // this callback are dropped once the callback has returned (a microtask), not
                // while it runs: a hundred panels each kept two until they went
                // (NodeExporter's memory).
                observer.disconnect();
                leptos::task::spawn_local(async move {
                    let _ = watchers.try_update_value(|watchers| watchers[slot].take());
                });
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    // Inside the ODH shell the page scrolls in the shell's content area, not the window; a
    // margin only reaches past the edge of the observer's root, so that area is the root.
    options.set_root_margin(margin);
    if let Some(root) = root {
        options.set_root(Some(root));
    }
    match web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) {
        Ok(observer) => {
            observer.observe(element);
            watchers.update_value(|watchers| {
                watchers[slot] = Some(SendWrapper::new((observer, callback)));
            });
        }
        // Without IntersectionObserver every panel counts as seen.
        Err(_) => visible(),
    }
}

/// The panels of a dashboard within a screen of the viewport and not seen yet. They are marked
/// seen, which sends their queries, when the browser is idle and no query is in flight, so
/// that fetching ahead waits for what is in view to be asked for and answered.
#[derive(Clone, Copy)]
pub struct Prefetch(StoredValue<Ahead>);

struct Ahead {
    /// Each panel's `seen`, and its watchers: the near one goes when the queue marks it seen.
    waiting: Vec<(RwSignal<bool>, Watchers)>,
    /// Whether a drain is running (it ends when nothing waits).
    draining: bool,
    /// The page's query cache, whose requests in flight hold the prefetch back.
    cache: Option<QueryCache>,
    /// The ahead observers' margin, read with the first panel's scroller (every panel of a
    /// dashboard has the same one, see `ScrollRoot`).
    margin: Option<String>,
}

impl Prefetch {
    /// Provides an empty queue to the panels below, using the page's query cache.
    pub fn provide() {
        provide_context(Self(StoredValue::new(Ahead {
            waiting: Vec::new(),
            draining: false,
            cache: use_context::<QueryCache>(),
            margin: None,
        })));
    }

    /// The ahead observers' margin: read once per dashboard, since reading a scroller's
    /// height lays the page out, and a hundred panels mount one after another.
    fn margin(self, root: Option<&web_sys::Element>) -> String {
        self.0
            .try_update_value(|ahead| {
                ahead
                    .margin
                    .get_or_insert_with(|| ahead_margin(root))
                    .clone()
            })
            .unwrap_or_else(|| ahead_margin(root))
    }

    fn push(self, seen: RwSignal<bool>, watchers: Watchers) {
        let start = self.0.try_update_value(|ahead| {
            ahead.waiting.push((seen, watchers));
            !std::mem::replace(&mut ahead.draining, true)
        });
        if start == Some(true) {
            leptos::task::spawn_local(self.drain());
        }
    }

    /// Marks the waiting panels seen, all at once, each time the browser is idle with no
    /// query in flight; ends when none is left (a later push starts it again) or when the
    /// dashboard has gone.
    async fn drain(self) {
        loop {
            super::idle().await;
            let Some(busy) = self.0.try_with_value(|ahead| {
                ahead
                    .cache
                    .as_ref()
                    .is_some_and(|cache| cache.in_flight() > 0)
            }) else {
                return;
            };
            if busy {
                // Idle while waiting for replies: look again a little later.
                super::after_ms(BUSY_RETRY_MS).await;
                continue;
            }
            let Some(batch) = self.0.try_update_value(|ahead| {
                let batch = std::mem::take(&mut ahead.waiting);
                if batch.is_empty() {
                    ahead.draining = false;
                }
                batch
            }) else {
                return;
            };
            if batch.is_empty() {
                return;
            }
            for (seen, watchers) in batch {
                // A panel that went away meanwhile is skipped; one seen since is left alone.
                mark_seen(seen);
                // Its near observer has nothing more to say either (no callback is running).
                if let Some(Some(near)) =
                    watchers.try_update_value(|watchers| watchers[NEAR].take())
                {
                    near.0.disconnect();
                }
            }
        }
    }
}

/// How long the prefetch waits before looking again while queries are in flight.
const BUSY_RETRY_MS: i32 = 50;
