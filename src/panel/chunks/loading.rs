//! Around the chunks: which chunk a panel needs, downloading them early, the deferred panels'
//! options decoded by them, and the states of a panel while its chunk downloads or when it
//! does not.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::task::{Context, Poll};

use leptos::prelude::*;
use obs_core::dashboard::{
    Dashboard, Decoded, DeferredKind, GridContent, Layout, Loaded, PanelKind, Pending,
};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::interact::preload_interact;
use super::{
    ChunkError, decode_charts, decode_tables, preload_markdown, preload_menu, preload_pie,
    preload_table,
};

/// The chunks, one per group of views that are downloaded together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Chunk {
    Markdown,
    Tables,
    /// Pie, bar, status history, heat map and histogram: one chunk, since a dashboard that
    /// has one of them often has another, and one larger file compresses better than five
    /// (136 KB brotli for all chunks instead of 151 KB).
    Charts,
    /// A panel menu's actions and settings, which a dashboard shows only when a menu opens.
    Menu,
    /// What a page draws only once it is pointed at or used from the keyboard: open selects,
    /// the custom time range, a chart's tooltip and crosshairs.
    Interact,
}

/// The chunks asked for, one bit each (`1 << chunk`), so that the pointer entering one of a
/// hundred menus or charts asks once. A preload that fails is not asked again: the views
/// that need the chunk download it themselves, with their Retry.
static ASKED: AtomicU8 = AtomicU8::new(0);

impl Chunk {
    /// The chunk that draws a panel of this kind, if it is not in the main module.
    pub fn of(kind: &PanelKind) -> Option<Self> {
        match kind {
            PanelKind::Markdown(_) => Some(Self::Markdown),
            PanelKind::Table(_) | PanelKind::TimeSeriesTable(_) => Some(Self::Tables),
            PanelKind::PieChart(_)
            | PanelKind::BarChart(_)
            | PanelKind::StatusHistoryChart(_)
            | PanelKind::HeatMapChart(_)
            | PanelKind::HistogramChart(_) => Some(Self::Charts),
            PanelKind::Deferred(options) => Some(Self::deferred(options.kind)),
            _ => None,
        }
    }

    /// The chunk that decodes (and draws) a deferred panel kind.
    fn deferred(kind: DeferredKind) -> Self {
        match kind {
            DeferredKind::Table => Self::Tables,
            DeferredKind::BarChart
            | DeferredKind::PieChart
            | DeferredKind::StatusHistoryChart
            | DeferredKind::HeatMapChart
            | DeferredKind::HistogramChart => Self::Charts,
        }
    }

    /// Starts downloading the chunk, so that it is there (or on its way) by the time its
    /// panels mount, beside their queries rather than after them. A failure is left to the
    /// panels, which say so and retry.
    pub fn preload(self) {
        let bit = 1u8 << (self as u8);
        if ASKED.fetch_or(bit, Ordering::Relaxed) & bit != 0 {
            return;
        }
        leptos::task::spawn_local(async move {
            let _ = match self {
                Self::Markdown => preload_markdown().await,
                Self::Tables => preload_table().await,
                Self::Charts => preload_pie().await,
                Self::Menu => preload_menu().await,
                Self::Interact => preload_interact().await,
            };
        });
    }

    /// Asks for the interaction chunk the first time the pointer moves over the document or
    /// something in it takes focus: usually well before the pointer reaches a chart or a
    /// select, so their first tooltip or list does not wait for it, and never before someone
    /// uses the page (the first panels are not slowed by it).
    pub fn preload_interact_on_first_use() {
        // Once per document: the shell mounts the page again on each visit.
        static LISTENING: AtomicBool = AtomicBool::new(false);
        if LISTENING.swap(true, Ordering::Relaxed) {
            return;
        }
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        // Owned by the page's JavaScript from here on, as long as the document listens; after
        // the first call it only reads `ASKED`. The closure's signature is the one Leptos' own
        // listeners have, whose glue the page already holds.
        let ask = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            |_: web_sys::Event| Self::Interact.preload(),
        )
        .into_js_value();
        for event in ["pointerover", "focusin"] {
            let _ = document.add_event_listener_with_callback(event, ask.unchecked_ref());
        }
    }
}

/// Starts downloading the chunks that the panels of the dashboard's open groups need (a
/// collapsed group's panels wait until it opens, and load theirs then).
pub fn preload_open(dashboard: &Dashboard) {
    let mut chunks: Vec<Chunk> = dashboard
        .layouts
        .iter()
        .filter_map(|layout| match layout {
            Layout::Grid(grid) if grid.collapse != Some(false) => Some(grid),
            _ => None,
        })
        .flat_map(|grid| &grid.items)
        .filter_map(|item| match &item.content {
            GridContent::Panel(key) => dashboard.panel(key),
            GridContent::Missing { .. } => None,
        })
        .filter_map(|panel| Chunk::of(&panel.kind))
        .collect();
    obs_core::sort::sort(&mut chunks);
    chunks.dedup();
    for chunk in chunks {
        chunk.preload();
    }
}

/// How long reading a dashboard waits for a chunk that neither arrives nor fails (a stalled
/// connection): past it, the chunk's panels are left unread, with their Retry, and the rest of
/// the dashboard runs.
const CHUNK_WAIT_MS: i32 = 15_000;

/// Reads a dashboard's deferred panels' options with the code of the chunks that draw them,
/// both chunks at once (a dashboard without such panels resolves at once). A chunk that does
/// not download, or not within [`CHUNK_WAIT_MS`], leaves its panels deferred: they say so,
/// with a Retry ([`ReadAgain`]).
///
/// Every deferred panel is read, those of collapsed groups too, so that the dashboard's
/// problems are all listed when it opens, as the CLI lists them: a dashboard whose tables are
/// all in collapsed groups downloads the tables chunk when it opens, not when they do.
pub async fn resolve(pending: Pending) -> Loaded {
    let mut tables = Vec::new();
    let mut charts = Vec::new();
    for (key, options) in pending.deferred() {
        let panel = (key.to_owned(), options.clone());
        match options.kind {
            DeferredKind::Table => tables.push(panel),
            DeferredKind::BarChart
            | DeferredKind::PieChart
            | DeferredKind::StatusHistoryChart
            | DeferredKind::HeatMapChart
            | DeferredKind::HistogramChart => charts.push(panel),
        }
    }
    let decoded_tables = async move {
        if tables.is_empty() {
            Ok(Vec::new())
        } else {
            within_wait(decode_tables(tables)).await
        }
    };
    let decoded_charts = async move {
        if charts.is_empty() {
            Ok(Vec::new())
        } else {
            within_wait(decode_charts(charts)).await
        }
    };
    let (tables, charts) = futures::join!(decoded_tables, decoded_charts);
    let decoded = [tables, charts]
        .into_iter()
        .flat_map(|decoded: Result<Vec<(String, Decoded)>, ChunkError>| decoded.unwrap_or_default())
        .collect();
    pending.resolve(decoded)
}

/// A chunk's answer, or a [`ChunkError`] once [`CHUNK_WAIT_MS`] have passed without one.
async fn within_wait<T>(
    answer: impl Future<Output = Result<T, ChunkError>>,
) -> Result<T, ChunkError> {
    let answer = std::pin::pin!(answer);
    let waited = std::pin::pin!(crate::dom::after_ms(CHUNK_WAIT_MS));
    match futures::future::select(answer, waited).await {
        futures::future::Either::Left((answer, _)) => answer,
        futures::future::Either::Right(((), _)) => Err(ChunkError),
    }
}

/// The open dashboard once its deferred panels' options are in (`None` while its chunks are
/// decoding them). Provided while a dashboard with such panels is open: its other panels run
/// meanwhile, and each deferred one is drawn again when the options are in.
#[derive(Clone, Copy)]
pub struct Resolving(pub RwSignal<Option<Arc<Loaded>>>);

/// Reads the open dashboard again, for panels whose options were left unread because their
/// chunk did not download. Provided by the page while a dashboard is open.
#[derive(Clone, Copy)]
pub struct ReadAgain(pub Callback<()>);

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
