//! The shapes a stored dashboard is served in: a PersesDashboard of either version, or the
//! Perses API's `Dashboard`.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

use super::StoredDashboard;

/// A served version of the PersesDashboard custom resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrVersion {
    /// `perses.dev/v1alpha1`: the dashboard spec is `.spec`.
    V1Alpha1,
    /// `perses.dev/v1alpha2`: the dashboard spec is `.spec.config`.
    V1Alpha2,
}

impl CrVersion {
    /// The version named in an API path (`v1alpha1`), if it is served.
    pub fn from_path(segment: &str) -> Option<Self> {
        match segment {
            "v1alpha1" => Some(Self::V1Alpha1),
            "v1alpha2" => Some(Self::V1Alpha2),
            _ => None,
        }
    }

    pub fn api_version(self) -> &'static str {
        match self {
            Self::V1Alpha1 => obs_core::envelope::V1ALPHA1,
            Self::V1Alpha2 => obs_core::envelope::V1ALPHA2,
        }
    }
}

/// The dashboard as a PersesDashboard of `version`.
pub fn custom_resource(dashboard: &StoredDashboard, version: CrVersion) -> Value {
    let spec = match version {
        CrVersion::V1Alpha1 => dashboard.spec.clone(),
        CrVersion::V1Alpha2 => {
            let mut spec = Map::new();
            spec.insert("config".to_owned(), dashboard.spec.clone());
            if let Some(selector) = &dashboard.instance_selector {
                spec.insert("instanceSelector".to_owned(), selector.clone());
            }
            Value::Object(spec)
        }
    };
    json!({
        "apiVersion": version.api_version(),
        "kind": "PersesDashboard",
        "metadata": kubernetes_metadata(dashboard),
        "spec": spec,
    })
}

/// A PersesDashboardList of `version`.
pub fn custom_resource_list<'a>(
    dashboards: impl Iterator<Item = &'a StoredDashboard>,
    version: CrVersion,
    list_resource_version: u64,
) -> Value {
    let items: Vec<Value> = dashboards
        .map(|dashboard| custom_resource(dashboard, version))
        .collect();
    json!({
        "apiVersion": version.api_version(),
        "kind": "PersesDashboardList",
        "metadata": {"resourceVersion": list_resource_version.to_string()},
        "items": items,
    })
}

/// The dashboard as the Perses API serves it.
pub fn perses_dashboard(dashboard: &StoredDashboard) -> Value {
    json!({
        "kind": "Dashboard",
        "metadata": {
            "name": dashboard.name,
            "project": dashboard.namespace,
            "createdAt": rfc3339(dashboard.created_at),
            "updatedAt": rfc3339(dashboard.updated_at),
            "version": 0,
        },
        "spec": dashboard.spec,
    })
}

fn kubernetes_metadata(dashboard: &StoredDashboard) -> Value {
    let mut metadata = json!({
        "name": dashboard.name,
        "namespace": dashboard.namespace,
        "uid": dashboard.uid,
        "resourceVersion": dashboard.resource_version,
        "generation": 1,
        "creationTimestamp": rfc3339(dashboard.created_at),
    });
    if let Some(fields) = metadata.as_object_mut() {
        // The API server leaves empty maps out.
        if !dashboard.labels.is_empty() {
            fields.insert("labels".to_owned(), Value::Object(dashboard.labels.clone()));
        }
        if !dashboard.annotations.is_empty() {
            fields.insert(
                "annotations".to_owned(),
                Value::Object(dashboard.annotations.clone()),
            );
        }
    }
    metadata
}

/// Kubernetes and Perses both write whole seconds in UTC with a `Z`.
pub(crate) fn rfc3339(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn stored() -> StoredDashboard {
        StoredDashboard {
            namespace: "ns".into(),
            name: "d".into(),
            source: PathBuf::from("ns/d.yaml"),
            spec: json!({"display": {"name": "D"}, "panels": {}}),
            instance_selector: Some(json!({"matchLabels": {"app": "perses"}})),
            labels: Map::new(),
            annotations: Map::new(),
            created_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
            updated_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
            uid: "u".into(),
            resource_version: "7".into(),
        }
    }

    #[test]
    fn each_version_keeps_the_spec_in_its_place() {
        let v1 = custom_resource(&stored(), CrVersion::V1Alpha1);
        assert_eq!(v1["spec"]["display"]["name"], "D");
        assert_eq!(v1["apiVersion"], "perses.dev/v1alpha1");
        let v2 = custom_resource(&stored(), CrVersion::V1Alpha2);
        assert_eq!(v2["spec"]["config"]["display"]["name"], "D");
        assert_eq!(
            v2["spec"]["instanceSelector"]["matchLabels"]["app"],
            "perses"
        );
        assert_eq!(v2["metadata"]["creationTimestamp"], "2023-11-14T22:13:20Z");
        assert!(v2["metadata"].get("labels").is_none());
        let perses = perses_dashboard(&stored());
        assert_eq!(perses["metadata"]["project"], "ns");
        assert_eq!(perses["spec"]["display"]["name"], "D");
    }
}
