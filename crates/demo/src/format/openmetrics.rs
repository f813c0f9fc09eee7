//! OpenMetrics with timestamps, for `promtool tsdb create-blocks-from openmetrics`.
//!
//! The file is written family by family and, within a family, series by series with every step
//! of the series in time order: promtool appends each series' samples in file order and rejects
//! one that goes back in time, and OpenMetrics wants each family's samples together under one
//! `# TYPE` line.

use std::io::{self, Write};

use crate::catalog::{Catalog, Family, MetricKind, Series, Span};

use super::{push_help, push_value};

/// Writes the samples of every series at every step `start_ms + k × step_ms` up to `end_ms`
/// (inclusive) while the series is alive, then `# EOF`.
pub(crate) fn write_history(
    out: &mut impl Write,
    catalog: &Catalog,
    start_ms: i64,
    end_ms: i64,
    step_ms: i64,
) -> io::Result<()> {
    if step_ms <= 0 || end_ms < start_ms {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "history needs start_ms <= end_ms and step_ms > 0 \
                 (got {start_ms}, {end_ms}, {step_ms})"
            ),
        ));
    }
    let grid = Grid {
        start_ms,
        end_ms,
        step_ms,
    };
    let mut chunk = String::with_capacity(1 << 16);
    for family in catalog.families() {
        let mut series = family
            .series
            .iter()
            .filter(|series| grid.steps(series.alive).next().is_some())
            .peekable();
        if series.peek().is_none() {
            continue;
        }
        chunk.clear();
        push_family_header(&mut chunk, family);
        out.write_all(chunk.as_bytes())?;
        for series in series {
            chunk.clear();
            push_series(&mut chunk, series, &grid);
            out.write_all(chunk.as_bytes())?;
        }
    }
    out.write_all(b"# EOF\n")
}

/// The sampling steps of the history.
struct Grid {
    start_ms: i64,
    end_ms: i64,
    step_ms: i64,
}

impl Grid {
    /// The steps at which a series alive during `alive` has a sample.
    fn steps(&self, alive: Span) -> impl Iterator<Item = i64> + '_ {
        let from_ms = alive.start_ms.max(self.start_ms);
        let to_ms = alive.end_ms.saturating_sub(1).min(self.end_ms);
        // The first step at or after `from_ms`: ceiling division of a non-negative offset.
        let first = (from_ms - self.start_ms + self.step_ms - 1).div_euclid(self.step_ms);
        (first..)
            .map(move |index| self.start_ms + index * self.step_ms)
            .take_while(move |at_ms| *at_ms <= to_ms)
    }
}

fn push_family_header(out: &mut String, family: &Family) {
    let (name, kind) = openmetrics_type(family);
    out.push_str("# HELP ");
    out.push_str(name);
    out.push(' ');
    push_help(out, family.help);
    out.push_str("\n# TYPE ");
    out.push_str(name);
    out.push(' ');
    out.push_str(kind);
    out.push('\n');
}

/// The family name and type for OpenMetrics, where a counter family drops the `_total` of its
/// samples. A counter whose samples lack `_total` (OpenVINO's `ovms_requests_success`) is not a
/// valid OpenMetrics counter, so it is declared `unknown`; its samples are the same.
fn openmetrics_type(family: &Family) -> (&str, &'static str) {
    match family.kind {
        MetricKind::Counter => match family.name.strip_suffix("_total") {
            Some(name) => (name, "counter"),
            None => (family.name.as_str(), "unknown"),
        },
        MetricKind::Gauge => (family.name.as_str(), "gauge"),
        MetricKind::Histogram => (family.name.as_str(), "histogram"),
    }
}

fn push_series(out: &mut String, series: &Series, grid: &Grid) {
    for at_ms in grid.steps(series.alive) {
        out.push_str(&series.sample_name);
        out.push_str(&series.labels);
        out.push(' ');
        push_value(out, (series.value)(at_ms));
        out.push(' ');
        push_timestamp(out, at_ms);
        out.push('\n');
    }
}

/// Seconds since the epoch, with milliseconds only when there are any.
fn push_timestamp(out: &mut String, at_ms: i64) {
    use std::fmt::Write as _;
    let (secs, millis) = (at_ms.div_euclid(1_000), at_ms.rem_euclid(1_000));
    let _ = if millis == 0 {
        write!(out, "{secs}")
    } else {
        write!(out, "{secs}.{millis:03}")
    };
}
