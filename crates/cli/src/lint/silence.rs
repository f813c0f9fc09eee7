//! Warnings silenced by their authors: per file with a comment, per dashboard with an
//! annotation. Errors cannot be silenced: they break the dashboard in a cluster.
//!
//! ```yaml
//! # obs-lint-disable: unused-variable, short-rate-range
//! apiVersion: perses.dev/v1alpha2
//! kind: PersesDashboard
//! metadata:
//!   annotations:
//!     obs.opendatahub.io/lint-disable: unit-mismatch
//! ```

use obs_core::source::SourceFormat;
use serde_json::Value;

use super::rule::Rule;

/// The comment that silences rules in a YAML file.
pub const FILE_DIRECTIVE: &str = "obs-lint-disable";
/// The annotation that silences rules for one dashboard (JSON files have no comments).
pub const ANNOTATION: &str = "obs.opendatahub.io/lint-disable";

/// The rules a YAML file's comments silence.
pub fn in_file(text: &str, format: SourceFormat) -> Vec<Rule> {
    if format != SourceFormat::Yaml {
        return Vec::new();
    }
    text.lines()
        .filter_map(|line| line.trim_start().strip_prefix('#'))
        .filter_map(|comment| comment.trim_start().strip_prefix(FILE_DIRECTIVE))
        .flat_map(|rest| rules(rest.trim_start_matches(':')))
        .collect()
}

/// The rules a resource's annotation silences.
pub fn in_resource(resource: &Value) -> Vec<Rule> {
    resource
        .pointer("/metadata/annotations")
        .and_then(|annotations| annotations.get(ANNOTATION))
        .and_then(Value::as_str)
        .map(rules)
        .unwrap_or_default()
}

fn rules(list: &str) -> Vec<Rule> {
    list.split([',', ' '])
        .map(str::trim)
        .filter_map(Rule::from_id)
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn directives_and_annotations() {
        let text = "# obs-lint-disable: unused-variable, short-rate-range\nkind: X\n  # obs-lint-disable unit-mismatch\n";
        assert_eq!(
            in_file(text, SourceFormat::Yaml),
            [
                Rule::UnusedVariable,
                Rule::ShortRateRange,
                Rule::UnitMismatch
            ]
        );
        assert!(in_file(text, SourceFormat::Json).is_empty());
        let resource =
            json!({"metadata": {"annotations": {ANNOTATION: "namespace-matcher,nonsense"}}});
        assert_eq!(in_resource(&resource), [Rule::NamespaceMatcher]);
    }
}
