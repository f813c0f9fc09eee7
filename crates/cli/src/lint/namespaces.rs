//! `namespace` matchers on project dashboards.
//!
//! On a project dashboard the server enforces the project on every selector (the tenancy
//! port): a matcher that names another namespace makes the query return nothing there. The
//! matcher is read from the query as written, before variables are filled in, so `$namespace`
//! (or any other variable) is told apart from a literal.

use obs_core::dashboard::{Dashboard, Query};
use obs_core::diagnostic::Path;
use obs_core::scope::{DashboardHome, QueryScope, home_of_namespace, query_scope};

use super::Issue;
use super::rule::Rule;

/// Where a dashboard lives, judged from its project alone (a linter does not see labels).
pub fn home(dashboard: &Dashboard) -> DashboardHome {
    dashboard
        .project
        .as_deref()
        .map_or(DashboardHome::Project, home_of_namespace)
}

/// Matchers in the tenancy-scoped panel queries that the enforced project empties.
pub fn check(dashboard: &Dashboard, spec_path: &Path) -> Vec<Issue> {
    let home = home(dashboard);
    let mut issues = Vec::new();
    for (key, panel) in &dashboard.panels {
        for (index, query) in panel.queries.iter().enumerate() {
            let Query::Prometheus(query) = query else {
                continue;
            };
            let scope = query_scope(query.datasource.as_ref(), dashboard, home, |_| None);
            if scope != QueryScope::Tenancy {
                continue;
            }
            let project = dashboard.project.as_deref();
            if let Some(value) = literal_matchers(&query.query)
                .into_iter()
                .find(|value| Some(value.as_str()) != project)
            {
                let path = spec_path
                    .key("panels")
                    .key(key)
                    .key("spec")
                    .key("queries")
                    .index(index)
                    .key("spec")
                    .key("plugin")
                    .key("spec")
                    .key("query");
                let lives = project.map_or_else(String::new, |project| {
                    format!(" (this dashboard lives in {project:?})")
                });
                issues.push(Issue::new(
                    Rule::NamespaceMatcher,
                    &path,
                    format!(
                        "namespace {value:?}: on a project dashboard the server keeps every \
                         query to the project{lives}, so this selector returns nothing; use \
                         namespace=\"$namespace\" or leave the namespace out"
                    ),
                ));
            }
        }
    }
    issues
}

/// The literal values of the `namespace="…"` and `namespace=~"…"` matchers of `query` (regexes
/// only when they are plain text), not those holding a variable.
fn literal_matchers(query: &str) -> Vec<String> {
    let mut values = Vec::new();
    let bytes = query.as_bytes();
    for (at, _) in query.match_indices("namespace") {
        let before_ok = at == 0 || !is_word(bytes[at - 1]);
        let rest = query[at + "namespace".len()..].trim_start();
        if !before_ok {
            continue;
        }
        let (regex, rest) = if let Some(rest) = rest.strip_prefix("=~") {
            (true, rest)
        } else if let Some(rest) = rest.strip_prefix('=').filter(|rest| !rest.starts_with('=')) {
            (false, rest)
        } else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        else {
            continue;
        };
        let Some(end) = rest[1..].find(quote) else {
            continue;
        };
        let value = &rest[1..=end];
        let holds_variable = value.contains('$');
        let pattern = regex && value.contains(|c: char| ".*+?|()[]{}^\\".contains(c));
        let plain = !holds_variable && !pattern;
        if plain && !value.is_empty() {
            values.push(value.to_owned());
        }
    }
    values
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_namespace_matchers() {
        let cases: [(&str, &[&str]); 8] = [
            (r#"up{namespace="other"}"#, &["other"]),
            (r#"up{namespace = 'other', pod="x"}"#, &["other"]),
            (r#"up{namespace="$namespace"}"#, &[]),
            (r#"up{namespace=~"${namespace:regex}"}"#, &[]),
            (r#"up{namespace=~"a|b"}"#, &[]),
            (r#"up{namespace!="kube-system"}"#, &[]),
            (r#"up{exported_namespace="other"}"#, &[]),
            (r#"sum by (namespace) (up) == 1"#, &[]),
        ];
        for (query, expected) in cases {
            assert_eq!(literal_matchers(query), expected, "{query}");
        }
    }
}
