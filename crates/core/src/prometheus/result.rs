//! What a query returned, decoded: series of samples, native histograms, the result's type,
//! and why a query failed.

use std::fmt;

use super::{Labels, Samples};

/// One series of a result.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub labels: Labels,
    /// Shared, not copied, by the models and drawings made from it (NodeExporter's page held
    /// 1.3 MB less once they stopped copying them).
    pub samples: Samples,
}

/// One series of native histograms (`histogram`/`histograms` in a reply).
#[derive(Debug, Clone, PartialEq)]
pub struct NativeSeries {
    pub labels: Labels,
    pub points: Vec<NativePoint>,
}

/// A native histogram at one time.
#[derive(Debug, Clone, PartialEq)]
pub struct NativePoint {
    pub time_ms: i64,
    pub count: f64,
    pub sum: f64,
    pub buckets: Vec<NativeBucket>,
}

/// A bucket of a native histogram: `count` observations between `lower` and `upper`. Which
/// end is open does not matter for drawing, so the reply's boundary rule is not kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NativeBucket {
    pub lower: f64,
    pub upper: f64,
    pub count: f64,
}

/// What kind of result Prometheus returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultType {
    Matrix,
    Vector,
    Scalar,
    String,
}

/// A decoded successful reply.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryResult {
    pub result_type: ResultType,
    pub series: Vec<Series>,
    /// Series of native histograms; a series with both floats and histograms is in both lists.
    pub native: Vec<NativeSeries>,
    /// Prometheus' warnings and infos, to show beside the panel.
    pub warnings: Vec<String>,
}

/// Why a query has no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Prometheus or the backend refused the query (bad PromQL, forbidden project, ...).
    Rejected { status: u16, message: String },
    /// The backend or Prometheus is unavailable or timed out.
    Unavailable { status: u16, message: String },
    /// The reply is not what the backend contract promises.
    Malformed(String),
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Rejected { status, message } => write!(f, "{message} (HTTP {status})"),
            Self::Unavailable { status, message } => {
                write!(
                    f,
                    "the metrics service is unavailable: {message} (HTTP {status})"
                )
            }
            Self::Malformed(message) => {
                write!(f, "unexpected reply from the metrics service: {message}")
            }
        }
    }
}

impl std::error::Error for QueryError {}
