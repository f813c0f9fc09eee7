//! Opening one dashboard: reading it, then running it (its time, variables and panels).

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use obs_core::catalog::{CatalogEntry, Project};
use obs_core::dashboard::{Loaded, PanelKind};

use super::{Notice, TimeControls, Tone, VariableBar};
use crate::api::QueryCache;
use crate::chart::sync::CrosshairSync;
use crate::dashboard::{DashboardView, MountScheduler};
use crate::panel::chunks::{self, ReadAgain};
use crate::panel::data::PanelContext;
use crate::state::time::TimeState;
use crate::state::url::UrlSync;
use crate::state::variables::{VariableInputs, VariablesState};

/// A dashboard of the catalog, read in a task of its own before it runs in the next one.
/// Reading a large dashboard takes tens of milliseconds, and so does drawing its first
/// panels: done in the task that listed the dashboards, the three made one long task that
/// froze the page (over 100 ms for ODH's "Models" dashboard). A dashboard read before (the
/// entry keeps it) runs at once.
///
/// The options of panels drawn by a chunk are decoded by that chunk (`chunks::resolve`), so
/// reading such a dashboard waits for its chunks (at most `chunks::resolve`'s limit).
#[component]
pub fn OpenDashboard(project: Project, entry: Arc<CatalogEntry>) -> impl IntoView {
    if let Some(loaded) = entry.read() {
        return view! { <DashboardRuntime project=project loaded=loaded/> }.into_any();
    }
    // `None` while reading; `Some(None)` when the resource no longer holds the dashboard.
    let read: RwSignal<Option<Option<Arc<Loaded>>>> = RwSignal::new(None);
    // Only the latest read shows: an earlier one that ends later is dropped.
    let latest = Arc::new(AtomicU32::new(0));
    let start = {
        let entry = Arc::clone(&entry);
        move || {
            let attempt = latest.fetch_add(1, Ordering::Relaxed) + 1;
            let latest = Arc::clone(&latest);
            let entry = Arc::clone(&entry);
            leptos::task::spawn_local(async move {
                let loaded = read_dashboard(entry).await;
                if latest.load(Ordering::Relaxed) == attempt {
                    // The page may have moved on to another dashboard meanwhile.
                    let _ = read.try_set(Some(loaded));
                }
            });
        }
    };
    start();
    provide_context(ReadAgain(Callback::new(move |()| {
        read.set(None);
        start();
    })));
    let title = entry.title.clone();
    (move || match read.get() {
        Some(Some(loaded)) => {
            view! { <DashboardRuntime project=project.clone() loaded=loaded/> }.into_any()
        }
        Some(None) => view! {
            <Notice title="Dashboard unavailable" body=format!("{title} could not be read from its resource. Reload the page; if it stays, report it.") tone=Tone::Danger/>
        }
        .into_any(),
        None => view! { <Notice title=format!("Opening {title}") body="Reading the dashboard." busy=true/> }
            .into_any(),
    })
    .into_any()
}

/// Reads the entry's dashboard, in a task after this one, and its deferred panels' options
/// with their chunks; keeps it in the entry once nothing is left unread. `None` when the
/// resource no longer holds the dashboard.
async fn read_dashboard(entry: Arc<CatalogEntry>) -> Option<Arc<Loaded>> {
    crate::dom::next_task().await;
    let pending = crate::perf::measure("dashboard.decode", || entry.pending());
    let loaded = match pending {
        Some(pending) => Some(chunks::resolve(pending).await),
        None => None,
    };
    let loaded = loaded.map(|loaded| {
        let loaded = Arc::new(loaded);
        let complete = !loaded
            .dashboard
            .panels
            .values()
            .any(|panel| matches!(panel.kind, PanelKind::Deferred(_)));
        if complete {
            entry.finish(Arc::clone(&loaded));
        }
        loaded
    });
    crate::dom::next_task().await;
    loaded
}

/// One dashboard at run time: its time, its variables, its panels.
#[component]
fn DashboardRuntime(project: Project, loaded: Arc<Loaded>) -> impl IntoView {
    let home = project.home;
    let url = expect_context::<UrlSync>();
    let cache = expect_context::<QueryCache>();
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
