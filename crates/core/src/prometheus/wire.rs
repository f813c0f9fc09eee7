//! The Prometheus JSON as the backend sends it, read straight into the decoded result's
//! types.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::result::{NativeBucket, NativePoint, NativeSeries, QueryError, ResultType, Series};
use super::{Labels, Sample};

#[derive(Deserialize)]
pub(super) struct Envelope {
    pub(super) response: PromReply,
}

#[derive(Deserialize)]
pub(super) struct PromReply {
    pub(super) status: String,
    #[serde(default)]
    pub(super) data: Option<PromData>,
    #[serde(default)]
    pub(super) error: Option<String>,
    #[serde(default)]
    pub(super) warnings: Vec<String>,
    #[serde(default)]
    pub(super) infos: Vec<String>,
}

/// The result is read straight from the reply's text into samples. It used to be read into a
/// `serde_json::Value` first and converted after: a tree of about 150 bytes a point, and a
/// `String` for every value, to keep 16 bytes a point in the end; WebAssembly memory keeps
/// its largest size, and the conversion was a second decoder in the page's module.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PromData {
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

pub(super) type Decoded = (ResultType, Vec<Series>, Vec<NativeSeries>);

pub(super) fn decode_data(data: PromData) -> Result<Decoded, QueryError> {
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
