//! Accessibility of the page, proved in headless Chromium against the development backend and
//! a real Prometheus (WCAG 2.2 AA, issue 14). Two browsers run side by side:
//!
//! - axe-core (from npm, copied next to the test host by `scripts/build-host.sh`) checks every
//!   bundled dashboard with its rows open, in the light and the dark theme, and the LLM
//!   dashboard with a panel menu open, a table view and the full-size view: no violations;
//! - a keyboard walk presses real keys and reads what a screen reader would announce from
//!   Chromium's accessibility tree: the Tab order, each picker's value, the pickers, the panel
//!   menu and the full-size view by keyboard, and Escape everywhere; then Chromium's own
//!   pointer over narrow charts, whose tooltips stay whole inside their panels.
//!
//! Ignored by a plain `cargo test`: `scripts/test.sh` builds the page and the test host and
//! runs it with `--ignored`, `OBS_E2E_DIST` and `OBS_E2E_HOST`.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

mod axe;
mod keyboard;
mod pointer;

use obs_e2e::Harness;

/// History in the test Prometheus: the dashboards' default ranges are a few hours at most.
const BACKFILL_SECS: u64 = 4 * 3600;

/// The LLM serving dashboard, where the walk and the views are checked.
pub const LLM: &str = "/?project=customer-support-llm&dashboard=dashboard-1-llm-serving";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the page and the test host built: run scripts/test.sh"]
async fn the_page_is_accessible() {
    let axe_source = obs_e2e::axe::source().unwrap();
    let harness = Harness::start(BACKFILL_SECS).await.unwrap();
    let second = harness.new_tab().await.unwrap();
    let (checked, walked) = tokio::join!(axe::every_view(&harness, &axe_source), async {
        keyboard::walk(&second).await?;
        pointer::tooltip_is_whole(&second).await
    });
    if checked.is_err() {
        harness
            .screenshot(&std::env::temp_dir().join("obs-a11y-axe-failure.png"))
            .await;
    }
    if walked.is_err() {
        second
            .screenshot(&std::env::temp_dir().join("obs-a11y-keyboard-failure.png"))
            .await;
    }
    let _ = second.close().await;
    harness.stop().await.unwrap();
    let failures: Vec<String> = [checked, walked]
        .into_iter()
        .filter_map(Result::err)
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
