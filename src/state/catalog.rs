//! Loading what the user can open: their projects, then the dashboards of the current one.

use std::future::Future;
use std::sync::Arc;

use futures::future::OptionFuture;
use leptos::prelude::*;
use obs_core::catalog::{self, Answer, CatalogEntry, Failure, Project, Status};
use web_sys::AbortController;

use crate::api::{self, FetchError, Reply};
use crate::state::load::load;
use crate::state::storage;

const PROJECTS_PATH: &str = "/api/k8s/apis/project.openshift.io/v1/projects";
const STATUS_PATH: &str = "/api/status";

/// Why a list could not be loaded, in the words the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The user may not see this (HTTP 403).
    Forbidden(String),
    /// The session has expired (HTTP 401).
    Unauthorized,
    /// The backend is down, slow or unreachable.
    Unavailable(String),
    /// The reply is not what the API promises.
    Invalid(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Forbidden(message) | Self::Unavailable(message) | Self::Invalid(message) => {
                f.write_str(message)
            }
            Self::Unauthorized => {
                f.write_str("Your session has expired. Reload the page to sign in again.")
            }
        }
    }
}

impl LoadError {
    fn from_fetch(error: &FetchError) -> Self {
        Self::Unavailable(format!("{}: {error}", "The request failed"))
    }

    /// An error reply, with the Kubernetes `Status` message when there is one.
    fn from_reply(reply: &Reply) -> Self {
        Self::from_failure(Failure {
            status: Some(reply.status),
            message: catalog::status_message(&reply.body)
                .unwrap_or_else(|| format!("HTTP {}", reply.status)),
        })
    }

    fn from_failure(failure: Failure) -> Self {
        match failure.status {
            Some(401) => Self::Unauthorized,
            Some(403) => Self::Forbidden(failure.message),
            Some(status) if status >= 500 => Self::Unavailable(failure.message),
            None => Self::Unavailable(failure.message),
            Some(_) => Self::Invalid(failure.message),
        }
    }
}

/// The dashboards of one project, and notes about what could not be read.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub project: String,
    pub entries: Vec<Arc<CatalogEntry>>,
    pub notes: Vec<String>,
}

/// The user and the namespaces they can open.
#[derive(Debug, Clone, PartialEq)]
pub struct Directory {
    pub status: Status,
    /// Projects, then (administrators only) namespaces of cluster dashboards.
    pub projects: Vec<Project>,
}

/// The user and what they can see: their projects, without system namespaces, and for
/// administrators the namespaces of cluster dashboards.
pub fn load_projects() -> ReadSignal<Option<Result<Directory, LoadError>>> {
    load(
        || (),
        |(), controller| {
            let projects = api::get(PROJECTS_PATH, controller.as_ref());
            let status = api::get(STATUS_PATH, controller.as_ref());
            async move {
                let (reply, status) = futures::join!(projects, status);
                let reply = reply.map_err(|e| LoadError::from_fetch(&e))?;
                if reply.status != 200 {
                    return Err(LoadError::from_reply(&reply));
                }
                // Without the status the user counts as no admin, and ODH's own namespace stays
                // visible as a project.
                let status = status
                    .ok()
                    .filter(|status| status.status == 200)
                    .map(|status| catalog::parse_status(&status.body))
                    .unwrap_or_default();
                let projects =
                    catalog::parse_projects(&reply.body, &status).map_err(LoadError::Invalid)?;
                Ok(Directory { status, projects })
            }
        },
    )
}

/// A project's name and its dashboards, or why they could not be listed.
pub type Listed = (String, Result<Catalog, LoadError>);

/// The dashboards of a project: its `PersesDashboard` resources (v1alpha2, else v1alpha1 when
/// the cluster serves only that) and, when the host has one, the Perses API's; with the
/// project they are of, since the page may list a project before it is chosen.
pub fn load_catalog(project: Signal<Option<String>>) -> ReadSignal<Option<Option<Listed>>> {
    load(
        move || project.get(),
        |project, controller| {
            // The project listed is the chosen one, or the one opened last (see the page): the
            // next visit may list it early.
            if let Some(project) = &project {
                storage::remember_opened_project(project);
            }
            OptionFuture::from(project.map(|project| {
                let catalog = fetch_catalog(&project, controller);
                async move { (project, catalog.await) }
            }))
        },
    )
}

/// The project's dashboards; the first requests go out when this is called.
fn fetch_catalog(
    project: &str,
    controller: Option<AbortController>,
) -> impl Future<Output = Result<Catalog, LoadError>> + use<> {
    let resources = |project: &str, version: &str| {
        format!("/api/k8s/apis/perses.dev/{version}/namespaces/{project}/persesdashboards")
    };
    let custom = api::get(&resources(project, "v1alpha2"), controller.as_ref());
    let perses = api::get(
        &format!("/perses/api/api/v1/projects/{project}/dashboards"),
        controller.as_ref(),
    );
    let project = project.to_owned();
    async move {
        let (custom, perses) = futures::join!(custom, perses);
        let mut custom = custom.map_err(|e| LoadError::from_fetch(&e))?;
        if custom.status == 404 {
            // Older operators serve only v1alpha1.
            custom = api::get(&resources(&project, "v1alpha1"), controller.as_ref())
                .await
                .map_err(|e| LoadError::from_fetch(&e))?;
        }
        let perses = perses.ok();
        // The replies' promises settle in one task with whatever else was waiting on them;
        // reading the list takes a task of its own.
        crate::perf::mark("at.catalog-replied");
        crate::dom::next_task().await;
        let assembled = crate::perf::measure("catalog.assemble", || {
            catalog::assemble(
                Answer {
                    status: custom.status,
                    body: &custom.body,
                },
                perses.as_ref().map(|reply| Answer {
                    status: reply.status,
                    body: &reply.body,
                }),
            )
        })
        .map_err(LoadError::from_failure)?;
        Ok(Catalog {
            project,
            entries: assembled.entries.into_iter().map(Arc::new).collect(),
            notes: assembled.notes,
        })
    }
}
