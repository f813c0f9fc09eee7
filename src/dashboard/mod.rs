//! One dashboard: its title, its problems, and its layouts.

mod grid;
mod mount;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::dashboard::{Dashboard, Layout, Problem, Severity};

pub use grid::{GridGroup, GridSection};
pub use mount::MountScheduler;

/// Draws a dashboard: a heading, an alert listing what is wrong with it (if anything), then
/// each layout in order.
#[component]
pub fn DashboardView(
    /// The dashboard to draw.
    dashboard: Arc<Dashboard>,
    /// Problems found while loading it; errors and warnings are listed above the panels. They
    /// change once the options of its deferred panels are in (`chunks::Resolving`).
    #[prop(into, optional)]
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    let description = dashboard.description.clone();
    // A memo: the list is an alert (a live region), so any change inside it is announced. The
    // deferred panels' options arriving usually bring no problems of their own, and the equal
    // list that results must leave the alert untouched; drawn again, the list's texts are set
    // again.
    let problems = Memo::new(move |_| problems.get());
    // Rows and panels of one dashboard are named apart (see `region_names`).
    crate::region_names::RegionNames::provide();
    let layouts = dashboard
        .layouts
        .iter()
        .enumerate()
        .map(|(index, layout)| match layout {
            Layout::Grid(grid) => view! {
                <GridGroup grid=grid.clone() dashboard=Arc::clone(&dashboard) index=index/>
            }
            .into_any(),
            Layout::Unsupported { kind } => view! {
                <div class="obs-alert" role="note">
                    <p class="obs-alert__title">{format!("{kind} layouts are not supported")}</p>
                    <p>"The panels of this layout are not shown."</p>
                </div>
            }
            .into_any(),
        })
        .collect_view();
    let is_empty = dashboard.layouts.is_empty();

    view! {
        <article class="obs-dashboard" aria-label=dashboard.title().to_owned()>
            <h2 class="obs-page-title">{dashboard.title().to_owned()}</h2>
            {description.map(|text| view! { <p class="obs-page-description">{text}</p> })}
            {move || view! { <ProblemList problems=problems.get()/> }}
            {layouts}
            {is_empty.then(|| view! {
                <p class="obs-empty-state">"This dashboard has no panels yet."</p>
            })}
        </article>
    }
}

/// The problems of a dashboard, errors first, in one alert.
#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    let mut problems = problems;
    obs_core::sort::sort_by_key(&mut problems, |problem| std::cmp::Reverse(problem.severity));
    let has_errors = problems
        .iter()
        .any(|problem| problem.severity == Severity::Error);
    let (class, title) = if has_errors {
        (
            "obs-alert obs-alert--danger",
            "This dashboard has errors; the parts they affect are marked",
        )
    } else {
        ("obs-alert", "This dashboard has warnings")
    };
    Some(view! {
        <div class=class role="alert">
            <p class="obs-alert__title">{title}</p>
            <ul>
                {problems
                    .into_iter()
                    .map(|problem| view! {
                        <li>
                            <span class="obs-code">{problem.diagnostic.path}</span>
                            ": "
                            {problem.diagnostic.message}
                            {problem.diagnostic.details.map(|details| view! {
                                <details class="obs-alert__details">
                                    <summary>"Accepted values"</summary>
                                    <p>{details}</p>
                                </details>
                            })}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </div>
    })
}
