//! The ODH Observability plugin: Perses dashboards of the user's project, drawn in the browser.
//!
//! This crate is the web layer only: Leptos components, the browser's APIs, HTTP. Everything
//! it shows is decided by the pure `obs_core` crate. The modules are compiled for wasm32
//! alone, so a native build of the workspace cannot reach the browser from the core.
//!
//! Where to start: [`app::App`] is the standalone page; [`page::ObservabilityPage`] is the
//! page itself (pickers, time, variables); [`dashboard::DashboardView`] draws one dashboard;
//! [`panel::PanelFrame`] draws one panel and is where a panel kind picks its view.
//! [`embed::mount`] is how the ODH shell's federation wrapper mounts the page.

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod chart;
#[cfg(target_arch = "wasm32")]
pub mod dashboard;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod engines;
#[cfg(target_arch = "wasm32")]
pub mod fixtures;
#[cfg(target_arch = "wasm32")]
pub mod focus;
#[cfg(target_arch = "wasm32")]
pub mod icons;
#[cfg(target_arch = "wasm32")]
pub mod ids;
#[cfg(target_arch = "wasm32")]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod json_format;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod panel;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
pub mod regex;
#[cfg(target_arch = "wasm32")]
pub mod region_names;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod widgets;

/// Starts the standalone page (what `trunk serve` shows) when this document is it. The same
/// module also runs inside the ODH shell, where nothing starts until the federation wrapper
/// calls [`embed::mount`].
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    perf::mark("at.wasm-started");
    // Both the standalone page and the shell's mount run after this.
    engines::install();
    #[cfg(feature = "split")]
    panel::chunks::publish_exports();
    if !is_standalone_page() {
        return;
    }
    #[cfg(feature = "bench")]
    bench::install();
    leptos::mount::mount_to_body(app::App);
}

/// The standalone page says so in its `index.html`:
/// `<meta name="odh-observability" content="standalone">`.
#[cfg(target_arch = "wasm32")]
fn is_standalone_page() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(r#"meta[name="odh-observability"][content="standalone"]"#)
                .ok()
                .flatten()
        })
        .is_some()
}
