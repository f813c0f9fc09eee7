//! The core against Perses' own code: thousands of generated cases of unit formatting,
//! variable interpolation and query steps, answered by the npm @perses-dev packages in
//! headless Chromium (so Intl is a browser's, as on Perses' page) and by the core natively.
//! Every case must agree, or differ in a way `deviations` lists with its reason.
//!
//! Ignored by a plain `cargo test`: `scripts/test.sh` bundles Perses' functions
//! (`scripts/build-perses-diff.sh`) and runs it with `--ignored` and `OBS_PERSES_DIFF`.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

mod cases;
mod deviations;
mod ours;

use std::collections::BTreeMap;

use cases::{Case, Family};
use deviations::Perses;
use obs_e2e::BareBrowser;
use serde_json::Value;

/// Cases sent to the browser per script call.
const BATCH: usize = 2_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Perses' functions bundled: run scripts/test.sh"]
async fn the_core_agrees_with_perses() {
    let bundle_path = std::env::var("OBS_PERSES_DIFF")
        .expect("OBS_PERSES_DIFF: the bundle of scripts/build-perses-diff.sh");
    let bundle = std::fs::read_to_string(&bundle_path)
        .unwrap_or_else(|error| panic!("{bundle_path}: {error}"));
    let cases: Vec<Case> = [
        cases::format_cases(),
        cases::interpolate_cases(),
        cases::step_cases(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let perses = perses_answers(&bundle, &cases).await.unwrap();
    assert_eq!(perses.len(), cases.len(), "Perses answered every case");

    let mut counts: BTreeMap<Family, (usize, usize)> = BTreeMap::new();
    let mut explained: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut unexplained = Vec::new();
    for (case, theirs) in cases.iter().zip(&perses) {
        let ours = ours::answer(&case.input);
        let count = counts.entry(case.family).or_default();
        count.0 += 1;
        if ours == theirs.answer {
            count.1 += 1;
        } else if let Some(deviation) = deviations::explain(&case.input, &ours, theirs) {
            *explained.entry(deviation.id).or_default() += 1;
        } else {
            unexplained.push(format!(
                "{}: {}\n    core:   {ours:?}\n    Perses: {:?}",
                case.family.name(),
                case.input,
                theirs.answer
            ));
        }
    }
    for (family, (total, equal)) in &counts {
        eprintln!(
            "{:>13}: {total} cases, {equal} equal to Perses",
            family.name()
        );
    }
    for deviation in deviations::TABLE {
        eprintln!(
            "  deliberate, {}: {} cases ({})",
            deviation.id,
            explained.get(deviation.id).copied().unwrap_or(0),
            deviation.reason
        );
    }
    // All of them, for an investigation: OBS_PERSES_DIFF_REPORT=<file>.
    if let Ok(path) = std::env::var("OBS_PERSES_DIFF_REPORT") {
        std::fs::write(&path, unexplained.join("\n")).unwrap();
    }
    assert!(
        unexplained.is_empty(),
        "{} cases differ from Perses and are not listed as deliberate (first 40):\n{}",
        unexplained.len(),
        unexplained
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // A listed deviation no case shows any more is stale: the table must say what is true.
    let stale: Vec<&str> = deviations::TABLE
        .iter()
        .map(|deviation| deviation.id)
        .filter(|id| !explained.contains_key(id))
        .collect();
    assert!(stale.is_empty(), "deviations no case shows: {stale:?}");
}

/// Perses' answer to every case, from its functions bundled and run in headless Chromium.
async fn perses_answers(bundle: &str, cases: &[Case]) -> Result<Vec<Perses>, String> {
    let browser = BareBrowser::start().await?;
    let tab = &browser.tab;
    let loaded = tab
        .eval(&format!("{bundle}\nreturn typeof persesDiff;"), Vec::new())
        .await;
    let mut answers = Vec::with_capacity(cases.len());
    let outcome = match loaded {
        Ok(kind) if kind == "function" => {
            let mut outcome = Ok(());
            for batch in cases.chunks(BATCH) {
                let inputs: Vec<Value> = batch.iter().map(|case| case.input.clone()).collect();
                match tab
                    .eval(
                        "return persesDiff(arguments[0]);",
                        vec![Value::Array(inputs)],
                    )
                    .await
                {
                    Ok(Value::Array(batch)) => {
                        answers.extend(batch.iter().map(|answer| Perses {
                            answer: answer["answer"].as_str().unwrap_or_default().to_owned(),
                            literal: answer["literal"].as_str().map(str::to_owned),
                        }));
                    }
                    Ok(other) => {
                        outcome = Err(format!("persesDiff answered {other}"));
                        break;
                    }
                    Err(error) => {
                        outcome = Err(error);
                        break;
                    }
                }
            }
            outcome
        }
        Ok(kind) => Err(format!(
            "the bundle defines no persesDiff function ({kind})"
        )),
        Err(error) => Err(error),
    };
    let stopped = browser.stop().await;
    outcome.and(stopped).map(|()| answers)
}
