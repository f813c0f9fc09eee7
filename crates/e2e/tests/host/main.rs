//! The plugin inside a stand-in for the ODH shell: the test host of `tests/host`, built from
//! ODH's own federation runtime, React, React Router and PatternFly, loads the built page as the
//! module-federation remote `observabilityWasm` exactly as the shell does, in headless Chromium,
//! against the development backend and a real Prometheus.
//!
//! Two browsers run side by side: one walks through what a user does in the shell (the nav
//! item, the project from the route and from memory, navigation both ways, the theme, the area
//! flag, the entry's contract); the other mounts and unmounts the page 50 times and compares
//! what the page holds. Then missing files show their error and retry, and a stopped module
//! says so in place.
//!
//! Ignored by a plain `cargo test`: `scripts/test.sh` builds the page and the host and runs it
//! with `--ignored`, `OBS_E2E_DIST` and `OBS_E2E_HOST`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.
#![allow(clippy::print_stdout)] // The leak figures are reported.

mod cluster;
mod faults;
mod leaks;
mod looks;
mod walk;

use obs_e2e::{Harness, Tab};

/// History in the test Prometheus: the dashboards' default ranges are a few hours at most.
const BACKFILL_SECS: u64 = 4 * 3600;
/// Where the plugin's route is in the shell.
pub const BASE: &str = "/observe-and-monitor/observability";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the page and the test host built: run scripts/test.sh"]
async fn the_odh_shell_loads_the_plugin() {
    let harness = Harness::start_in_host(BACKFILL_SECS).await.unwrap();
    let second = harness.new_tab().await.unwrap();
    let (walk, leaks) = tokio::join!(
        walk_through_the_shell(&harness),
        leaks::mount_and_unmount(&second)
    );
    let faults = match walk {
        Ok(()) => match faults::missing_files_show_an_error_and_a_retry(&harness).await {
            Ok(()) => faults::a_stopped_module_says_so_in_place(&harness).await,
            failed => failed,
        },
        Err(_) => Ok(()),
    };
    if walk.is_err() || faults.is_err() {
        harness
            .screenshot(&std::env::temp_dir().join("obs-host-failure.png"))
            .await;
    }
    if leaks.is_err() {
        second
            .screenshot(&std::env::temp_dir().join("obs-host-leaks-failure.png"))
            .await;
    }
    let _ = second.close().await;
    harness.stop().await.unwrap();
    walk.unwrap();
    leaks.unwrap();
    faults.unwrap();
}

async fn walk_through_the_shell(harness: &Harness) -> Result<(), String> {
    walk::the_entry_keeps_its_contract(harness).await?;
    walk::the_nav_item_opens_the_page_with_data(harness).await?;
    walk::the_project_comes_from_the_route_then_from_memory(harness).await?;
    walk::navigation_goes_both_ways_without_a_remount(harness).await?;
    looks::the_theme_follows_the_host_live(harness).await?;
    looks::the_styles_of_shell_and_page_stay_apart(harness).await?;
    looks::the_area_flag_hides_the_plugin(harness).await?;
    cluster::cluster_dashboards_are_for_administrators(harness).await?;
    Ok(())
}

/// Opens the shell at `path` and waits until it has loaded its remotes.
pub async fn open_shell(tab: &Tab, path: &str) -> Result<(), String> {
    tab.goto(path).await?;
    tab.wait_until("the shell has loaded its remotes", || async {
        tab.eval_bool("return !!document.querySelector('[data-test-host=ready]')")
            .await
    })
    .await
}

pub async fn wait_for_page(tab: &Tab) -> Result<(), String> {
    tab.wait_until("the plugin's page mounts in the shell", || async {
        tab.eval_bool("return !!document.querySelector('.obs-root--embedded .obs-toolbar')")
            .await
    })
    .await
}

pub async fn wait_for_location(tab: &Tab, what: &str, check: &str) -> Result<String, String> {
    let script = format!("const here = location.pathname + location.search; return {check};");
    tab.wait_until(what, || async { tab.eval_bool(&script).await })
        .await?;
    tab.location().await
}

/// The browser's address and the host router's location agree.
pub async fn router_in_step(tab: &Tab) -> Result<(), String> {
    tab.wait_until("the host's router follows the address", || async {
        tab.eval_bool(
            "return obsHostRouterLocation() === location.pathname + location.search + location.hash",
        )
        .await
    })
    .await
}
