//! The resources a dashboard arrives in, and where each keeps the dashboard spec.
//!
//! | resource                                 | dashboard spec |
//! |------------------------------------------|----------------|
//! | `kind: Dashboard` (Perses API v1)        | `.spec`        |
//! | `PersesDashboard` `perses.dev/v1alpha1`  | `.spec`        |
//! | `PersesDashboard` `perses.dev/v1alpha2`  | `.spec.config` |
//! | `kind: List` / `…List` of the above      | `.items[i]…`   |
//!
//! A top-level JSON array of resources (as `perses/dev/data` keeps them) is read like a List.
//! Real data also holds hybrids (a `PersesDashboard` without `apiVersion`), so the place of
//! the spec is decided by the shape of the object, and `apiVersion` only when the shape is
//! ambiguous.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Path};

/// Which resource a dashboard came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Envelope {
    /// `kind: Dashboard`, the Perses API v1 resource.
    Dashboard,
    /// `PersesDashboard` of `perses.dev/v1alpha1`: the dashboard spec is `.spec`.
    PersesDashboardV1Alpha1,
    /// `PersesDashboard` of `perses.dev/v1alpha2`: the dashboard spec is `.spec.config`.
    PersesDashboardV1Alpha2,
}

pub const API_GROUP: &str = "perses.dev";
pub const V1ALPHA1: &str = "perses.dev/v1alpha1";
pub const V1ALPHA2: &str = "perses.dev/v1alpha2";

/// A dashboard resource found in a document, before its spec is parsed.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub envelope: Envelope,
    /// The resource object itself.
    pub resource: &'a Map<String, Value>,
    /// Where the resource is in the document.
    pub resource_path: Path,
    /// The dashboard spec (`spec` or `spec.config`).
    pub spec: &'a Value,
    pub spec_path: Path,
    /// Problems of the envelope that do not stop the dashboard from loading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds every dashboard resource in a document. A resource that is not a dashboard gives an
/// error naming its path; the others are still returned.
pub fn find_dashboards(document: &Value) -> Vec<Result<Found<'_>, Diagnostic>> {
    resources(document)
        .into_iter()
        .map(|resource| resource.and_then(|(path, value)| find_one(value, path)))
        .collect()
}

/// The resources of a document with their paths: the document itself, or the items of a
/// `List` or of an array. A list whose `items` is not an array is an error at that path.
pub fn resources(document: &Value) -> Vec<Result<(Path, &Value), Diagnostic>> {
    let root = Path::root();
    match document {
        Value::Array(list) => items(list, &root),
        Value::Object(object) if is_list(object) => match object.get("items") {
            Some(Value::Array(list)) => items(list, &root.key("items")),
            Some(Value::Null) | None => Vec::new(),
            Some(_) => vec![Err(Diagnostic::new(
                &root.key("items"),
                "expected the list's items as an array",
            ))],
        },
        _ => vec![Ok((root, document))],
    }
}

fn items<'a>(list: &'a [Value], path: &Path) -> Vec<Result<(Path, &'a Value), Diagnostic>> {
    list.iter()
        .enumerate()
        .map(|(index, item)| Ok((path.index(index), item)))
        .collect()
}

fn is_list(object: &Map<String, Value>) -> bool {
    object
        .get("kind")
        .and_then(Value::as_str)
        .is_some_and(|kind| kind == "List" || kind.ends_with("List"))
}

fn find_one(value: &Value, path: Path) -> Result<Found<'_>, Diagnostic> {
    let Value::Object(resource) = value else {
        return Err(Diagnostic::new(
            &path,
            "expected a dashboard resource (an object)",
        ));
    };
    let kind = resource.get("kind").and_then(Value::as_str);
    let Some(spec_value) = resource.get("spec") else {
        return Err(Diagnostic::new(
            &path.key("spec"),
            "missing: a dashboard needs a spec",
        ));
    };
    let spec_path = path.key("spec");
    match kind {
        Some("Dashboard") => Ok(Found {
            envelope: Envelope::Dashboard,
            resource,
            resource_path: path,
            spec: spec_value,
            spec_path,
            diagnostics: Vec::new(),
        }),
        Some("PersesDashboard") => Ok(find_custom_resource(resource, path, spec_value, spec_path)),
        Some(other) => Err(Diagnostic::new(
            &path.key("kind"),
            format!("expected Dashboard, PersesDashboard or a List of them, found {other:?}"),
        )),
        None => Err(Diagnostic::new(
            &path.key("kind"),
            "missing: expected Dashboard, PersesDashboard or a List of them",
        )),
    }
}

fn find_custom_resource<'a>(
    resource: &'a Map<String, Value>,
    resource_path: Path,
    spec: &'a Value,
    spec_path: Path,
) -> Found<'a> {
    let api_version = resource.get("apiVersion").and_then(Value::as_str);
    let config = spec.get("config").filter(|config| config.is_object());
    let mut diagnostics = Vec::new();
    let (envelope, spec, spec_path) = match (config, api_version) {
        (Some(config), _) => {
            if api_version == Some(V1ALPHA1) {
                diagnostics.push(Diagnostic::new(
                    &spec_path.key("config"),
                    "perses.dev/v1alpha1 keeps the dashboard directly under spec; \
                     spec.config is the v1alpha2 layout",
                ));
            }
            (
                Envelope::PersesDashboardV1Alpha2,
                config,
                spec_path.key("config"),
            )
        }
        (None, Some(V1ALPHA2)) => {
            diagnostics.push(Diagnostic::new(
                &spec_path.key("config"),
                "missing: perses.dev/v1alpha2 keeps the dashboard under spec.config \
                 (read from spec, as in v1alpha1)",
            ));
            (Envelope::PersesDashboardV1Alpha1, spec, spec_path)
        }
        (None, _) => (Envelope::PersesDashboardV1Alpha1, spec, spec_path),
    };
    Found {
        envelope,
        resource,
        resource_path,
        spec,
        spec_path,
        diagnostics,
    }
}

impl Found<'_> {
    /// `metadata.name`.
    pub fn name(&self) -> Option<&str> {
        self.metadata_string("name")
    }

    /// The Perses project: `metadata.project` for a Dashboard, the namespace for a CR.
    pub fn project(&self) -> Option<&str> {
        match self.envelope {
            Envelope::Dashboard => self.metadata_string("project"),
            Envelope::PersesDashboardV1Alpha1 | Envelope::PersesDashboardV1Alpha2 => {
                self.metadata_string("namespace")
            }
        }
    }

    pub fn metadata_path(&self) -> Path {
        self.resource_path.key("metadata")
    }

    fn metadata_string(&self, key: &str) -> Option<&str> {
        self.resource.get("metadata")?.get(key)?.as_str()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn envelopes(document: &Value) -> Vec<Result<(Envelope, String), String>> {
        find_dashboards(document)
            .into_iter()
            .map(|found| {
                found
                    .map(|found| (found.envelope, found.spec_path.to_string()))
                    .map_err(|error| error.to_string())
            })
            .collect()
    }

    #[test]
    fn finds_the_spec_of_every_envelope() {
        let dashboard = json!({"kind": "Dashboard", "metadata": {"name": "a"}, "spec": {}});
        let v1 = json!({"apiVersion": V1ALPHA1, "kind": "PersesDashboard", "spec": {"panels": {}}});
        let v2 = json!({"apiVersion": V1ALPHA2, "kind": "PersesDashboard", "spec": {"config": {}}});
        let bare = json!({"kind": "PersesDashboard", "spec": {"panels": {}}});
        assert_eq!(
            envelopes(&dashboard),
            [Ok((Envelope::Dashboard, "spec".into()))]
        );
        assert_eq!(
            envelopes(&v1),
            [Ok((Envelope::PersesDashboardV1Alpha1, "spec".into()))]
        );
        assert_eq!(
            envelopes(&v2),
            [Ok((
                Envelope::PersesDashboardV1Alpha2,
                "spec.config".into()
            ))]
        );
        assert_eq!(
            envelopes(&bare),
            [Ok((Envelope::PersesDashboardV1Alpha1, "spec".into()))]
        );
        let list = json!({"apiVersion": "v1", "kind": "List", "items": [dashboard, v1, v2, 3]});
        assert_eq!(
            envelopes(&list),
            [
                Ok((Envelope::Dashboard, "items[0].spec".into())),
                Ok((Envelope::PersesDashboardV1Alpha1, "items[1].spec".into())),
                Ok((
                    Envelope::PersesDashboardV1Alpha2,
                    "items[2].spec.config".into()
                )),
                Err("items[3]: expected a dashboard resource (an object)".into()),
            ]
        );
    }

    #[test]
    fn other_resources_are_named() {
        assert_eq!(
            envelopes(&json!({"kind": "ConfigMap", "spec": {}})),
            [Err(
                r#"kind: expected Dashboard, PersesDashboard or a List of them, found "ConfigMap""#
                    .into()
            )]
        );
        assert_eq!(
            envelopes(&json!({"kind": "Dashboard"})),
            [Err("spec: missing: a dashboard needs a spec".into())]
        );
        assert_eq!(
            envelopes(&json!({"kind": "PersesDashboardList", "items": []})),
            []
        );
    }

    #[test]
    fn project_comes_from_the_namespace_of_a_custom_resource() {
        let cr = json!({"apiVersion": V1ALPHA2, "kind": "PersesDashboard",
            "metadata": {"name": "m", "namespace": "team-a"}, "spec": {"config": {}}});
        let found = find_dashboards(&cr).remove(0).unwrap();
        assert_eq!((found.name(), found.project()), (Some("m"), Some("team-a")));
    }
}
