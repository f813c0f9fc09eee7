//! Replies of the ODH backend's Prometheus routes: `{"code": 200, "response": <Prometheus JSON>}`
//! on success; on failure an HTTP error whose JSON says what went wrong.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Labels, Sample, Samples};

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

/// Decodes a reply of `/api/prometheus/query` or `/queryRange` given its HTTP status and body.
pub fn decode_odh_reply(status: u16, body: &str) -> Result<QueryResult, QueryError> {
    if !(200..300).contains(&status) {
        let message = error_message(body).unwrap_or_else(|| default_message(status));
        return Err(if status >= 500 || status == 429 || status == 408 {
            QueryError::Unavailable { status, message }
        } else {
            QueryError::Rejected { status, message }
        });
    }
    let envelope: Envelope =
        serde_json::from_str(body).map_err(|error| QueryError::Malformed(error.to_string()))?;
    let reply = envelope.response;
    if reply.status != "success" {
        let message = reply
            .error
            .unwrap_or_else(|| "Prometheus reported an error".to_owned());
        return Err(QueryError::Rejected {
            status: 400,
            message,
        });
    }
    let data = reply
        .data
        .ok_or_else(|| QueryError::Malformed("no data in a successful reply".to_owned()))?;
    let mut warnings = reply.warnings;
    warnings.extend(reply.infos);
    let (result_type, series, native) = decode_data(data)?;
    Ok(QueryResult {
        result_type,
        series,
        native,
        warnings,
    })
}

#[derive(Deserialize)]
struct Envelope {
    response: PromReply,
}

#[derive(Deserialize)]
struct PromReply {
    status: String,
    #[serde(default)]
    data: Option<PromData>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    infos: Vec<String>,
}

/// The result is read straight from the reply's text into samples. It used to be read into a
/// `serde_json::Value` first and converted after: a tree of about 150 bytes a point, and a
/// `String` for every value, to keep 16 bytes a point in the end; WebAssembly memory keeps
/// its largest size, and the conversion was a second decoder in the page's module.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PromData {
    result_type: String,
    result: Vec<ResultItem>,
}

/// One element of `result`: a series (matrix, vector) or one half of a scalar or string
/// result's `[time, "value"]`. Which one is expected depends on `resultType`, which JSON does
/// not promise to come first, so every element says what it is and [`decode_data`] checks.
enum ResultItem {
    Series(RawSeries),
    Time(f64),
    Value(f64),
    /// Anything else, kept only to be reported.
    Other,
}

impl<'de> Deserialize<'de> for ResultItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = ResultItem;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a series, a time or a value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ResultItem, A::Error> {
                RawSeries::deserialize(MapAccessDeserializer::new(map)).map(ResultItem::Series)
            }
            fn visit_f64<E: de::Error>(self, time_secs: f64) -> Result<ResultItem, E> {
                Ok(ResultItem::Time(time_secs))
            }
            fn visit_u64<E: de::Error>(self, time_secs: u64) -> Result<ResultItem, E> {
                Ok(ResultItem::Time(time_secs as f64))
            }
            fn visit_i64<E: de::Error>(self, time_secs: i64) -> Result<ResultItem, E> {
                Ok(ResultItem::Time(time_secs as f64))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<ResultItem, E> {
                Ok(ResultItem::Value(number(text)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ResultItem, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(ResultItem::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<ResultItem, E> {
                Ok(ResultItem::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<ResultItem, E> {
                Ok(ResultItem::Other)
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

#[derive(Deserialize)]
struct RawSeries {
    #[serde(default)]
    metric: Labels,
    #[serde(default)]
    values: Vec<RawSample>,
    #[serde(default)]
    value: Option<RawSample>,
    #[serde(default)]
    histograms: Vec<(f64, RawHistogram)>,
    #[serde(default)]
    histogram: Option<(f64, RawHistogram)>,
}

/// `[time in seconds, "value"]`.
#[derive(Deserialize)]
struct RawSample(f64, Number);

/// Prometheus writes a native histogram's numbers as strings; each bucket is
/// `[boundary rule, lower, upper, count]`.
#[derive(Deserialize)]
struct RawHistogram {
    #[serde(default)]
    count: Number,
    #[serde(default)]
    sum: Number,
    #[serde(default)]
    buckets: Vec<(u8, Number, Number, Number)>,
}

/// A number Prometheus writes as a string ("1.5", "NaN", "+Inf"), read without keeping the
/// text. Missing, it is NaN, as an empty text was.
struct Number(f64);

impl Default for Number {
    fn default() -> Self {
        Self(f64::NAN)
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;
        impl Visitor<'_> for NumberVisitor {
            type Value = Number;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a number as a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Number, E> {
                Ok(Number(number(text)))
            }
        }
        deserializer.deserialize_str(NumberVisitor)
    }
}

type Decoded = (ResultType, Vec<Series>, Vec<NativeSeries>);

fn decode_data(data: PromData) -> Result<Decoded, QueryError> {
    match data.result_type.as_str() {
        "matrix" | "vector" => {
            let result_type = if data.result_type == "matrix" {
                ResultType::Matrix
            } else {
                ResultType::Vector
            };
            let mut series = Vec::with_capacity(data.result.len());
            let mut native = Vec::new();
            for item in data.result {
                let ResultItem::Series(raw) = item else {
                    return Err(QueryError::Malformed(format!(
                        "an element of a {} result is not a series",
                        data.result_type
                    )));
                };
                let histograms: Vec<NativePoint> = raw
                    .histogram
                    .into_iter()
                    .chain(raw.histograms)
                    .map(native_point)
                    .collect();
                let has_floats = raw.value.is_some() || !raw.values.is_empty();
                if !histograms.is_empty() {
                    native.push(NativeSeries {
                        labels: raw.metric.clone(),
                        points: histograms,
                    });
                    if !has_floats {
                        continue;
                    }
                }
                let points = raw.value.into_iter().chain(raw.values);
                series.push(Series {
                    labels: raw.metric,
                    samples: points.map(sample).collect(),
                });
            }
            Ok((result_type, series, native))
        }
        "scalar" => match data.result.as_slice() {
            [ResultItem::Time(time_secs), ResultItem::Value(value)] => Ok((
                ResultType::Scalar,
                vec![Series {
                    labels: Labels::default(),
                    samples: std::iter::once(sample(RawSample(*time_secs, Number(*value))))
                        .collect(),
                }],
                Vec::new(),
            )),
            _ => Err(QueryError::Malformed(
                "a scalar result is not [time, \"value\"]".to_owned(),
            )),
        },
        "string" => Ok((ResultType::String, Vec::new(), Vec::new())),
        other => Err(QueryError::Malformed(format!(
            "unknown result type {other:?}"
        ))),
    }
}

fn native_point((time_secs, raw): (f64, RawHistogram)) -> NativePoint {
    NativePoint {
        time_ms: (time_secs * 1000.0).round() as i64,
        count: raw.count.0,
        sum: raw.sum.0,
        buckets: raw
            .buckets
            .iter()
            .map(|(_, lower, upper, count)| NativeBucket {
                lower: lower.0,
                upper: upper.0,
                count: count.0,
            })
            .collect(),
    }
}

/// Prometheus writes times as float seconds.
fn sample(RawSample(time_secs, value): RawSample) -> Sample {
    Sample {
        time_ms: (time_secs * 1000.0).round() as i64,
        value: value.0,
    }
}

/// Prometheus writes values as strings ("1.5", "NaN", "+Inf").
fn number(text: &str) -> f64 {
    match text {
        "+Inf" | "Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        text => crate::float_text::parse_f64(text).unwrap_or(f64::NAN),
    }
}

/// The message of an error reply: ODH's `message` (Fastify errors), or `response`/`error`.
fn error_message(body: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    ["message", "response", "error"]
        .iter()
        .find_map(|key| match value.get(key)? {
            serde_json::Value::String(text) if !text.is_empty() => Some(text.clone()),
            serde_json::Value::Object(inner) => inner
                .get("error")
                .and_then(|e| e.as_str())
                .map(str::to_owned),
            _ => None,
        })
}

fn default_message(status: u16) -> String {
    match status {
        401 => "your session has expired; reload the page to sign in again".to_owned(),
        403 => "you do not have access to the metrics of this project".to_owned(),
        404 => "the metrics service was not found".to_owned(),
        408 | 504 => "the metrics service took too long to answer".to_owned(),
        413 => "the query is too large".to_owned(),
        status => format!("the metrics service answered with HTTP {status}"),
    }
}

#[cfg(test)]
#[path = "response_tests.rs"]
mod tests;
