//! What a panel's queries are doing, shown in its header and, when there is nothing to draw,
//! in its body: loading, waiting for variables, errors with the query that failed, warnings.

use leptos::prelude::*;

use super::data::{QueryStatus, QueryView};
use crate::ids::unique_id;

/// A small indicator in the header: a spinner while loading, a warning sign with the
/// Prometheus warnings in a tooltip.
#[component]
pub fn StatusIndicator(queries: Signal<Vec<QueryView>>) -> impl IntoView {
    // Read in place: the binding below runs on every change of the queries.
    let loading = move || {
        queries.with(|queries| {
            queries.iter().any(|query| {
                matches!(
                    query.status,
                    QueryStatus::Loading
                        | QueryStatus::Done {
                            reloading: true,
                            ..
                        }
                )
            })
        })
    };
    let warnings = move || {
        queries.with(|queries| {
            queries
                .iter()
                .filter_map(|query| match &query.status {
                    QueryStatus::Done { result, .. } => Some(result.warnings.clone()),
                    _ => None,
                })
                .flatten()
                .collect::<Vec<_>>()
        })
    };
    let tooltip_id = unique_id("warnings");
    // One binding for the spinner and the warnings, which follow the same queries.
    move || {
        let spinner = loading().then(|| view! {
            <span class="obs-spinner obs-spinner--small" role="status" aria-label="Loading"></span>
        });
        let warnings = warnings();
        let warnings = (!warnings.is_empty()).then(|| {
                let count = warnings.len();
                view! {
                    <span class="obs-tooltip-anchor">
                        <button
                            class="obs-button obs-button--plain obs-panel__warning"
                            type="button"
                            aria-label=format!("{count} warning(s) from Prometheus")
                            aria-describedby=tooltip_id.clone()
                        >
                            "⚠"
                        </button>
                        <span class="obs-tooltip" role="tooltip" id=tooltip_id.clone()>
                            {warnings.into_iter().map(|warning| view! { <span class="obs-tooltip__line">{warning}</span> }).collect_view()}
                        </span>
                    </span>
                }
            });
        (spinner, warnings)
    }
}

/// What the body shows instead of data: `None` when there is data to draw. `has_data`:
/// whether the results the body shows hold a series.
pub fn body_notice(queries: &[QueryView], has_data: bool) -> Option<AnyView> {
    let failed: Vec<&QueryView> = queries
        .iter()
        .filter(|query| {
            matches!(
                query.status,
                QueryStatus::Failed(_) | QueryStatus::Unplannable(_)
            )
        })
        .collect();
    if !failed.is_empty() && !has_data {
        return Some(
            view! { <QueryErrors failed=failed.into_iter().cloned().collect() instead_of_data=true/> }
                .into_any(),
        );
    }
    let waiting: Vec<String> = queries
        .iter()
        .filter_map(|query| match &query.status {
            QueryStatus::Waiting(names) => Some(names.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    if !waiting.is_empty() && !has_data {
        let mut names = waiting;
        obs_core::sort::sort(&mut names);
        names.dedup();
        let text = format!("Waiting for ${}", names.join(", $"));
        return Some(
            view! { <p class="obs-panel__placeholder obs-panel__notice" role="status">{text}</p> }
                .into_any(),
        );
    }
    let loading = queries
        .iter()
        .any(|query| matches!(query.status, QueryStatus::Loading | QueryStatus::Idle));
    if !has_data && loading {
        return Some(
            view! {
                <div class="obs-panel__placeholder obs-panel__notice" role="status" aria-busy="true">
                    <span class="obs-spinner" aria-hidden="true"></span>
                    <span>"Loading…"</span>
                </div>
            }
            .into_any(),
        );
    }
    if !has_data {
        return Some(
            view! { <p class="obs-panel__placeholder obs-panel__notice obs-panel__no-data">"No data"</p> }
                .into_any(),
        );
    }
    if !failed.is_empty() {
        // Some queries drew, others failed: the data is shown, the failures listed above it.
        return None;
    }
    None
}

/// The failed queries of a panel with Prometheus' message and the query as sent.
#[component]
pub fn QueryErrors(
    failed: Vec<QueryView>,
    /// Shown instead of the panel's data (none came back), rather than above it.
    #[prop(optional)]
    instead_of_data: bool,
) -> impl IntoView {
    let class = if instead_of_data {
        "obs-panel__errors obs-panel__notice"
    } else {
        "obs-panel__errors"
    };
    view! {
        <div class=class role="alert">
            {failed
                .into_iter()
                .map(|query| {
                    let message = match query.status {
                        QueryStatus::Failed(message) | QueryStatus::Unplannable(message) => message,
                        _ => String::new(),
                    };
                    let shown = query.sent.unwrap_or(query.definition);
                    view! {
                        <div class="obs-panel__error">
                            <p class="obs-panel__notice-title">"Query failed"</p>
                            <p class="obs-panel__notice-text">{message}</p>
                            {(!shown.is_empty()).then(|| view! { <code class="obs-code obs-panel__query">{shown}</code> })}
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
