//! Every PromQL text of a dashboard, parsed as Prometheus will receive it: panel queries,
//! PromQL variables' expressions and label variables' matchers, with sample values for their
//! variables in each scenario (see [`super::samples`]). Panel queries that parse are handed to
//! the metric rules.

use obs_core::dashboard::{Dashboard, ListSource, Panel, Query, VariableKind};
use obs_core::diagnostic::Path;
use obs_core::interpolate::referenced_variables;
use obs_core::plan::is_variable_name;
use obs_promql::Expr;

use super::Issue;
use super::rule::Rule;
use super::samples::{Samples, Scenario, duration_references};

/// A PromQL text of the dashboard and where it is.
pub struct PromqlText<'a> {
    pub text: &'a str,
    pub path: Path,
    /// The panel whose query it is; `None` for a variable's.
    pub panel: Option<&'a Panel>,
}

/// Every PromQL text of `dashboard`, whose spec is at `spec_path`.
pub fn texts<'a>(dashboard: &'a Dashboard, spec_path: &Path) -> Vec<PromqlText<'a>> {
    let mut texts = Vec::new();
    for (key, panel) in &dashboard.panels {
        let queries = spec_path.key("panels").key(key).key("spec").key("queries");
        for (index, query) in panel.queries.iter().enumerate() {
            if let Query::Prometheus(query) = query {
                texts.push(PromqlText {
                    text: &query.query,
                    path: plugin_spec(&queries.index(index)).key("query"),
                    panel: Some(panel),
                });
            }
        }
    }
    for (index, variable) in dashboard.variables.iter().enumerate() {
        let VariableKind::List(list) = &variable.kind else {
            continue;
        };
        let plugin = plugin_spec(&spec_path.key("variables").index(index));
        match &list.source {
            ListSource::PrometheusPromQl { expr, .. } => texts.push(PromqlText {
                text: expr,
                path: plugin.key("expr"),
                panel: None,
            }),
            ListSource::PrometheusLabelValues { matchers, .. }
            | ListSource::PrometheusLabelNames { matchers, .. } => {
                for (at, matcher) in matchers.iter().enumerate() {
                    texts.push(PromqlText {
                        text: matcher,
                        path: plugin.key("matchers").index(at),
                        panel: None,
                    });
                }
            }
            ListSource::Static { .. }
            | ListSource::Datasource { .. }
            | ListSource::Unsupported { .. }
            | ListSource::Invalid { .. } => {}
        }
    }
    texts
}

fn plugin_spec(path: &Path) -> Path {
    path.key("spec").key("plugin").key("spec")
}

/// Parses `text` in every scenario. Returns the tree of the one-value scenario when all parse,
/// or the finding of the first scenario that does not. A text that uses an undefined variable
/// is not parsed: the model reports the variable, and `$name` left in place would only add a
/// second, less helpful message.
pub fn parse(text: &PromqlText<'_>, samples: &Samples) -> Result<Option<Expr>, Issue> {
    if text.text.trim().is_empty() {
        return Ok(None);
    }
    // Longer than any query the bounds accept: said at once, before any work that grows with
    // the text.
    let max = obs_promql::limits::MAX_QUERY_BYTES;
    if text.text.len() > max {
        return Err(Issue::new(
            Rule::Promql,
            &text.path,
            format!(
                "the query is {} bytes long; queries past {max} bytes are refused",
                text.text.len()
            ),
        ));
    }
    let undefined = referenced_variables(text.text)
        .into_iter()
        .any(|name| is_variable_name(&name) && !samples.defines(&name));
    if undefined {
        return Ok(None);
    }
    let mut first = None;
    let mut parsed: Vec<String> = Vec::new();
    let in_durations = duration_references(text.text);
    for scenario in samples.scenarios() {
        let promql = samples.interpolate(text.text, &in_durations, scenario);
        // Most queries read the same in every scenario: each text is parsed once.
        if parsed.contains(&promql) {
            continue;
        }
        parsed.push(promql.clone());
        match obs_promql::parse(&promql) {
            Ok(expr) => {
                if scenario == Scenario::One {
                    first = Some(expr);
                }
            }
            Err(error) => {
                let shown = if scenario == Scenario::One {
                    String::new()
                } else {
                    format!(" (as {})", obs_promql::shown(&promql))
                };
                return Err(Issue::new(
                    Rule::Promql,
                    &text.path,
                    format!(
                        "the query does not parse{}{shown}: {error}",
                        scenario.describe()
                    ),
                ));
            }
        }
    }
    Ok(first)
}
