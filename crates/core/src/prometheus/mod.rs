//! Talking to Prometheus through the ODH dashboard backend: the requests (built, not sent) and
//! the decoding of replies into series.

mod labels;
mod request;
mod response;
mod result;
mod samples;
mod series_name;
mod wire;

pub use labels::Labels;
pub use request::{PromQuery, QueryKind};
pub use response::decode_odh_reply;
pub use result::{
    NativeBucket, NativePoint, NativeSeries, QueryError, QueryResult, ResultType, Series,
};
pub use samples::{Sample, Samples};
pub use series_name::{format_series_name, series_key};

/// The first position in `0..len` where `before` no longer holds (it must hold for a prefix),
/// as `slice::partition_point` does. For the sorted parts of [`Labels`] and [`Samples`], which
/// are not slices that method could search.
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        if before(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}
