//! The two text formats as Prometheus and promtool read them, and their agreement.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::test_support::{
    DAY_START_MS, HOUR_MS, Sample, is_metric_name, parse_sample, parse_samples,
};
use crate::{exposition, write_openmetrics_history};

/// Moments with different sets of series: night, a training run, the wait between runs, and
/// office hours.
const MOMENTS_MS: [i64; 4] = [
    DAY_START_MS + 2 * HOUR_MS,
    DAY_START_MS + 4 * HOUR_MS + 1_800_000,
    DAY_START_MS + 10 * HOUR_MS + 123,
    DAY_START_MS + 23 * HOUR_MS,
];

fn history(start_ms: i64, end_ms: i64, step_ms: i64) -> String {
    let mut out = Vec::new();
    write_openmetrics_history(&mut out, start_ms, end_ms, step_ms).unwrap();
    String::from_utf8(out).unwrap()
}

/// The family a sample belongs to, given the kind its `# TYPE` declared.
fn family_of<'a>(sample_name: &'a str, kind: &str) -> &'a str {
    match kind {
        "histogram" => ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|s| sample_name.strip_suffix(s))
            .unwrap_or(sample_name),
        "counter" => sample_name.strip_suffix("_total").unwrap_or(sample_name),
        _ => sample_name,
    }
}

/// Checks the structure shared by both formats: HELP then TYPE once per family, then only that
/// family's samples, each series once per timestamp. Returns the number of samples.
fn check_structure(text: &str, counter_family_drops_total: bool) -> usize {
    let mut declared = HashSet::new();
    let mut current: Option<(String, String)> = None;
    let mut seen = HashSet::new();
    let mut samples = 0;
    for line in text.lines() {
        if let Some(help) = line.strip_prefix("# HELP ") {
            let name = help.split(' ').next().unwrap();
            assert!(is_metric_name(name), "{line}");
        } else if let Some(declaration) = line.strip_prefix("# TYPE ") {
            let (name, kind) = declaration.split_once(' ').unwrap();
            assert!(
                ["counter", "gauge", "histogram", "unknown"].contains(&kind),
                "{line}"
            );
            assert!(declared.insert(name.to_owned()), "second # TYPE for {name}");
            current = Some((name.to_owned(), kind.to_owned()));
        } else if line == "# EOF" {
            current = None;
        } else {
            let sample = parse_sample(line).unwrap_or_else(|error| panic!("{error}: {line}"));
            let (family, kind) = current
                .as_ref()
                .unwrap_or_else(|| panic!("sample outside a family: {line}"));
            // The text format declares counters by sample name; OpenMetrics drops `_total`.
            let expected = match kind.as_str() {
                "histogram" => family_of(&sample.name, kind),
                "counter" if counter_family_drops_total => family_of(&sample.name, kind),
                _ => sample.name.as_str(),
            };
            assert_eq!(expected, family, "{line}");
            let at = sample.timestamp_secs.map(f64::to_bits);
            assert!(seen.insert((sample.key(), at)), "duplicate sample {line}");
            // Every series names its job and instance, so scraped samples continue the backfill.
            for label in ["job", "instance", "namespace"] {
                assert!(!sample.label(label).is_empty(), "no {label}: {line}");
            }
            samples += 1;
        }
    }
    samples
}

#[test]
fn exposition_is_valid_text_format() {
    for at_ms in MOMENTS_MS {
        let text = exposition(at_ms);
        let samples = check_structure(&text, false);
        assert!(
            (300..=1_500).contains(&samples),
            "{samples} series at {at_ms}"
        );
        assert!(
            text.lines()
                .filter(|line| !line.starts_with('#'))
                .all(|line| parse_sample(line).unwrap().timestamp_secs.is_none())
        );
    }
}

#[test]
fn history_is_valid_openmetrics() {
    let start_ms = DAY_START_MS + 4 * HOUR_MS;
    let text = history(start_ms, start_ms + HOUR_MS, 30_000);
    assert!(text.ends_with("\n# EOF\n"));
    assert!(text.contains("# TYPE vllm:request_success counter\n"));
    assert!(text.contains("# TYPE ovms_requests_success unknown\n"));
    check_structure(&text, true);
    // promtool appends each series in file order: its timestamps must increase.
    let mut last_secs: HashMap<String, f64> = HashMap::new();
    for sample in parse_samples(&text) {
        let at_secs = sample.timestamp_secs.unwrap();
        if let Some(previous) = last_secs.insert(sample.key(), at_secs) {
            assert!(at_secs > previous, "{} goes back in time", sample.key());
        }
    }
}

#[test]
fn history_agrees_with_live_exposition() {
    // An ordinary hour, and the end of a training run (series disappear at 04:20).
    for (start_ms, steps) in [
        (DAY_START_MS + HOUR_MS, 8),
        (DAY_START_MS + 4 * HOUR_MS + 15 * 60_000, 20),
    ] {
        let step_ms = 30_000;
        let text = history(start_ms, start_ms + (steps - 1) * step_ms, step_ms);
        let mut by_time: BTreeMap<i64, BTreeMap<String, f64>> = BTreeMap::new();
        for sample in parse_samples(&text) {
            let at_ms = (sample.timestamp_secs.unwrap() * 1_000.0).round() as i64;
            by_time
                .entry(at_ms)
                .or_default()
                .insert(sample.key(), sample.value);
        }
        assert_eq!(by_time.len(), steps as usize);
        for (at_ms, history_values) in by_time {
            let live: BTreeMap<String, f64> = parse_samples(&exposition(at_ms))
                .into_iter()
                .map(|s| (s.key(), s.value))
                .collect();
            assert_eq!(live, history_values, "at {at_ms}");
        }
    }
}

#[test]
fn histograms_are_cumulative_and_end_at_their_count() {
    for at_ms in MOMENTS_MS {
        let mut buckets: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
        let mut counts: HashMap<String, f64> = HashMap::new();
        for sample in parse_samples(&exposition(at_ms)) {
            if sample.name.ends_with("_bucket") {
                let le = parse_sample(&format!("x {}", sample.label("le")))
                    .unwrap()
                    .value;
                buckets
                    .entry(sample.histogram_key())
                    .or_default()
                    .push((le, sample.value));
            } else if sample.name.ends_with("_count") {
                counts.insert(sample.histogram_key(), sample.value);
            }
        }
        // Three per vLLM pod and family (4 pods × 2 families: end to end, first token, per
        // output token), three for OVMS.
        assert_eq!(buckets.len(), 27);
        for (key, mut rows) in buckets {
            rows.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(
                rows.windows(2).all(|pair| pair[0].1 <= pair[1].1),
                "{key} not cumulative: {rows:?}"
            );
            assert_eq!(
                rows.last().map(|row| row.0),
                Some(f64::INFINITY),
                "{key} lacks +Inf"
            );
            assert_eq!(
                rows.last().map(|row| row.1),
                counts.get(&key).copied(),
                "{key}: +Inf differs from _count"
            );
        }
    }
}

#[test]
fn invalid_history_arguments_are_rejected() {
    for (start_ms, end_ms, step_ms) in [(0, 10, 0), (0, 10, -5), (10, 0, 1)] {
        let error =
            write_openmetrics_history(&mut Vec::new(), start_ms, end_ms, step_ms).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    }
}

#[test]
fn samples_parse_back_to_what_was_written() {
    // Spot checks of label values that dashboards match exactly.
    let samples: Vec<Sample> = parse_samples(&exposition(MOMENTS_MS[0]));
    let le_values: HashSet<&str> = samples
        .iter()
        .filter(|s| s.name == "kserve_vllm:e2e_request_latency_seconds_bucket")
        .map(|s| s.label("le"))
        .collect();
    for le in ["1.0", "5.0", "30.0", "+Inf"] {
        assert!(le_values.contains(le), "no le=\"{le}\"");
    }
    assert!(
        samples
            .iter()
            .any(|s| s.name == "ovms_request_time_us_bucket" && s.label("le") == "1474755971")
    );
}
