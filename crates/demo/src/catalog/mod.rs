//! The catalog: every demo series alive in a time window, grouped by metric family, each with
//! the function that computes its value at a timestamp.
//!
//! Deciding which series exist (pods come and go with rollouts and training runs) is separate
//! from computing values, so the history writer can walk family by family and series by series,
//! as OpenMetrics wants, and compute each value directly at each step.

mod labels;

use std::collections::HashMap;
use std::sync::Arc;

pub(crate) use labels::Labels;

use crate::signal::{LatencyHistogram, secs};

/// The kind of a metric family, as written in `# TYPE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MetricKind {
    Counter,
    Gauge,
    Histogram,
}

/// A half-open interval of unix milliseconds, `[start_ms, end_ms)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start_ms: i64,
    pub(crate) end_ms: i64,
}

impl Span {
    pub(crate) const fn new(start_ms: i64, end_ms: i64) -> Self {
        Self { start_ms, end_ms }
    }

    /// The span holding only `at_ms`.
    pub(crate) const fn instant(at_ms: i64) -> Self {
        Self {
            start_ms: at_ms,
            end_ms: at_ms.saturating_add(1),
        }
    }

    pub(crate) const fn contains(&self, at_ms: i64) -> bool {
        self.start_ms <= at_ms && at_ms < self.end_ms
    }

    pub(crate) const fn overlaps(&self, other: Span) -> bool {
        self.start_ms < other.end_ms && other.start_ms < self.end_ms
    }
}

/// Computes a series' value at a unix millisecond.
pub(crate) type ValueFn = Box<dyn Fn(i64) -> f64 + Send + Sync>;

/// One series: its sample name (with `_total`, `_bucket`… as exposed), labels and lifetime.
pub(crate) struct Series {
    pub(crate) sample_name: String,
    /// Rendered `{…}`, computed once per series rather than once per sample.
    pub(crate) labels: String,
    pub(crate) alive: Span,
    pub(crate) value: ValueFn,
}

impl Series {
    fn new(
        sample_name: &str,
        labels: String,
        alive: Span,
        value: impl Fn(i64) -> f64 + Send + Sync + 'static,
    ) -> Self {
        Self {
            sample_name: sample_name.to_owned(),
            labels,
            alive,
            value: Box::new(value),
        }
    }
}

/// A metric family: the name in the text format's `# TYPE` line, its kind and series.
pub(crate) struct Family {
    pub(crate) name: String,
    pub(crate) kind: MetricKind,
    pub(crate) help: &'static str,
    pub(crate) series: Vec<Series>,
}

/// Families in the order they were first added, each with its series.
pub(crate) struct Catalog {
    window: Span,
    families: Vec<Family>,
    index_by_name: HashMap<String, usize>,
}

impl Catalog {
    /// An empty catalog that keeps series alive at some moment of `window`.
    pub(crate) fn new(window: Span) -> Self {
        Self {
            window,
            families: Vec::new(),
            index_by_name: HashMap::new(),
        }
    }

    pub(crate) fn window(&self) -> Span {
        self.window
    }

    pub(crate) fn families(&self) -> &[Family] {
        &self.families
    }

    pub(crate) fn series_count(&self) -> usize {
        self.families.iter().map(|family| family.series.len()).sum()
    }

    pub(crate) fn counter(
        &mut self,
        name: &str,
        help: &'static str,
        labels: &Labels,
        alive: Span,
        value: impl Fn(i64) -> f64 + Send + Sync + 'static,
    ) {
        let family = FamilyKey {
            name,
            kind: MetricKind::Counter,
            help,
        };
        self.push(family, Series::new(name, labels.render(), alive, value));
    }

    pub(crate) fn gauge(
        &mut self,
        name: &str,
        help: &'static str,
        labels: &Labels,
        alive: Span,
        value: impl Fn(i64) -> f64 + Send + Sync + 'static,
    ) {
        let family = FamilyKey {
            name,
            kind: MetricKind::Gauge,
            help,
        };
        self.push(family, Series::new(name, labels.render(), alive, value));
    }

    /// Adds `<name>_bucket` (one per bound and `+Inf`), `<name>_sum` and `<name>_count`, counting
    /// from the start of `alive` (when the pod started).
    pub(crate) fn histogram(
        &mut self,
        name: &str,
        help: &'static str,
        labels: &Labels,
        alive: Span,
        histogram: &Arc<LatencyHistogram>,
    ) {
        let family = FamilyKey {
            name,
            kind: MetricKind::Histogram,
            help,
        };
        let since_secs = secs(alive.start_ms);
        let bucket_name = format!("{name}_bucket");
        for (index, le) in histogram.buckets().le_labels().iter().enumerate() {
            let histogram = Arc::clone(histogram);
            let value = move |at_ms| histogram.bucket(index, since_secs, secs(at_ms));
            let labels = labels.render_with(Some(("le", le)));
            self.push(family, Series::new(&bucket_name, labels, alive, value));
        }
        let for_sum = Arc::clone(histogram);
        let sum = move |at_ms| for_sum.sum(since_secs, secs(at_ms));
        self.push(
            family,
            Series::new(&format!("{name}_sum"), labels.render(), alive, sum),
        );
        let for_count = Arc::clone(histogram);
        let count = move |at_ms| for_count.count(since_secs, secs(at_ms));
        self.push(
            family,
            Series::new(&format!("{name}_count"), labels.render(), alive, count),
        );
    }

    /// Files a series under its family; series never alive in the window are dropped here, so
    /// workloads can add everything they have.
    fn push(&mut self, family: FamilyKey<'_>, series: Series) {
        if !series.alive.overlaps(self.window) {
            return;
        }
        let index = match self.index_by_name.get(family.name) {
            Some(index) => *index,
            None => {
                self.families.push(Family {
                    name: family.name.to_owned(),
                    kind: family.kind,
                    help: family.help,
                    series: Vec::new(),
                });
                let index = self.families.len() - 1;
                self.index_by_name.insert(family.name.to_owned(), index);
                index
            }
        };
        if let Some(family) = self.families.get_mut(index) {
            family.series.push(series);
        }
    }
}

/// What identifies a family when a series is added to it.
#[derive(Clone, Copy)]
struct FamilyKey<'a> {
    name: &'a str,
    kind: MetricKind,
    help: &'static str,
}
