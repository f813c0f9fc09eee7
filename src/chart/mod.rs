//! Charts on canvas: the painter over plotters, sizing for the device pixel ratio, theme
//! colours, the cross-panel crosshair, and one module per chart kind.

pub mod painter;
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
