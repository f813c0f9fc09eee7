//! Paths into a document and the problems found at them.
//!
//! Every error the model reports names the exact place it comes from, in the form users see
//! in their editors and in `kubectl explain`: `spec.layouts[0].spec.items[3].content.$ref`.

use std::fmt;

use serde::Serialize;

use crate::decode::{DecodeError, Segment};

/// A location in a JSON/YAML document, relative to the document's root.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(String);

/// `text` as a JSON string, quoted and escaped. The `str` is serialised itself, not a
/// `serde_json::Value` made of it, which would bring serde_json's writer of every JSON value
/// (numbers and their 10 KB table) into the page.
pub fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

impl Path {
    /// The document root.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    pub fn key(&self, key: &str) -> Self {
        let mut text = self.0.clone();
        if is_plain_key(key) {
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(key);
        } else {
            // Keys with dots or spaces would be ambiguous after a '.', so they are quoted, as
            // a JSON string.
            text.push('[');
            text.push_str(&json_string(key));
            text.push(']');
        }
        Self(text)
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        Self(format!("{}[{index}]", self.0))
    }

    /// This path extended by the path of a decoding failure inside it.
    pub fn join_decoded<'a>(&self, inner: impl IntoIterator<Item = &'a Segment>) -> Self {
        let mut path = self.clone();
        for segment in inner {
            path = match segment {
                Segment::Index(index) => path.index(*index),
                Segment::Key(key) | Segment::Variant(key) => path.key(key),
            };
        }
        path
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(document root)")
        } else {
            f.write_str(&self.0)
        }
    }
}

/// One problem in a dashboard: where it is and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    /// A sentence a dashboard author understands.
    pub message: String,
    /// More than the sentence, shown on request (the accepted values, say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

impl Diagnostic {
    pub fn new(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            message: message.into(),
            details: None,
        }
    }

    /// A diagnostic for a decoding failure under `base`, located at the failing field, in
    /// words: "unknown unit \"megaparsecs\"" with the accepted values as details, rather than
    /// serde's sentence with all of them in it.
    pub fn from_decode_error(base: &Path, error: &DecodeError) -> Self {
        let path = base.join_decoded(error.path());
        let field = error.path().next_back().and_then(|segment| match segment {
            Segment::Key(key) => Some(key.clone()),
            _ => None,
        });
        let (message, details) = explain(&error.inner().to_string(), field.as_deref());
        Self {
            path: path.to_string(),
            message,
            details,
        }
    }
}

/// serde's message made readable: an unknown variant names the value and keeps the list of
/// accepted ones apart; a wrong type says what was expected in plain words.
fn explain(serde_message: &str, field: Option<&str>) -> (String, Option<String>) {
    // serde_json appends " at line L column C", which means nothing in a decoded document.
    let message = serde_message
        .split(" at line ")
        .next()
        .unwrap_or(serde_message)
        .to_owned();
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once("`, expected ")
    {
        let what = match field {
            Some("unit") => "unit".to_owned(),
            Some(field) => format!("value for {field}"),
            None => "value".to_owned(),
        };
        let accepted = expected
            .strip_prefix("one of ")
            .unwrap_or(expected)
            .replace('`', "");
        return (
            format!("unknown {what} {value:?}; see the accepted values"),
            Some(format!("Accepted: {accepted}")),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return (format!("expected {expected}, found {found}"), None);
    }
    (message, None)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Diagnostic {}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$' | '#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_editor_paths() {
        let path = Path::root().key("spec").key("layouts").index(0).key("spec");
        let path = path.key("items").index(3).key("content").key("$ref");
        assert_eq!(path.as_str(), "spec.layouts[0].spec.items[3].content.$ref");
        assert_eq!(
            Path::root().key("panels").key("a.b").as_str(),
            r#"panels["a.b"]"#
        );
        assert_eq!(Path::root().index(2).key("kind").as_str(), "[2].kind");
        assert_eq!(Path::root().to_string(), "(document root)");
    }
}
