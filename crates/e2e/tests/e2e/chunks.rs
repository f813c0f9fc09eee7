//! The panel chunks of the release page (src/panel/chunks/mod.rs) as a user meets them: a chunk
//! that does not download fails its panel only, with a message and a Retry that downloads it
//! once the network is back.

use fantoccini::key::Key;
use obs_e2e::Harness;
use serde_json::json;

/// In a browser of its own, so the chunk has not been downloaded before: Chromium refuses the
/// menu, interaction and tables chunks (DevTools' blocked URLs, a real network failure to the
/// page), the open menu says so with a Retry that shows its actions once the menu chunk is let
/// through, an open select (opened by a key) says so with a Retry that shows its options,
/// "View as table"
/// says so in its panel while the other panels keep their data, and Retry draws the table
/// after the block is lifted. The table panel, whose options that chunk reads, says so too,
/// and its Retry reads the dashboard again.
pub async fn a_chunk_that_does_not_download_fails_its_panel_only(
    harness: &Harness,
) -> Result<(), String> {
    let tab = harness.new_tab().await?;
    let outcome = async {
        tab.cdp("Network.enable", json!({})).await?;
        tab.cdp(
            "Network.setBlockedURLs",
            json!({ "urls": ["*-split_tables.wasm", "*-split_menu.wasm", "*-split_interact.wasm"] }),
        )
        .await?;
        tab.open("/").await?;
        tab.wait_for_panel_data("End-to-end latency").await?;
        let title = json!("End-to-end latency");
        // The menu's actions are a chunk too: the open menu says it could not load them, and
        // its Retry shows them once the block is lifted.
        let toggle = format!("obsPanel({title}).querySelector('.obs-panel-menu__toggle').click(); return true");
        tab.eval(&toggle, Vec::new()).await?;
        let menu_failed = format!(
            "const alert = obsPanel({title}).querySelector('.obs-panel-menu__popover [role=alert]'); \
             return !!alert && alert.textContent.includes('The menu could not be loaded') \
               && !!alert.querySelector('button')"
        );
        tab.wait_until("the menu says its actions did not download", || async {
            tab.eval_bool(&menu_failed).await
        })
        .await?;
        // An open select's list is in the interaction chunk: the open select says it could
        // not load it, with a Retry that shows the options once the chunk is let through.
        // Opened from the keyboard (ArrowUp), before the chunk is in.
        tab.eval("obsSelectToggle('Refresh').focus(); return true", Vec::new())
            .await?;
        tab.press(Key::Up, false).await?;
        tab.wait_until("the open select says its list did not download", || async {
            tab.eval_bool(
                "const alert = obsSelect('Refresh').querySelector('.obs-select__menu [role=alert]'); \
                 return !!alert && alert.textContent.includes('The list could not be loaded') \
                   && !!alert.querySelector('button') && !obsOption('Refresh', 'Off')",
            )
            .await
        })
        .await?;
        tab.cdp(
            "Network.setBlockedURLs",
            json!({ "urls": ["*-split_tables.wasm"] }),
        )
        .await?;
        tab.click_js("obsSelect('Refresh').querySelector('.obs-select__menu [role=alert] button')")
            .await?;
        tab.wait_until("the select's Retry shows its options", || async {
            tab.eval_bool("return !!obsOption('Refresh', 'Off') && !!obsOption('Refresh', 'Every 30 seconds')")
                .await
        })
        .await?;
        tab.click_js("obsSelectToggle('Refresh')").await?;
        tab.click_js(&format!(
            "obsPanel({title}).querySelector('.obs-panel-menu__popover [role=alert] button')"
        ))
        .await?;
        // Focus goes to the first action once it is in, as when the menu opens with its chunk.
        let actions = format!(
            "const first = obsPanel({title}).querySelector('.obs-panel-menu__popover .obs-panel-menu__action'); \
             return !!first && document.activeElement === first"
        );
        tab.wait_until("the menu's Retry shows its actions, the first focused", || async {
            tab.eval_bool(&actions).await
        })
        .await?;
        // Closed again, so that choosing an action opens it.
        tab.eval(&toggle, Vec::new()).await?;
        tab.open_table_view("End-to-end latency").await?;
        let failed = format!(
            "const alert = obsPanel({title}).querySelector('.obs-panel__body [role=alert]'); \
             return !!alert && alert.textContent.includes('could not be loaded') \
               && !!alert.querySelector('button') && alert.querySelector('button').textContent === 'Retry'"
        );
        tab.wait_until("the panel says its chunk did not download", || async {
            tab.eval_bool(&failed).await
        })
        .await?;
        // The table panel, whose options the tables chunk reads, says so too.
        let deployments = json!("Model deployments");
        let unread = format!(
            "const p = obsPanel({deployments}); const alert = p && p.querySelector('.obs-panel__body [role=alert]'); \
             return !!alert && alert.textContent.includes('could not be loaded') \
               && !!alert.querySelector('button')"
        );
        tab.wait_until("the table panel says its chunk did not download", || async {
            tab.eval_bool(&unread).await
        })
        .await?;
        // The rest of the page is unaffected.
        tab.wait_for_panel_data("Requests").await?;
        tab.cdp("Network.setBlockedURLs", json!({ "urls": [] }))
            .await?;
        tab.click_js(&format!(
            "obsPanel({title}).querySelector('.obs-panel__body [role=alert] button')"
        ))
        .await?;
        tab.wait_for_table_rows("End-to-end latency").await?;
        // Its Retry reads the dashboard again, now with the tables chunk.
        tab.click_js(&format!(
            "obsPanel({deployments}).querySelector('.obs-panel__body [role=alert] button')"
        ))
        .await?;
        wait_for_table_panel_rows(&tab, "Model deployments").await?;
        tab.wait_for_panel_data("Requests").await
    }
    .await;
    tab.close().await?;
    outcome
}

/// While the tables chunk is on its way, the dashboard runs: the other panels get their data
/// and the table panel, whose options that chunk decodes, says "Loading…" while its queries
/// go out; it draws its rows once the chunk arrives. The page's fetch of the chunk is held back by a script that runs
/// before the page's own, in a browser of its own so the chunk is not cached.
pub async fn a_slow_chunk_holds_back_its_panels_only(harness: &Harness) -> Result<(), String> {
    let tab = harness.new_tab().await?;
    let outcome = async {
        hold_chunk(&tab, "tables").await?;
        tab.open("/").await?;
        tab.wait_for_panel_data("Requests").await?;
        tab.wait_for_panel_data("End-to-end latency").await?;
        let deployments = json!("Model deployments");
        let loading = format!(
            "const p = obsPanel({deployments}); \
             return !!p && !!p.querySelector('.obs-panel__body [data-chunk=loading]') \
               && p.dataset.state === 'ready'"
        );
        // Its queries went out meanwhile, of the kind its options say.
        tab.wait_until(
            "the table panel has its data and says Loading… while its chunk is held",
            || async { tab.eval_bool(&loading).await },
        )
        .await?;
        tab.eval("window.__obsReleaseChunk(); return true", Vec::new())
            .await?;
        wait_for_table_panel_rows(&tab, "Model deployments").await
    }
    .await;
    tab.close().await?;
    outcome
}

/// A chart hovered while the interaction chunk is held back, and gone before the chunk
/// arrives (its row closed): the tooltip that waited for the chunk is not made for a chart
/// that is gone, which would read what went with it (a trap that stopped the whole page), and
/// once the row opens again its chart shows its tooltip. In a browser of its own, so the chunk
/// has not been downloaded before.
pub async fn a_chunk_that_arrives_after_its_place_went_is_not_used(
    harness: &Harness,
) -> Result<(), String> {
    let tab = harness.new_tab().await?;
    let outcome = async {
        hold_chunk(&tab, "interact").await?;
        tab.open("/").await?;
        tab.wait_for_panel_data("End-to-end latency").await?;
        let title = json!("End-to-end latency");
        // A pointer move over the plot, dispatched by the page (no pointer over the document,
        // so the page does not ask for the chunk before the chart does).
        let hover = format!(
            "const plot = obsPanel({title}).querySelector('.obs-ts__plot'); \
             const box = plot.getBoundingClientRect(); \
             plot.dispatchEvent(new PointerEvent('pointermove', {{ bubbles: true, \
               clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }})); \
             return true"
        );
        tab.eval(&hover, Vec::new()).await?;
        tab.wait_until(
            "the hovered chart asks for the interaction chunk",
            || async {
                tab.eval_bool("return window.__obsChunkAsked === true")
                    .await
            },
        )
        .await?;
        // The Latency row's header, open or closed, clicked.
        let toggle_row = |expanded: bool| {
            format!(
                "[...document.querySelectorAll('button.obs-row-header')]\
                 .find(b => b.children[1] && b.children[1].textContent === 'Latency' \
                   && b.getAttribute('aria-expanded') === '{expanded}').click(); return true"
            )
        };
        tab.eval(&toggle_row(true), Vec::new()).await?;
        tab.wait_until("the chart has gone with its row", || async {
            tab.eval_bool(&format!("return !obsPanel({title})")).await
        })
        .await?;
        tab.eval("window.__obsReleaseChunk(); return true", Vec::new())
            .await?;
        // The chunk arrives; the page goes on: its other panels keep their data, and the
        // row opens again with its chart, whose tooltip shows.
        tab.wait_for_panel_data("Requests").await?;
        tab.eval(&toggle_row(false), Vec::new()).await?;
        tab.wait_for_panel_data("End-to-end latency").await?;
        tab.wait_until("the chart, back, shows its tooltip", || async {
            tab.eval(&hover, Vec::new()).await?;
            tab.eval_bool(&format!(
                "const tip = obsPanel({title}).querySelector('.obs-ts__tooltip'); \
                 return !!tip && getComputedStyle(tip).display !== 'none' \
                   && !document.body.innerText.includes('stopped because of an internal error')"
            ))
            .await
        })
        .await
    }
    .await;
    tab.close().await?;
    outcome
}

/// Holds back the page's download of the chunk named `chunk` by a script that runs before the
/// page's own: its fetch waits until `window.__obsReleaseChunk()` is called, and
/// `window.__obsChunkAsked` says that the page asked for it.
async fn hold_chunk(tab: &obs_e2e::Tab, chunk: &str) -> Result<(), String> {
    let hold = format!(
        "const held = new Promise(release => {{ window.__obsReleaseChunk = release; }}); \
         const fetchAsUsual = window.fetch.bind(window); \
         window.fetch = (input, init) => {{ \
           if (!String(input && input.url || input).includes({})) return fetchAsUsual(input, init); \
           window.__obsChunkAsked = true; \
           return held.then(() => fetchAsUsual(input, init)); \
         }};",
        json!(format!("-split_{chunk}.wasm"))
    );
    tab.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": hold }),
    )
    .await
    .map(drop)
}

/// Waits until the table panel titled `title` has drawn rows, its chunk done.
async fn wait_for_table_panel_rows(tab: &obs_e2e::Tab, title: &str) -> Result<(), String> {
    let drawn = format!(
        "const p = obsPanel({}); return !!p && !p.querySelector('[data-chunk]') \
           && p.querySelectorAll('table.obs-table tbody tr').length > 0",
        json!(title)
    );
    tab.wait_until(
        &format!("the table panel {title:?} draws its rows"),
        || async { tab.eval_bool(&drawn).await },
    )
    .await
}
