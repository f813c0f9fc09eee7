//! Reading documents: JSON, or YAML 1.2 with any number of `---` separated documents.
//!
//! Everything after this module works on `serde_json::Value`, whichever syntax a file used.
//! YAML is read with the YAML 1.2 core schema, so `y`, `yes` and `on` are strings, as they are
//! for the Go tooling (`sigs.k8s.io/yaml`) that writes most Perses YAML.

use std::fmt;

use serde_json::Value;

/// The syntax of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Json,
    Yaml,
}

impl SourceFormat {
    /// The format a file name suggests; `None` for other extensions.
    pub fn from_file_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Some(Self::Json)
        } else if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Some(Self::Yaml)
        } else {
            None
        }
    }
}

/// A document that could not be read at all, with the parser's own message (it names the
/// line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub format: SourceFormat,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let syntax = match self.format {
            SourceFormat::Json => "JSON",
            SourceFormat::Yaml => "YAML",
        };
        write!(f, "not valid {syntax}: {}", self.message)
    }
}

impl std::error::Error for SourceError {}

/// Parses a text into its documents. JSON holds exactly one; YAML may hold several, and empty
/// ones (a trailing `---`) are skipped.
pub fn parse_documents(text: &str, format: SourceFormat) -> Result<Vec<Value>, SourceError> {
    match format {
        SourceFormat::Json => {
            serde_json::from_str(text)
                .map(|value| vec![value])
                .map_err(|error| SourceError {
                    format,
                    message: error.to_string(),
                })
        }
        SourceFormat::Yaml => parse_yaml(text),
    }
}

#[cfg(feature = "yaml")]
fn parse_yaml(text: &str) -> Result<Vec<Value>, SourceError> {
    // strict_booleans: only true/false are booleans (YAML 1.2), never yes/no/on/off/y/n.
    let options = serde_saphyr::options! { strict_booleans: true };
    let documents: Vec<Value> =
        serde_saphyr::from_multiple_with_options(text, options).map_err(|error| SourceError {
            format: SourceFormat::Yaml,
            message: error.to_string(),
        })?;
    Ok(documents
        .into_iter()
        .filter(|document| !document.is_null())
        .collect())
}

#[cfg(not(feature = "yaml"))]
fn parse_yaml(_text: &str) -> Result<Vec<Value>, SourceError> {
    Err(SourceError {
        format: SourceFormat::Yaml,
        message: "this build reads JSON only (obs-core was built without the `yaml` feature)"
            .to_owned(),
    })
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn yaml_is_read_as_yaml_1_2() {
        let documents = parse_documents("y: 1\nn: no\non: yes\nx: 0x1F\n", SourceFormat::Yaml);
        assert_eq!(
            documents,
            Ok(vec![json!({"y": 1, "n": "no", "on": "yes", "x": 31})])
        );
    }

    #[test]
    fn yaml_streams_give_every_non_empty_document() {
        let text = "---\na: 1\n---\nb: [2, 3]\n---\n";
        let documents = parse_documents(text, SourceFormat::Yaml);
        assert_eq!(documents, Ok(vec![json!({"a": 1}), json!({"b": [2, 3]})]));
    }

    #[test]
    fn syntax_errors_name_the_format() {
        let error = parse_documents("a: [1, 2", SourceFormat::Yaml).unwrap_err();
        assert!(error.to_string().starts_with("not valid YAML: "), "{error}");
        let error = parse_documents("{\"a\": }", SourceFormat::Json).unwrap_err();
        assert!(error.to_string().contains("line 1"), "{error}");
    }

    #[test]
    fn file_names_pick_the_format() {
        assert_eq!(
            SourceFormat::from_file_name("a/b.YML"),
            Some(SourceFormat::Yaml)
        );
        assert_eq!(
            SourceFormat::from_file_name("x.json"),
            Some(SourceFormat::Json)
        );
        assert_eq!(SourceFormat::from_file_name("kustomization"), None);
    }
}
