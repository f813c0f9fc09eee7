//! Who is calling and what they may see: the development stand-in for OpenShift's
//! authentication and RBAC.
//!
//! The ODH backend receives the user's OAuth token in `x-forwarded-access-token` and every
//! downstream service (the Kubernetes API, kube-rbac-proxy in front of Thanos) decides with it.
//! Here a small YAML file maps tokens to users, says which projects each user may see, and
//! lists the projects of the pretend cluster. It is read once at start.
//!
//! ```yaml
//! localUser: developer          # assumed when no token is sent (local mode)
//! projects:
//!   - name: fraud-detection
//!     displayName: Fraud detection
//!     description: Card transaction scoring
//!     aiProject: true           # carries the label opendatahub.io/dashboard: "true"
//!     labels: {team: fraud}     # any other labels
//! users:
//!   - name: developer
//!     token: dev-token-developer
//!     projects: [fraud-detection]
//!   - name: admin
//!     token: dev-token-admin
//!     admin: true               # sees every project and may use the cluster routes
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use obs_core::source::{SourceFormat, parse_documents};
use serde::Deserialize;

/// The header the ODH dashboard's OAuth proxy fills with the user's token.
pub const TOKEN_HEADER: &str = "x-forwarded-access-token";

/// A project (namespace) of the pretend cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub name: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    /// Labelled `opendatahub.io/dashboard: "true"`, as ODH marks data science projects.
    pub ai_project: bool,
    /// Other labels of the namespace.
    pub labels: BTreeMap<String, String>,
}

/// A user of the pretend cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub token: String,
    /// A cluster admin: sees every project (including system namespaces) and may use the
    /// cluster-wide Prometheus routes, as `cluster-monitoring-view` allows in OpenShift.
    pub admin: bool,
    /// The projects a non-admin user may see.
    pub projects: BTreeSet<String>,
}

/// The users and projects of the pretend cluster.
#[derive(Debug, Clone)]
pub struct Rbac {
    projects: Vec<Project>,
    users: Vec<User>,
    /// Index into `users` of the user assumed when no token is sent.
    local_user: Option<usize>,
}

/// Why the RBAC file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum RbacError {
    #[error("cannot read the RBAC file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the RBAC file {path} is not valid: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// Why a request has no user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("no {TOKEN_HEADER} header, and local mode is off (--no-local-user)")]
    MissingToken,
    #[error("the token in {TOKEN_HEADER} belongs to no user of the RBAC file")]
    UnknownToken,
}

impl Rbac {
    /// Reads and checks an RBAC file.
    pub fn load(path: &Path) -> Result<Self, RbacError> {
        let text = std::fs::read_to_string(path).map_err(|source| RbacError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_yaml(&text).map_err(|message| RbacError::Invalid {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses and checks the text of an RBAC file; the error says what is wrong.
    pub fn from_yaml(text: &str) -> Result<Self, String> {
        let documents =
            parse_documents(text, SourceFormat::Yaml).map_err(|error| error.to_string())?;
        let [document] = <[_; 1]>::try_from(documents).map_err(|documents| {
            format!("expected one YAML document, found {}", documents.len())
        })?;
        let file: RbacFile = serde_json::from_value(document).map_err(|error| error.to_string())?;
        Self::from_file(file)
    }

    /// Finds the caller. Without a token, local mode gives the configured local user.
    pub fn authenticate(&self, token: Option<&str>, local_mode: bool) -> Result<&User, AuthError> {
        match token {
            Some(token) => self
                .users
                .iter()
                .find(|user| user.token == token)
                .ok_or(AuthError::UnknownToken),
            None if local_mode => self
                .local_user
                .and_then(|index| self.users.get(index))
                .ok_or(AuthError::MissingToken),
            None => Err(AuthError::MissingToken),
        }
    }

    /// The user called `name`.
    pub fn user_named(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|user| user.name == name)
    }

    /// Every project of the cluster, in file order.
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }

    /// The projects a user may see: all of them for an admin.
    pub fn visible_projects<'a>(&'a self, user: &'a User) -> impl Iterator<Item = &'a Project> {
        self.projects
            .iter()
            .filter(move |project| user.admin || user.projects.contains(&project.name))
    }

    /// Whether a user may read a namespace. An admin may read any namespace, even one that is
    /// not a project, as a cluster admin may in OpenShift.
    pub fn may_read(&self, user: &User, namespace: &str) -> bool {
        user.admin || user.projects.contains(namespace)
    }

    /// The user assumed in local mode, if the file names one.
    pub fn local_user(&self) -> Option<&User> {
        self.local_user.and_then(|index| self.users.get(index))
    }

    fn from_file(file: RbacFile) -> Result<Self, String> {
        let mut project_names = BTreeSet::new();
        for project in &file.projects {
            check_name("project", &project.name)?;
            if !project_names.insert(project.name.as_str()) {
                return Err(format!("project {:?} is listed twice", project.name));
            }
        }
        let mut user_names = BTreeSet::new();
        let mut tokens = BTreeSet::new();
        for user in &file.users {
            check_name("user", &user.name)?;
            if !user_names.insert(user.name.as_str()) {
                return Err(format!("user {:?} is listed twice", user.name));
            }
            if user.token.trim().is_empty() {
                return Err(format!("user {:?} has an empty token", user.name));
            }
            if !tokens.insert(user.token.as_str()) {
                return Err(format!(
                    "user {:?} shares a token with another user",
                    user.name
                ));
            }
            if let Some(unknown) = user
                .projects
                .iter()
                .find(|name| !project_names.contains(name.as_str()))
            {
                return Err(format!(
                    "user {:?} is given project {unknown:?}, which is not in the projects list",
                    user.name
                ));
            }
        }
        let local_user = match &file.local_user {
            Some(name) => Some(
                file.users
                    .iter()
                    .position(|user| &user.name == name)
                    .ok_or_else(|| format!("localUser {name:?} is not in the users list"))?,
            ),
            None => None,
        };
        Ok(Self {
            projects: file.projects.into_iter().map(Project::from).collect(),
            users: file.users.into_iter().map(User::from).collect(),
            local_user,
        })
    }
}

/// Names must be usable as Kubernetes names, so a typo cannot create an unreachable entry.
fn check_name(what: &str, name: &str) -> Result<(), String> {
    let valid = !name.is_empty()
        && name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !name.starts_with(['-', '.'])
        && !name.ends_with(['-', '.']);
    if valid {
        Ok(())
    } else {
        Err(format!(
            "{what} name {name:?} is not a Kubernetes name (lower-case letters, digits, '-' and '.')"
        ))
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RbacFile {
    local_user: Option<String>,
    projects: Vec<ProjectEntry>,
    users: Vec<UserEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProjectEntry {
    name: String,
    display_name: Option<String>,
    description: Option<String>,
    #[serde(default)]
    ai_project: bool,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct UserEntry {
    name: String,
    token: String,
    #[serde(default)]
    admin: bool,
    #[serde(default)]
    projects: Vec<String>,
}

impl From<ProjectEntry> for Project {
    fn from(entry: ProjectEntry) -> Self {
        Self {
            name: entry.name,
            display_name: entry.display_name,
            description: entry.description,
            ai_project: entry.ai_project,
            labels: entry.labels,
        }
    }
}

impl From<UserEntry> for User {
    fn from(entry: UserEntry) -> Self {
        Self {
            name: entry.name,
            token: entry.token,
            admin: entry.admin,
            projects: entry.projects.into_iter().collect(),
        }
    }
}

#[cfg(test)]
#[path = "rbac_tests.rs"]
mod tests;
