//! Collecting problems while a dashboard is built, and the decoders that report them: a part
//! that does not decode is a problem at its exact path, never a failed dashboard.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Problem, ProblemKind, Severity};
use crate::diagnostic::{Diagnostic, Path};

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
