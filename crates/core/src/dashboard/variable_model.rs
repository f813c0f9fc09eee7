//! A dashboard's variables as the rest of the code works with them: text or list, and where a
//! list's options come from.

use crate::diagnostic::Diagnostic;
use crate::spec::common::DatasourceSelector;
use crate::spec::variable::{DefaultValue, SortMethod, StaticValue};

/// A dashboard variable.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    pub name: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub hidden: bool,
    pub kind: VariableKind,
}

impl Variable {
    /// The label to show: the display name, else the variable name.
    pub fn label(&self) -> &str {
        self.display_name
            .as_deref()
            .filter(|name| !name.is_empty())
            .unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum VariableKind {
    Text { value: String, constant: bool },
    List(ListVariable),
}

/// A list variable: where its options come from and how they can be selected.
#[derive(Debug, Clone, PartialEq)]
pub struct ListVariable {
    pub source: ListSource,
    pub default_value: Option<DefaultValue>,
    pub allow_all_value: bool,
    pub allow_multiple: bool,
    pub custom_all_value: Option<String>,
    pub capturing_regexp: Option<String>,
    pub sort: SortMethod,
}

/// Where a list variable's options come from.
#[derive(Debug, Clone, PartialEq)]
pub enum ListSource {
    PrometheusLabelValues {
        datasource: Option<DatasourceSelector>,
        label_name: String,
        matchers: Vec<String>,
    },
    PrometheusLabelNames {
        datasource: Option<DatasourceSelector>,
        matchers: Vec<String>,
    },
    PrometheusPromQl {
        datasource: Option<DatasourceSelector>,
        expr: String,
        label_name: String,
    },
    Static {
        values: Vec<StaticValue>,
    },
    /// Lists the datasources of a kind: those the dashboard declares (`scope::datasource_options`).
    Datasource {
        plugin_kind: String,
    },
    Unsupported {
        plugin_kind: String,
    },
    Invalid {
        plugin_kind: String,
        problem: Diagnostic,
    },
}
