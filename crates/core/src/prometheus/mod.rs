//! Talking to Prometheus through the ODH dashboard backend: the requests (built, not sent) and
//! the decoding of replies into series.

mod request;
mod response;
mod series_name;

pub use request::{PromQuery, QueryKind};
pub use response::{
    NativeBucket, NativePoint, NativeSeries, QueryError, QueryResult, ResultType, Sample, Series,
    decode_odh_reply,
};
pub use series_name::{format_series_name, series_key};
