//! Charts on canvas: the painter over plotters, sizing for the device pixel ratio, theme
//! colours, the cross-panel crosshair, and one module per chart kind.

pub mod axes;
pub mod bar;
pub mod canvas;
pub mod gauge;
pub mod heatmap;
pub mod histogram;
pub mod painter;
pub mod pie;
pub mod snapshot;
pub mod sparkline;
pub mod status_history;
pub mod surface;
pub mod sync;
pub mod theme;
pub mod time_series;

use std::sync::Arc;

/// A value shared by reference in memos: two values are equal only if they are the same
/// allocation, so comparing big geometries costs nothing and a recomputation always counts
/// as a change.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// A hovered time as the tooltip and the keyboard's readout say it: the day and the time to
/// the second, in 24 hours like the time axis ("Nov 25, 22:05:30"), in `timezone` (the
/// browser's when `None`). Written here rather than by `Intl`, which cost a hover as much as
/// all of its other texts; the offset is the one the axis uses.
pub fn hover_time_text(time_ms: i64, timezone: Option<&str>) -> String {
    use obs_core::chart::ticks::{TimeLabel, format_local};
    let local_ms = time_ms + i64::from(utc_offset_minutes(time_ms, timezone)) * 60_000;
    format!(
        "{}, {}",
        format_local(local_ms, TimeLabel::Day),
        format_local(local_ms, TimeLabel::Seconds)
    )
}

/// Minutes east of UTC at `time_ms` in `timezone` (`None`: the browser's zone).
pub fn utc_offset_minutes(time_ms: i64, timezone: Option<&str>) -> i32 {
    match timezone {
        Some(zone) => crate::intl::offset_minutes(time_ms, zone).unwrap_or(0),
        None => {
            -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time_ms as f64))
                .get_timezone_offset() as i32)
        }
    }
}
