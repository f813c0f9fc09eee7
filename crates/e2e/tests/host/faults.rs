//! Files of the remote that do not load: the shell keeps working, the route says what failed
//! and offers a retry. A module stopped by a trap says so in place, and the shell works on.

use serde_json::json;

use super::{BASE, open_shell, wait_for_page};
use obs_e2e::Harness;

/// Missing files: the route shows the error with a retry, and the rest of the shell works.
pub async fn missing_files_show_an_error_and_a_retry(harness: &Harness) -> Result<(), String> {
    // Without its entry the shell simply has no Observability item.
    harness
        .set_faults(json!({"missingFiles": ["remoteEntry.js"]}))
        .await?;
    open_shell(harness, "/").await?;
    let without_entry = harness
        .eval_bool("return !obsHostNavLink('Observability') && !!obsHostNavLink('Home')")
        .await?;
    harness.set_faults(json!({"missingFiles": []})).await?;
    if !without_entry {
        return Err("without remoteEntry.js the shell must still load, without our item".into());
    }

    for (missing, says) in [("_bg.wasm", "WebAssembly module"), (".css", "style sheet")] {
        harness
            .set_faults(json!({"missingFiles": [missing]}))
            .await?;
        open_shell(harness, &format!("{BASE}/fraud-detection")).await?;
        let alert = format!(
            "const host = document.querySelector('[data-obs-load-state=error]');\
             const alert = host && host.querySelector('[role=alert]');\
             return !!alert && alert.textContent.includes({}) && alert.textContent.includes('404') \
               && !!alert.querySelector('button');",
            json!(says)
        );
        harness
            .wait_until(&format!("a missing {missing} shows an error"), || async {
                harness.eval_bool(&alert).await
            })
            .await?;
        // The rest of the shell keeps working.
        home_and_back(harness, "the error is shown again", &alert).await?;
        // The file comes back; the retry loads the page.
        harness.set_faults(json!({"missingFiles": []})).await?;
        harness
            .click_js("document.querySelector('[data-obs-load-state=error] [role=alert] button')")
            .await?;
        wait_for_page(harness).await?;
        harness
            .wait_until("the retried page shows data", || async {
                harness
                    .eval_bool(
                        "return [...document.querySelectorAll('section.obs-panel')]\
                           .some(p => p.dataset.state === 'ready' && Number(p.dataset.series) > 0)",
                    )
                    .await
            })
            .await?;
        // The retry imported the wasm-bindgen module again under another URL, a second copy;
        // a panel chunk must still find the instance that runs.
        let with_data = "const panel = [...document.querySelectorAll('section.obs-panel')].find(p => \
               p.dataset.kind === 'TimeSeriesChart' && p.dataset.state === 'ready' && Number(p.dataset.series) > 0); \
             return panel ? panel.getAttribute('aria-label') : null;";
        // The page's panels get their data a moment after the page is back.
        harness
            .wait_until("a time series panel shows data after the retry", || async {
                Ok(harness.eval(with_data, Vec::new()).await?.is_string())
            })
            .await?;
        let title = harness.eval(with_data, Vec::new()).await?;
        let title = title
            .as_str()
            .ok_or("no time series panel shows data after the retry")?
            .to_owned();
        harness.open_table_view(&title).await?;
        harness.wait_for_table_rows(&title).await?;
    }
    Ok(())
}

/// The release page turns a panic into a WebAssembly trap, after which the module runs nothing.
/// The entry tells the route, which says so in place with a reload, hides the dead page, and
/// lets the shell navigate away. The shell's other errors are not taken for a trap.
pub async fn a_stopped_module_says_so_in_place(harness: &Harness) -> Result<(), String> {
    open_shell(harness, &format!("{BASE}/fraud-detection")).await?;
    wait_for_page(harness).await?;
    harness
        .throw_later("Error", "a shell script failed")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    if !harness
        .eval_bool("return !!document.querySelector('[data-obs-load-state=ready]') && !observabilityWasm.diagnostics().stopped")
        .await?
    {
        return Err("an error of the shell was taken for a stopped module".into());
    }
    harness
        .throw_later("WebAssembly.RuntimeError", "unreachable")
        .await?;
    harness
        .wait_until("the route says the module stopped", || async {
            harness
                .eval_bool(
                    "const host = document.querySelector('[data-obs-load-state=stopped]');\
                     const alert = host && host.querySelector('[role=alert]');\
                     return !!alert && alert.textContent.includes('stopped because of an internal error')\
                       && alert.textContent.includes('unreachable') && !!alert.querySelector('button')\
                       && host.querySelector('.obs-host__page').hidden\
                       && observabilityWasm.diagnostics().stopped === 'unreachable'",
                )
                .await
        })
        .await?;
    // The shell goes on: its own page opens, and coming back shows the message again.
    home_and_back(
        harness,
        "coming back says the module stopped",
        "return !!document.querySelector('[data-obs-load-state=stopped] [role=alert]')",
    )
    .await?;
    // A reload starts the module again.
    harness
        .click_js("document.querySelector('[data-obs-load-state=stopped] [role=alert] button')")
        .await?;
    wait_for_page(harness).await
}

/// Opens the shell's own Home page, then Observability again, and waits until `check` holds.
async fn home_and_back(harness: &Harness, what: &str, check: &str) -> Result<(), String> {
    harness.click_js("obsHostNavLink('Home')").await?;
    harness
        .wait_until("the shell's own page opens", || async {
            harness
                .eval_bool("return document.querySelector('main h1').textContent === 'Home'")
                .await
        })
        .await?;
    harness.click_js("obsHostNavLink('Observability')").await?;
    harness
        .wait_until(what, || async { harness.eval_bool(check).await })
        .await
}
