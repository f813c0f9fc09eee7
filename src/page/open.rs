//! Opening one dashboard: reading it, then running it (its time, variables and panels).

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use obs_core::catalog::{CatalogEntry, Project};
use obs_core::dashboard::{Loaded, PanelKind, Pending};

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
/// The options of panels drawn by a chunk are decoded by that chunk (`chunks::resolve`) while
/// the dashboard already runs: those panels say "Loading…" until then (`chunks::Resolving`).
#[component]
pub fn OpenDashboard(project: Project, entry: Arc<CatalogEntry>) -> impl IntoView {
    if let Some(loaded) = entry.read() {
        let opened = Opened {
            loaded,
            pending: None,
        };
        return view! { <DashboardRuntime project=project entry=entry opened=opened/> }.into_any();
    }
    // `None` while reading; `Some(None)` when the resource no longer holds the dashboard.
    let read: RwSignal<Option<Option<Opened>>> = RwSignal::new(None);
    // Only the latest read shows: an earlier one that ends later is dropped.
    let latest = Arc::new(AtomicU32::new(0));
    let start = {
        let entry = Arc::clone(&entry);
        move || {
            let attempt = latest.fetch_add(1, Ordering::Relaxed) + 1;
            let latest = Arc::clone(&latest);
            let entry = Arc::clone(&entry);
            leptos::task::spawn_local(async move {
                let opened = read_dashboard(&entry).await;
                if latest.load(Ordering::Relaxed) == attempt {
                    let timer = crate::perf::task("dashboard.open-task");
                    // The page may have moved on to another dashboard meanwhile.
                    let _ = read.try_set(Some(opened));
                    timer.end().await;
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
        Some(Some(opened)) => view! {
            <DashboardRuntime project=project.clone() entry=Arc::clone(&entry) opened=opened/>
        }
        .into_any(),
        Some(None) => view! {
            <Notice title="Dashboard unavailable" body=format!("{title} could not be read from its resource. Reload the page; if it stays, report it.") tone=Tone::Danger/>
        }
        .into_any(),
        None => view! { <Notice title=format!("Opening {title}") body="Reading the dashboard." busy=true/> }
            .into_any(),
    })
    .into_any()
}

/// A dashboard read: as it runs at first, and what its chunks are still to decode when it has
/// deferred panels.
#[derive(Clone)]
struct Opened {
    loaded: Arc<Loaded>,
    pending: Option<Arc<Pending>>,
}

/// Reads the entry's dashboard in tasks after this one; keeps it in the entry when nothing is
/// left to decode. `None` when the resource no longer holds the dashboard.
///
/// Reading the text and reading the dashboard from it are two tasks: in one, they took 42-53
/// ms for NodeExporter on a slow machine, a long task (the page's longest as it opened); the
/// text is about a fifth of it.
async fn read_dashboard(entry: &CatalogEntry) -> Option<Opened> {
    crate::dom::next_task().await;
    let resource = crate::perf::measure("dashboard.read", || entry.resource())?;
    crate::dom::next_task().await;
    let pending = crate::perf::measure("dashboard.decode", || entry.pending_from(&resource))?;
    drop(resource);
    let opened = if pending.deferred().next().is_none() {
        let loaded = Arc::new(pending.resolve(Vec::new()));
        entry.finish(Arc::clone(&loaded));
        Opened {
            loaded,
            pending: None,
        }
    } else {
        // The dashboard runs as read while its chunks decode a copy (`resolve_deferred`).
        Opened {
            loaded: Arc::new(pending.clone().resolve(Vec::new())),
            pending: Some(Arc::new(pending)),
        }
    };
    crate::perf::mark("at.dashboard-decoded");
    crate::dom::next_task().await;
    Some(opened)
}

/// Decodes the deferred panels' options with their chunks (`chunks::resolve`) and hands the
/// result to the panels waiting for it; keeps it in the entry when none is left unread (a
/// chunk that did not download leaves its panels for a Retry).
fn resolve_deferred(pending: &Pending, entry: Arc<CatalogEntry>) -> Signal<Option<Arc<Loaded>>> {
    let resolving = RwSignal::new(None);
    provide_context(chunks::Resolving(resolving));
    let pending = pending.clone();
    leptos::task::spawn_local(async move {
        let done = Arc::new(chunks::resolve(pending).await);
        let complete = !done
            .dashboard
            .panels
            .values()
            .any(|panel| matches!(panel.kind, PanelKind::Deferred(_)));
        if complete {
            entry.finish(Arc::clone(&done));
        }
        // The page may have moved on to another dashboard meanwhile.
        let _ = resolving.try_set(Some(done));
    });
    resolving.into()
}

/// One dashboard at run time: its time, its variables, its panels.
#[component]
fn DashboardRuntime(project: Project, entry: Arc<CatalogEntry>, opened: Opened) -> impl IntoView {
    let home = project.home;
    let url = expect_context::<UrlSync>();
    let cache = expect_context::<QueryCache>();
    crate::perf::mark("at.runtime");
    let Opened { loaded, pending } = opened;
    let dashboard = Arc::clone(&loaded.dashboard);
    crate::panel::chunks::preload_open(&dashboard);
    let resolved = pending.map(|pending| resolve_deferred(&pending, entry));
    let problems = Signal::derive(move || match resolved.and_then(|resolved| resolved.get()) {
        Some(done) => done.problems.clone(),
        None => loaded.problems.clone(),
    });
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
    // Panels within a screen of the viewport send their queries when the page is idle.
    crate::dom::Prefetch::provide();
    provide_context(PanelContext {
        dashboard: Arc::clone(&dashboard),
        time,
        variables,
        project,
        utc_offset_secs,
        home,
        bound: Arc::default(),
    });
    // The grid mounts in a task after this one. This task has made the dashboard's state and
    // sent its variables' first requests; its first cells mounting in it too made one task of
    // 30 ms on a fast machine, past 50 ms (a long task) on a slower one.
    let grid_ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::dom::next_task().await;
        crate::perf::mark("at.grid-mounts");
        let _ = grid_ready.try_set(true);
    });
    let grid = move || {
        grid_ready
            .get()
            .then(|| view! { <DashboardView dashboard=Arc::clone(&dashboard) problems=problems/> })
    };
    view! {
        <div class="obs-dashboard-controls">
            <VariableBar/>
            <TimeControls/>
        </div>
        {grid}
    }
    .into_any()
}
