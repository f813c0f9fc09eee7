//! `HistogramChart`: one bar per bucket, the distribution of the last point (an instant
//! query) or of the whole range (the mean of every step), from classic `le` buckets or native
//! histograms; bars take their colour from the thresholds by where their bucket starts.

#[cfg(test)]
mod tests;

use super::QueryOutput;
use super::distributions::first_histogram;
use crate::format::format_value;
use crate::histogram::{Bounds, Distribution};
use crate::prometheus::ResultType;
use crate::spec::common::Format;
use crate::spec::panels::histogram::HistogramChartSpec;
use crate::spec::panels::time_series::LogBase;
use crate::thresholds::{ThresholdPalette, base_color, color_for_value};

/// What the histogram chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramModel {
    /// The histogram's name, when there is one.
    pub name: Option<String>,
    pub bars: Vec<HistogramBar>,
    /// What the bars' heights are.
    pub source: Source,
    pub notices: Vec<String>,
    pub format: Option<Format>,
    pub log_base: Option<LogBase>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// One bucket's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramBar {
    pub bounds: Bounds,
    /// Its count (or rate), never negative; NaN without a sample.
    pub value: f64,
    pub color: String,
}

/// Which values the bars show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The last point of an instant query.
    LastPoint,
    /// The mean of every step of a range query.
    RangeMean,
}

impl HistogramModel {
    pub fn is_empty(&self) -> bool {
        self.bars.iter().all(|bar| bar.value.is_nan())
    }

    /// The tooltip of bar `index`: its bucket and value.
    pub fn describe_bar(&self, index: usize) -> Option<[String; 2]> {
        let bar = self.bars.get(index)?;
        let range = bar.bounds.text(self.format.as_ref());
        let value = if bar.value.is_nan() {
            "no sample".to_owned()
        } else {
            format_value(bar.value, Some(&count_format())).to_string()
        };
        let what = match self.source {
            Source::LastPoint => "count",
            Source::RangeMean => "mean over the range",
        };
        Some([range, format!("{what}: {value}")])
    }
}

/// How counts read: short decimals (`48.3K`), as Perses' default format writes them.
pub fn count_format() -> Format {
    Format {
        unit: Some(crate::spec::unit::Unit::Decimal),
        decimal_places: None,
        short_values: Some(true),
    }
}

/// The histogram chart of the panel's queries; `palette` gives threshold colours without
/// their own.
pub fn prepare(
    spec: &HistogramChartSpec,
    outputs: &[QueryOutput],
    palette: &ThresholdPalette,
) -> HistogramModel {
    let (found, notices) = first_histogram(outputs, "a histogram chart");
    let base = base_color(spec.thresholds.as_ref(), palette);
    let (name, bars, source) = match found {
        None => (None, Vec::new(), Source::RangeMean),
        Some((histogram, kind)) => {
            let source = match kind {
                ResultType::Matrix => Source::RangeMean,
                _ => Source::LastPoint,
            };
            let values = match source {
                Source::LastPoint => histogram.counts.last().cloned().unwrap_or_default(),
                Source::RangeMean => means(&histogram),
            };
            let bars = histogram
                .buckets
                .iter()
                .zip(values)
                .map(|(bounds, value)| HistogramBar {
                    bounds: *bounds,
                    value: if value.is_nan() {
                        value
                    } else {
                        value.max(0.0)
                    },
                    color: spec
                        .thresholds
                        .as_ref()
                        .and_then(|thresholds| {
                            color_for_value(bounds.lower.max(f64::MIN), thresholds, palette)
                        })
                        .unwrap_or_else(|| base.clone()),
                })
                .collect();
            (Some(histogram.name), bars, source)
        }
    };
    HistogramModel {
        name,
        bars,
        source,
        notices,
        format: spec.format.clone(),
        log_base: spec.log_base,
        min: spec.min.filter(|min| min.is_finite()),
        max: spec.max.filter(|max| max.is_finite()),
    }
}

/// Each bucket's mean over the times it has a sample; NaN when it has none.
fn means(histogram: &Distribution) -> Vec<f64> {
    (0..histogram.buckets.len())
        .map(|bucket| {
            let (sum, count) = histogram
                .counts
                .iter()
                .filter_map(|counts| counts.get(bucket).copied())
                .filter(|value| value.is_finite())
                .fold((0.0, 0_usize), |(sum, count), value| {
                    (sum + value, count + 1)
                });
            if count == 0 {
                f64::NAN
            } else {
                sum / count as f64
            }
        })
        .collect()
}
