//! Where the page keeps its state in the address: all in the query string on the standalone
//! page, or, inside the ODH shell, the project as a path segment under the route the host gave
//! the plugin (`/observe-and-monitor/observability/<project>?dashboard=…`), as ODH's own
//! plugins put `:namespace` in their paths.

use super::UrlState;
use crate::interpolate::encode_uri_component;

/// How the address is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The standalone page: the path is left alone and the project is `?project=`.
    Query,
    /// Inside a host: `<base>/<project>` and the rest in the query string. `base` starts with
    /// `/` and has no trailing `/`; the root is the empty string.
    Path { base: String },
}

/// Why a base path given by the host cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasePathError(pub String);

impl std::fmt::Display for BasePathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BasePathError {}

impl Route {
    /// The route for a page mounted by a host under `base` (for example
    /// `/observe-and-monitor/observability`, with or without a trailing `/` or `/*`).
    pub fn embedded(base: &str) -> Result<Self, BasePathError> {
        let trimmed = base.strip_suffix("/*").unwrap_or(base);
        let trimmed = trimmed.trim_end_matches('/');
        if !base.starts_with('/') {
            return Err(BasePathError(format!(
                "the base path must start with \"/\", got {base:?}"
            )));
        }
        let bad_segment = trimmed.split('/').skip(1).any(|segment| {
            segment.is_empty() || segment == "." || segment == ".." || segment.starts_with(':')
        });
        if trimmed.contains(['?', '#', '*', '\\']) || bad_segment {
            return Err(BasePathError(format!(
                "the base path must be a plain path such as /observe-and-monitor/observability, got {base:?}"
            )));
        }
        Ok(Self::Path {
            base: trimmed.to_owned(),
        })
    }

    /// Reads the page's state from the address's path and query string.
    pub fn read(&self, path: &str, query: &str) -> UrlState {
        let mut state = UrlState::parse(query);
        if let Self::Path { base } = self
            && let Some(project) = project_segment(base, path)
        {
            // The path wins over a `?project=` left in a link made on the standalone page.
            state.project = Some(project);
        }
        state
    }

    /// The address (path and query string, no fragment) that shows `state`. `current_path` is
    /// kept on the standalone page, where the path is not the page's.
    pub fn href(&self, state: &UrlState, current_path: &str) -> String {
        let (path, query) = match self {
            Self::Query => (current_path.to_owned(), state.to_query()),
            Self::Path { base } => {
                let path = match &state.project {
                    Some(project) => format!("{base}/{}", encode_uri_component(project)),
                    None if base.is_empty() => "/".to_owned(),
                    None => base.clone(),
                };
                let without_project = UrlState {
                    project: None,
                    ..state.clone()
                };
                (path, without_project.to_query())
            }
        };
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    }
}

/// The first path segment below `base`, percent-decoded; `None` when the path is not under
/// `base` or names no project.
fn project_segment(base: &str, path: &str) -> Option<String> {
    let rest = path.strip_prefix(base)?;
    let rest = rest.strip_prefix('/')?;
    let segment = rest.split('/').next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .ok()?
        .into_owned();
    (!decoded.is_empty()).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Route {
        Route::embedded("/observe-and-monitor/observability").unwrap_or(Route::Query)
    }

    #[test]
    fn base_paths() {
        let check = |base: &str, expected: Result<&str, ()>| {
            let got = Route::embedded(base);
            match (got, expected) {
                (Ok(Route::Path { base: got }), Ok(want)) => assert_eq!(got, want, "{base}"),
                (Err(_), Err(())) => {}
                (got, want) => panic!("{base}: got {got:?}, want {want:?}"),
            }
        };
        check(
            "/observe-and-monitor/observability",
            Ok("/observe-and-monitor/observability"),
        );
        check(
            "/observe-and-monitor/observability/",
            Ok("/observe-and-monitor/observability"),
        );
        check(
            "/observe-and-monitor/observability/*",
            Ok("/observe-and-monitor/observability"),
        );
        check("/", Ok(""));
        check("", Err(()));
        check("observability", Err(()));
        check("/a/:namespace", Err(()));
        check("/a//b", Err(()));
        check("/a/../b", Err(()));
        check("/a?x=1", Err(()));
        check("/a#top", Err(()));
    }

    #[test]
    fn reads_the_project_from_the_path() {
        let check = |path: &str, query: &str, project: Option<&str>| {
            assert_eq!(
                embedded().read(path, query).project.as_deref(),
                project,
                "{path}?{query}"
            );
        };
        let base = "/observe-and-monitor/observability";
        check(base, "", None);
        check(&format!("{base}/"), "", None);
        check(
            &format!("{base}/fraud-detection"),
            "",
            Some("fraud-detection"),
        );
        check(
            &format!("{base}/fraud-detection/"),
            "",
            Some("fraud-detection"),
        );
        check(
            &format!("{base}/fraud-detection/extra"),
            "",
            Some("fraud-detection"),
        );
        check(&format!("{base}/team%20a"), "", Some("team a"));
        check(&format!("{base}/bad%ff"), "", None);
        // A standalone link's `?project=` still works when the path has none…
        check(base, "project=team-a", Some("team-a"));
        // …and the path wins when both are there.
        check(&format!("{base}/team-b"), "project=team-a", Some("team-b"));
        // A path that only starts like the base is not ours.
        check("/observe-and-monitor/observability-other/x", "", None);
        check("/elsewhere/x", "", None);
        assert_eq!(
            Route::Query
                .read("/anything/x", "project=p")
                .project
                .as_deref(),
            Some("p")
        );
    }

    #[test]
    fn writes_the_project_into_the_path() {
        let state = UrlState::parse("project=fraud-detection&dashboard=serving&start=1h&host=x");
        assert_eq!(
            embedded().href(&state, "/ignored"),
            "/observe-and-monitor/observability/fraud-detection?dashboard=serving&start=1h&host=x"
        );
        assert_eq!(
            embedded().href(&UrlState::default(), "/ignored"),
            "/observe-and-monitor/observability"
        );
        assert_eq!(
            Route::Path {
                base: String::new()
            }
            .href(&UrlState::default(), "/x"),
            "/"
        );
        assert_eq!(
            Route::Query.href(&state, "/standalone/"),
            "/standalone/?project=fraud-detection&dashboard=serving&start=1h&host=x"
        );
        assert_eq!(Route::Query.href(&UrlState::default(), "/"), "/");
    }

    #[test]
    fn round_trips_through_the_path() {
        let state = UrlState::parse("project=team%20a%2Fb&dashboard=d&var-pod=a,b");
        let href = embedded().href(&state, "/");
        let (path, query) = href.split_once('?').unwrap_or((&href, ""));
        assert_eq!(embedded().read(path, query), state);
    }
}
