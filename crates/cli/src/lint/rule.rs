//! The closed set of what `lint` reports, each with the id users see and silence.

use obs_core::dashboard::{ProblemKind, Severity};
use serde::Serialize;

/// One kind of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The file cannot be read, or is not JSON or YAML.
    Unreadable,
    /// One of the model's own problems.
    Model(ProblemKind),
    /// A query or PromQL variable that does not parse once its variables have sample values.
    Promql,
    /// Variables that depend on each other in a circle: none of them can load.
    VariableCycle,
    /// A variable nothing uses.
    UnusedVariable,
    /// `histogram_quantile` over an aggregation that drops `le`.
    HistogramQuantileWithoutLe,
    /// A heat map or histogram chart whose query returns no histogram: an aggregation of
    /// `_bucket` series that drops `le`, or quantiles instead of buckets.
    HistogramPanelWithoutLe,
    /// `rate`/`increase` over a literal range too short to hold two samples.
    ShortRateRange,
    /// A `namespace` matcher on a project dashboard that the server's enforcement empties.
    NamespaceMatcher,
    /// A panel that draws data but has no query.
    PanelWithoutQuery,
    /// A unit that does not fit what the query measures.
    UnitMismatch,
}

impl Rule {
    /// Every rule, for `--help` and the docs.
    pub const ALL: [Self; 16] = [
        Self::Unreadable,
        Self::Model(ProblemKind::Invalid),
        Self::Model(ProblemKind::IgnoredOption),
        Self::Model(ProblemKind::UndefinedVariable),
        Self::Model(ProblemKind::ReservedName),
        Self::Model(ProblemKind::EmptyList),
        Self::Model(ProblemKind::Resource),
        Self::Promql,
        Self::VariableCycle,
        Self::UnusedVariable,
        Self::HistogramQuantileWithoutLe,
        Self::HistogramPanelWithoutLe,
        Self::ShortRateRange,
        Self::NamespaceMatcher,
        Self::PanelWithoutQuery,
        Self::UnitMismatch,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::Unreadable => "unreadable",
            Self::Model(kind) => kind.id(),
            Self::Promql => "promql",
            Self::VariableCycle => "variable-cycle",
            Self::UnusedVariable => "unused-variable",
            Self::HistogramQuantileWithoutLe => "histogram-quantile-le",
            Self::HistogramPanelWithoutLe => "histogram-panel-le",
            Self::ShortRateRange => "short-rate-range",
            Self::NamespaceMatcher => "namespace-matcher",
            Self::PanelWithoutQuery => "panel-without-query",
            Self::UnitMismatch => "unit-mismatch",
        }
    }

    /// Errors are what breaks a dashboard in a cluster (Perses rejects it, or a query cannot
    /// run); warnings are what works but is probably not what the author meant.
    pub fn severity(self) -> Severity {
        match self {
            Self::Unreadable
            | Self::Model(ProblemKind::Invalid | ProblemKind::IgnoredOption)
            | Self::Model(ProblemKind::UndefinedVariable)
            | Self::Promql
            | Self::VariableCycle => Severity::Error,
            Self::Model(
                ProblemKind::ReservedName | ProblemKind::EmptyList | ProblemKind::Resource,
            )
            | Self::UnusedVariable
            | Self::HistogramQuantileWithoutLe
            | Self::HistogramPanelWithoutLe
            | Self::ShortRateRange
            | Self::NamespaceMatcher
            | Self::PanelWithoutQuery
            | Self::UnitMismatch => Severity::Warning,
        }
    }

    /// What the rule checks, in a sentence.
    pub fn summary(self) -> &'static str {
        match self {
            Self::Unreadable => "the file is not readable JSON or YAML",
            Self::Model(ProblemKind::Invalid) => {
                "names, $refs, variables, durations and fields as Perses validates them"
            }
            Self::Model(ProblemKind::IgnoredOption) => {
                "typed panel options: units, calculations, enums, shapes"
            }
            Self::Model(ProblemKind::UndefinedVariable) => "a text uses an undefined variable",
            Self::Model(ProblemKind::ReservedName) => "a variable named like a builtin (__…)",
            Self::Model(ProblemKind::EmptyList) => "a static list variable without values",
            Self::Model(ProblemKind::Resource) => "the resource around the dashboard",
            Self::Promql => "every query and PromQL variable parses with sample values",
            Self::VariableCycle => "variables that depend on each other in a circle",
            Self::UnusedVariable => "a variable that nothing uses",
            Self::HistogramQuantileWithoutLe => {
                "histogram_quantile over an aggregation that drops le"
            }
            Self::HistogramPanelWithoutLe => {
                "a heat map or histogram chart whose query returns no buckets"
            }
            Self::ShortRateRange => "rate/increase over a literal range shorter than 1m",
            Self::NamespaceMatcher => {
                "a namespace matcher other than $namespace on a project dashboard"
            }
            Self::PanelWithoutQuery => "a data panel without a query",
            Self::UnitMismatch => "a unit that does not fit the metric (percent on _bytes…)",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rule| rule.id() == id)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|rule| rule.id()).collect();
        for rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
    }
}
