//! Unique element ids, for ARIA relations (`aria-describedby`, `aria-controls`).

use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A document-unique id starting with `prefix`.
pub fn unique_id(prefix: &str) -> String {
    format!("obs-{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}
