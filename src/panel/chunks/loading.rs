//! Around the chunks: which chunk a panel needs, downloading them early, and the deferred
//! panels' options decoded by them (their views' states are in `view`).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use leptos::prelude::*;
use obs_core::dashboard::{
    Dashboard, Decoded, DeferredKind, GridContent, Layout, Loaded, PanelKind, Pending,
};
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
    crate::perf::mark("at.deferred-decoded");
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
