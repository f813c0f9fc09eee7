//! A chunk's view in the page: "Loading…" while its chunk downloads, the view once it is in,
//! and a message with a Retry when it does not download; a deferred panel's states while its
//! chunk reads its options.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::ChunkError;
use super::loading::{ReadAgain, Resolving};

/// A panel whose options are not read: "Loading…" while its chunk decodes them
/// ([`Resolving`]); when the chunk did not download, it says so, with a Retry that reads the
/// dashboard again (its time and variables are in the address).
pub fn unloaded_view() -> AnyView {
    let decoding = use_context::<Resolving>()
        .is_some_and(|resolving| resolving.0.with_untracked(Option::is_none));
    if decoding {
        return loading_placeholder().into_any();
    }
    let again = use_context::<ReadAgain>();
    failed_view(PANEL_FAILED, again.map(|again| move || again.0.run(())))
}

/// What a panel says when its chunk did not download, with a Retry when there is one.
fn failed_view<Retry: Fn() + Send + Sync + 'static>(
    title: &'static str,
    retry: Option<Retry>,
) -> AnyView {
    view! {
        <div class="obs-panel__errors" role="alert" data-chunk="failed">
            <p class="obs-panel__notice-title">{title}</p>
            <p class="obs-panel__notice-text">
                "Its code did not download. Check the connection, then try again."
            </p>
            {retry.map(|retry| view! {
                <button class="obs-button obs-button--secondary" type="button" on:click=move |_| retry()>
                    "Retry"
                </button>
            })}
        </div>
    }
    .into_any()
}

/// What a panel shows while its chunk downloads.
fn loading_placeholder() -> impl IntoView {
    view! {
        <div class="obs-panel__placeholder" role="status" aria-busy="true" data-chunk="loading">
            <span class="obs-spinner" aria-hidden="true"></span>
            <span>"Loading…"</span>
        </div>
    }
}

/// A view's future, boxed so that the states around it are compiled once, not once per view.
type ViewFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// A view from a chunk: "Loading…" while it downloads, then the view; when the download fails,
/// a message and a Retry button that downloads it again (a failure is not remembered).
pub fn chunk_view<Load, Fut>(load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    chunk_view_titled(PANEL_FAILED, load)
}

/// [`chunk_view`] for a part of the page other than a panel's body: `failed` says what could
/// not be loaded.
pub fn chunk_view_titled<Load, Fut>(failed: &'static str, load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    loading_view(
        Some(failed),
        Arc::new(move || -> ViewFuture { Box::pin(load()) }),
    )
}

/// [`chunk_view`] for what a part of the page adds to itself, such as a chart's tooltip: it
/// shows nothing until its view is in, and nothing when the download fails (the browser's
/// console has the cause), since the part works without it.
pub fn chunk_view_quiet<Load, Fut>(load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    loading_view(None, Arc::new(move || -> ViewFuture { Box::pin(load()) }))
}

/// The title of a panel whose chunk did not download.
const PANEL_FAILED: &str = "This panel could not be loaded";

/// `failed` says what could not be loaded; `None` shows nothing while loading or failed.
fn loading_view(
    failed: Option<&'static str>,
    load: Arc<dyn Fn() -> ViewFuture + Send + Sync>,
) -> AnyView {
    // Leptos' `Suspense` would do this too, but costs about 25 KB of the main module for its
    // one use here (its async-derived and transition machinery); a signal for the state and
    // a slot for the view are all it takes.
    let phase = RwSignal::new(Phase::Loading);
    let arrived: SendWrapper<Rc<RefCell<Option<AnyView>>>> = SendWrapper::new(Rc::default());
    let slot = arrived.clone();
    // The view is made inside this owner, for its context, whenever its future ends: also
    // after a Retry, whose click runs outside it.
    let owner = Owner::current();
    let within = move |run: &mut dyn FnMut() -> Poll<Result<AnyView, ChunkError>>| match &owner {
        Some(owner) => owner.with(|| untrack(run)),
        None => untrack(run),
    };
    let download = move || {
        let settle = {
            let slot = slot.clone();
            move |outcome: Result<AnyView, ChunkError>| match outcome {
                Ok(view) => {
                    *slot.borrow_mut() = Some(view);
                    let _ = phase.try_set(Phase::Ready);
                }
                Err(ChunkError) => {
                    let _ = phase.try_set(Phase::Failed);
                }
            }
        };
        let mut future = untrack(|| load());
        // A chunk that is in already answers at once: drawn now, without a "Loading…" first.
        let mut first = Context::from_waker(std::task::Waker::noop());
        if let Poll::Ready(outcome) = within(&mut || future.as_mut().poll(&mut first)) {
            settle(outcome);
            return;
        }
        let within = within.clone();
        leptos::task::spawn_local(async move {
            // The place the view is for may have gone while its chunk downloaded (another
            // dashboard opened, a chart unmounted): the future is dropped then, before it makes
            // a view that would read what went with that place (a trap, in the release page).
            // The chunk's loader memoises the download itself, so dropping it loses nothing.
            let outcome = std::future::poll_fn(|context| {
                if phase.try_get_untracked().is_none() {
                    return Poll::Ready(None);
                }
                within(&mut || future.as_mut().poll(context)).map(Some)
            })
            .await;
            if let Some(outcome) = outcome {
                settle(outcome);
            }
        });
    };
    download();
    (move || match (phase.get(), failed) {
        (Phase::Loading, Some(_)) => loading_placeholder().into_any(),
        (Phase::Loading | Phase::Failed, None) => ().into_any(),
        // Taken once: the phase does not change after it is ready.
        (Phase::Ready, _) => arrived.borrow_mut().take().unwrap_or_else(|| ().into_any()),
        (Phase::Failed, Some(failed)) => {
            let download = download.clone();
            failed_view(
                failed,
                Some(move || {
                    phase.set(Phase::Loading);
                    download();
                }),
            )
        }
    })
    .into_any()
}

/// Where a chunk's view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}
