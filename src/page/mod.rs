//! The Observability page: the project and dashboard pickers, then the chosen dashboard with
//! its time controls and variables. Every load can fail on its own and says so in place.

mod body;
mod header;
mod notice;
mod open;
pub(crate) mod time_controls;
mod variable_bar;

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::catalog::{CatalogEntry, Project, ProjectChoice, choose_project};

use crate::api::QueryCache;
use crate::chart::theme::provide_chart_theme;
use crate::state::catalog::{LoadError, load_catalog, load_projects};
use crate::state::storage;
use crate::state::url::UrlSync;
use crate::widgets::{Select, SelectOption};

use body::{ScopeNote, failed_notice, page_body};
pub use header::PageHeader;
pub use notice::{Notice, Tone};
pub use time_controls::TimeControls;
pub use variable_bar::VariableBar;

/// Which namespace is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PageChoice {
    Loading,
    Failed(LoadError),
    Decided(ProjectChoice),
}

/// The whole page below the host's header.
#[component]
pub fn ObservabilityPage() -> impl IntoView {
    crate::panel::chunks::Chunk::preload_interact_on_first_use();
    let url = use_context::<UrlSync>().unwrap_or_else(|| {
        let url = UrlSync::new();
        provide_context(url);
        url
    });
    if use_context::<QueryCache>().is_none() {
        provide_context(QueryCache::new());
    }
    provide_chart_theme();
    let directory = load_projects();
    let choice = Memo::new(move |_| {
        let Some(loaded) = directory.get() else {
            return PageChoice::Loading;
        };
        let directory = match loaded {
            Ok(directory) => directory,
            Err(error) => return PageChoice::Failed(error),
        };
        let wanted = url.with(|state| state.project.clone());
        PageChoice::Decided(choose_project(
            &directory.projects,
            &directory.status,
            wanted.as_deref(),
            storage::last_project().as_deref(),
        ))
    });
    let chosen = Memo::new(move |_| match choice.get() {
        PageChoice::Decided(ProjectChoice::Chosen(project)) => Some(project),
        _ => None,
    });
    let project = Signal::derive(move || chosen.get().map(|project| project.name));
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
    // The project whose dashboards are listed: the chosen one, and until the user's projects
    // are in, the one the address names (else the last one used), when it is the one this
    // page opened last: most likely the one chosen, and one the user could see. A reload or
    // a link to the same project then lists its dashboards beside the projects, one round
    // trip to the cluster sooner; if another project is chosen, its list replaces that one
    // (the request aborted), which is never shown. A project the user's projects did not list
    // before is not asked for early: that request could be bound to fail. (The key is the
    // browser's, not the user's: another user of the same browser may send one request the
    // server refuses, which the page never shows.)
    let likely = url
        .with_untracked(|state| state.project.clone())
        .or_else(storage::last_project)
        .filter(|name| storage::opened_project().as_ref() == Some(name));
    let listed = Memo::new(move |_| match choice.get() {
        PageChoice::Loading => likely.clone(),
        _ => project.get(),
    });
    let catalog = load_catalog(listed.into());
    let status = Signal::derive(move || {
        directory
            .get()
            .and_then(Result::ok)
            .map(|directory| directory.status)
    });
    let project_options = Signal::derive(move || {
        let listed: Vec<Project> = directory
            .get()
            .and_then(Result::ok)
            .map(|directory| directory.projects)
            .unwrap_or_default();
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
        PageChoice::Loading => Some("Loading…".to_owned()),
        PageChoice::Failed(_) => Some("Unavailable".to_owned()),
        PageChoice::Decided(ProjectChoice::NoProjects) => Some("No projects".to_owned()),
        PageChoice::Decided(
            ProjectChoice::Unknown(name) | ProjectChoice::NeedsClusterAccess(name),
        ) => Some(name),
        PageChoice::Decided(ProjectChoice::Chosen(_)) => None,
    });
    let project_selected = Signal::derive(move || project.get().into_iter().collect::<Vec<_>>());

    let loaded_catalog = Signal::derive(move || {
        let (listed, catalog) = catalog.get().flatten()?;
        (project.get().as_ref() == Some(&listed)).then_some(catalog)
    });
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
        // The entry is the chosen project's: `loaded_catalog` holds no other.
        if let Some(EntryKey(_, shown)) = entry.get()
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
        // Choosing the project and the dashboard is how one moves around the plugin: a
        // navigation landmark, so a screen reader's landmark list reaches the pickers.
        <nav class="obs-toolbar" aria-label="Project and dashboard">
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
            <ScopeNote status=status/>
        </nav>
        {move || match choice.get() {
            PageChoice::Loading => view! { <Notice title="Loading your projects" body="Asking the dashboard which projects you can see." busy=true/> }.into_any(),
            PageChoice::Failed(error) => failed_notice("Your projects could not be loaded", &error),
            PageChoice::Decided(decided) => page_body(decided, loaded_catalog.get(), entry.get()),
        }}
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
