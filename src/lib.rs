//! The ODH Observability plugin: Perses dashboards of the user's project, drawn in the browser.
//!
//! This crate is the web layer only. Everything it shows comes from the pure `obs_core` crate;
//! the modules here are compiled for wasm32 alone, so the browser never leaks into the core.
