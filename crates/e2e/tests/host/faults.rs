//! Files of the remote that do not load: the shell keeps working, the route says what failed
//! and offers a retry.

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
            .wait_until("the error is shown again", || async {
                harness.eval_bool(&alert).await
            })
            .await?;
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
    }
    Ok(())
}
