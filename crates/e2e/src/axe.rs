//! axe-core in a page: the accessibility rules it runs by default (WCAG 2.0 to 2.2 A and AA,
//! and best practices), from the copy `scripts/build-host.sh` puts next to the test host.

use serde_json::Value;

use crate::Tab;

/// axe-core's source, from the built test host (`OBS_E2E_HOST`).
pub fn source() -> Result<String, String> {
    let host = crate::built_page("OBS_E2E_HOST")?;
    let path = host.join("axe.min.js");
    std::fs::read_to_string(&path).map_err(|error| {
        format!(
            "{}: {error} (scripts/build-host.sh copies axe-core there)",
            path.display()
        )
    })
}

/// Runs axe-core on the whole document; returns one line per violation, with up to five of
/// its elements. `what` names the page in the lines. A run that checked almost nothing is an
/// error: it would prove nothing.
pub async fn violations(tab: &Tab, axe: &str, what: &str) -> Result<Vec<String>, String> {
    tab.eval(&format!("{axe}\nreturn typeof axe;"), Vec::new())
        .await?;
    let outcome = tab
        .eval_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {resultTypes: ['violations']}).then((result) => done({\
               version: axe.version, passed: result.passes.length,\
               violations: result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,\
                 nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' | ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))\
             }), (error) => done({error: String(error)}));",
        )
        .await?;
    if let Some(error) = outcome["error"].as_str() {
        return Err(format!("axe-core failed on {what}: {error}"));
    }
    let passed = outcome["passed"].as_u64().unwrap_or(0);
    if passed < 10 {
        return Err(format!(
            "axe-core passed only {passed} rules on {what}: {outcome}"
        ));
    }
    let mut found = Vec::new();
    for violation in outcome["violations"].as_array().into_iter().flatten() {
        let nodes: Vec<&str> = violation["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        found.push(format!(
            "{what}: {} ({}): {}\n    {}",
            violation["id"].as_str().unwrap_or_default(),
            violation["impact"].as_str().unwrap_or_default(),
            violation["help"].as_str().unwrap_or_default(),
            nodes.join("\n    ")
        ));
    }
    Ok(found)
}
