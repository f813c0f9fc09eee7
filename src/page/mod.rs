//! The Observability page: the project and dashboard pickers, then the chosen dashboard with
//! its time controls and variables. Every load can fail on its own and says so in place.

mod header;
mod notice;
mod time_controls;
mod variable_bar;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::catalog::{CatalogEntry, Project};

use crate::api::QueryCache;
use crate::chart::sync::CrosshairSync;
use crate::chart::theme::provide_chart_theme;
use crate::dashboard::{DashboardView, MountScheduler};
use crate::panel::data::PanelContext;
use crate::state::catalog::{Catalog, LoadError, load_catalog, load_projects};
use crate::state::storage;
use crate::state::time::TimeState;
use crate::state::url::UrlSync;
use crate::state::variables::{VariableInputs, VariablesState};
use crate::widgets::{Select, SelectOption};

pub use header::PageHeader;
pub use notice::{Notice, Tone};
pub use time_controls::TimeControls;
pub use variable_bar::VariableBar;

/// Which project is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ProjectChoice {
    Loading,
    Failed(LoadError),
    NoProjects,
    /// The URL names a project the user cannot see.
    Unknown(String),
    Chosen(String),
}

/// The whole page below the host's header.
#[component]
pub fn ObservabilityPage() -> impl IntoView {
    let url = use_context::<UrlSync>().unwrap_or_else(|| {
        let url = UrlSync::new();
        provide_context(url);
        url
    });
    if use_context::<QueryCache>().is_none() {
        provide_context(QueryCache::new());
    }
    provide_chart_theme();
    let projects = load_projects();
    let choice = Memo::new(move |_| {
        let Some(loaded) = projects.get() else {
            return ProjectChoice::Loading;
        };
        let listed = match loaded {
            Ok(listed) => listed,
            Err(error) => return ProjectChoice::Failed(error),
        };
        if let Some(wanted) = url.with(|state| state.project.clone()) {
            return if listed.iter().any(|project| project.name == wanted) {
                ProjectChoice::Chosen(wanted)
            } else {
                ProjectChoice::Unknown(wanted)
            };
        }
        let remembered =
            storage::last_project().filter(|name| listed.iter().any(|p| &p.name == name));
        match remembered.or_else(|| listed.first().map(|project| project.name.clone())) {
            Some(name) => ProjectChoice::Chosen(name),
            None => ProjectChoice::NoProjects,
        }
    });
    let project = Signal::derive(move || match choice.get() {
        ProjectChoice::Chosen(name) => Some(name),
        _ => None,
    });
    // A project chosen by default (remembered, or the first) goes into the address bar too,
    // without a history entry, so the page can be shared and reloaded as it is. The address
    // bar is the outside world, hence an effect.
    // The address is watched too: inside the shell, the host's own link to the plugin names
    // no project, and the page must write it again.
    Effect::new(move |_| {
        let unnamed = url.with(|state| state.project.is_none());
        if let Some(name) = project.get()
            && unnamed
        {
            url.replace(move |state| state.project = Some(name));
        }
    });
    let catalog = load_catalog(project);
    let project_options = Signal::derive(move || {
        let listed: Vec<Project> = projects.get().and_then(Result::ok).unwrap_or_default();
        listed
            .into_iter()
            .map(|project| SelectOption {
                detail: (project.display_name != project.name).then(|| project.name.clone()),
                value: project.name,
                label: project.display_name,
            })
            .collect::<Vec<_>>()
    });
    let on_project = Callback::new(move |values: Vec<String>| {
        let Some(name) = values.into_iter().next() else {
            return;
        };
        storage::remember_project(&name);
        // A new project starts from its own defaults: the dashboard and variables are its own.
        url.push(move |state| {
            state.project = Some(name);
            state.dashboard = None;
            state.variables.clear();
        });
    });
    let project_placeholder = Signal::derive(move || match choice.get() {
        ProjectChoice::Loading => Some("Loading…".to_owned()),
        ProjectChoice::Failed(_) => Some("Unavailable".to_owned()),
        ProjectChoice::NoProjects => Some("No projects".to_owned()),
        ProjectChoice::Unknown(name) => Some(name),
        ProjectChoice::Chosen(_) => None,
    });
    let project_selected = Signal::derive(move || project.get().into_iter().collect::<Vec<_>>());

    let loaded_catalog = Signal::derive(move || catalog.get().flatten());
    let entry = Memo::new(move |_| {
        let Some(Ok(catalog)) = loaded_catalog.get() else {
            return None;
        };
        let wanted = url.with(|state| state.dashboard.clone());
        let found = wanted.and_then(|wanted| {
            catalog
                .entries
                .iter()
                .find(|entry| entry.name == wanted)
                .cloned()
        });
        found
            .or_else(|| catalog.entries.first().cloned())
            .map(|entry| EntryKey(catalog.project.clone(), entry))
    });
    Effect::new(move |_| {
        let unnamed = url.with(|state| state.dashboard.is_none());
        if let Some(EntryKey(catalog_project, shown)) = entry.get()
            && project.get_untracked().as_deref() == Some(catalog_project.as_str())
            && unnamed
        {
            let name = shown.name.clone();
            url.replace(move |state| state.dashboard = Some(name));
        }
    });
    let dashboard_options = Signal::derive(move || match loaded_catalog.get() {
        Some(Ok(catalog)) => catalog
            .entries
            .iter()
            .map(|entry| SelectOption {
                value: entry.name.clone(),
                label: entry.title.clone(),
                detail: (entry.title != entry.name).then(|| entry.name.clone()),
            })
            .collect(),
        _ => Vec::new(),
    });
    let dashboard_selected = Signal::derive(move || {
        entry
            .get()
            .map(|EntryKey(_, entry)| entry.name.clone())
            .into_iter()
            .collect::<Vec<_>>()
    });
    let dashboard_placeholder =
        Signal::derive(move || match (project.get(), loaded_catalog.get()) {
            (None, _) => Some("—".to_owned()),
            (Some(_), None) => Some("Loading…".to_owned()),
            (Some(_), Some(Err(_))) => Some("Unavailable".to_owned()),
            (Some(_), Some(Ok(catalog))) if catalog.entries.is_empty() => {
                Some("No dashboards".to_owned())
            }
            _ => None,
        });
    let on_dashboard = Callback::new(move |values: Vec<String>| {
        let Some(name) = values.into_iter().next() else {
            return;
        };
        url.push(move |state| {
            state.dashboard = Some(name);
            state.variables.clear();
            state.time_range = None;
            state.refresh = None;
        });
    });

    view! {
        <div class="obs-toolbar" role="toolbar" aria-label="Project and dashboard">
            <Select
                label="Project"
                options=project_options
                selected=project_selected
                on_change=on_project
                searchable=true
                placeholder=project_placeholder
            />
            <Select
                label="Dashboard"
                options=dashboard_options
                selected=dashboard_selected
                on_change=on_dashboard
                searchable=true
                placeholder=dashboard_placeholder
                disabled=Signal::derive(move || project.get().is_none())
            />
        </div>
        {move || page_body(choice.get(), loaded_catalog.get(), entry.get())}
    }
}

/// A dashboard of a project; compared by project, name and identity, so the dashboard on
/// screen is rebuilt only when one of them changes.
#[derive(Debug, Clone)]
struct EntryKey(String, Arc<CatalogEntry>);

impl PartialEq for EntryKey {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 && Arc::ptr_eq(&self.1, &other.1)
    }
}

fn page_body(
    choice: ProjectChoice,
    catalog: Option<Result<Catalog, LoadError>>,
    entry: Option<EntryKey>,
) -> AnyView {
    match choice {
        ProjectChoice::Loading => view! { <Notice title="Loading your projects" body="Asking the dashboard which projects you can see." busy=true/> }.into_any(),
        ProjectChoice::Failed(error) => failed_notice("Your projects could not be loaded", &error),
        ProjectChoice::NoProjects => view! {
            <Notice title="No projects" body="You cannot see any data science project yet. Create one, or ask an administrator to add you to one, then come back here."/>
        }
        .into_any(),
        ProjectChoice::Unknown(name) => view! {
            <Notice
                title="Project not available"
                body=format!("The project \"{name}\" does not exist or you do not have access to it. Choose one of your projects above.")
                tone=Tone::Warning
            />
        }
        .into_any(),
        ProjectChoice::Chosen(project) => match (catalog, entry) {
            (None, _) => view! { <Notice title="Loading dashboards" body=format!("Listing the dashboards of {project}.") busy=true/> }.into_any(),
            (Some(Err(error)), _) => failed_notice(&format!("The dashboards of {project} could not be loaded"), &error),
            (Some(Ok(catalog)), None) => view! {
                <Notice
                    title="No dashboards in this project"
                    body=format!("{project} has no PersesDashboard resources yet. Dashboards kept in Git reach the project when they are applied to it, for example with `oc apply -k`.")
                />
                <CatalogNotes notes=catalog.notes/>
            }
            .into_any(),
            (Some(Ok(catalog)), Some(EntryKey(_, entry))) => view! {
                <CatalogNotes notes=catalog.notes/>
                <DashboardRuntime project=project entry=entry/>
            }
            .into_any(),
        },
    }
}

fn failed_notice(title: &str, error: &LoadError) -> AnyView {
    let (tone, body) = match error {
        LoadError::Forbidden(message) => (
            Tone::Warning,
            format!(
                "You do not have permission to see this ({message}). Ask an administrator of the project to give you access (the view role is enough), or choose another project."
            ),
        ),
        other => (
            Tone::Danger,
            format!(
                "{other} Try again in a moment; if it keeps failing, the dashboard backend may be down."
            ),
        ),
    };
    view! { <Notice title=title.to_owned() body=body tone=tone/> }.into_any()
}

#[component]
fn CatalogNotes(notes: Vec<String>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <div class="obs-alert" role="note">
                <p class="obs-alert__title">"Some dashboards could not be read"</p>
                <ul>{notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// One dashboard at run time: its time, its variables, its panels.
#[component]
fn DashboardRuntime(project: String, entry: Arc<CatalogEntry>) -> impl IntoView {
    let url = expect_context::<UrlSync>();
    let cache = expect_context::<QueryCache>();
    let dashboard = Arc::new(entry.loaded.dashboard.clone());
    let problems = entry.loaded.problems.clone();
    let time = TimeState::new(
        url,
        dashboard.duration,
        dashboard.refresh_interval,
        dashboard.timezone.clone(),
    );
    time.run_auto_refresh(cache);
    let project: Signal<String> = Signal::stored(project);
    let utc_offset_secs = (js_sys::Date::new_0().get_timezone_offset() * 60.0) as i64;
    let variables = VariablesState::new(
        Arc::clone(&dashboard),
        VariableInputs {
            url,
            project,
            range: time.variable_range,
            now_ms: time.now(),
            utc_offset_secs,
        },
    );
    provide_context(time);
    provide_context(variables.clone());
    provide_context(CrosshairSync(RwSignal::new(None)));
    // Many panels mount a few per frame, so opening every row never freezes the page.
    MountScheduler::provide();
    provide_context(PanelContext {
        dashboard: Arc::clone(&dashboard),
        time,
        variables,
        project,
        utc_offset_secs,
    });
    view! {
        <div class="obs-dashboard-controls">
            <VariableBar/>
            <TimeControls/>
        </div>
        <DashboardView dashboard=dashboard problems=problems/>
    }
}
