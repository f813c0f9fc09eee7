//! Mounting and unmounting the page many times leaves nothing behind.

use super::{open_shell, wait_for_page};
use obs_e2e::Tab;
use obs_e2e::leaks::Figures;

/// Visits of the leak test; `OBS_HOST_CYCLES` asks for more when hunting a slow leak.
fn cycles() -> usize {
    std::env::var("OBS_HOST_CYCLES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(50)
        .max(5)
}

/// Mounts the page and leaves it [`cycles`] times, and compares what the page holds with the
/// plugin unmounted after a few cycles (warm) and after the last.
pub async fn mount_and_unmount(tab: &Tab) -> Result<(), String> {
    let total = cycles();
    tab.install_probe().await?;
    open_shell(tab, "/").await?;
    let shell_only = tab.figures().await?;
    let mut rows = vec![
        Figures::header(),
        shell_only.row("shell, before the plugin"),
    ];
    let mut warm = None;
    let mut mounted_rows = Vec::new();
    for cycle in 1..=total {
        tab.click_js("obsHostNavLink('Observability')").await?;
        wait_for_page(tab).await?;
        // Every other visit leaves before the data arrives, so requests in flight get aborted.
        if cycle % 2 == 1 {
            tab.wait_for_panel_data("Requests").await?;
        }
        if cycle == 3 || cycle == total - 1 {
            mounted_rows.push(tab.figures().await?.row(&format!("mounted, visit {cycle}")));
        }
        tab.click_js("obsHostNavLink('Home')").await?;
        tab.wait_until("the page is gone", || async {
            tab.eval_bool("return !document.querySelector('.obs-root') && observabilityWasm.diagnostics().mountedPages === 0")
                .await
        })
        .await?;
        if cycle == 3 || cycle == total {
            wait_quiet(tab).await?;
            let figures = tab.figures().await?;
            rows.push(figures.row(&format!("left, after visit {cycle}")));
            if cycle == 3 {
                warm = Some(figures);
            } else {
                rows.extend(mounted_rows.iter().cloned());
                println!(
                    "\nThe plugin mounted and unmounted {total} times in the shell:\n{}\n",
                    rows.join("\n")
                );
                let warm = warm.unwrap_or_default();
                return compare(&shell_only, &warm, &figures, total);
            }
        }
    }
    Ok(())
}

/// Waits until the page has no request in flight (aborted requests settle a moment later).
async fn wait_quiet(tab: &Tab) -> Result<(), String> {
    tab.wait_until("no request is in flight", || async {
        tab.eval_bool("return window.obsProbe.counts().fetches === 0")
            .await
    })
    .await
}

/// After the last cycle the page holds no more than after the warm-up: no listener, observer,
/// interval, node or request more, and memory within 2 MiB. What grows at all is V8's
/// compiled code and the allocator settling, and it levels off: 0.7 MiB over 47 visits,
/// 1.2 MiB over 197, and 0.4 MiB over 97 with V8's optimising compilers off
/// (`OBS_CHROMIUM_ARGS="--js-flags=--no-opt,--no-sparkplug,--no-maglev"`). A page that leaked
/// 50 KB a visit would pass 2 MiB within the 47.
fn compare(
    shell_only: &Figures,
    warm: &Figures,
    last: &Figures,
    total: usize,
) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut check = |what: &str, grew: bool| {
        if grew {
            problems.push(what.to_owned());
        }
    };
    check("event listeners", last.listeners > warm.listeners);
    check("observers", last.observers > shell_only.observers);
    check("intervals", last.intervals > shell_only.intervals);
    check("requests in flight", last.fetches > 0);
    check("animation frames", last.frames > warm.frames);
    check("DOM nodes", last.nodes > warm.nodes + 20);
    check(
        "JS heap + wasm memory",
        last.memory_bytes() > warm.memory_bytes() + 2 * 1_048_576,
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "after {total} visits these grew: {}\nwarm: {warm:?}\nlast: {last:?}",
            problems.join(", ")
        ))
    }
}
