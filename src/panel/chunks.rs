//! Panel views whose code the release page downloads on first use, in three WebAssembly
//! chunks: Markdown (with its parser), tables (with "View as table"), and the other charts
//! (pie, bar, status history, heat map, histogram). A dashboard of time series, stats and
//! gauges never downloads them, and the page starts with less to fetch and compile
//! (ARCHITECTURE.md, Size).
//!
//! The `split` feature (on in `page_build`'s release page) makes each view a split point of
//! `wasm_split_helpers`, which Leptos brings: the module calls into the chunk through an
//! import that `scripts/split.sh` (the `obs-split` tool, after trunk's build) links to the
//! chunk it writes. Without the feature (a plain `trunk serve`, the component tests) the same
//! functions are plain `async` calls, so the loading and failure states below are the ones
//! every build runs.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::{Dashboard, GridContent, Layout, PanelKind};
use obs_core::spec::common::Format;
use obs_core::spec::panels::bar::BarChartSpec;
use obs_core::spec::panels::heatmap::HeatMapChartSpec;
use obs_core::spec::panels::histogram::HistogramChartSpec;
use obs_core::spec::panels::pie::PieChartSpec;
use obs_core::spec::panels::status_history::StatusHistoryChartSpec;
use obs_core::spec::panels::table::TableSpec;

use super::data::QueryView;
use super::data_table::DataTable;
use super::kinds::{
    BarPanel, HeatmapPanel, HistogramPanel, Outputs, PiePanel, StatusHistoryPanel, TablePanel,
    TimeSeriesTablePanel,
};
use super::markdown::MarkdownView;

/// A chunk could not be downloaded or instantiated (the browser's console has the cause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares a view that lives in chunk `$chunk`, and `$preload`, which downloads that chunk
/// without drawing. Views naming the same chunk share it.
///
/// Leptos' own `#[lazy]` is not used: it always makes a split point in a browser build, whose
/// module cannot load unsplit (a plain `trunk serve`, the component tests), and a failed download
/// panics, which stops the whole page. This asks `wasm_split` for a `fallible` split point
/// only with the `split` feature.
macro_rules! in_chunk {
    ($(#[$doc:meta])* $name:ident, $preload:ident in $chunk:ident ($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(#[allow(dead_code)] $preload))]
        pub fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        async fn $preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}

in_chunk! {
    /// A Markdown panel's text, rendered.
    markdown, preload_markdown in markdown(text: Signal<String>) {
        view! { <MarkdownView text=text/> }.into_any()
    }
}

in_chunk! {
    /// A table panel.
    table, preload_table in tables(spec: TableSpec, outputs: Outputs, series_limit: RwSignal<usize>, label: Signal<String>) {
        view! { <TablePanel spec=spec outputs=outputs series_limit=series_limit label=label/> }.into_any()
    }
}

in_chunk! {
    /// A time series table panel.
    time_series_table, preload_time_series_table in tables(outputs: Outputs, series_limit: RwSignal<usize>, label: Signal<String>) {
        view! { <TimeSeriesTablePanel outputs=outputs series_limit=series_limit label=label/> }.into_any()
    }
}

in_chunk! {
    /// The panel menu's "View as table".
    data_table, preload_data_table in tables(
        queries: Signal<Vec<QueryView>>,
        series_limit: RwSignal<usize>,
        caption: Signal<String>,
        format: Option<Format>,
    ) {
        view! { <DataTable queries=queries series_limit=series_limit caption=caption format=format/> }.into_any()
    }
}

in_chunk! {
    /// A pie chart panel.
    pie, preload_pie in charts(spec: PieChartSpec, outputs: Outputs, series_limit: RwSignal<usize>, label: Signal<String>) {
        view! { <PiePanel spec=spec outputs=outputs series_limit=series_limit label=label/> }.into_any()
    }
}

in_chunk! {
    /// A bar chart panel.
    bar, preload_bar in charts(spec: BarChartSpec, outputs: Outputs, series_limit: RwSignal<usize>, label: Signal<String>) {
        view! { <BarPanel spec=spec outputs=outputs series_limit=series_limit label=label/> }.into_any()
    }
}

in_chunk! {
    /// A status history panel.
    status_history, preload_status_history in charts(
        spec: StatusHistoryChartSpec,
        outputs: Outputs,
        series_limit: RwSignal<usize>,
        label: Signal<String>,
    ) {
        view! { <StatusHistoryPanel spec=spec outputs=outputs series_limit=series_limit label=label/> }.into_any()
    }
}

in_chunk! {
    /// A heat map panel.
    heatmap, preload_heatmap in charts(spec: HeatMapChartSpec, outputs: Outputs, label: Signal<String>) {
        view! { <HeatmapPanel spec=spec outputs=outputs label=label/> }.into_any()
    }
}

in_chunk! {
    /// A histogram panel.
    histogram, preload_histogram in charts(spec: HistogramChartSpec, outputs: Outputs, label: Signal<String>) {
        view! { <HistogramPanel spec=spec outputs=outputs label=label/> }.into_any()
    }
}

/// Publishes this module's exports for the chunks' loader, which instantiates each chunk
/// against them (`crates/split`, `link_to_running_instance`): it reads them from the instance
/// that runs, since the ODH shell's retry of a failed load makes a second copy of the
/// wasm-bindgen module.
#[cfg(feature = "split")]
pub fn publish_exports() {
    let symbol = js_sys::Symbol::for_("odh-observability.exports");
    let _ = js_sys::Reflect::set(&js_sys::global(), &symbol, &wasm_bindgen::exports());
}

/// The chunks, one per group of views that are downloaded together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Chunk {
    Markdown,
    Tables,
    /// Pie, bar, status history, heat map and histogram: one chunk, since a dashboard that
    /// has one of them often has another, and one larger file compresses better than five
    /// (136 KB brotli for all chunks instead of 151 KB).
    Charts,
}

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
            _ => None,
        }
    }

    /// Starts downloading the chunk, so that it is there (or on its way) by the time its
    /// panels mount, beside their queries rather than after them. A failure is left to the
    /// panels, which say so and retry.
    pub fn preload(self) {
        leptos::task::spawn_local(async move {
            let _ = match self {
                Self::Markdown => preload_markdown().await,
                Self::Tables => preload_table().await,
                Self::Charts => preload_pie().await,
            };
        });
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

/// A view's future, boxed so that the states around it are compiled once, not once per view.
type ViewFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// A view from a chunk: "Loading…" while it downloads, then the view; when the download fails,
/// a message and a Retry button that downloads it again (a failure is not remembered).
pub fn chunk_view<Load, Fut>(load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    loading_view(Arc::new(move || -> ViewFuture { Box::pin(load()) }))
}

fn loading_view(load: Arc<dyn Fn() -> ViewFuture + Send + Sync>) -> AnyView {
    let attempt = RwSignal::new(0_u32);
    let fallback = || {
        view! {
            <div class="obs-panel__placeholder" role="status" aria-busy="true" data-chunk="loading">
                <span class="obs-spinner" aria-hidden="true"></span>
                <span>"Loading…"</span>
            </div>
        }
    };
    view! {
        <Suspense fallback=fallback>
            {move || {
                attempt.track();
                let view = untrack(|| load());
                Suspend::new(async move {
                    match view.await {
                        Ok(view) => view,
                        Err(ChunkError) => view! {
                            <div class="obs-panel__errors" role="alert" data-chunk="failed">
                                <p class="obs-panel__notice-title">"This panel could not be loaded"</p>
                                <p class="obs-panel__notice-text">
                                    "Its code did not download. Check the connection, then try again."
                                </p>
                                <button
                                    class="obs-button obs-button--secondary"
                                    type="button"
                                    on:click=move |_| attempt.update(|attempt| *attempt += 1)
                                >
                                    "Retry"
                                </button>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}
