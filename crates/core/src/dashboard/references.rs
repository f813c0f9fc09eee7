//! Variables a dashboard uses but never defines. Perses leaves `$missing` as written, so the
//! query goes out with it and matches nothing, and the panel says "No data" like a healthy one.
//! Here each use is a warning at the place it is written; the planner also refuses to send
//! such a query (`PlanError::Undefined`), so the panel says why instead.

use std::collections::BTreeSet;

use super::problems::Problems;
use super::{Dashboard, ListSource, PanelKind, ProblemKind, Query, VariableKind};
use crate::diagnostic::Path;
use crate::interpolate::referenced_variables;
use crate::plan::{BUILTIN_VARIABLES, is_variable_name};

/// Warns about every text that uses an undefined variable: panel titles, descriptions, links,
/// Markdown, queries, and the sources of list variables.
pub(super) fn check(dashboard: &Dashboard, spec_path: &Path, problems: &mut Problems) {
    let defined: BTreeSet<&str> = crate::sort::btree_set(
        dashboard
            .variables
            .iter()
            .map(|variable| variable.name.as_str())
            .chain(BUILTIN_VARIABLES),
    );
    let mut check_text = |text: &str, path: Path| {
        let missing: Vec<String> = referenced_variables(text)
            .into_iter()
            .filter(|name| is_variable_name(name) && !defined.contains(name.as_str()))
            .collect();
        if !missing.is_empty() {
            problems.warning(
                ProblemKind::UndefinedVariable,
                &path,
                format!(
                    "uses ${}, which no variable of this dashboard defines",
                    missing.join(", $")
                ),
            );
        }
    };
    for (index, link) in dashboard.links.iter().enumerate() {
        if link.render_variables {
            check_text(&link.url, spec_path.key("links").index(index).key("url"));
        }
    }
    let panels_path = spec_path.key("panels");
    for (key, panel) in &dashboard.panels {
        let spec = panels_path.key(key).key("spec");
        let display = spec.key("display");
        if let Some(name) = &panel.name {
            check_text(name, display.key("name"));
        }
        if let Some(description) = &panel.description {
            check_text(description, display.key("description"));
        }
        for (index, link) in panel.links.iter().enumerate() {
            if link.render_variables {
                check_text(&link.url, spec.key("links").index(index).key("url"));
            }
        }
        if let PanelKind::Markdown(markdown) = &panel.kind {
            check_text(&markdown.text, spec.key("plugin").key("spec").key("text"));
        }
        for (index, query) in panel.queries.iter().enumerate() {
            let Query::Prometheus(query) = query else {
                continue;
            };
            let plugin = spec
                .key("queries")
                .index(index)
                .key("spec")
                .key("plugin")
                .key("spec");
            check_text(&query.query, plugin.key("query"));
            if let Some(format) = &query.series_name_format {
                check_text(format, plugin.key("seriesNameFormat"));
            }
            if let Some(step) = &query.min_step {
                check_text(step, plugin.key("minStep"));
            }
        }
    }
    let variables_path = spec_path.key("variables");
    for (index, variable) in dashboard.variables.iter().enumerate() {
        let VariableKind::List(list) = &variable.kind else {
            continue;
        };
        let plugin = variables_path
            .index(index)
            .key("spec")
            .key("plugin")
            .key("spec");
        match &list.source {
            ListSource::PrometheusLabelValues {
                label_name,
                matchers,
                ..
            } => {
                check_text(label_name, plugin.key("labelName"));
                for (at, matcher) in matchers.iter().enumerate() {
                    check_text(matcher, plugin.key("matchers").index(at));
                }
            }
            ListSource::PrometheusLabelNames { matchers, .. } => {
                for (at, matcher) in matchers.iter().enumerate() {
                    check_text(matcher, plugin.key("matchers").index(at));
                }
            }
            ListSource::PrometheusPromQl {
                expr, label_name, ..
            } => {
                check_text(expr, plugin.key("expr"));
                check_text(label_name, plugin.key("labelName"));
            }
            ListSource::Static { .. }
            | ListSource::Datasource { .. }
            | ListSource::Unsupported { .. }
            | ListSource::Invalid { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::dashboard::{Severity, load_document};

    #[test]
    fn undefined_variables_are_named_where_they_are_used() {
        let document = json!({"apiVersion": "perses.dev/v1alpha2", "kind": "PersesDashboard",
            "metadata": {"name": "d", "namespace": "team-a"},
            "spec": {"config": {
                "variables": [{"kind": "ListVariable", "spec": {"name": "model", "plugin": {
                    "kind": "PrometheusLabelValuesVariable",
                    "spec": {"labelName": "model_name", "matchers": ["up{job=\"$job\"}"]}}}}],
                "panels": {"latency": {"kind": "Panel", "spec": {
                    "display": {"name": "Latency of $model on $cluster"},
                    "plugin": {"kind": "Markdown", "spec": {"text": "See $model and ${runbook}"}},
                    "queries": [{"kind": "TimeSeriesQuery", "spec": {"plugin": {"kind": "PrometheusTimeSeriesQuery",
                        "spec": {"query": "rate(x{model=~\"$model\", z=\"$missing_var\"}[$__rate_interval]) and label_replace(y, \"a\", \"$1\", \"b\", \"(.*)\")"}}}}]}}},
                "layouts": []}}});
        let loaded = load_document(&document).remove(0).unwrap();
        let warnings: Vec<(String, String)> = loaded
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Warning)
            .map(|problem| {
                (
                    problem.diagnostic.path.clone(),
                    problem.diagnostic.message.clone(),
                )
            })
            .collect();
        let expect = |path: &str, names: &str| {
            (
                path.to_owned(),
                format!("uses {names}, which no variable of this dashboard defines"),
            )
        };
        assert_eq!(
            warnings,
            [
                expect("spec.config.panels.latency.spec.display.name", "$cluster"),
                expect(
                    "spec.config.panels.latency.spec.plugin.spec.text",
                    "$runbook"
                ),
                expect(
                    "spec.config.panels.latency.spec.queries[0].spec.plugin.spec.query",
                    "$missing_var"
                ),
                expect(
                    "spec.config.variables[0].spec.plugin.spec.matchers[0]",
                    "$job"
                ),
            ]
        );
    }
}
