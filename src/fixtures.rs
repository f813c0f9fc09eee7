//! Dashboards bundled into the plugin, shown by the standalone page when it has no backend.

use obs_core::dashboard::{Loaded, load_document};
use obs_core::diagnostic::Diagnostic;

/// The demo dashboard: rows, a collapsed row, several panel kinds and one unsupported kind.
pub const DEMO_DASHBOARD_JSON: &str = include_str!("../assets/fixtures/demo-dashboard.json");

/// Parses a bundled dashboard document (JSON) into its first dashboard.
pub fn load_json(text: &str) -> Result<Loaded, Diagnostic> {
    let document: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        Diagnostic::new(
            &obs_core::diagnostic::Path::root(),
            format!("not valid JSON: {error}"),
        )
    })?;
    load_document(&document)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            Err(Diagnostic::new(
                &obs_core::diagnostic::Path::root(),
                "the document holds no dashboard",
            ))
        })
}
