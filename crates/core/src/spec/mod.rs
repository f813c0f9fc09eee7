//! Serde types for the Perses dashboard spec: the wire contract, read leniently.
//!
//! Field names follow the CUE schemas of perses/plugins and perses/shared. Unknown fields are
//! ignored (dashboards written for newer Perses versions still load), but a known field with
//! the wrong type or an unknown enum value is an error that names its path. The checks that
//! need more than one field (references, unique names, ...) live in [`crate::dashboard`].

pub mod common;
pub mod datasource;
pub mod layout;
pub mod panels;
pub mod query;
mod tagged;
mod text_or;
pub mod unit;
pub mod variable;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A plugin reference as Perses writes it everywhere: which plugin (`kind`) and its options.
/// The options stay raw here; the typed view is decoded once the kind is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plugin {
    pub kind: String,
    #[serde(default)]
    pub spec: Value,
}

impl Plugin {
    /// The options to decode: a missing or `null` spec is an empty object, so a plugin whose
    /// options all have defaults decodes without one.
    pub fn options(&self) -> std::borrow::Cow<'_, Value> {
        if self.spec.is_null() {
            std::borrow::Cow::Owned(Value::Object(serde_json::Map::new()))
        } else {
            std::borrow::Cow::Borrowed(&self.spec)
        }
    }
}

#[cfg(test)]
mod tagged_tests;
