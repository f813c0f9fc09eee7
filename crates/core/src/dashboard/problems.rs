//! Collecting problems while a dashboard is built, and the decoders that report them: a part
//! that does not decode is a problem at its exact path, never a failed dashboard.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Path};

/// How serious a diagnostic is. Errors are what Perses itself rejects; warnings are things
/// Perses accepts that will not work as the author probably meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// What sort of problem a diagnostic is: the closed set tools name problems by (the `lint`
/// command's rule ids, which users silence warnings with).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// Something Perses rejects: a name, a `$ref`, a field of the wrong shape.
    Invalid,
    /// An option that does not decode, dropped so the rest of its panel still draws.
    IgnoredOption,
    /// A text uses a variable the dashboard does not define.
    UndefinedVariable,
    /// A variable named like a builtin (`__…`).
    ReservedName,
    /// A static list with no values.
    EmptyList,
    /// Something about the resource around the dashboard (its envelope or metadata).
    Resource,
}

impl ProblemKind {
    /// The id tools print and users write to silence a warning.
    pub fn id(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::IgnoredOption => "ignored-option",
            Self::UndefinedVariable => "undefined-variable",
            Self::ReservedName => "reserved-name",
            Self::EmptyList => "empty-list",
            Self::Resource => "resource",
        }
    }
}

/// A diagnostic with its severity and kind.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub kind: ProblemKind,
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{severity}: {}", self.diagnostic)
    }
}

/// Collects problems while a dashboard is built.
#[derive(Default)]
pub(crate) struct Problems(pub(super) Vec<Problem>);

impl Problems {
    pub(super) fn error(&mut self, path: &Path, message: impl Into<String>) {
        self.push(Severity::Error, Diagnostic::new(path, message));
    }

    pub(super) fn warning(&mut self, kind: ProblemKind, path: &Path, message: impl Into<String>) {
        self.push_kind(Severity::Warning, kind, Diagnostic::new(path, message));
    }

    /// An error is something Perses rejects ([`ProblemKind::Invalid`]); warnings say their kind.
    pub(crate) fn push(&mut self, severity: Severity, diagnostic: Diagnostic) {
        self.push_kind(severity, ProblemKind::Invalid, diagnostic);
    }

    pub(crate) fn push_kind(
        &mut self,
        severity: Severity,
        kind: ProblemKind,
        diagnostic: Diagnostic,
    ) {
        self.0.push(Problem {
            severity,
            kind,
            diagnostic,
        });
    }
}

/// Decodes `value` as `T`; a failure names the exact field under `path`.
pub(super) fn decode<T: DeserializeOwned>(value: &Value, path: &Path) -> Result<T, Diagnostic> {
    crate::decode::from_value(value).map_err(|error| Diagnostic::from_decode_error(path, &error))
}

/// Decodes an optional field, reporting (and dropping) a value of the wrong shape.
pub(super) fn optional<T: DeserializeOwned>(
    value: Option<&Value>,
    path: &Path,
    problems: &mut Problems,
) -> Option<T> {
    let value = value?;
    decode(value, path)
        .map_err(|error| problems.push(Severity::Error, error))
        .ok()
}

/// `value` as an object, borrowed; anything else is reported as [`optional`] words it and
/// reads as absent. Decoding the parts of a dashboard into owned trees (as `optional` and
/// serde's `Value` fields do) copied each panel's tree three or four times: a third of the
/// time NodeExporter's 114 panels took to read.
pub(super) fn borrowed_object<'a>(
    value: Option<&'a Value>,
    path: &Path,
    problems: &mut Problems,
) -> Option<&'a Map<String, Value>> {
    match value {
        Some(Value::Object(object)) => Some(object),
        other => {
            let _: Option<Map<String, Value>> = optional(other, path, problems);
            None
        }
    }
}

/// `value` as an array, borrowed, as [`borrowed_object`] does.
pub(super) fn borrowed_array<'a>(
    value: Option<&'a Value>,
    path: &Path,
    problems: &mut Problems,
) -> &'a [Value] {
    match value {
        Some(Value::Array(items)) => items,
        other => {
            let _: Option<Vec<Value>> = optional(other, path, problems);
            &[]
        }
    }
}

/// A field as serde reads an `Option`: absent or `null` is `None`.
pub(super) fn field<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    object.get(key).filter(|value| !value.is_null())
}
