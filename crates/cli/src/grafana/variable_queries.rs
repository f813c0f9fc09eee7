//! Grafana's Prometheus query variables (`label_values`, `label_names`, `query_result`, plain
//! PromQL) as Perses' Prometheus variable plugins.

use serde_json::{Value, json};

use super::queries::promql;
use super::text;

/// The Perses plugin of a Prometheus query variable.
pub fn query_plugin(variable: &Value) -> Result<(&'static str, Value), String> {
    let query = match variable.get("query") {
        Some(Value::String(query)) => query.clone(),
        Some(Value::Object(object)) => object
            .get("query")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    };
    let query = promql(query.trim());
    if query.is_empty() {
        return Err("a query variable without a query".to_owned());
    }
    if let Some(arguments) = call_arguments(&query, "label_values") {
        return Ok(match split_last_argument(arguments) {
            (Some(selector), label) => (
                "PrometheusLabelValuesVariable",
                json!({"labelName": label, "matchers": [selector]}),
            ),
            (None, label) => ("PrometheusLabelValuesVariable", json!({"labelName": label})),
        });
    }
    if let Some(arguments) = call_arguments(&query, "label_names") {
        let matchers: Vec<&str> = Some(arguments.trim())
            .filter(|text| !text.is_empty())
            .into_iter()
            .collect();
        return Ok((
            "PrometheusLabelNamesVariable",
            json!({"matchers": matchers}),
        ));
    }
    if call_arguments(&query, "metrics").is_some() {
        return Err("metrics() lists metric names, which Perses has no variable for".to_owned());
    }
    let expr = call_arguments(&query, "query_result").map_or(query.as_str(), str::trim);
    // Grafana lists whole series and cuts them with the regex; Perses lists one label's
    // values. The label is the one the regex captures (`/.*pod="([^"]+)".*/`), else the name.
    let label = text(variable, "regex")
        .and_then(captured_label)
        .unwrap_or_else(|| "__name__".to_owned());
    Ok((
        "PrometheusPromQLVariable",
        json!({"expr": expr, "labelName": label}),
    ))
}

/// The text between `name(` and its closing parenthesis, when `query` is that call.
fn call_arguments<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    let rest = query.strip_prefix(name)?.trim_start().strip_prefix('(')?;
    rest.strip_suffix(')')
}

/// `selector, label` → (Some(selector), label); `label` → (None, label). The label is after
/// the last comma outside braces and quotes.
fn split_last_argument(arguments: &str) -> (Option<String>, String) {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut split = None;
    for (index, c) in arguments.char_indices() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '{' | '(' | '[') => depth += 1,
            (None, '}' | ')' | ']') => depth -= 1,
            (None, ',') if depth == 0 => split = Some(index),
            _ => {}
        }
    }
    match split {
        Some(index) => (
            Some(arguments[..index].trim().to_owned()),
            arguments[index + 1..].trim().to_owned(),
        ),
        None => (None, arguments.trim().to_owned()),
    }
}

/// The label a Grafana regex like `/.*pod="([^"]+)".*/` captures.
fn captured_label(regex: &str) -> Option<String> {
    let open = regex.find("=\"(")?;
    let before = &regex[..open];
    let label: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_variables() {
        let plugin =
            |query: Value, regex: &str| query_plugin(&json!({"query": query, "regex": regex}));
        assert_eq!(
            plugin(
                json!("label_values(kube_pod_info{pod=~\"a,b\"}, namespace)"),
                ""
            ),
            Ok((
                "PrometheusLabelValuesVariable",
                json!({"labelName": "namespace", "matchers": ["kube_pod_info{pod=~\"a,b\"}"]})
            ))
        );
        assert_eq!(
            plugin(json!({"query": "label_values(job)", "refId": "A"}), ""),
            Ok(("PrometheusLabelValuesVariable", json!({"labelName": "job"})))
        );
        assert_eq!(
            plugin(json!("label_names()"), ""),
            Ok(("PrometheusLabelNamesVariable", json!({"matchers": []})))
        );
        assert_eq!(
            plugin(
                json!("query_result(topk(5, up))"),
                "/.*instance=\"([^\"]+)\".*/"
            ),
            Ok((
                "PrometheusPromQLVariable",
                json!({"expr": "topk(5, up)", "labelName": "instance"})
            ))
        );
        assert!(plugin(json!("metrics(up)"), "").is_err());
        assert!(plugin(json!(""), "").is_err());
    }
}
