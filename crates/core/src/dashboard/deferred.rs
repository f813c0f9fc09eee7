//! Panel kinds whose options are read after the rest of their dashboard.
//!
//! The page downloads the code of a few panel kinds only when a dashboard has them (its
//! WebAssembly chunks). Their option decoders are large (a table's columns, cell settings and
//! transforms most of all), so they live in those chunks too: reading a dashboard leaves these
//! panels [`PanelKind::Deferred`] in a [`Pending`], the page decodes their options with the
//! chunk's code, and [`Pending::resolve`] puts the results in. Native tools, which have all the
//! code at once, call [`Pending::decode_all`] (`load_document` does). Either way the result is
//! the same dashboard, with its problems in the same order, as the tests below check.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::lenient::decode_leniently;
use super::problems::Problems;
use super::{Loaded, PanelKind, Problem, Severity};
use crate::diagnostic::Path;
use crate::prometheus::QueryKind;

/// The panel kinds whose options are decoded after the dashboard is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DeferredKind {
    Table,
    BarChart,
    PieChart,
    StatusHistoryChart,
    HeatMapChart,
    HistogramChart,
}

impl DeferredKind {
    pub(super) fn of(plugin_kind: &str) -> Option<Self> {
        Some(match plugin_kind {
            "Table" => Self::Table,
            "BarChart" => Self::BarChart,
            "PieChart" => Self::PieChart,
            "StatusHistoryChart" => Self::StatusHistoryChart,
            "HeatMapChart" => Self::HeatMapChart,
            "HistogramChart" => Self::HistogramChart,
            _ => return None,
        })
    }

    /// The Perses plugin name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Table => "Table",
            Self::BarChart => "BarChart",
            Self::PieChart => "PieChart",
            Self::StatusHistoryChart => "StatusHistoryChart",
            Self::HeatMapChart => "HeatMapChart",
            Self::HistogramChart => "HistogramChart",
        }
    }
}

/// A panel plugin's options, kept as written until the code that reads them is at hand.
#[derive(Debug, Clone, PartialEq)]
pub struct DeferredOptions {
    pub kind: DeferredKind,
    options: Value,
    /// The options' path in the document, for their problems.
    path: Path,
    /// How many problems the dashboard had when these options were reached: theirs go there.
    problems_at: usize,
}

impl DeferredOptions {
    pub(super) fn new(kind: DeferredKind, options: Value, path: Path, problems_at: usize) -> Self {
        Self {
            kind,
            options,
            path,
            problems_at,
        }
    }

    /// Decodes the options as `T`, the panel kind `wrap` makes of them, exactly as the rest of
    /// the dashboard's panels were decoded (an option that does not decode is dropped with a
    /// warning; options that cannot be read make the panel invalid).
    ///
    /// Generic, so that each chunk compiles the decoders of its own kinds only.
    pub fn decode<T: DeserializeOwned>(&self, wrap: fn(Box<T>) -> PanelKind) -> Decoded {
        let mut problems = Problems::default();
        let kind = match decode_leniently::<T>(&self.options, &self.path, &mut problems) {
            Ok(options) => wrap(Box::new(options)),
            Err(error) => {
                problems.push(Severity::Error, error.clone());
                PanelKind::Invalid {
                    kind: self.kind.name().to_owned(),
                    problem: error,
                }
            }
        };
        Decoded {
            kind,
            problems: problems.0,
            problems_at: self.problems_at,
        }
    }

    /// The kind of query the panel runs by default (`plan::default_query_kind`), read from the
    /// options as written: a table with a column that embeds a panel (a sparkline) needs the
    /// history; a histogram shows the latest. The same as from the decoded options whenever
    /// they decode (checked over the corpus).
    pub fn query_kind(&self) -> QueryKind {
        match self.kind {
            DeferredKind::Table => {
                let embeds_a_panel = self
                    .options
                    .get("columnSettings")
                    .and_then(Value::as_array)
                    .is_some_and(|columns| {
                        columns.iter().any(|column| {
                            column
                                .get("plugin")
                                .and_then(|plugin| plugin.get("kind"))
                                .is_some_and(Value::is_string)
                        })
                    });
                if embeds_a_panel {
                    QueryKind::Range
                } else {
                    QueryKind::Instant
                }
            }
            DeferredKind::HistogramChart => QueryKind::Instant,
            DeferredKind::BarChart
            | DeferredKind::PieChart
            | DeferredKind::StatusHistoryChart
            | DeferredKind::HeatMapChart => QueryKind::Range,
        }
    }

    /// Decodes the options with every kind's decoder at hand (native tools).
    fn decode_here(&self) -> Decoded {
        match self.kind {
            DeferredKind::Table => self.decode(PanelKind::Table),
            DeferredKind::BarChart => self.decode(PanelKind::BarChart),
            DeferredKind::PieChart => self.decode(PanelKind::PieChart),
            DeferredKind::StatusHistoryChart => self.decode(PanelKind::StatusHistoryChart),
            DeferredKind::HeatMapChart => self.decode(PanelKind::HeatMapChart),
            DeferredKind::HistogramChart => self.decode(PanelKind::HistogramChart),
        }
    }
}

/// One panel's options decoded, with the problems found in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    kind: PanelKind,
    problems: Vec<Problem>,
    problems_at: usize,
}

/// A dashboard read but for the options of its deferred panels, which are still
/// [`PanelKind::Deferred`], and not yet checked for undefined variables.
///
/// It holds its dashboard alone (not shared as in [`Loaded`]), so that resolving changes it in
/// place; a page that runs a copy while the chunks decode pays for that copy itself.
#[derive(Debug, Clone)]
pub struct Pending {
    dashboard: super::Dashboard,
    problems: Vec<Problem>,
    spec_path: Path,
}

impl Pending {
    pub(super) fn new(
        dashboard: super::Dashboard,
        problems: Vec<Problem>,
        spec_path: Path,
    ) -> Self {
        Self {
            dashboard,
            problems,
            spec_path,
        }
    }

    /// The panels whose options are still to decode, by panel key, in the dashboard's order.
    pub fn deferred(&self) -> impl Iterator<Item = (&str, &DeferredOptions)> {
        self.dashboard
            .panels
            .iter()
            .filter_map(|(key, panel)| match &panel.kind {
                PanelKind::Deferred(options) => Some((key.as_str(), options.as_ref())),
                _ => None,
            })
    }

    /// The dashboard with the given panels' options in place, each panel's problems where
    /// reading it in one go would have put them. A deferred panel missing from `decoded` (its
    /// code did not download) stays [`PanelKind::Deferred`].
    pub fn resolve(self, decoded: Vec<(String, Decoded)>) -> Loaded {
        let Self {
            mut dashboard,
            problems,
            spec_path,
        } = self;
        let mut problems = Problems(problems);
        let mut decoded = decoded;
        // Panels are read in key order, so this is the order their problems were reached in;
        // inserting from the last keeps the earlier positions valid.
        crate::sort::sort_by(&mut decoded, |(a_key, a), (b_key, b)| {
            (a.problems_at, a_key).cmp(&(b.problems_at, b_key))
        });
        for (key, decoded) in decoded.into_iter().rev() {
            let Some(panel) = dashboard.panels.get_mut(&key) else {
                continue;
            };
            if !matches!(panel.kind, PanelKind::Deferred(_)) {
                continue;
            }
            panel.kind = decoded.kind;
            let at = decoded.problems_at.min(problems.0.len());
            problems.0.splice(at..at, decoded.problems);
        }
        super::references::check(&dashboard, &spec_path, &mut problems);
        Loaded {
            dashboard: Arc::new(dashboard),
            problems: problems.0,
            spec_path,
        }
    }

    /// The dashboard with every deferred panel's options decoded here: what native tools (the
    /// CLI, the development backend) and [`super::load_document`] give.
    pub fn decode_all(self) -> Loaded {
        let decoded = self
            .deferred()
            .map(|(key, options)| (key.to_owned(), options.decode_here()))
            .collect();
        self.resolve(decoded)
    }
}

#[cfg(test)]
#[path = "deferred_tests.rs"]
mod tests;
