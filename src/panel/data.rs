//! A panel's data: its queries planned for its width, sent once the panel has been seen, and
//! their states gathered for the frame and the body.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::{Dashboard, Panel, PrometheusQuery, Query};
use obs_core::interpolate::VariableValue;
use obs_core::plan::{PlanContext, PlanError, default_query_kind, plan_query};
use obs_core::prometheus::{QueryKind, QueryResult};
use obs_core::scope::DashboardHome;

use crate::api::{QueryKey, QueryState, use_prom_query};
use crate::state::time::TimeState;
use crate::state::variables::VariablesState;

/// Everything a panel view needs of the dashboard at run time.
#[derive(Clone)]
pub struct PanelContext {
    pub dashboard: Arc<Dashboard>,
    pub time: TimeState,
    pub variables: VariablesState,
    pub project: Signal<String>,
    pub utc_offset_secs: i64,
    /// Where the dashboard lives: the default datasource's route follows it.
    pub home: DashboardHome,
    /// Variables held to one value here: inside a copy of a repeated group or panel, the
    /// repeat's variable holds that copy's value.
    pub bound: Arc<BTreeMap<String, VariableValue>>,
}

impl PanelContext {
    /// This context with `name` held to `value`, for one copy of a repeat.
    pub fn bind(&self, name: &str, value: &str) -> Self {
        let mut bound = (*self.bound).clone();
        bound.insert(name.to_owned(), VariableValue::Single(value.to_owned()));
        Self {
            bound: Arc::new(bound),
            ..self.clone()
        }
    }

    /// The value of a variable here: its bound value, else its current one.
    pub fn value_of(&self, name: &str) -> Option<VariableValue> {
        match self.bound.get(name) {
            Some(value) => Some(value.clone()),
            None => self
                .variables
                .values
                .with(|values| values.get(name).cloned()),
        }
    }

    /// Calls `use_plan` with the planning context of this moment: reads (and so tracks) the
    /// variables, the project and the range. `pending` are the variables not ready yet.
    pub fn with_plan_context<T>(
        &self,
        pending: &BTreeSet<String>,
        use_plan: impl FnOnce(&PlanContext<'_>) -> T,
    ) -> T {
        let mut values = self.variables.values.get();
        values.extend(
            self.bound
                .iter()
                .map(|(name, value)| (name.clone(), value.clone())),
        );
        let unbound: BTreeSet<String>;
        let pending = if self.bound.is_empty() {
            pending
        } else {
            unbound = obs_core::sort::btree_set(
                pending
                    .iter()
                    .filter(|name| !self.bound.contains_key(*name))
                    .cloned(),
            );
            &unbound
        };
        let project = self.project.get();
        let range = self.time.panel_range.get();
        use_plan(&PlanContext {
            dashboard: &self.dashboard,
            range,
            now_ms: range.end_ms,
            values: &values,
            pending,
            project: &project,
            utc_offset_secs: self.utc_offset_secs,
            live_edge: self.time.is_live(),
            home: self.home,
        })
    }
}

/// One query of a panel and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryView {
    /// The query as the dashboard writes it.
    pub definition: String,
    /// The PromQL as sent, once planned.
    pub sent: Option<String>,
    pub series_name_format: Option<String>,
    pub status: QueryStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QueryStatus {
    /// Not sent: the panel has not been seen or measured yet.
    Idle,
    /// Not sent: these variables are not ready.
    Waiting(Vec<String>),
    /// Cannot be sent (an invalid minStep, an unsupported query type).
    Unplannable(String),
    Loading,
    Done {
        result: Arc<QueryResult>,
        reloading: bool,
    },
    Failed(String),
}

impl QueryStatus {
    /// Whether a reply is still to come: sent and not answered, or answered and sent again.
    pub fn in_flight(&self) -> bool {
        matches!(
            self,
            Self::Loading
                | Self::Done {
                    reloading: true,
                    ..
                }
        )
    }
}

/// The queries of `panel`, following the time range, the variables and the panel's width.
/// Nothing is sent until `seen` is true and `width_px` is known.
pub fn use_panel_queries(
    panel: &Panel,
    context: &PanelContext,
    seen: ReadSignal<bool>,
    width_px: ReadSignal<Option<u32>>,
) -> Signal<Vec<QueryView>> {
    let default_kind = default_query_kind(&panel.kind);
    let views: Vec<Signal<QueryView>> = panel
        .queries
        .iter()
        .map(|query| match query {
            Query::Prometheus(query) => {
                prometheus_query(query.clone(), default_kind, context.clone(), seen, width_px)
            }
            Query::Unsupported {
                query_kind,
                plugin_kind,
            } => {
                let view = QueryView {
                    definition: String::new(),
                    sent: None,
                    series_name_format: None,
                    status: QueryStatus::Unplannable(format!(
                        "{query_kind} with {plugin_kind} is not supported"
                    )),
                };
                Signal::derive(move || view.clone())
            }
            Query::Invalid { problem, .. } => {
                let view = QueryView {
                    definition: String::new(),
                    sent: None,
                    series_name_format: None,
                    status: QueryStatus::Unplannable(problem.to_string()),
                };
                Signal::derive(move || view.clone())
            }
        })
        .collect();
    Signal::derive(move || views.iter().map(|view| view.get()).collect())
}

fn prometheus_query(
    query: PrometheusQuery,
    default_kind: QueryKind,
    context: PanelContext,
    seen: ReadSignal<bool>,
    width_px: ReadSignal<Option<u32>>,
) -> Signal<QueryView> {
    let definition = query.query.clone();
    let failed = context.variables.failed;
    let plan = Memo::new(move |_| {
        if !seen.get() {
            return Ok(None);
        }
        let Some(width) = width_px.get() else {
            return Ok(None);
        };
        let pending = context.variables.pending.get();
        context.with_plan_context(&pending, |plan_context| {
            plan_query(&query, default_kind, width.max(1), plan_context).map(|planned| {
                let key = QueryKey::new(
                    &planned.request,
                    plan_context.project,
                    context.time.now().get(),
                );
                Some((key, planned.request.promql, planned.series_name_format))
            })
        })
    });
    let state = use_prom_query(Signal::derive(move || {
        plan.get().ok().flatten().map(|(key, _, _)| key)
    }));
    Signal::derive(move || {
        let (sent, series_name_format, status) = match plan.get() {
            // Waiting for a variable that failed would be forever: say why instead.
            Err(PlanError::Waiting { variables }) => match failed_among(failed, &variables) {
                Some(reason) => (None, None, QueryStatus::Unplannable(reason)),
                None => (None, None, QueryStatus::Waiting(variables)),
            },
            Err(error) => (None, None, QueryStatus::Unplannable(error.to_string())),
            Ok(None) => (None, None, QueryStatus::Idle),
            Ok(Some((_, promql, format))) => (Some(promql), format, status_of(state.get())),
        };
        QueryView {
            definition: definition.clone(),
            sent,
            series_name_format,
            status,
        }
    })
}

/// Why a query waiting for `variables` never will run, if one of them failed.
fn failed_among(failed: Memo<BTreeMap<String, String>>, variables: &[String]) -> Option<String> {
    failed.with(|failed| {
        variables.iter().find_map(|name| {
            failed
                .get(name)
                .map(|reason| format!("needs ${name}, which could not be loaded: {reason}"))
        })
    })
}

fn status_of(state: QueryState) -> QueryStatus {
    match state.outcome {
        None => QueryStatus::Loading,
        Some(Ok(result)) => QueryStatus::Done {
            result,
            reloading: state.loading,
        },
        Some(Err(message)) => QueryStatus::Failed(message),
    }
}
