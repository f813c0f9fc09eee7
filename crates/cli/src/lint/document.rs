//! One dashboard resource: the model's problems, its PromQL, its variables and the metric
//! rules, as issues with paths from the document's root.

use obs_core::dashboard::{Loaded, PanelKind, load_document};
use obs_core::diagnostic::Path;
use serde_json::Value;

use super::rule::Rule;
use super::samples::Samples;
use super::{Issue, namespaces, queries, rules, variables};

/// A resource of a document.
pub enum Resource<'a> {
    /// A `Dashboard` or `PersesDashboard`, at this path of the document.
    Dashboard { value: &'a Value, path: Path },
    /// Any other resource: GitOps directories hold dashboards next to other manifests.
    Other,
    /// A List whose items cannot be read.
    Broken(obs_core::diagnostic::Diagnostic),
}

const DASHBOARD_KINDS: [&str; 2] = ["Dashboard", "PersesDashboard"];

/// The resources of a document: itself, or the items of a List or an array (as the model
/// finds them); a List whose items are not an array is reported as a broken dashboard file.
pub fn resources(document: &Value) -> Vec<Resource<'_>> {
    obs_core::envelope::resources(document)
        .into_iter()
        .map(|resource| match resource {
            Ok((path, value)) => {
                let kind = value.get("kind").and_then(Value::as_str);
                if kind.is_some_and(|kind| DASHBOARD_KINDS.contains(&kind)) {
                    Resource::Dashboard { value, path }
                } else {
                    Resource::Other
                }
            }
            Err(diagnostic) => Resource::Broken(diagnostic),
        })
        .collect()
}

/// Everything wrong with one dashboard resource at `path`.
pub fn lint(resource: &Value, path: &Path) -> Vec<Issue> {
    let mut issues = Vec::new();
    for loaded in load_document(resource) {
        match loaded {
            Ok(loaded) => issues.extend(dashboard_issues(&loaded, resource)),
            Err(diagnostic) => issues.push(Issue {
                rule: Rule::Model(obs_core::dashboard::ProblemKind::Invalid),
                path: diagnostic.path,
                message: diagnostic.message,
            }),
        }
    }
    for issue in &mut issues {
        issue.path = join(path, &issue.path);
    }
    issues
}

fn dashboard_issues(loaded: &Loaded, resource: &Value) -> Vec<Issue> {
    let dashboard = &loaded.dashboard;
    let mut issues: Vec<Issue> = loaded
        .problems
        .iter()
        .map(|problem| {
            let mut message = problem.diagnostic.message.clone();
            if let Some(details) = &problem.diagnostic.details {
                message.push_str(&format!(" ({details})"));
            }
            Issue {
                rule: Rule::Model(problem.kind),
                path: problem.diagnostic.path.clone(),
                message,
            }
        })
        .collect();
    let samples = Samples::of(dashboard);
    for text in queries::texts(dashboard, &loaded.spec_path) {
        match queries::parse(&text, &samples) {
            Ok(Some(expr)) => {
                if let Some(panel) = text.panel {
                    issues.extend(rules::check(&expr, panel, &text.path));
                }
            }
            Ok(None) => {}
            Err(issue) => issues.push(issue),
        }
    }
    if let Some(spec) = value_at(resource, &loaded.spec_path) {
        issues.extend(variables::check(dashboard, spec, &loaded.spec_path));
    }
    issues.extend(namespaces::check(dashboard, &loaded.spec_path));
    for (key, panel) in &dashboard.panels {
        let draws_data = !matches!(
            panel.kind,
            PanelKind::Markdown(_) | PanelKind::Unsupported { .. } | PanelKind::Invalid { .. }
        );
        if draws_data && panel.queries.is_empty() {
            issues.push(Issue::new(
                Rule::PanelWithoutQuery,
                &loaded.spec_path.key("panels").key(key),
                format!(
                    "the {} panel has no query, so it stays empty",
                    panel.kind.name()
                ),
            ));
        }
    }
    issues
}

/// The value at a model path (`spec.config`) of a resource: only plain keys are needed here.
fn value_at<'a>(resource: &'a Value, path: &Path) -> Option<&'a Value> {
    if path.is_root() {
        return Some(resource);
    }
    path.as_str()
        .split('.')
        .try_fold(resource, |value, key| value.get(key))
}

/// `prefix` and a path relative to it, as one path from the document's root.
fn join(prefix: &Path, relative: &str) -> String {
    match (prefix.as_str(), relative) {
        (prefix, "") => prefix.to_owned(),
        ("", relative) => relative.to_owned(),
        (prefix, relative) if relative.starts_with('[') => format!("{prefix}{relative}"),
        (prefix, relative) => format!("{prefix}.{relative}"),
    }
}
