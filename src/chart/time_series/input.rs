//! What the pointer and the keyboard do on a time series chart: hover, drag to zoom, click to
//! pin the tooltip, arrow keys to read values.

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::Div;
use leptos::prelude::*;
use obs_core::chart::time_series::geometry::Geometry;
use obs_core::chart::time_series::hover::Hover;
use obs_core::panels::time_series::TimeSeriesModel;
use obs_core::time_range::TimeRange;

use crate::chart::Shared;
use crate::chart::sync::{CrosshairPosition, CrosshairSync};
use crate::state::time::TimeState;

/// A drag shorter than this is a click (it pins the tooltip), not a zoom.
const MIN_DRAG_PX: f64 = 5.0;

/// What the chart's input sets: the pointer over the plot, the pinned tooltip, where a drag
/// began and the time the arrow keys point at.
#[derive(Clone, Copy)]
pub(super) struct InputState {
    pub pointer: RwSignal<Option<(f64, f64)>>,
    pub pinned: RwSignal<Option<Hover>>,
    pub drag_from: RwSignal<Option<f64>>,
    pub keyboard_time: RwSignal<Option<i64>>,
}

impl InputState {
    pub fn new() -> Self {
        Self {
            pointer: RwSignal::new(None),
            pinned: RwSignal::new(None),
            drag_from: RwSignal::new(None),
            keyboard_time: RwSignal::new(None),
        }
    }
}

/// The chart the input acts on, with the handlers of its plot's events.
#[derive(Clone, Copy)]
pub(super) struct ChartInput {
    pub state: InputState,
    pub plot_box: NodeRef<Div>,
    pub geometry: Memo<Option<Shared<Geometry>>>,
    pub model: Memo<Option<Shared<TimeSeriesModel>>>,
    pub hover: Memo<Option<Hover>>,
    pub sync: CrosshairSync,
    pub chart_id: usize,
    /// The dashboard's time, which a drag zooms; none for a chart alone.
    pub time: Option<TimeState>,
}

impl ChartInput {
    /// The event's point in the plot box, in CSS pixels.
    fn position(self, event: &PointerEvent) -> Option<(f64, f64)> {
        let element = self.plot_box.get_untracked()?;
        let rect = element.get_bounding_client_rect();
        Some((
            f64::from(event.client_x()) - rect.left(),
            f64::from(event.client_y()) - rect.top(),
        ))
    }

    pub fn on_move(self, event: PointerEvent) {
        let Some(point) = self.position(&event) else {
            return;
        };
        let state = self.state;
        // Only a change notifies: the keyboard readout is a live region for screen readers.
        if state.keyboard_time.with_untracked(Option::is_some) {
            state.keyboard_time.set(None);
        }
        state.pointer.set(Some(point));
        if let Some(geometry) = self.geometry.get_untracked()
            && geometry.plot.contains(point.0, point.1)
        {
            self.sync.0.set(Some(CrosshairPosition {
                time_ms: geometry.x.time_from_px(point.0),
                chart_id: self.chart_id,
            }));
        }
    }

    pub fn on_leave(self) {
        self.state.pointer.set(None);
        self.state.drag_from.set(None);
        if self
            .sync
            .0
            .get_untracked()
            .is_some_and(|position| position.chart_id == self.chart_id)
        {
            self.sync.0.set(None);
        }
    }

    pub fn on_down(self, event: PointerEvent) {
        if event.button() == 0
            && let Some((x, y)) = self.position(&event)
            && self
                .geometry
                .get_untracked()
                .is_some_and(|g| g.plot.contains(x, y))
        {
            self.state.drag_from.set(Some(x));
            // Keep receiving the pointer outside the plot, so a drag past its edge still ends.
            if let Some(element) = self.plot_box.get_untracked() {
                let _ = element.set_pointer_capture(event.pointer_id());
            }
        }
    }

    pub fn on_up(self, event: PointerEvent) {
        let state = self.state;
        let Some(from) = state.drag_from.get_untracked() else {
            return;
        };
        state.drag_from.set(None);
        let Some((to, _)) = self.position(&event) else {
            return;
        };
        let Some(geometry) = self.geometry.get_untracked() else {
            return;
        };
        // A drag that ended beyond the plot zooms to its edge.
        let to = to.clamp(geometry.plot.left, geometry.plot.right());
        if (to - from).abs() >= MIN_DRAG_PX {
            let (start, end) = (
                geometry.x.time_from_px(from.min(to)),
                geometry.x.time_from_px(from.max(to)),
            );
            if let Some(time) = self.time
                && end > start
            {
                // A new history entry: the browser's Back undoes the zoom.
                time.set_range(TimeRange::Absolute {
                    start_ms: start,
                    end_ms: end,
                });
            }
        } else if self
            .model
            .get_untracked()
            .is_some_and(|model| model.tooltip_pinning)
        {
            let current = self.hover.get_untracked();
            state
                .pinned
                .update(|pinned| *pinned = if pinned.is_some() { None } else { current });
        }
    }

    pub fn on_key(self, event: KeyboardEvent) {
        let Some(geometry) = self.geometry.get_untracked() else {
            return;
        };
        let state = self.state;
        let step = (geometry.x.end_ms - geometry.x.start_ms) / 100;
        let current = state
            .keyboard_time
            .get_untracked()
            .or_else(|| self.hover.get_untracked().map(|h| h.time_ms));
        let next = match event.key().as_str() {
            "ArrowRight" => {
                Some(current.map_or(geometry.x.start_ms, |t| (t + step).min(geometry.x.end_ms)))
            }
            "ArrowLeft" => {
                Some(current.map_or(geometry.x.end_ms, |t| (t - step).max(geometry.x.start_ms)))
            }
            "Escape" => {
                state.pinned.set(None);
                None
            }
            _ => return,
        };
        event.prevent_default();
        state.keyboard_time.set(next);
        if let Some(time_ms) = next {
            self.sync.0.set(Some(CrosshairPosition {
                time_ms,
                chart_id: self.chart_id,
            }));
        }
    }
}
