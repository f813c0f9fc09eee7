//! Component tests of the states around a view from a panel chunk (src/panel/chunks/mod.rs) in
//! headless Chromium: "Loading…" while it downloads, a message with Retry when it fails, and
//! the view after a Retry that succeeds. The download itself is the release page's (the
//! end-to-end test blocks a real chunk); here the view's future stands in for it.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use odh_observability::panel::chunks::{ChunkError, chunk_view};
use support::{by_role, click, container, next_frame, text_of};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits up to 100 frames for `check`.
async fn frames_until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..100 {
        if check() {
            return;
        }
        next_frame().await;
    }
    panic!("never happened: {what}");
}

/// Mounts `chunk_view(load)` in `root`; it stays mounted while the handle lives.
fn mount_chunk_view<Load, Fut>(root: &web_sys::HtmlElement, load: Load) -> impl Sized
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(FromThePage("context from the page"));
        chunk_view(load)
    })
}

/// A context the page provides around a chunk's view, which the view reads.
#[derive(Clone, Copy)]
struct FromThePage(&'static str);

/// The view a chunk stands for. It reads the page's context, as the chunks' views do: it is
/// made inside the owner of the place it is drawn, however late its future ends.
fn drawn() -> AnyView {
    let context = use_context::<FromThePage>().map(|context| context.0);
    view! { <p class="drawn">"The view with "{context}</p> }.into_any()
}

/// Lets the task yield once, as a download's future does before it is ready.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |context| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            context.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await;
}

/// The drawn view, once there, with the page's context.
fn drawn_with_context(root: &web_sys::HtmlElement) -> bool {
    root.query_selector(".drawn")
        .unwrap()
        .is_some_and(|drawn| text_of(&drawn).contains("context from the page"))
}

#[wasm_bindgen_test]
async fn a_chunk_that_fails_says_so_and_retry_draws_it() {
    let root = container();
    let attempts = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&attempts);
    let _handle = mount_chunk_view(&root, move || {
        let attempt = counted.fetch_add(1, Ordering::SeqCst);
        async move {
            // The first download fails, as a lost connection would make it.
            if attempt == 0 {
                Err(ChunkError)
            } else {
                // The second arrives later, as a download does: after the click has returned.
                yield_once().await;
                Ok(drawn())
            }
        }
    });
    frames_until("the failure is shown", || {
        root.query_selector("[data-chunk=failed]")
            .unwrap()
            .is_some()
    })
    .await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(
        text_of(&alert).contains("could not be loaded"),
        "{}",
        text_of(&alert)
    );
    assert!(root.query_selector(".drawn").unwrap().is_none());
    let retry = by_role(&root, "button", "Retry").expect("a Retry button");
    click(&retry).await;
    frames_until("Retry draws the view", || {
        root.query_selector(".drawn").unwrap().is_some()
    })
    .await;
    // The click that retried ran outside the panel's owner; the view is still made inside it.
    assert!(drawn_with_context(&root), "{}", text_of(&root));
    assert!(root.query_selector("[data-chunk]").unwrap().is_none());
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
async fn a_chunk_says_it_is_loading_until_it_is_there() {
    let root = container();
    let (send, receive) = futures::channel::oneshot::channel::<()>();
    let receive = std::sync::Mutex::new(Some(receive));
    let _handle = mount_chunk_view(&root, move || {
        let waiting = receive.lock().unwrap().take();
        async move {
            if let Some(waiting) = waiting {
                let _ = waiting.await;
            }
            Ok(drawn())
        }
    });
    frames_until("the loading state is shown", || {
        root.query_selector("[data-chunk=loading][role=status]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(root.query_selector(".drawn").unwrap().is_none());
    send.send(()).unwrap();
    frames_until("the view replaces the loading state", || {
        root.query_selector(".drawn").unwrap().is_some()
    })
    .await;
    assert!(drawn_with_context(&root), "{}", text_of(&root));
    assert!(root.query_selector("[data-chunk]").unwrap().is_none());
}
