//! Planning: from a panel's query (or a variable's source) and the dashboard's state to the
//! exact request to send, as Perses would build it: variables and builtins interpolated, the
//! step chosen for the panel's width, start and end aligned. Nothing is sent here.

use std::collections::{BTreeMap, BTreeSet};

use crate::dashboard::{Dashboard, PanelKind, PrometheusQuery};
use crate::duration::Duration;
use crate::format::js_number_to_string;
use crate::interpolate::{VariableValue, interpolate, referenced_variables};
use crate::prometheus::{PromQuery, QueryKind};
use crate::scope::{DashboardHome, QueryScope, query_scope};
use crate::spec::common::DatasourceSelector;
use crate::spec::datasource::{PROMETHEUS_DATASOURCE, PrometheusDatasourceSpec};
use crate::step::{DEFAULT_SCRAPE_INTERVAL, live_window, query_window, suggested_step_ms};
use crate::time_range::AbsoluteRange;

/// What planning needs to know about the page.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    pub dashboard: &'a Dashboard,
    /// The dashboard's time range, resolved.
    pub range: AbsoluteRange,
    /// The current time, for queries that Perses evaluates "now".
    pub now_ms: i64,
    /// Interpolation values of the dashboard variables that are ready.
    pub values: &'a BTreeMap<String, VariableValue>,
    /// Dashboard variables that are not ready (loading, failed or cyclic).
    pub pending: &'a BTreeSet<String>,
    /// The user's project: the `namespace` of every request.
    pub project: &'a str,
    /// JavaScript's `getTimezoneOffset() × 60`, for Perses' step alignment.
    pub utc_offset_secs: i64,
    /// The range ends now and refreshes itself: windows end at now instead of at a multiple of
    /// the step (see [`crate::step::live_window`]).
    pub live_edge: bool,
    /// Where the dashboard lives: it decides the default datasource's route.
    pub home: DashboardHome,
}

impl PlanContext<'_> {
    /// The route of a query or variable that names `selector`.
    pub fn scope(&self, selector: Option<&DatasourceSelector>) -> QueryScope {
        query_scope(selector, self.dashboard, self.home, |name| {
            match self.values.get(name) {
                Some(VariableValue::Single(value)) => Some(value.clone()),
                Some(VariableValue::Multiple(values)) => values.first().cloned(),
                None => None,
            }
        })
    }
}

/// Why a query cannot be sent yet, or at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// It uses variables that are not ready; it is planned again when they are.
    Waiting { variables: Vec<String> },
    /// `minStep` does not name a duration once interpolated.
    InvalidMinStep { text: String, message: String },
    /// It uses variables the dashboard does not define: it would go out with `$name` in it.
    Undefined { variables: Vec<String> },
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Waiting { variables } => write!(f, "waiting for ${}", variables.join(", $")),
            Self::InvalidMinStep { text, message } => write!(f, "minStep {text:?}: {message}"),
            Self::Undefined { variables } => write!(
                f,
                "uses ${}, which this dashboard does not define",
                variables.join(", $")
            ),
        }
    }
}

/// A panel query ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedQuery {
    pub request: PromQuery,
    /// `seriesNameFormat` with variables interpolated.
    pub series_name_format: Option<String>,
}

/// Whether a panel kind runs range or instant queries by default (a query's `instant` wins).
pub fn default_query_kind(kind: &PanelKind) -> QueryKind {
    match kind {
        PanelKind::Table(table) => {
            // A column that embeds a panel (a sparkline) needs the history.
            if table
                .column_settings
                .iter()
                .any(|column| column.plugin.is_some())
            {
                QueryKind::Range
            } else {
                QueryKind::Instant
            }
        }
        // A histogram chart shows one histogram, the latest, as Perses' does.
        PanelKind::TimeSeriesTable(_) | PanelKind::HistogramChart(_) => QueryKind::Instant,
        // Options not decoded yet: read from them as written, so that the panel's queries go
        // out while the chunk that decodes them downloads.
        PanelKind::Deferred(options) => options.query_kind(),
        _ => QueryKind::Range,
    }
}

/// Plans one panel query for a panel `width_px` wide.
pub fn plan_query(
    query: &PrometheusQuery,
    panel_kind: QueryKind,
    width_px: u32,
    context: &PlanContext<'_>,
) -> Result<PlannedQuery, PlanError> {
    let texts = [
        Some(query.query.as_str()),
        query.min_step.as_deref(),
        query.series_name_format.as_deref(),
    ];
    wait_for(texts.into_iter().flatten(), context)?;
    let dashboard_values = dashboard_builtins(context);
    let lookup = |name: &str| {
        dashboard_values
            .get(name)
            .or_else(|| context.values.get(name))
    };
    let min_step = match query.min_step.as_deref() {
        Some(text) => {
            let interpolated = interpolate(text, lookup);
            interpolated
                .parse::<Duration>()
                .map_err(|error| PlanError::InvalidMinStep {
                    text: interpolated.clone(),
                    message: error.to_string(),
                })?
        }
        None => scrape_interval(query.datasource.as_ref(), context),
    };
    let mut window = query_window(
        context.range,
        min_step,
        suggested_step_ms(context.range, width_px),
        context.utc_offset_secs,
    );
    if context.live_edge {
        window = live_window(window, context.range);
    }
    let query_values: BTreeMap<&str, VariableValue> = crate::sort::btree_map(
        [
            // Perses writes step × 1000 as JavaScript prints it: a step below a second
            // can make it fractional (654.3).
            (
                "__interval_ms",
                js_number_to_string(window.step_secs * 1000.0),
            ),
            (
                "__interval",
                Duration::from_millis(window.interval_ms().unsigned_abs()).to_perses_string(),
            ),
            (
                "__rate_interval",
                Duration::from_millis(window.rate_interval_ms().unsigned_abs()).to_perses_string(),
            ),
        ]
        .into_iter()
        .map(|(name, value)| (name, VariableValue::Single(value))),
    );
    let lookup_all = |name: &str| query_values.get(name).or_else(|| lookup(name));
    let promql = interpolate(&query.query, lookup_all);
    let kind = match query.instant {
        Some(true) => QueryKind::Instant,
        Some(false) => QueryKind::Range,
        None => panel_kind,
    };
    let request = match kind {
        QueryKind::Range => PromQuery {
            kind,
            promql,
            start_secs: window.start_secs,
            end_secs: window.end_secs,
            step_secs: window.step_secs,
            scope: context.scope(query.datasource.as_ref()),
        },
        QueryKind::Instant => PromQuery::instant(promql, window.end_secs)
            .with_scope(context.scope(query.datasource.as_ref())),
    };
    let series_name_format = query
        .series_name_format
        .as_deref()
        .map(|format| interpolate(format, lookup));
    Ok(PlannedQuery {
        request,
        series_name_format,
    })
}

/// Interpolates any text of the dashboard (a panel title, a Markdown panel, a link) with the
/// variables and the dashboard builtins; references to pending variables stay as written.
pub fn interpolate_text(text: &str, context: &PlanContext<'_>) -> String {
    let dashboard_values = dashboard_builtins(context);
    interpolate(text, |name| {
        dashboard_values
            .get(name)
            .or_else(|| context.values.get(name))
    })
}

/// The variables every query can use without defining them.
pub const BUILTIN_VARIABLES: [&str; 10] = [
    "__from",
    "__to",
    "__range",
    "__range_s",
    "__range_ms",
    "__interval",
    "__interval_ms",
    "__rate_interval",
    "__dashboard",
    "__project",
];

/// Whether a `$name` in a text is a dashboard variable reference at all: `$1` in a PromQL
/// `label_replace` is a regex group, not a variable.
pub fn is_variable_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
}

/// Fails with the variables the texts use that no one defines, else with those not ready.
fn wait_for<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    context: &PlanContext<'_>,
) -> Result<(), PlanError> {
    let mut used: Vec<String> = texts
        .into_iter()
        .flat_map(referenced_variables)
        .filter(|name| is_variable_name(name))
        .collect();
    crate::sort::sort(&mut used);
    used.dedup();
    let (waiting, unknown): (Vec<String>, Vec<String>) = used
        .into_iter()
        .filter(|name| {
            !context.values.contains_key(name) && !BUILTIN_VARIABLES.contains(&name.as_str())
        })
        .partition(|name| context.pending.contains(name));
    if !unknown.is_empty() {
        Err(PlanError::Undefined { variables: unknown })
    } else if !waiting.is_empty() {
        Err(PlanError::Waiting { variables: waiting })
    } else {
        Ok(())
    }
}

/// `$__from`, `$__to`, `$__range`, `$__range_s`, `$__range_ms`, `$__dashboard`, `$__project`.
fn dashboard_builtins(context: &PlanContext<'_>) -> BTreeMap<&'static str, VariableValue> {
    let range_ms = context.range.duration_ms();
    let project = context
        .dashboard
        .project
        .clone()
        .unwrap_or_else(|| context.project.to_owned());
    crate::sort::btree_map(
        [
            ("__from", context.range.start_ms.to_string()),
            ("__to", context.range.end_ms.to_string()),
            (
                "__range",
                Duration::from_millis(range_ms.unsigned_abs()).to_perses_string(),
            ),
            ("__range_s", format!("{}", range_ms as f64 / 1000.0)),
            ("__range_ms", range_ms.to_string()),
            ("__dashboard", context.dashboard.name.clone()),
            ("__project", project),
        ]
        .into_iter()
        .map(|(name, value)| (name, VariableValue::Single(value))),
    )
}

/// The smallest step a query may use when it sets no `minStep`: its datasource's
/// `scrapeInterval`, else one minute.
fn scrape_interval(selector: Option<&DatasourceSelector>, context: &PlanContext<'_>) -> Duration {
    let datasources = &context.dashboard.datasources;
    let spec = match selector {
        Some(DatasourceSelector::Reference {
            kind,
            name: Some(name),
        }) => datasources
            .get(name)
            .filter(|_| kind == PROMETHEUS_DATASOURCE),
        Some(DatasourceSelector::Variable(variable)) => {
            let name = interpolate_text(variable, context);
            datasources.get(&name)
        }
        Some(DatasourceSelector::Reference { name: None, .. }) | None => datasources
            .values()
            .find(|spec| spec.default && spec.plugin.kind == PROMETHEUS_DATASOURCE),
    };
    spec.and_then(|spec| {
        crate::decode::from_value::<PrometheusDatasourceSpec>(&spec.plugin.spec).ok()
    })
    .and_then(|spec| spec.scrape_interval)
    .and_then(|text| text.parse().ok())
    .unwrap_or(DEFAULT_SCRAPE_INTERVAL)
}

#[cfg(test)]
mod tests;
mod variables;

pub use variables::{plan_variable, variable_options};
