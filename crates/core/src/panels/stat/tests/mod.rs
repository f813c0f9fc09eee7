//! Tests of the stat chart's `prepare`, with the helpers they share.

mod model;
mod values;

use super::*;
use crate::panels::test_support::{output, series};

/// A small stand-in for JavaScript's RegExp: `/^prefix/` matches a prefix; any other pattern
/// must equal the whole text (Perses anchors bare patterns). The match is replaced whole.
struct TestPatterns;

impl PatternEngine for TestPatterns {
    fn replace(&self, pattern: &str, text: &str, replacement: &str) -> Option<String> {
        match pattern.strip_prefix("/^").and_then(|p| p.strip_suffix('/')) {
            Some(prefix) => text
                .strip_prefix(prefix)
                .map(|rest| format!("{replacement}{rest}")),
            None => (pattern == text).then(|| replacement.to_owned()),
        }
    }
}

const NAN: f64 = f64::NAN;
const BASE: &str = "#3d7317";
const STEP_0: &str = "#ffcc00";
const STEP_1: &str = "#dca614";

fn spec(value: serde_json::Value) -> StatChartSpec {
    serde_json::from_value(value).unwrap()
}

fn run(options: serde_json::Value, outputs: &[QueryOutput], limit: usize) -> StatModel {
    prepare(
        &spec(options),
        outputs,
        &ThresholdPalette::patternfly_light(),
        &TestPatterns,
        limit,
    )
}

/// The one item of a panel over one series with these labels and values.
fn item(options: serde_json::Value, labels: &[(&str, &str)], values: &[f64]) -> StatItem {
    let model = run(
        options,
        &[output(0, vec![series(labels, values)], None)],
        10,
    );
    model.items.into_iter().next().unwrap()
}
