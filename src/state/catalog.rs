//! Loading what the user can open: their projects, then the dashboards of the current one.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use obs_core::catalog::{self, CatalogEntry, Project};
use send_wrapper::SendWrapper;
use web_sys::AbortController;

use crate::api::{self, FetchError, Reply};

const PROJECTS_PATH: &str = "/api/k8s/apis/project.openshift.io/v1/projects";

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
        let message = serde_json::from_str::<serde_json::Value>(&reply.body)
            .ok()
            .and_then(|body| {
                body.get("message")
                    .and_then(|m| m.as_str())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| format!("HTTP {}", reply.status));
        match reply.status {
            401 => Self::Unauthorized,
            403 => Self::Forbidden(message),
            status if status >= 500 => Self::Unavailable(message),
            _ => Self::Invalid(message),
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

/// Aborts the previous request each time a resource loads again, and the last one when the
/// page goes away.
#[derive(Clone)]
pub struct Canceller(SendWrapper<Rc<RefCell<Option<AbortController>>>>);

impl Default for Canceller {
    fn default() -> Self {
        Self::new()
    }
}

impl Canceller {
    pub fn new() -> Self {
        let canceller = Self(SendWrapper::new(Rc::new(RefCell::new(None))));
        let on_leave = canceller.clone();
        on_cleanup(move || {
            if let Some(controller) = on_leave.0.borrow_mut().take() {
                controller.abort();
            }
        });
        canceller
    }

    /// A controller for the next request; the one before it is aborted.
    pub fn next(&self) -> Option<AbortController> {
        let next = AbortController::new().ok();
        if let Some(previous) = self.0.replace(next.clone()) {
            previous.abort();
        }
        next
    }
}

/// The projects the user can see, without system namespaces.
pub fn load_projects() -> LocalResource<Result<Vec<Project>, LoadError>> {
    let canceller = Canceller::new();
    LocalResource::new(move || {
        let controller = canceller.next();
        async move {
            let reply = api::get(PROJECTS_PATH, controller.as_ref())
                .await
                .map_err(|e| LoadError::from_fetch(&e))?;
            if reply.status != 200 {
                return Err(LoadError::from_reply(&reply));
            }
            catalog::parse_projects(&reply.body, None).map_err(LoadError::Invalid)
        }
    })
}

/// The dashboards of the current project: its `PersesDashboard` resources (v1alpha2, else
/// v1alpha1 when the cluster serves only that) and, when the host has one, the Perses API's.
pub fn load_catalog(
    project: Signal<Option<String>>,
) -> LocalResource<Option<Result<Catalog, LoadError>>> {
    let canceller = Canceller::new();
    LocalResource::new(move || {
        let project = project.get();
        let controller = canceller.next();
        async move {
            let project = project?;
            Some(fetch_catalog(&project, controller.as_ref()).await)
        }
    })
}

async fn fetch_catalog(
    project: &str,
    controller: Option<&AbortController>,
) -> Result<Catalog, LoadError> {
    let resources = |version: &str| {
        format!("/api/k8s/apis/perses.dev/{version}/namespaces/{project}/persesdashboards")
    };
    let perses_api = format!("/perses/api/api/v1/projects/{project}/dashboards");
    let v1alpha2 = resources("v1alpha2");
    let (custom, perses) = futures::join!(
        api::get(&v1alpha2, controller),
        api::get(&perses_api, controller)
    );
    let mut custom = custom.map_err(|e| LoadError::from_fetch(&e))?;
    if custom.status == 404 {
        // Older operators serve only v1alpha1.
        custom = api::get(&resources("v1alpha1"), controller)
            .await
            .map_err(|e| LoadError::from_fetch(&e))?;
    }
    if custom.status != 200 {
        return Err(LoadError::from_reply(&custom));
    }
    let (from_resources, skipped) =
        catalog::parse_dashboard_list(&custom.body).map_err(LoadError::Invalid)?;
    let mut notes: Vec<String> = skipped
        .iter()
        .map(|problem| format!("A resource was skipped: {problem}"))
        .collect();
    let mut sources = vec![from_resources];
    match perses {
        Ok(reply) if reply.status == 200 => match catalog::parse_dashboard_list(&reply.body) {
            Ok((from_perses, _)) => sources.push(from_perses),
            Err(error) => notes.push(format!(
                "The Perses API answered with something unexpected: {error}"
            )),
        },
        // Most clusters have no Perses API for projects; that is not worth a note.
        _ => {}
    }
    let entries = catalog::merge(sources).into_iter().map(Arc::new).collect();
    Ok(Catalog {
        project: project.to_owned(),
        entries,
        notes,
    })
}
