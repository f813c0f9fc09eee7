//! The histogram a heat map or histogram chart draws, found in its queries' results, and what
//! the viewer should know about the rest.

use super::QueryOutput;
use crate::histogram::{Distribution, from_native, histogram_name, split_classic};
use crate::prometheus::{ResultType, format_series_name};

/// The first histogram of the outputs (native histograms of a query before its classic
/// buckets), with the kind of result it came in, and notices about the series not drawn.
/// `chart` names the chart in the notices ("a heat map").
pub fn first_histogram(
    outputs: &[QueryOutput],
    chart: &str,
) -> (Option<(Distribution, ResultType)>, Vec<String>) {
    let mut histograms: Vec<(Distribution, ResultType)> = Vec::new();
    let mut without_le = 0;
    for output in outputs {
        let format = output.series_name_format.as_deref();
        let kind = output.result.result_type;
        for native in &output.result.native {
            let name = match format {
                Some(format) => format_series_name(format, &native.labels),
                None => histogram_name(&native.labels),
            };
            histograms.extend(from_native(native, output.query_index, name).map(|h| (h, kind)));
        }
        let (classic, ignored) = split_classic(output.query_index, &output.result.series, format);
        histograms.extend(classic.into_iter().map(|h| (h, kind)));
        without_le += ignored;
    }
    let mut notices = Vec::new();
    if without_le > 0 {
        notices.push(format!(
            "{without_le} series without an le label are not drawn: {chart} draws histograms \
             (a _bucket metric or a native histogram)"
        ));
    }
    if histograms.len() > 1 {
        let first = &histograms[0].0.name;
        let which = if first.is_empty() {
            "the first".to_owned()
        } else {
            format!("the first, {first},")
        };
        notices.push(format!(
            "The queries returned {} histograms; {which} is drawn. Aggregate them with sum by \
             (le) (…) to draw one.",
            histograms.len()
        ));
    }
    (histograms.into_iter().next(), notices)
}
