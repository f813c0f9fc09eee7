//! Decoding one part of a parsed document into a typed value, with the exact place of a
//! failure: `spec.plugin.spec.unit`, not just "unknown variant".
//!
//! Written here rather than with `serde_path_to_error` over serde_json's deserializer because
//! that wraps the deserializer and every visitor a second time, so each spec type's decoding was
//! compiled twice over (about 160 KB of the page's WebAssembly before optimisation). This
//! deserializer reads a `&Value` itself and adds the key or index to an error as the error
//! passes back up through an object or array: nothing is tracked until something fails. The
//! messages are serde_json's own, since its error type makes them.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

mod access;
pub mod tagged;

/// Decodes `value` as `T`; a failure says where inside `value` it happened.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, DecodeError> {
    T::deserialize(access::Tracked(value))
}

/// One step of the path to a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A key of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
    /// The content of an externally tagged enum's variant (`{"Variant": …}`).
    Variant(String),
}

/// A value that does not decode: serde_json's error and where it happened.
#[derive(Debug)]
pub struct DecodeError {
    inner: serde_json::Error,
    /// Innermost first, as the error collects it on its way up; [`DecodeError::path`] turns it.
    reversed_path: Vec<Segment>,
}

impl DecodeError {
    /// The path from the decoded value to the failure, outermost first.
    pub fn path(&self) -> impl DoubleEndedIterator<Item = &Segment> + ExactSizeIterator {
        self.reversed_path.iter().rev()
    }

    /// The path as text: `.spec.from`, `[2].name`, `::Variant`.
    pub fn path_text(&self) -> String {
        self.path()
            .map(|segment| match segment {
                Segment::Key(key) => format!(".{key}"),
                Segment::Index(index) => format!("[{index}]"),
                Segment::Variant(name) => format!("::{name}"),
            })
            .collect()
    }

    /// serde_json's error, which words the message.
    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }

    /// The same failure seen from one level up.
    #[cold]
    fn within(mut self, segment: Segment) -> Self {
        self.reversed_path.push(segment);
        self
    }
}

impl From<serde_json::Error> for DecodeError {
    fn from(inner: serde_json::Error) -> Self {
        Self {
            inner,
            reversed_path: Vec::new(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.inner, f)
    }
}

impl std::error::Error for DecodeError {}

/// serde_json's wording for every message: it says `null` where serde says `unit value`.
impl serde::de::Error for DecodeError {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        <serde_json::Error as serde::de::Error>::custom(message).into()
    }

    #[cold]
    fn invalid_type(unexpected: serde::de::Unexpected, expected: &dyn serde::de::Expected) -> Self {
        <serde_json::Error as serde::de::Error>::invalid_type(unexpected, expected).into()
    }

    #[cold]
    fn invalid_value(
        unexpected: serde::de::Unexpected,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        <serde_json::Error as serde::de::Error>::invalid_value(unexpected, expected).into()
    }
}

#[cfg(test)]
mod tests;
