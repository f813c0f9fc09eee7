//! The validated dashboard: what the rest of the code works with.
//!
//! [`load_document`] is the way in (the page reads through [`read_found`], which leaves the
//! options of a few panel kinds to decode later: [`Pending`]). It finds the dashboards of a document, decodes every
//! part once, resolves `$ref`s and typed plugin options, and reports each problem as a
//! [`Diagnostic`] with its path. A broken part never breaks the dashboard: a panel whose
//! options do not decode becomes [`PanelKind::Invalid`], a panel kind this viewer does not draw
//! becomes [`PanelKind::Unsupported`], a grid item that points nowhere becomes
//! [`GridContent::Missing`]. Only a document that holds no dashboard at all is an error.

pub mod compact;
mod deferred;
mod layouts;
mod lenient;
mod names;
mod panels;
mod parse;
mod problems;
mod references;
pub mod repeat;
mod variable_model;
mod variables;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::duration::Duration;
use crate::envelope::{self, Envelope};
use crate::spec::common::{DatasourceSelector, Link};
use crate::spec::datasource::DatasourceSpec;
use crate::spec::layout::ItemRepeat;
use crate::spec::panels::{
    bar::BarChartSpec, gauge::GaugeChartSpec, heatmap::HeatMapChartSpec,
    histogram::HistogramChartSpec, markdown::MarkdownSpec, pie::PieChartSpec, stat::StatChartSpec,
    status_history::StatusHistoryChartSpec, table::TableSpec, time_series::TimeSeriesChartSpec,
    time_series_table::TimeSeriesTableSpec,
};
use crate::spec::query::PrometheusQuerySpec;

pub use deferred::{Decoded, DeferredKind, DeferredOptions, Pending};
pub use names::validate_name;
pub use problems::{Problem, ProblemKind, Severity};
pub use variable_model::{ListSource, ListVariable, Variable, VariableKind};

/// One dashboard of a document and the problems found in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Shared, so that the page runs the dashboard its catalog keeps without a copy.
    pub dashboard: Arc<Dashboard>,
    pub problems: Vec<Problem>,
    /// Where the dashboard spec is in the document (`spec`, `spec.config`, `items[2].spec`…),
    /// for tools that report their own findings under it.
    pub spec_path: crate::diagnostic::Path,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
    }
}

/// The dashboard of one found resource, with its problems.
pub fn load_found(found: &envelope::Found<'_>) -> Loaded {
    parse::load(found).decode_all()
}

/// The dashboard of one found resource, the options of its [`DeferredKind`] panels still to
/// decode (the page decodes them with the code of the chunk that draws them).
pub fn read_found(found: &envelope::Found<'_>) -> Pending {
    parse::load(found)
}

/// The tags of a found resource, as its dashboard would have them, without reading the rest.
pub fn summary_tags(found: &envelope::Found<'_>) -> Vec<String> {
    parse::summary_tags(found)
}

/// Every dashboard in a document (a resource, a List, or an array of resources). Each entry is
/// either a loaded dashboard or the reason that resource is not a dashboard at all.
pub fn load_document(document: &Value) -> Vec<Result<Loaded, Diagnostic>> {
    envelope::find_dashboards(document)
        .into_iter()
        .map(|found| found.map(|found| parse::load(&found).decode_all()))
        .collect()
}

/// A validated dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub envelope: Envelope,
    /// `metadata.name`.
    pub name: String,
    /// The Perses project, which is the namespace for a PersesDashboard.
    pub project: Option<String>,
    pub tags: Vec<String>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    /// The default time range, `1h` unless the dashboard says otherwise.
    pub duration: Duration,
    /// The default refresh interval; `None` means no automatic refresh.
    pub refresh_interval: Option<Duration>,
    /// `None` or `"local"` means the browser's time zone.
    pub timezone: Option<String>,
    pub datasources: BTreeMap<String, DatasourceSpec>,
    pub variables: Vec<Variable>,
    pub panels: BTreeMap<String, Panel>,
    pub layouts: Vec<Layout>,
    pub links: Vec<Link>,
}

impl Dashboard {
    /// The title to show: the display name, else the resource name.
    pub fn title(&self) -> &str {
        self.display_name
            .as_deref()
            .filter(|name| !name.is_empty())
            .unwrap_or(&self.name)
    }

    pub fn panel(&self, key: &str) -> Option<&Panel> {
        self.panels.get(key)
    }
}

/// A panel with typed options.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The panel's key in `spec.panels`.
    pub key: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub hide_header: bool,
    pub kind: PanelKind,
    pub queries: Vec<Query>,
    pub links: Vec<Link>,
}

impl Panel {
    /// The title to show: the display name, else the panel key.
    pub fn title(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.key)
    }
}

/// What a panel draws, with its typed options. The one closed set every panel view matches on.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelKind {
    TimeSeriesChart(Box<TimeSeriesChartSpec>),
    StatChart(Box<StatChartSpec>),
    GaugeChart(Box<GaugeChartSpec>),
    BarChart(Box<BarChartSpec>),
    PieChart(Box<PieChartSpec>),
    Table(Box<TableSpec>),
    TimeSeriesTable(Box<TimeSeriesTableSpec>),
    Markdown(Box<MarkdownSpec>),
    StatusHistoryChart(Box<StatusHistoryChartSpec>),
    HeatMapChart(Box<HeatMapChartSpec>),
    HistogramChart(Box<HistogramChartSpec>),
    /// A kind this viewer does not draw (logs, traces, profiles, or a third-party plugin).
    Unsupported {
        kind: String,
    },
    /// A known kind whose options could not be read.
    Invalid {
        kind: String,
        problem: Diagnostic,
    },
    /// A kind whose options are still to decode ([`Pending`]); on the page, one whose code
    /// did not download.
    Deferred(Box<DeferredOptions>),
}

impl PanelKind {
    /// The Perses plugin name.
    pub fn name(&self) -> &str {
        match self {
            Self::TimeSeriesChart(_) => "TimeSeriesChart",
            Self::StatChart(_) => "StatChart",
            Self::GaugeChart(_) => "GaugeChart",
            Self::BarChart(_) => "BarChart",
            Self::PieChart(_) => "PieChart",
            Self::Table(_) => "Table",
            Self::TimeSeriesTable(_) => "TimeSeriesTable",
            Self::Markdown(_) => "Markdown",
            Self::StatusHistoryChart(_) => "StatusHistoryChart",
            Self::HeatMapChart(_) => "HeatMapChart",
            Self::HistogramChart(_) => "HistogramChart",
            Self::Unsupported { kind } | Self::Invalid { kind, .. } => kind,
            Self::Deferred(options) => options.kind.name(),
        }
    }

    /// The format the panel shows its values in, for views of its raw data (the table view):
    /// the y axis' of a time series chart, the `format` of the kinds that have one. Kinds whose
    /// values have no single unit (tables, status history, histograms' counts) have none.
    pub fn value_format(&self) -> Option<&crate::spec::common::Format> {
        match self {
            Self::TimeSeriesChart(spec) => spec.y_axis.as_ref()?.format.as_ref(),
            Self::StatChart(spec) => spec.format.as_ref(),
            Self::GaugeChart(spec) => spec.format.as_ref(),
            Self::BarChart(spec) => spec.format.as_ref(),
            Self::PieChart(spec) => spec.format.as_ref(),
            Self::HeatMapChart(spec) => spec.count_format.as_ref(),
            Self::Table(_)
            | Self::TimeSeriesTable(_)
            | Self::Markdown(_)
            | Self::StatusHistoryChart(_)
            | Self::HistogramChart(_)
            | Self::Unsupported { .. }
            | Self::Invalid { .. }
            | Self::Deferred(_) => None,
        }
    }
}

/// One query of a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    Prometheus(PrometheusQuery),
    /// A query type or plugin this viewer does not run (traces, logs, ...).
    Unsupported {
        query_kind: String,
        plugin_kind: String,
    },
    /// A Prometheus query whose options could not be read.
    Invalid {
        plugin_kind: String,
        problem: Diagnostic,
    },
}

/// A PromQL query with its options. The PromQL is kept as written: variables are
/// interpolated when the query is planned.
#[derive(Debug, Clone, PartialEq)]
pub struct PrometheusQuery {
    pub name: Option<String>,
    pub datasource: Option<DatasourceSelector>,
    pub query: String,
    pub series_name_format: Option<String>,
    /// The smallest step as written: empty, a duration, or a `$variable`.
    pub min_step: Option<String>,
    pub instant: Option<bool>,
}

impl From<(Option<String>, PrometheusQuerySpec)> for PrometheusQuery {
    fn from((name, spec): (Option<String>, PrometheusQuerySpec)) -> Self {
        Self {
            name,
            datasource: spec.datasource,
            query: spec.query,
            series_name_format: spec.series_name_format,
            min_step: spec.min_step.filter(|step| !step.is_empty()),
            instant: spec.instant,
        }
    }
}

/// A layout of the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    Grid(GridLayout),
    /// A layout kind this viewer does not draw yet (Tabs).
    Unsupported {
        kind: String,
    },
}

/// A group of panels on the 24-column grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridLayout {
    pub title: Option<String>,
    /// `None`: the group cannot collapse; `Some(open)`: its initial state.
    pub collapse: Option<bool>,
    pub items: Vec<GridItem>,
    pub repeat_variable: Option<String>,
}

/// A panel's place in a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridItem {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    pub content: GridContent,
    pub repeat: Option<ItemRepeat>,
}

/// What a grid item shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridContent {
    /// The panel with this key, which exists in `Dashboard::panels`.
    Panel(String),
    /// A reference that does not resolve, kept so the page can say so in its place.
    Missing { reference: String },
}

#[cfg(test)]
mod value_format_tests;
