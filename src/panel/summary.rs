//! What a panel's queries amount to, in one typed value: its state, how many series came
//! back, and the newest sample. The panel's data attributes (`data-state`, `data-series`,
//! `data-latest-ms`), which tests and the benchmark watch, are read from it.

use super::data::{QueryStatus, QueryView};

/// The panel's data state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelState {
    /// Nothing sent yet: not seen, or not measured.
    Idle,
    /// Waiting for variables.
    Waiting,
    Loading,
    /// A query failed or cannot be sent; the panel says why.
    Error,
    Ready,
}

impl PanelState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Waiting => "waiting",
            Self::Loading => "loading",
            Self::Error => "error",
            Self::Ready => "ready",
        }
    }
}

/// A panel's queries, summed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueriesSummary {
    pub state: PanelState,
    /// Series the queries returned.
    pub series: usize,
    /// The newest sample's time in unix milliseconds.
    pub latest_ms: Option<i64>,
}

pub fn summarize(queries: &[QueryView]) -> QueriesSummary {
    let any =
        |matches: fn(&QueryStatus) -> bool| queries.iter().any(|query| matches(&query.status));
    let state = if queries.is_empty() {
        PanelState::Ready
    } else if any(QueryStatus::in_flight) {
        PanelState::Loading
    } else if any(|status| matches!(status, QueryStatus::Failed(_) | QueryStatus::Unplannable(_))) {
        PanelState::Error
    } else if queries
        .iter()
        .all(|query| matches!(query.status, QueryStatus::Done { .. }))
    {
        PanelState::Ready
    } else if any(|status| matches!(status, QueryStatus::Waiting(_))) {
        PanelState::Waiting
    } else {
        PanelState::Idle
    };
    let results = queries.iter().filter_map(|query| match &query.status {
        QueryStatus::Done { result, .. } => Some(result),
        _ => None,
    });
    // A series of native histograms counts as one, its newest histogram as a sample.
    let series = results
        .clone()
        .map(|result| result.series.len() + result.native.len())
        .sum();
    let latest_float_ms = results
        .clone()
        .flat_map(|result| result.series.iter())
        .filter_map(|series| series.samples.last())
        .map(|sample| sample.time_ms);
    let latest_native_ms = results
        .flat_map(|result| result.native.iter())
        .filter_map(|series| series.points.last())
        .map(|point| point.time_ms);
    let latest_ms = latest_float_ms.chain(latest_native_ms).max();
    QueriesSummary {
        state,
        series,
        latest_ms,
    }
}
