//! One bad option costs only that option. A panel's options are decoded whole; when one does
//! not decode (an unknown unit, a number written as text), it is taken out and decoding is
//! tried again, so the panel draws with that option's default and a warning names it. Only an
//! option the panel cannot do without (a required one, or the spec itself) makes the panel
//! invalid.
//!
//! Written here rather than with a serde attribute on every field because the options are
//! many and nested; one retry loop covers them all, and the warning says exactly where.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::problems::Problems;
use crate::decode::{self, Segment};
use crate::diagnostic::{Diagnostic, Path};

/// Enough for any real spec; bounds the work on a hostile one.
const MAX_DROPPED: usize = 32;

/// Decodes `value` as `T`, dropping the options that do not decode, each with a warning.
pub(super) fn decode_leniently<T: DeserializeOwned>(
    value: &Value,
    path: &Path,
    problems: &mut Problems,
) -> Result<T, Diagnostic> {
    let mut value = value.clone();
    let mut dropped: Vec<Diagnostic> = Vec::new();
    loop {
        let error = match decode::from_value::<T>(&value) {
            Ok(decoded) => {
                for mut diagnostic in dropped {
                    diagnostic
                        .message
                        .push_str("; it is ignored and the default is used");
                    problems.push_kind(
                        super::Severity::Warning,
                        super::ProblemKind::IgnoredOption,
                        diagnostic,
                    );
                }
                return Ok(decoded);
            }
            Err(error) => error,
        };
        let diagnostic = Diagnostic::from_decode_error(path, &error);
        let removable = dropped.len() < MAX_DROPPED
            && !is_missing_field(&diagnostic)
            && remove(&mut value, &error.path().collect::<Vec<_>>());
        if !removable {
            // The panel cannot draw; the options dropped on the way are reported too.
            for diagnostic in dropped {
                problems.push_kind(
                    super::Severity::Warning,
                    super::ProblemKind::IgnoredOption,
                    diagnostic,
                );
            }
            return Err(diagnostic);
        }
        dropped.push(diagnostic);
    }
}

/// A required option is missing: taking anything out cannot help.
fn is_missing_field(diagnostic: &Diagnostic) -> bool {
    diagnostic.message.starts_with("missing field")
}

/// Removes the value at `path` (an object key or an array element); false if there is none
/// or the path is the whole value.
fn remove(value: &mut Value, path: &[&Segment]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut current = value;
    for segment in parents {
        let next = match (segment, current) {
            (Segment::Key(key), Value::Object(object)) => object.get_mut(key.as_str()),
            (Segment::Index(index), Value::Array(array)) => array.get_mut(*index),
            _ => None,
        };
        match next {
            Some(next) => current = next,
            None => return false,
        }
    }
    match (last, current) {
        (Segment::Key(key), Value::Object(object)) => object.remove(key.as_str()).is_some(),
        (Segment::Index(index), Value::Array(array)) if *index < array.len() => {
            array.remove(*index);
            true
        }
        _ => false,
    }
}
