//! Grafana templating variables as Perses variables.
//!
//! | Grafana | Perses |
//! |---|---|
//! | query `label_values(selector, label)` / `label_values(label)` | `PrometheusLabelValuesVariable` |
//! | query `label_names(selector?)` | `PrometheusLabelNamesVariable` |
//! | query `query_result(expr)` or plain PromQL | `PrometheusPromQLVariable`, the label taken from the capturing regex |
//! | custom, interval | `StaticListVariable` |
//! | textbox | `TextVariable` |
//! | constant | `TextVariable`, constant and hidden |
//! | datasource (Prometheus) | `DatasourceVariable`, defaulting to the ODH datasource of the target namespace |
//!
//! `multi`, `includeAll`, `allValue`, `current`, `regex`, `sort`, `hide`, `label` and
//! `description` carry over.

use obs_core::spec::Plugin;
use obs_core::spec::variable::{
    DefaultValue, ListVariableSpec, SortMethod, StaticValue, TextVariableSpec, VariableDefinition,
    VariableDisplay,
};
use serde_json::{Value, json};

use super::queries::promql;
use super::variable_queries::query_plugin;
use super::{given, text};

/// The variables of a dashboard, and what could not be converted.
pub struct Converted {
    pub variables: Vec<VariableDefinition>,
    pub losses: Vec<String>,
    /// The names of Prometheus datasource variables, which queries may name.
    pub datasource_variables: Vec<String>,
}

/// Converts `templating.list`. `default_datasource` is the datasource a datasource variable
/// starts on (ODH's tenancy datasource for a project, its cluster one for ODH's namespace).
pub fn convert(list: &[Value], default_datasource: &str) -> Converted {
    let mut converted = Converted {
        variables: Vec::new(),
        losses: Vec::new(),
        datasource_variables: Vec::new(),
    };
    for variable in list {
        let name = text(variable, "name").unwrap_or_default().to_owned();
        if name.is_empty() {
            converted
                .losses
                .push("a variable without a name".to_owned());
            continue;
        }
        let kind = text(variable, "type").unwrap_or("query");
        let display = display(variable);
        let definition = match kind {
            "textbox" => Some(text_variable(variable, &name, display, false)),
            "constant" => Some(text_variable(
                variable,
                &name,
                VariableDisplay {
                    hidden: true,
                    ..display
                },
                true,
            )),
            "custom" | "interval" => {
                let values = custom_values(variable);
                if kind == "interval" && variable.get("auto").and_then(Value::as_bool) == Some(true)
                {
                    converted.losses.push(format!(
                        "${name}: the \"auto\" interval option (the listed intervals are kept)"
                    ));
                }
                Some(list_variable(
                    variable,
                    &name,
                    display,
                    "StaticListVariable",
                    json!({"values": values}),
                ))
            }
            "query" => match query_plugin(variable) {
                Ok((kind, spec)) => Some(list_variable(variable, &name, display, kind, spec)),
                Err(loss) => {
                    converted.losses.push(format!("${name}: {loss}"));
                    None
                }
            },
            "datasource" => {
                let plugin = text(variable, "query").unwrap_or("prometheus");
                if plugin == "prometheus" {
                    converted.datasource_variables.push(name.clone());
                    let mut spec = list_spec(
                        variable,
                        &name,
                        display,
                        "DatasourceVariable",
                        json!({"datasourcePluginKind": "PrometheusDatasource"}),
                    );
                    spec.default_value = Some(DefaultValue::Single(default_datasource.to_owned()));
                    spec.allow_all_value = false;
                    spec.allow_multiple = false;
                    Some(VariableDefinition::ListVariable(spec))
                } else {
                    converted.losses.push(format!(
                        "${name}: a datasource variable of {plugin:?}, not Prometheus"
                    ));
                    None
                }
            }
            other => {
                converted.losses.push(format!(
                    "${name}: the {other:?} variable type has no Perses counterpart"
                ));
                None
            }
        };
        converted.variables.extend(definition);
    }
    converted
}

fn display(variable: &Value) -> VariableDisplay {
    VariableDisplay {
        name: given(variable, "label"),
        description: given(variable, "description"),
        // hide: 0 shows the variable, 1 hides its label only, 2 hides it.
        hidden: variable.get("hide").and_then(Value::as_u64) == Some(2),
    }
}

fn text_variable(
    variable: &Value,
    name: &str,
    display: VariableDisplay,
    constant: bool,
) -> VariableDefinition {
    let value = variable
        .pointer("/current/value")
        .and_then(Value::as_str)
        .or_else(|| text(variable, "query"))
        .unwrap_or_default();
    VariableDefinition::TextVariable(TextVariableSpec {
        name: name.to_owned(),
        display: Some(display),
        value: promql(value),
        constant,
    })
}

fn list_variable(
    variable: &Value,
    name: &str,
    display: VariableDisplay,
    kind: &str,
    spec: Value,
) -> VariableDefinition {
    VariableDefinition::ListVariable(list_spec(variable, name, display, kind, spec))
}

fn list_spec(
    variable: &Value,
    name: &str,
    display: VariableDisplay,
    kind: &str,
    spec: Value,
) -> ListVariableSpec {
    let allow_all_value = variable
        .get("includeAll")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let allow_multiple = variable
        .get("multi")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    ListVariableSpec {
        name: name.to_owned(),
        display: Some(display),
        default_value: default_value(variable, allow_multiple),
        allow_all_value,
        allow_multiple,
        custom_all_value: given(variable, "allValue"),
        capturing_regexp: text(variable, "regex")
            .and_then(regex_body)
            .filter(|regex| !regex.is_empty()),
        sort: sort(variable.get("sort").and_then(Value::as_u64).unwrap_or(0)),
        plugin: Plugin {
            kind: kind.to_owned(),
            spec,
        },
    }
}

/// Grafana's current selection as Perses' default; "All" is `$__all` in both.
fn default_value(variable: &Value, allow_multiple: bool) -> Option<DefaultValue> {
    let current = variable.pointer("/current/value")?;
    let values: Vec<String> = match current {
        Value::String(value) => vec![value.clone()],
        Value::Array(values) => values
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => return None,
    };
    let values: Vec<String> = values
        .into_iter()
        .map(|value| {
            if value == "$__all" {
                value
            } else {
                value.replace("$__all", "")
            }
        })
        .filter(|value| !value.is_empty())
        .collect();
    match values.as_slice() {
        [] => None,
        [one] => Some(DefaultValue::Single(one.clone())),
        _ if allow_multiple => Some(DefaultValue::Multiple(values)),
        [first, ..] => Some(DefaultValue::Single(first.clone())),
    }
}

/// Grafana's `sort` numbers.
fn sort(grafana: u64) -> Option<SortMethod> {
    match grafana {
        1 => Some(SortMethod::AlphabeticalAsc),
        2 => Some(SortMethod::AlphabeticalDesc),
        3 => Some(SortMethod::NumericalAsc),
        4 => Some(SortMethod::NumericalDesc),
        5 => Some(SortMethod::AlphabeticalCiAsc),
        6 => Some(SortMethod::AlphabeticalCiDesc),
        _ => None,
    }
}

/// The body of a Grafana regex written `/body/flags`; a plain text is the body itself.
fn regex_body(regex: &str) -> Option<String> {
    let trimmed = regex.trim();
    if let Some(rest) = trimmed.strip_prefix('/')
        && let Some(end) = rest.rfind('/')
    {
        return Some(rest[..end].to_owned());
    }
    Some(trimmed.to_owned())
}

/// The values of a custom or interval variable: `a,b` or `label : value` pairs.
fn custom_values(variable: &Value) -> Vec<StaticValue> {
    let query = text(variable, "query").unwrap_or_default();
    query
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| match item.split_once(" : ") {
            Some((label, value)) => StaticValue::Labelled {
                value: value.trim().to_owned(),
                label: Some(label.trim().to_owned()),
            },
            None => StaticValue::Plain(item.to_owned()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_values_and_defaults() {
        let values = custom_values(&json!({"query": "1m,5m, Ten minutes : 10m"}));
        assert_eq!(values.len(), 3);
        assert_eq!(
            values[2],
            StaticValue::Labelled {
                value: "10m".to_owned(),
                label: Some("Ten minutes".to_owned())
            }
        );
        assert_eq!(
            default_value(&json!({"current": {"value": ["$__all"]}}), true),
            Some(DefaultValue::Single("$__all".to_owned()))
        );
        assert_eq!(
            default_value(&json!({"current": {"value": ["a", "b"]}}), false),
            Some(DefaultValue::Single("a".to_owned()))
        );
        assert_eq!(regex_body("/^(.*)$/i").as_deref(), Some("^(.*)$"));
    }
}
