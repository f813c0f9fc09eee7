//! What the page shows below its toolbar, for each state of the project and its catalog.

use leptos::prelude::*;
use obs_core::catalog::{ProjectChoice, Status};
use obs_core::scope::DashboardHome;

use super::open::OpenDashboard;
use super::{EntryKey, Notice, Tone};
use crate::state::catalog::{Catalog, LoadError};

/// The page once it knows which namespace to show.
pub(super) fn page_body(
    choice: ProjectChoice,
    catalog: Option<Result<Catalog, LoadError>>,
    entry: Option<EntryKey>,
) -> AnyView {
    match choice {
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
        ProjectChoice::NeedsClusterAccess(name) => view! {
            <Notice
                title="Cluster dashboards need cluster-wide access"
                body=format!("The dashboards of \"{name}\" show the whole cluster, which takes cluster-wide access to metrics (the cluster-monitoring-view role). Ask a cluster administrator for it, or choose one of your projects above.")
                tone=Tone::Warning
            />
        }
        .into_any(),
        ProjectChoice::Chosen(project) => match (catalog, entry) {
            (None, _) => view! { <Notice title="Loading dashboards" body=format!("Listing the dashboards of {}.", project.display_name) busy=true/> }.into_any(),
            (Some(Err(error)), _) => failed_notice(&format!("The dashboards of {} could not be loaded", project.display_name), &error),
            (Some(Ok(catalog)), None) => view! {
                <Notice
                    title=match project.home {
                        DashboardHome::Project => "No dashboards in this project",
                        DashboardHome::Cluster => "No cluster dashboards",
                    }
                    body=format!("{} has no PersesDashboard resources yet. Dashboards kept in Git reach the namespace when they are applied to it, for example with `oc apply -k`.", project.name)
                />
                <CatalogNotes notes=catalog.notes/>
            }
            .into_any(),
            (Some(Ok(catalog)), Some(EntryKey(_, entry))) => view! {
                <CatalogNotes notes=catalog.notes/>
                <OpenDashboard project=project entry=entry/>
            }
            .into_any(),
        },
    }
}

pub(super) fn failed_notice(title: &str, error: &LoadError) -> AnyView {
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

/// Who the user is and what they can see: their projects, or the whole cluster.
#[component]
pub(super) fn ScopeNote(status: Signal<Option<Status>>) -> impl IntoView {
    move || {
        status.get().map(|status| {
            let who = status.user_name.unwrap_or_else(|| "You".to_owned());
            let (scope, detail) = if status.is_admin {
                (
                    "cluster administrator",
                    "You can open every project and the cluster dashboards.",
                )
            } else {
                (
                    "your projects",
                    "You see the projects you have access to; cluster dashboards need cluster-wide access.",
                )
            };
            view! {
                <p class="obs-scope" title=detail>
                    <span class="obs-scope__user">{who}</span>
                    " · "
                    {scope}
                </p>
            }
        })
    }
}
