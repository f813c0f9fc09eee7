//! Talking to Prometheus through the ODH dashboard backend: the requests (built, not sent) and
//! the decoding of replies into series.

mod labels;
mod request;
mod response;
mod samples;
mod series_name;

pub use labels::Labels;
pub use request::{PromQuery, QueryKind};
pub use response::{
    NativeBucket, NativePoint, NativeSeries, QueryError, QueryResult, ResultType, Series,
    decode_odh_reply,
};
pub use samples::{Sample, Samples};
pub use series_name::{format_series_name, series_key};
