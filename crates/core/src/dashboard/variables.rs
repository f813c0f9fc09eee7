//! Loading variables, with Perses' rules: valid unique names, `customAllValue` only with
//! `allowAllValue`, a list default only with `allowMultiple`, a constant text needs a value.

use std::collections::BTreeMap;

use serde_json::Value;

use super::problems::{Problems, borrowed_array, decode};
use super::{
    ListSource, ListVariable, ProblemKind, Severity, Variable, VariableKind, names::validate_name,
};
use crate::diagnostic::Path;
use crate::spec::Plugin;
use crate::spec::variable::{
    DATASOURCE, DatasourceVariableSpec, DefaultValue, LabelNamesSpec, LabelValuesSpec,
    ListVariableSpec, PROMETHEUS_LABEL_NAMES, PROMETHEUS_LABEL_VALUES, PROMETHEUS_PROMQL,
    PromQlSpec, STATIC_LIST, StaticListSpec, TextVariableSpec, VariableDefinition,
};

pub(super) fn load_all(
    value: Option<&Value>,
    path: &Path,
    problems: &mut Problems,
) -> Vec<Variable> {
    let mut first_index_by_name = BTreeMap::new();
    let mut variables = Vec::new();
    for (index, value) in borrowed_array(value, path, problems).iter().enumerate() {
        let variable_path = path.index(index);
        let definition = match decode::<VariableDefinition>(value, &variable_path) {
            Ok(definition) => definition,
            Err(error) => {
                problems.push(Severity::Error, error);
                continue;
            }
        };
        let spec_path = variable_path.key("spec");
        let variable = match definition {
            VariableDefinition::TextVariable(spec) => text(spec, &spec_path, problems),
            VariableDefinition::ListVariable(spec) => list(spec, &spec_path, problems),
        };
        let name_path = spec_path.key("name");
        if let Err(message) = validate_name(&variable.name) {
            problems.error(&name_path, message);
        } else if variable.name.chars().all(|c| c.is_ascii_digit()) {
            problems.error(&name_path, "a variable name must not be only digits");
        }
        if variable.name.starts_with("__") {
            problems.warning(
                ProblemKind::ReservedName,
                &name_path,
                "names starting with __ are reserved for built-in variables such as $__range",
            );
        }
        if let Some(first) = first_index_by_name.get(&variable.name) {
            problems.error(
                &name_path,
                format!(
                    "variable {:?} is already defined at {}",
                    variable.name,
                    path.index(*first)
                ),
            );
            continue;
        }
        first_index_by_name.insert(variable.name.clone(), index);
        variables.push(variable);
    }
    variables
}

fn text(spec: TextVariableSpec, path: &Path, problems: &mut Problems) -> Variable {
    if spec.constant && spec.value.is_empty() {
        problems.error(&path.key("value"), "a constant text variable needs a value");
    }
    let display = spec.display.unwrap_or_default();
    Variable {
        name: spec.name,
        display_name: display.name,
        description: display.description,
        hidden: display.hidden,
        kind: VariableKind::Text {
            value: spec.value,
            constant: spec.constant,
        },
    }
}

fn list(spec: ListVariableSpec, path: &Path, problems: &mut Problems) -> Variable {
    if spec.custom_all_value.is_some() && !spec.allow_all_value {
        problems.error(
            &path.key("customAllValue"),
            "customAllValue needs allowAllValue: true (it replaces the \"All\" selection)",
        );
    }
    let default_value = match spec.default_value {
        Some(DefaultValue::Multiple(values)) if !spec.allow_multiple => {
            if values.len() > 1 {
                problems.error(
                    &path.key("defaultValue"),
                    "a list of default values needs allowMultiple: true",
                );
            }
            // Perses reads a one-value list as that value when only one can be selected.
            values.into_iter().next().map(DefaultValue::Single)
        }
        other => other,
    };
    let source = source(spec.plugin, &path.key("plugin"), problems);
    let display = spec.display.unwrap_or_default();
    Variable {
        name: spec.name,
        display_name: display.name,
        description: display.description,
        hidden: display.hidden,
        kind: VariableKind::List(ListVariable {
            source,
            default_value,
            allow_all_value: spec.allow_all_value,
            allow_multiple: spec.allow_multiple,
            custom_all_value: spec.custom_all_value,
            capturing_regexp: spec.capturing_regexp.filter(|regexp| !regexp.is_empty()),
            sort: spec.sort.unwrap_or_default(),
        }),
    }
}

/// The one place that maps a list variable plugin name to its typed options.
fn source(plugin: Plugin, path: &Path, problems: &mut Problems) -> ListSource {
    let options = plugin.options();
    let spec: &Value = &options;
    let spec_path = path.key("spec");
    let decoded = match plugin.kind.as_str() {
        PROMETHEUS_LABEL_VALUES => decode::<LabelValuesSpec>(spec, &spec_path).map(|spec| {
            ListSource::PrometheusLabelValues {
                datasource: spec.datasource,
                label_name: spec.label_name,
                matchers: spec.matchers,
            }
        }),
        PROMETHEUS_LABEL_NAMES => decode::<LabelNamesSpec>(spec, &spec_path).map(|spec| {
            ListSource::PrometheusLabelNames {
                datasource: spec.datasource,
                matchers: spec.matchers,
            }
        }),
        PROMETHEUS_PROMQL => {
            decode::<PromQlSpec>(spec, &spec_path).map(|spec| ListSource::PrometheusPromQl {
                datasource: spec.datasource,
                expr: spec.expr,
                label_name: spec.label_name,
            })
        }
        STATIC_LIST => decode::<StaticListSpec>(spec, &spec_path).map(|spec| {
            if spec.values.is_empty() {
                problems.warning(
                    ProblemKind::EmptyList,
                    &spec_path.key("values"),
                    "no values: the list will be empty",
                );
            }
            ListSource::Static {
                values: spec.values,
            }
        }),
        DATASOURCE => {
            decode::<DatasourceVariableSpec>(spec, &spec_path).map(|spec| ListSource::Datasource {
                plugin_kind: spec.datasource_plugin_kind,
            })
        }
        "" => {
            problems.error(
                &path.key("kind"),
                "must not be empty: name the variable plugin",
            );
            return ListSource::Unsupported {
                plugin_kind: plugin.kind,
            };
        }
        _ => {
            return ListSource::Unsupported {
                plugin_kind: plugin.kind,
            };
        }
    };
    decoded.unwrap_or_else(|error| {
        problems.push(Severity::Error, error.clone());
        ListSource::Invalid {
            plugin_kind: plugin.kind,
            problem: error,
        }
    })
}
