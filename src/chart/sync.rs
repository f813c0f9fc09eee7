//! The crosshair shared by every chart of a dashboard: hovering one chart marks the same time
//! on all the others.

use leptos::prelude::*;

/// Where the pointer is, in time, and which chart it is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrosshairPosition {
    pub time_ms: i64,
    pub chart_id: usize,
}

/// Provided once per dashboard.
#[derive(Debug, Clone, Copy)]
pub struct CrosshairSync(pub RwSignal<Option<CrosshairPosition>>);

impl CrosshairSync {
    /// The dashboard's crosshair, or a private one when none was provided (a chart alone).
    pub fn use_or_local() -> Self {
        use_context::<Self>().unwrap_or_else(|| Self(RwSignal::new(None)))
    }
}
