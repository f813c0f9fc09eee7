//! The body of a panel: the one `match` on the panel kind that picks its view.

use leptos::prelude::*;
use obs_core::dashboard::{Panel, PanelKind, Query};

/// The body for the panel's kind. Kinds without their own view yet show what they will draw.
#[component]
pub fn PanelBody(panel: Panel) -> impl IntoView {
    let query_count = panel
        .queries
        .iter()
        .filter(|query| matches!(query, Query::Prometheus(_)))
        .count();
    match panel.kind {
        PanelKind::Unsupported { kind } => view! {
            <p class="obs-panel__notice-title">{format!("{kind} panels are not supported")}</p>
            <p class="obs-panel__notice-text">
                "This viewer draws Prometheus metrics panels; open this dashboard in Perses to see it."
            </p>
        }
        .into_any(),
        PanelKind::Invalid { kind, problem } => {
            let kind = if kind.is_empty() { "This panel".to_owned() } else { format!("This {kind} panel") };
            view! {
                <p class="obs-panel__notice-title">{format!("{kind} cannot be shown")}</p>
                <p class="obs-panel__notice-text">
                    <span class="obs-code">{problem.path}</span>": "{problem.message}
                </p>
            }
            .into_any()
        }
        kind => {
            let queries = match query_count {
                0 => "no query".to_owned(),
                1 => "1 query".to_owned(),
                count => format!("{count} queries"),
            };
            view! {
                <div class="obs-panel__placeholder">
                    <span class="obs-panel__placeholder-kind">{kind.name().to_owned()}</span>
                    <span>{queries}</span>
                </div>
            }
            .into_any()
        }
    }
}
