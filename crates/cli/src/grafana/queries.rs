//! Grafana targets as Perses Prometheus queries, and Grafana's variable syntax in Perses'.

use obs_core::spec::Plugin;
use obs_core::spec::common::DatasourceSelector;
use obs_core::spec::query::{
    PROMETHEUS_TIME_SERIES_QUERY, PrometheusQuerySpec, QueryDefinition, QueryDefinitionSpec,
    TIME_SERIES_QUERY,
};
use serde_json::Value;

/// A text with Grafana's variable syntax written as Perses writes it: `[[var]]` (Grafana's old
/// form) becomes `${var}`; `$var`, `${var}`, `${var:format}` and the builtins (`$__interval`,
/// `$__rate_interval`, `$__range`…) are the same in both.
pub fn promql(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        let after = &rest[open + 2..];
        match after.find("]]") {
            Some(close)
                if !after[..close].is_empty()
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') =>
            {
                out.push_str(&rest[..open]);
                out.push_str("${");
                out.push_str(&after[..close]);
                out.push('}');
                rest = &after[close + 2..];
            }
            // Not a variable (`x[[5m]` is PromQL with a `[`): move on by one bracket.
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The queries of a panel's targets; targets that are not Prometheus queries are losses.
pub fn convert(
    panel: &Value,
    datasource_variables: &[String],
    losses: &mut Vec<String>,
) -> Vec<QueryDefinition> {
    let Some(targets) = panel.get("targets").and_then(Value::as_array) else {
        return Vec::new();
    };
    let panel_datasource = panel.get("datasource");
    let mut queries = Vec::new();
    for target in targets {
        let reference = target.get("refId").and_then(Value::as_str).unwrap_or("?");
        if target.get("hide").and_then(Value::as_bool) == Some(true) {
            losses.push(format!("query {reference}, hidden in Grafana"));
            continue;
        }
        let datasource = target
            .get("datasource")
            .filter(|value| !value.is_null())
            .or(panel_datasource);
        let kind = datasource_type(datasource);
        if kind.as_deref().is_some_and(|kind| kind != "prometheus") {
            losses.push(format!(
                "query {reference} of a {} datasource (only Prometheus queries are imported)",
                kind.unwrap_or_default()
            ));
            continue;
        }
        let Some(expr) = target
            .get("expr")
            .and_then(Value::as_str)
            .filter(|expr| !expr.trim().is_empty())
        else {
            losses.push(format!("query {reference}: no PromQL expression"));
            continue;
        };
        let legend = target
            .get("legendFormat")
            .and_then(Value::as_str)
            .filter(|legend| !legend.is_empty() && *legend != "__auto");
        let instant = target.get("instant").and_then(Value::as_bool) == Some(true)
            && target.get("range").and_then(Value::as_bool) != Some(true);
        let spec = PrometheusQuerySpec {
            datasource: variable_datasource(datasource, datasource_variables),
            query: promql(expr),
            series_name_format: legend.map(promql),
            min_step: target
                .get("interval")
                .and_then(Value::as_str)
                .filter(|interval| !interval.is_empty())
                .map(|interval| promql(interval.trim_start_matches('>'))),
            resolution: None,
            instant: instant.then_some(true),
        };
        queries.push(QueryDefinition {
            kind: TIME_SERIES_QUERY.to_owned(),
            spec: QueryDefinitionSpec {
                name: None,
                plugin: Plugin {
                    kind: PROMETHEUS_TIME_SERIES_QUERY.to_owned(),
                    spec: serde_json::to_value(spec).unwrap_or(Value::Null),
                },
            },
        });
    }
    queries
}

/// The type of a datasource reference (`{type, uid}`), when it says one; a plain string or a
/// variable says none.
fn datasource_type(datasource: Option<&Value>) -> Option<String> {
    let kind = datasource?.get("type")?.as_str()?;
    // Grafana writes "datasource" for its mixed and dashboard pseudo-datasources.
    (kind != "datasource").then(|| kind.to_owned())
}

/// A query's datasource when it names a datasource variable of the dashboard.
fn variable_datasource(
    datasource: Option<&Value>,
    variables: &[String],
) -> Option<DatasourceSelector> {
    let text = match datasource? {
        Value::String(text) => text.as_str(),
        Value::Object(object) => object.get("uid").and_then(Value::as_str)?,
        _ => return None,
    };
    let name = text
        .trim_start_matches('$')
        .trim_start_matches('{')
        .trim_end_matches('}');
    variables
        .iter()
        .any(|variable| variable == name)
        .then(|| DatasourceSelector::Variable(format!("${name}")))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn grafana_variable_syntax() {
        assert_eq!(
            promql("rate(x{a=\"[[pod]]\"}[[[interval]]])"),
            "rate(x{a=\"${pod}\"}[${interval}])"
        );
        assert_eq!(
            promql("x{a=~\"${pod:regex}\"}[$__rate_interval]"),
            "x{a=~\"${pod:regex}\"}[$__rate_interval]"
        );
        assert_eq!(promql("a[[ b ]]"), "a[[ b ]]");
    }

    #[test]
    fn targets() {
        let panel = json!({
            "datasource": {"type": "prometheus", "uid": "${datasource}"},
            "targets": [
                {"expr": "up", "legendFormat": "{{pod}}", "refId": "A", "interval": "30s"},
                {"expr": "up", "legendFormat": "__auto", "refId": "B", "instant": true, "range": false},
                {"expr": "", "refId": "C"},
                {"expr": "x", "refId": "D", "hide": true},
                {"expr": "{app=\"x\"}", "refId": "E", "datasource": {"type": "loki", "uid": "l"}}
            ]
        });
        let mut losses = Vec::new();
        let queries = convert(&panel, &["datasource".to_owned()], &mut losses);
        assert_eq!(queries.len(), 2);
        assert_eq!(losses.len(), 3, "{losses:?}");
        let first = &queries[0].spec.plugin.spec;
        assert_eq!(first["seriesNameFormat"], "{{pod}}");
        assert_eq!(first["minStep"], "30s");
        assert_eq!(first["datasource"], "$datasource");
        assert_eq!(queries[1].spec.plugin.spec["instant"], true);
        assert!(queries[1].spec.plugin.spec["seriesNameFormat"].is_null());
    }
}
