//! The interaction chunk: what a page draws only once someone points at it or uses the
//! keyboard on it — a select's open list, the custom time range's fields, and a time series
//! chart's crosshairs, markers, drag selection and tooltip. It is fetched the first time the
//! pointer moves over the page or something in it takes focus
//! (`Chunk::preload_interact_on_first_use`), or when a chart that needs it is hovered: after
//! the first panels are drawn rather than before them.

use leptos::prelude::*;

use super::ChunkError;
use crate::chart::Shared;
use crate::chart::theme::ChartTheme;
use crate::chart::time_series::cursor::Cursor;
use crate::chart::time_series::geometry::Geometry;
use crate::chart::time_series::hover::Hover;
use crate::chart::time_series::overlay::HoverOverlay;
use crate::page::time_controls::CustomRange;
use crate::widgets::{MenuParts, SelectMenu};

in_chunk! {
    /// A select's open list.
    select_menu, preload_interact in interact(parts: MenuParts) {
        view! { <SelectMenu parts=parts/> }.into_any()
    }
}

in_chunk! {
    /// The custom time range's fields.
    custom_range, preload_custom_range in interact(on_done: Callback<()>) {
        view! { <CustomRange on_done=on_done/> }.into_any()
    }
}

in_chunk! {
    /// A time series chart's crosshair, markers and tooltip, made when it is first hovered.
    hover_overlay, preload_hover_overlay in interact(
        hover: Memo<Option<Hover>>,
        geometry: Memo<Option<Shared<Geometry>>>,
        theme: ReadSignal<ChartTheme>,
        pinned: Signal<bool>,
        timezone: Signal<Option<String>>,
    ) {
        view! {
            <HoverOverlay hover=hover geometry=geometry theme=theme pinned=pinned timezone=timezone/>
        }
        .into_any()
    }
}

in_chunk! {
    /// Another chart's crosshair over a time series chart and its drag selection.
    chart_cursor, preload_chart_cursor in interact(
        geometry: Memo<Option<Shared<Geometry>>>,
        theme: ReadSignal<ChartTheme>,
        synced_time_ms: Memo<Option<i64>>,
        selection: Memo<Option<(f64, f64)>>,
    ) {
        view! {
            <Cursor geometry=geometry theme=theme synced_time_ms=synced_time_ms selection=selection/>
        }
        .into_any()
    }
}
