//! Whole documents through the linter: each rule found where it should be, with its line, and
//! nothing found in a clean dashboard.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::path::Path as FsPath;

use super::*;

/// A project dashboard in `fraud-detection` with these variables and panels (YAML lists and
/// maps indented for `spec.config`).
fn dashboard(variables: &str, panels: &str) -> String {
    format!(
        "\
apiVersion: perses.dev/v1alpha2
kind: PersesDashboard
metadata:
  name: lint-test
  namespace: fraud-detection
spec:
  config:
    duration: 1h
    variables:
{variables}
    panels:
{panels}
    layouts: []
"
    )
}

fn query_panel(key: &str, unit: &str, query: &str) -> String {
    format!(
        "      {key}:
        kind: Panel
        spec:
          display: {{name: {key}}}
          plugin:
            kind: TimeSeriesChart
            spec: {{yAxis: {{format: {{unit: {unit}}}}}}}
          queries:
            - kind: TimeSeriesQuery
              spec:
                plugin:
                  kind: PrometheusTimeSeriesQuery
                  spec:
                    query: '{query}'
"
    )
}

const NAMESPACE_VARIABLE: &str = "      - kind: ListVariable
        spec:
          name: namespace
          allowMultiple: true
          allowAllValue: true
          plugin:
            kind: PrometheusLabelValuesVariable
            spec: {labelName: namespace}
";

/// The line of the `nth` query of a text (YAML `query:` or JSON `"query":`).
fn query_line(text: &str, nth: usize) -> Option<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.trim_start()
                .trim_start_matches('"')
                .starts_with("query")
        })
        .nth(nth)
        .map(|(index, _)| u32::try_from(index + 1).unwrap())
}

fn lint(text: &str) -> Report {
    let mut report = Report::default();
    lint_text(
        FsPath::new("test.yaml"),
        text,
        &Options::default(),
        &mut report,
    );
    report
}

/// The rule ids and lines found.
fn found(text: &str) -> Vec<(String, Option<u32>)> {
    lint(text)
        .findings
        .iter()
        .map(|finding| (finding.rule.id().to_owned(), finding.line))
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn a_clean_dashboard_has_no_findings() {
    let panels = query_panel(
        "rps",
        "requests/sec",
        "sum by (pod) (rate(ovms_requests_success{namespace=\"$namespace\"}[$__rate_interval]))",
    );
    let report = lint(&dashboard(NAMESPACE_VARIABLE, &panels));
    assert_eq!(report.findings, Vec::new());
    assert_eq!(report.dashboards, 1);
}

#[test]
fn each_rule_is_found_on_its_line() {
    let variables = NAMESPACE_VARIABLE;
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unclosed parenthesis",
            query_panel("p", "decimal", "sum(rate(x{namespace=\"$namespace\"}[5m])"),
            "promql",
        ),
        (
            "multi-value in a duration",
            query_panel(
                "p",
                "decimal",
                "rate(x{namespace=\"$namespace\"}[5m]) offset ${namespace:csv}",
            ),
            "promql",
        ),
        (
            "le dropped",
            query_panel(
                "p",
                "seconds",
                "histogram_quantile(0.9, sum by (pod) (rate(x_seconds_bucket{namespace=\"$namespace\"}[5m])))",
            ),
            "histogram-quantile-le",
        ),
        (
            "short rate",
            query_panel("p", "decimal", "rate(x{namespace=\"$namespace\"}[15s])"),
            "short-rate-range",
        ),
        (
            "foreign namespace",
            query_panel(
                "p",
                "decimal",
                "up{namespace=\"vision-training\"} + up{namespace=\"$namespace\"}",
            ),
            "namespace-matcher",
        ),
        (
            "percent of bytes",
            query_panel(
                "p",
                "percent",
                "container_memory_working_set_bytes{namespace=\"$namespace\"}",
            ),
            "unit-mismatch",
        ),
        (
            "undefined variable",
            query_panel("p", "decimal", "up{namespace=\"$namespace\", pod=\"$pod\"}"),
            "undefined-variable",
        ),
    ];
    for (name, panels, rule) in cases {
        let text = dashboard(variables, &panels);
        let line = query_line(&text, 0);
        assert_eq!(found(&text), [(rule.to_owned(), line)], "{name}:\n{text}");
    }
}

#[test]
fn variables_unused_and_cyclic() {
    let variables = "      - kind: ListVariable
        spec:
          name: a
          plugin:
            kind: PrometheusLabelValuesVariable
            spec: {labelName: x, matchers: ['up{y=\"$b\"}']}
      - kind: ListVariable
        spec:
          name: b
          plugin:
            kind: PrometheusLabelValuesVariable
            spec: {labelName: y, matchers: ['up{x=\"$a\"}']}
      - kind: TextVariable
        spec: {name: unused, value: '1'}
";
    let panels = query_panel("p", "decimal", "up{x=\"$a\"}");
    let mut ids = ids(&dashboard(variables, &panels));
    ids.sort();
    assert_eq!(ids, ["unused-variable", "variable-cycle"]);
}

#[test]
fn broken_documents_and_other_resources() {
    assert_eq!(ids("kind: [unclosed"), ["unreadable"]);
    let report =
        lint("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\nkind: Deployment\n");
    assert_eq!(
        (
            report.findings.len(),
            report.skipped_resources,
            report.dashboards
        ),
        (0, 2, 0)
    );
    // A dashboard resource without a spec is an error, not a skip.
    assert_eq!(
        ids("kind: PersesDashboard\nmetadata: {name: x}\n"),
        ["invalid"]
    );
}

#[test]
fn warnings_can_be_silenced_but_errors_cannot() {
    let panels = query_panel("p", "decimal", "rate(x{namespace=\"$namespace\"}[15s]) + (");
    let broken = dashboard(NAMESPACE_VARIABLE, &panels);
    let silenced = format!("# obs-lint-disable: promql\n{broken}");
    assert_eq!(ids(&silenced), ["promql"]);
    let panels = query_panel("p", "decimal", "rate(x{namespace=\"$namespace\"}[15s])");
    let short = dashboard(NAMESPACE_VARIABLE, &panels);
    assert_eq!(
        ids(&format!("# obs-lint-disable: short-rate-range\n{short}")),
        Vec::<String>::new()
    );
    let annotated = short.replace(
        "  namespace: fraud-detection\n",
        "  namespace: fraud-detection\n  annotations: {obs.opendatahub.io/lint-disable: short-rate-range}\n",
    );
    assert_eq!(ids(&annotated), Vec::<String>::new());
    let mut report = Report::default();
    let options = Options {
        disabled: vec![Rule::ShortRateRange],
    };
    lint_text(FsPath::new("a.yaml"), &short, &options, &mut report);
    assert!(report.findings.is_empty());
}

#[test]
fn lists_and_json_are_located() {
    let panels = query_panel("p", "decimal", "sum(up{namespace=\"$namespace\"}");
    let single = dashboard(NAMESPACE_VARIABLE, &panels);
    let value: serde_json::Value = serde_saphyr::from_str(&single).unwrap();
    let list =
        serde_json::json!({"apiVersion": "v1", "kind": "List", "items": [value.clone(), value]});
    let text = serde_json::to_string_pretty(&list).unwrap();
    let mut report = Report::default();
    lint_text(
        FsPath::new("list.json"),
        &text,
        &Options::default(),
        &mut report,
    );
    let places: Vec<(String, Option<u32>)> = report
        .findings
        .iter()
        .map(|finding| (finding.path.clone(), finding.line))
        .collect();
    let path = |item: usize| {
        format!("items[{item}].spec.config.panels.p.spec.queries[0].spec.plugin.spec.query")
    };
    assert_eq!(
        places,
        [
            (path(0), query_line(&text, 0)),
            (path(1), query_line(&text, 1))
        ]
    );
}
