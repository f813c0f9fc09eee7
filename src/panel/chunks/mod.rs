//! Panel views whose code the release page downloads on first use, in three WebAssembly
//! chunks: Markdown (with its parser), tables (with "View as table"), and the other charts
//! (pie, bar, status history, heat map, histogram). A dashboard of time series, stats and
//! gauges never downloads them, and the page starts with less to fetch and compile
//! (ARCHITECTURE.md, Size). A fourth chunk holds the panel menu's actions, which no
//! dashboard shows until a menu opens, and a fifth what the page draws only when someone
//! points at it or uses its keyboard (`interact`: open selects, tooltips).
//!
//! The `split` feature (on in `page_build`'s release page) makes each view a split point of
//! `wasm_split_helpers`, which Leptos brings: the module calls into the chunk through an
//! import that `scripts/split.sh` (the `obs-split` tool, after trunk's build) links to the
//! chunk it writes. Without the feature (a plain `trunk serve`, the component tests) the same
//! functions are plain `async` calls, so the loading and failure states below are the ones
//! every build runs. The deferred panels' options (`obs_core::dashboard::Pending`) are decoded
//! in the chunk that draws them too, where their decoders are.

use leptos::prelude::*;
use obs_core::dashboard::{Decoded, DeferredKind, DeferredOptions, PanelKind};
use obs_core::spec::common::Format;
use obs_core::spec::panels::bar::BarChartSpec;
use obs_core::spec::panels::heatmap::HeatMapChartSpec;
use obs_core::spec::panels::histogram::HistogramChartSpec;
use obs_core::spec::panels::pie::PieChartSpec;
use obs_core::spec::panels::status_history::StatusHistoryChartSpec;
use obs_core::spec::panels::table::TableSpec;

use crate::panel::data::QueryView;
use crate::panel::data_table::DataTable;
use crate::panel::kinds::{
    BarPanel, HeatmapPanel, HistogramPanel, Outputs, PiePanel, StatusHistoryPanel, TablePanel,
    TimeSeriesTablePanel,
};
use crate::panel::markdown::MarkdownView;
use crate::panel::menu::PanelSettings;
use crate::panel::menu_actions::MenuActions;

/// A chunk could not be downloaded or instantiated (the browser's console has the cause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares a function that lives in chunk `$chunk` (a view, or what `-> $output` says), and
/// `$preload`, which downloads that chunk without running it. Functions naming the same chunk
/// share it.
///
/// Leptos' own `#[lazy]` is not used: it always makes a split point in a browser build, whose
/// module cannot load unsplit (a plain `trunk serve`, the component tests), and a failed download
/// panics, which stops the whole page. This asks `wasm_split` for a `fallible` split point
/// only with the `split` feature.
macro_rules! in_chunk {
    ($(#[$doc:meta])* $name:ident, $preload:ident in $chunk:ident ($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        in_chunk! { $(#[$doc])* $name, $preload in $chunk ($($arg: $ty),*) -> AnyView $body }
    };
    ($(#[$doc:meta])* $name:ident, $preload:ident in $chunk:ident ($($arg:ident: $ty:ty),* $(,)?) -> $output:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(#[allow(dead_code)] $preload))]
        pub fn $name($($arg: $ty),*) -> Result<$output, ChunkError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$output, ChunkError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        pub async fn $preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
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
    /// A panel menu's actions and settings, drawn when a menu opens.
    menu_actions, preload_menu in menu(
        panel_title: Signal<String>,
        queries: Option<Signal<Vec<QueryView>>>,
        settings: PanelSettings,
        open: RwSignal<bool>,
        close: Callback<()>,
    ) {
        view! {
            <MenuActions panel_title=panel_title queries=queries settings=settings open=open close=close/>
        }
        .into_any()
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

in_chunk! {
    /// The options of deferred table panels, decoded by the tables chunk, which draws them.
    decode_tables, preload_table_options in tables(panels: Vec<(String, DeferredOptions)>) -> Vec<(String, Decoded)> {
        crate::perf::measure("dashboard.decode.deferred", || {
            panels
                .into_iter()
                .filter_map(|(key, options)| match options.kind {
                    DeferredKind::Table => Some((key, options.decode(PanelKind::Table))),
                    // The charts chunk reads these; a panel left here stays unread.
                    DeferredKind::BarChart
                    | DeferredKind::PieChart
                    | DeferredKind::StatusHistoryChart
                    | DeferredKind::HeatMapChart
                    | DeferredKind::HistogramChart => None,
                })
                .collect()
        })
    }
}

in_chunk! {
    /// The options of deferred chart panels, decoded by the charts chunk, which draws them.
    decode_charts, preload_chart_options in charts(panels: Vec<(String, DeferredOptions)>) -> Vec<(String, Decoded)> {
        crate::perf::measure("dashboard.decode.deferred", || {
            panels
                .into_iter()
                .filter_map(|(key, options)| {
                    let decoded = match options.kind {
                        DeferredKind::BarChart => options.decode(PanelKind::BarChart),
                        DeferredKind::PieChart => options.decode(PanelKind::PieChart),
                        DeferredKind::StatusHistoryChart => options.decode(PanelKind::StatusHistoryChart),
                        DeferredKind::HeatMapChart => options.decode(PanelKind::HeatMapChart),
                        DeferredKind::HistogramChart => options.decode(PanelKind::HistogramChart),
                        // The tables chunk reads these; a panel left here stays unread.
                        DeferredKind::Table => return None,
                    };
                    Some((key, decoded))
                })
                .collect()
        })
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

mod interact;
mod loading;
mod view;

pub use interact::{chart_cursor, custom_range, hover_overlay, select_menu};
pub use loading::{Chunk, ReadAgain, Resolving, preload_open, resolve};
pub use view::{chunk_view, chunk_view_quiet, chunk_view_titled, unloaded_view};
