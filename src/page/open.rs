//! Opening one dashboard: reading it, then running it (its time, variables and panels).

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::catalog::{CatalogEntry, Project};

use super::{Notice, TimeControls, Tone, VariableBar};
use crate::api::QueryCache;
use crate::chart::sync::CrosshairSync;
use crate::dashboard::{DashboardView, MountScheduler};
use crate::panel::data::PanelContext;
use crate::state::time::TimeState;
use crate::state::url::UrlSync;
use crate::state::variables::{VariableInputs, VariablesState};

/// A dashboard of the catalog, read in a task of its own before it runs in the next one.
/// Reading a large dashboard takes tens of milliseconds, and so does drawing its first
/// panels: done in the task that listed the dashboards, the three made one long task that
/// froze the page (over 100 ms for ODH's "Models" dashboard). A dashboard read before (the
/// entry keeps it) runs at once.
#[component]
pub fn OpenDashboard(project: Project, entry: Arc<CatalogEntry>) -> impl IntoView {
    if entry.is_read() {
        return view! { <DashboardRuntime project=project entry=entry/> }.into_any();
    }
    let ready = RwSignal::new(false);
    let reading = Arc::clone(&entry);
    leptos::task::spawn_local(async move {
        crate::dom::next_task().await;
        crate::perf::measure("dashboard.decode", || reading.loaded().is_some());
        crate::dom::next_task().await;
        // The page may have moved on to another dashboard meanwhile.
        let _ = ready.try_set(true);
    });
    let title = entry.title.clone();
    (move || {
        if ready.get() {
            view! { <DashboardRuntime project=project.clone() entry=Arc::clone(&entry)/> }.into_any()
        } else {
            view! { <Notice title=format!("Opening {title}") body="Reading the dashboard." busy=true/> }
                .into_any()
        }
    })
    .into_any()
}

/// One dashboard at run time: its time, its variables, its panels.
#[component]
fn DashboardRuntime(project: Project, entry: Arc<CatalogEntry>) -> impl IntoView {
    let home = project.home;
    let url = expect_context::<UrlSync>();
    let cache = expect_context::<QueryCache>();
    // The list read only names and titles; the dashboard is read now, once (OpenDashboard
    // has read it already when it was not yet).
    let Some(loaded) = entry.loaded() else {
        return view! {
            <Notice title="Dashboard unavailable" body=format!("{} could not be read from its resource. Reload the page; if it stays, report it.", entry.title) tone=Tone::Danger/>
        }
        .into_any();
    };
    let dashboard = Arc::new(loaded.dashboard.clone());
    crate::panel::chunks::preload_open(&dashboard);
    let problems = loaded.problems.clone();
    let time = TimeState::new(
        url,
        dashboard.duration,
        dashboard.refresh_interval,
        dashboard.timezone.clone(),
    );
    time.run_auto_refresh(cache);
    let project: Signal<String> = Signal::stored(project.name);
    let utc_offset_secs = (js_sys::Date::new_0().get_timezone_offset() * 60.0) as i64;
    let variables = VariablesState::new(
        Arc::clone(&dashboard),
        VariableInputs {
            url,
            project,
            range: time.variable_range,
            now_ms: time.now(),
            utc_offset_secs,
            home,
        },
    );
    provide_context(time);
    provide_context(variables.clone());
    provide_context(CrosshairSync(RwSignal::new(None)));
    // Many panels mount a few per frame, so opening every row never freezes the page.
    MountScheduler::provide();
    crate::dom::ScrollRoot::provide();
    provide_context(PanelContext {
        dashboard: Arc::clone(&dashboard),
        time,
        variables,
        project,
        utc_offset_secs,
        home,
        bound: Arc::default(),
    });
    view! {
        <div class="obs-dashboard-controls">
            <VariableBar/>
            <TimeControls/>
        </div>
        <DashboardView dashboard=dashboard problems=problems/>
    }
    .into_any()
}
