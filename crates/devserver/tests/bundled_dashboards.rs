//! The bundled dashboards of `dashboards/`: every file loads with zero errors, every query is
//! written as ODH tenancy expects (the tenancy rewrite accepts it), and together they cover
//! the demo projects, both PersesDashboard versions and the panel kinds the plugin draws.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use obs_core::dashboard::{ListSource, Query, Severity, VariableKind, load_document};
use obs_core::envelope::Envelope;
use obs_core::source::{SourceFormat, parse_documents};
use obs_devserver::tenancy::enforce_namespace;

/// ODH's own namespace in the development backend: its dashboards are the cluster view.
const CLUSTER_NAMESPACE: &str = "opendatahub";

fn manifest_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            manifest_files(&path, files);
        } else if path.file_name().unwrap() != "kustomization.yaml"
            && SourceFormat::from_file_name(&path.to_string_lossy()).is_some()
        {
            files.push(path);
        }
    }
}

/// Replaces the variables a dashboard uses with plausible values, as the plugin does before
/// it sends a query.
fn interpolate(query: &str, namespace: &str) -> String {
    let mut text = query
        .replace("$__rate_interval", "5m")
        .replace("$__range", "6h")
        .replace("$__interval", "1m")
        .replace("${namespace}", namespace)
        .replace("$namespace", namespace);
    // Every other variable is a multi-value list whose "all" value is `.*`.
    while let Some(start) = text.find('$') {
        let rest = &text[start + 1..];
        let rest = rest.strip_prefix('{').unwrap_or(rest);
        let length = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let end = start
            + 1
            + length
            + if text[start + 1..].starts_with('{') {
                2
            } else {
                0
            };
        text.replace_range(start..end, ".*");
    }
    text
}

#[test]
fn every_bundled_dashboard_loads_without_errors_and_queries_as_odh_expects() {
    let root = common::repo_root().join("dashboards");
    let mut files = Vec::new();
    manifest_files(&root, &mut files);
    files.sort();
    let mut failures = Vec::new();
    let mut namespaces = BTreeSet::new();
    let mut envelopes = BTreeSet::new();
    let mut panel_kinds = BTreeSet::new();
    let mut queries = 0;
    for path in &files {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let format = SourceFormat::from_file_name(&name).unwrap();
        let documents = parse_documents(&std::fs::read_to_string(path).unwrap(), format).unwrap();
        for document in &documents {
            for loaded in load_document(document) {
                let loaded = loaded.unwrap_or_else(|error| panic!("{name}: {error}"));
                let dashboard = &loaded.dashboard;
                failures.extend(
                    loaded
                        .problems
                        .iter()
                        .filter(|problem| problem.severity == Severity::Error)
                        .map(|problem| format!("{name}: {problem}")),
                );
                let namespace = dashboard.project.clone().expect("metadata.namespace");
                assert!(
                    name.starts_with(&format!("{namespace}/")),
                    "{name} is not in the folder of its namespace {namespace}"
                );
                namespaces.insert(namespace.clone());
                envelopes.insert(format!("{:?}", dashboard.envelope));
                let mut promql: Vec<String> = Vec::new();
                for panel in dashboard.panels.values() {
                    panel_kinds.insert(panel.kind.name().to_owned());
                    for query in &panel.queries {
                        match query {
                            Query::Prometheus(query) => promql.push(query.query.clone()),
                            other => failures.push(format!("{name}: unexpected query {other:?}")),
                        }
                    }
                }
                for variable in &dashboard.variables {
                    if let VariableKind::List(list) = &variable.kind {
                        match &list.source {
                            ListSource::PrometheusLabelValues { matchers, .. } => {
                                promql.extend(matchers.iter().cloned());
                            }
                            ListSource::PrometheusPromQl { expr, .. } => promql.push(expr.clone()),
                            _ => {}
                        }
                    }
                }
                for query in promql {
                    queries += 1;
                    let interpolated = interpolate(&query, &namespace);
                    // Cluster dashboards (ODH's namespace) go through the cluster route, which
                    // takes any PromQL; project dashboards through the tenancy rewrite.
                    let checked = if namespace == CLUSTER_NAMESPACE {
                        promql_parser::parser::parse(&interpolated).map(|_| ())
                    } else {
                        enforce_namespace(&interpolated, &namespace)
                            .map(|_| ())
                            .map_err(|error| error.to_string())
                    };
                    if let Err(error) = checked {
                        failures.push(format!("{name}: {interpolated}: {error}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let projects: BTreeSet<String> = obs_demo_projects().into_iter().collect();
    assert!(
        projects.is_subset(&namespaces),
        "every demo project has a dashboard: {namespaces:?}"
    );
    assert_eq!(
        envelopes,
        BTreeSet::from([
            format!("{:?}", Envelope::PersesDashboardV1Alpha1),
            format!("{:?}", Envelope::PersesDashboardV1Alpha2),
        ])
    );
    for kind in [
        "TimeSeriesChart",
        "StatChart",
        "GaugeChart",
        "BarChart",
        "PieChart",
        "Table",
        "Markdown",
        "StatusHistoryChart",
    ] {
        assert!(
            panel_kinds.contains(kind),
            "no {kind} panel in {panel_kinds:?}"
        );
    }
    assert!(queries > 40, "{queries} queries");
}

fn obs_demo_projects() -> Vec<String> {
    ["fraud-detection", "customer-support-llm", "vision-training"]
        .map(str::to_owned)
        .to_vec()
}

#[test]
fn the_kustomization_lists_every_dashboard() {
    let root = common::repo_root().join("dashboards");
    let kustomization = std::fs::read_to_string(root.join("kustomization.yaml")).unwrap();
    let mut files = Vec::new();
    manifest_files(&root, &mut files);
    for path in files {
        let relative = path.strip_prefix(&root).unwrap().display().to_string();
        assert!(
            kustomization.contains(&format!("- {relative}")),
            "{relative} is missing from dashboards/kustomization.yaml"
        );
    }
}

#[test]
fn interpolation_replaces_every_variable() {
    assert_eq!(
        interpolate(
            r#"rate(x{namespace="$namespace", a=~"${model}"}[$__rate_interval])"#,
            "ns"
        ),
        r#"rate(x{namespace="ns", a=~".*"}[5m])"#
    );
}
