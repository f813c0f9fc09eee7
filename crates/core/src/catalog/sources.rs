//! Putting a project's dashboard list together from its two sources, the `PersesDashboard`
//! resources and the Perses API, so that one failing source costs only its own dashboards.

use super::{CatalogEntry, parse_dashboard_list};

/// One reply of a listing request.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    pub status: u16,
    pub body: &'a str,
}

/// The dashboards that could be listed, and notes about what could not.
#[derive(Debug, Clone)]
pub struct Assembled {
    pub entries: Vec<CatalogEntry>,
    pub notes: Vec<String>,
}

/// Why no list at all could be shown: the HTTP status (when the backend answered) and what
/// it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: Option<u16>,
    pub message: String,
}

/// The dashboards of a project from the resources' reply (after any fallback to an older API
/// version) and, when the request got an answer, the Perses API's.
///
/// - The resources list failing is fatal only when the Perses API has nothing to offer
///   either, or when the session has expired (401: nothing else will work).
/// - A 404 for the resources means the cluster has no `PersesDashboard` type (no Perses
///   operator): an empty list with a note, not an error.
/// - The Perses API is optional: most clusters have none for projects, so its failures are
///   silent unless it answered 200 with something unreadable.
pub fn assemble(resources: Answer<'_>, perses: Option<Answer<'_>>) -> Result<Assembled, Failure> {
    let mut notes = Vec::new();
    let from_perses = match perses {
        Some(Answer { status: 200, body }) => match parse_dashboard_list(body) {
            Ok((entries, _)) => Some(entries),
            Err(error) => {
                notes.push(format!(
                    "The Perses API answered with something unexpected: {error}"
                ));
                None
            }
        },
        _ => None,
    };
    let perses_offers = from_perses
        .as_ref()
        .is_some_and(|entries| !entries.is_empty());

    let from_resources = match resources.status {
        200 => match parse_dashboard_list(resources.body) {
            Ok((entries, skipped)) => {
                notes.extend(
                    skipped
                        .iter()
                        .map(|problem| format!("A resource was skipped: {problem}")),
                );
                entries
            }
            Err(message) if perses_offers => {
                notes.push(format!(
                    "The PersesDashboard resources could not be read: {message}"
                ));
                Vec::new()
            }
            Err(message) => {
                return Err(Failure {
                    status: Some(200),
                    message,
                });
            }
        },
        404 => {
            if !perses_offers {
                notes.push(
                    "This cluster has no PersesDashboard resource type: the Perses operator \
                     (part of the cluster observability stack) is not installed. Ask an \
                     administrator to install it."
                        .to_owned(),
                );
            }
            Vec::new()
        }
        status if status != 401 && perses_offers => {
            let message =
                status_message(resources.body).unwrap_or_else(|| format!("HTTP {status}"));
            notes.push(format!(
                "The PersesDashboard resources could not be listed ({message}); only the \
                 dashboards of the Perses API are shown."
            ));
            Vec::new()
        }
        status => {
            return Err(Failure {
                status: Some(status),
                message: status_message(resources.body).unwrap_or_else(|| format!("HTTP {status}")),
            });
        }
    };
    let mut sources = vec![from_resources];
    sources.extend(from_perses);
    Ok(Assembled {
        entries: super::merge(sources),
        notes,
    })
}

/// The `message` of a Kubernetes `Status` or an ODH error body.
pub fn status_message(body: &str) -> Option<String> {
    let value = crate::json_tree::parse(body).ok()?;
    value
        .get("message")?
        .as_str()
        .filter(|message| !message.trim().is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
#[path = "sources_tests.rs"]
mod tests;
