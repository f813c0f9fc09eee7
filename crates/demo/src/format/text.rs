//! The Prometheus text exposition format 0.0.4: what a scrape of `/metrics` returns.

use std::fmt::Write as _;

use crate::catalog::{Catalog, MetricKind};

use super::{push_help, push_value};

/// Every series of the catalog alive at `at_ms`, without timestamps (Prometheus stamps each
/// sample with the scrape time).
pub(crate) fn render(catalog: &Catalog, at_ms: i64) -> String {
    let mut out = String::with_capacity(256 * catalog.series_count());
    for family in catalog.families() {
        let mut alive = family
            .series
            .iter()
            .filter(|series| series.alive.contains(at_ms))
            .peekable();
        if alive.peek().is_none() {
            continue;
        }
        let _ = write!(out, "# HELP {} ", family.name);
        push_help(&mut out, family.help);
        let _ = writeln!(out, "\n# TYPE {} {}", family.name, kind(family.kind));
        for series in alive {
            out.push_str(&series.sample_name);
            out.push_str(&series.labels);
            out.push(' ');
            push_value(&mut out, (series.value)(at_ms));
            out.push('\n');
        }
    }
    out
}

fn kind(kind: MetricKind) -> &'static str {
    match kind {
        MetricKind::Counter => "counter",
        MetricKind::Gauge => "gauge",
        MetricKind::Histogram => "histogram",
    }
}
