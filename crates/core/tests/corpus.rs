//! Every real dashboard of the corpus loads with zero errors, and its panels get the kinds
//! the corpus' SOURCES.md counts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.
#![cfg(feature = "yaml")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use obs_core::dashboard::{PanelKind, Severity, load_document};
use obs_core::source::{SourceFormat, parse_documents};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/perses")
}

#[test]
fn every_corpus_dashboard_loads_without_errors() {
    let mut files = 0;
    let mut dashboards = 0;
    let mut panels_by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut unsupported: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(format) = SourceFormat::from_file_name(&name) else {
            continue;
        };
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let documents = match parse_documents(&text, format) {
            Ok(documents) => documents,
            Err(error) => {
                failures.push(format!("{name}: {error}"));
                continue;
            }
        };
        for document in &documents {
            for loaded in load_document(document) {
                let loaded = match loaded {
                    Ok(loaded) => loaded,
                    Err(error) => {
                        failures.push(format!("{name}: {error}"));
                        continue;
                    }
                };
                dashboards += 1;
                for problem in &loaded.problems {
                    if problem.severity == Severity::Error {
                        failures.push(format!("{name}: {problem}"));
                    }
                }
                for panel in loaded.dashboard.panels.values() {
                    *panels_by_kind
                        .entry(panel.kind.name().to_owned())
                        .or_default() += 1;
                    match &panel.kind {
                        PanelKind::Unsupported { kind } => {
                            *unsupported.entry(kind.clone()).or_default() += 1;
                        }
                        PanelKind::Invalid { problem, .. } => {
                            failures.push(format!("{name}: {problem}"));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!((files, dashboards), (34, 34));
    let expected: BTreeMap<String, usize> = [
        ("TimeSeriesChart", 301),
        ("StatChart", 100),
        ("GaugeChart", 27),
        ("Table", 24),
        ("Markdown", 17),
        ("BarChart", 3),
        ("LogsTable", 2),
        ("PieChart", 1),
        ("TraceTable", 1),
        ("ScatterChart", 1),
        ("TimeSeriesTable", 1),
    ]
    .into_iter()
    .map(|(kind, count)| (kind.to_owned(), count))
    .collect();
    assert_eq!(panels_by_kind, expected);
    assert_eq!(panels_by_kind.values().sum::<usize>(), 478);
    let logs_and_traces: BTreeMap<String, usize> =
        [("LogsTable", 2), ("ScatterChart", 1), ("TraceTable", 1)]
            .into_iter()
            .map(|(kind, count)| (kind.to_owned(), count))
            .collect();
    assert_eq!(unsupported, logs_and_traces);
}

/// The page reads a dashboard with its chunked kinds' options left for their chunks, which
/// decode them through the public `DeferredOptions::decode`, then puts each chunk's results in
/// as they come (`Pending::resolve`): for every corpus dashboard, in the reverse order, that
/// is the dashboard and the problems native tools get (`load_found`). The order itself is
/// checked against a written one in `dashboard/deferred_tests.rs`.
#[test]
fn every_corpus_dashboard_resolves_as_it_loads_at_once() {
    use obs_core::dashboard::{Decoded, DeferredKind, DeferredOptions, load_found, read_found};
    use obs_core::envelope::find_dashboards;

    fn as_a_chunk(options: &DeferredOptions) -> Decoded {
        match options.kind {
            DeferredKind::Table => options.decode(PanelKind::Table),
            DeferredKind::BarChart => options.decode(PanelKind::BarChart),
            DeferredKind::PieChart => options.decode(PanelKind::PieChart),
            DeferredKind::StatusHistoryChart => options.decode(PanelKind::StatusHistoryChart),
            DeferredKind::HeatMapChart => options.decode(PanelKind::HeatMapChart),
            DeferredKind::HistogramChart => options.decode(PanelKind::HistogramChart),
        }
    }

    let mut deferred = 0;
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(format) = SourceFormat::from_file_name(&name) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for document in parse_documents(&text, format).unwrap() {
            for found in find_dashboards(&document).into_iter().flatten() {
                let at_once = load_found(&found);
                let pending = read_found(&found);
                let mut decoded: Vec<_> = pending
                    .deferred()
                    .map(|(key, options)| (key.to_owned(), as_a_chunk(options)))
                    .collect();
                // The query kind read from the options as written is the decoded options'.
                for (key, options) in pending.deferred() {
                    let decoded = &at_once.dashboard.panels[key].kind;
                    if !matches!(decoded, PanelKind::Invalid { .. }) {
                        assert_eq!(
                            options.query_kind(),
                            obs_core::plan::default_query_kind(decoded),
                            "{name}: {key}"
                        );
                    }
                }
                deferred += decoded.len();
                decoded.reverse();
                let resolved = pending.resolve(decoded);
                assert_eq!(resolved.dashboard, at_once.dashboard, "{name}");
                assert_eq!(resolved.problems, at_once.problems, "{name}");
            }
        }
    }
    // The corpus has tables, bar, pie and status history charts.
    assert!(deferred > 10, "{deferred} deferred panels");
}
