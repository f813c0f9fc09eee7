//! A value loaded by a request whose inputs are signals: loaded again when they change, the
//! value before kept until the new one is in, and a request superseded by a newer one (or by
//! the page going away) aborted, its answer dropped.
//!
//! Written here rather than with Leptos' `LocalResource`, which does the same: each resource's
//! value type instantiates its whole async-derived machinery (futures, wakers, subscriber
//! sets), about 10 KB of the page's WebAssembly for each of the page's two lists, where an
//! effect and a signal need a few hundred bytes.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::AbortController;

/// Loads with the future `request` makes for what `inputs` reads, at once and whenever a
/// signal `inputs` read changes. `request` gets the controller that aborts its requests when a
/// newer one starts or the page goes away. `None` until the first answer.
///
/// The first request is made here, as the page mounts, rather than by the effect that follows
/// the inputs: an effect first runs once the whole mount is done, and the page's first
/// requests (its projects and its dashboards) waited for it, about 25 ms on NodeExporter's
/// page. Requests go out when `request` is called (`api::get`), not when its future is polled.
pub fn load<I, T, F, Fut>(inputs: impl Fn() -> I + 'static, request: F) -> ReadSignal<Option<T>>
where
    I: Clone + PartialEq + 'static,
    T: Send + Sync + 'static,
    F: Fn(I, Option<AbortController>) -> Fut + 'static,
    Fut: Future<Output = T> + 'static,
{
    let (value, set_value) = signal(None);
    // Which request is the newest: an older one's answer, arriving late, is dropped.
    let newest = Rc::new(Cell::new(0_u64));
    let controller = SendWrapper::new(Rc::new(RefCell::new(None::<AbortController>)));
    let on_leave = controller.clone();
    on_cleanup(move || {
        if let Some(controller) = on_leave.borrow_mut().take() {
            controller.abort();
        }
    });
    let start = move |input: I| {
        let next = AbortController::new().ok();
        if let Some(previous) = controller.replace(next.clone()) {
            previous.abort();
        }
        // Only `inputs` is followed: what `request` reads is not, whichever context calls it.
        let future = untrack(|| request(input, next));
        let generation = newest.get().wrapping_add(1);
        newest.set(generation);
        let newest = Rc::clone(&newest);
        leptos::task::spawn_local(async move {
            let loaded = future.await;
            if newest.get() == generation {
                // The page may have gone meanwhile: its signal with it.
                let _ = set_value.try_set(Some(loaded));
            }
        });
    };
    let first = untrack(&inputs);
    let mut asked = Some(first.clone());
    start(first);
    Effect::new(move |_| {
        let input = inputs();
        // The effect's first run only starts following the inputs: what they read then was
        // asked for above, unless it changed since.
        if asked.take().is_some_and(|asked| asked == input) {
            return;
        }
        start(input);
    });
    value
}
