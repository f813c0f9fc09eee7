//! `GaugeChart`: one arc per series with threshold bands, the value's position and colour,
//! as Perses' gauge chart plugin (on ECharts' gauge) draws them.

use super::{QueryOutput, named_series};
use crate::calculation::calculate;
use crate::format::{FormattedValue, format_value};
use crate::spec::common::{Format, ThresholdStep, Thresholds};
use crate::spec::panels::gauge::GaugeChartSpec;
use crate::spec::unit::Unit;
use crate::thresholds::{ThresholdPalette, gauge_bands};

/// The arc's end for the `percent` unit when the panel sets no `max`.
pub const DEFAULT_MAX_PERCENT: f64 = 100.0;
/// The arc's end for every other unit when the panel sets no `max` (Perses' default unit is
/// `percent-decimal`, whose whole is 1).
pub const DEFAULT_MAX: f64 = 1.0;

/// What the panel draws: one gauge per series, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct GaugeModel {
    /// One per series, in query order; empty means Perses' single "No data" gauge.
    pub items: Vec<GaugeItem>,
    /// Whether each gauge shows its series name under the arc (`legend.show`, on by default).
    pub show_names: bool,
    /// How many series the queries returned; more than `items.len()` when capped.
    pub total_series: usize,
}

/// One series' gauge.
#[derive(Debug, Clone, PartialEq)]
pub struct GaugeItem {
    /// The series' name, as Perses names it (`seriesNameFormat`, else its labels).
    pub name: String,
    /// The calculated value; `None` (an empty series) is drawn as "No data", as in Perses.
    pub value: Option<f64>,
    /// The value formatted with the panel's format (Perses' default unit: percent-decimal);
    /// empty when there is no value.
    pub text: FormattedValue,
    /// Where the value sits on the arc, 0 (start) to 1 (end): clamped, 0 for NaN.
    pub fraction: f64,
    /// The colour of the band the value falls in; the value text and pointer use it.
    pub color: String,
    /// Each band's end as a fraction of the arc and its colour, in order.
    pub bands: Vec<(f64, String)>,
    /// The value at the arc's end.
    pub max: f64,
    /// `max`, formatted like the value.
    pub max_text: String,
}

/// Prepares the gauges from the panel's options and its query results, drawing at most
/// `series_limit` of them.
pub fn prepare(
    spec: &GaugeChartSpec,
    outputs: &[QueryOutput],
    palette: &ThresholdPalette,
    series_limit: usize,
) -> GaugeModel {
    let (named, total_series) = named_series(outputs, series_limit);
    let format = effective_format(spec.format.as_ref());
    let max = arc_max(spec.max, &format);
    let thresholds = spec.thresholds.clone().unwrap_or_else(default_thresholds);
    let bands = gauge_bands(Some(&thresholds), max, palette);
    let max_text = format_value(max, Some(&format)).to_string();
    let items = named
        .into_iter()
        .map(|named| {
            let value = calculate(named.series.samples.values(), spec.calculation);
            let position = value.map_or(f64::NAN, |value| position_on_arc(value, max));
            GaugeItem {
                name: named.name,
                value,
                text: value.map_or_else(FormattedValue::default, |value| {
                    format_value(value, Some(&format))
                }),
                fraction: if position.is_nan() { 0.0 } else { position },
                color: band_color(&bands, position),
                bands: bands.clone(),
                max,
                max_text: max_text.clone(),
            }
        })
        .collect();
    GaugeModel {
        items,
        show_names: spec
            .legend
            .as_ref()
            .and_then(|legend| legend.show)
            .unwrap_or(true),
        total_series,
    }
}

/// The arc's end: the panel's `max`, else 100 for `percent` and 1 for every other unit.
/// Perses uses a set `max` whatever the unit.
pub fn arc_max(max: Option<f64>, format: &Format) -> f64 {
    max.unwrap_or(match format.unit {
        Some(Unit::Percent) => DEFAULT_MAX_PERCENT,
        _ => DEFAULT_MAX,
    })
}

/// The panel's format over Perses' gauge default (`percent-decimal`): fields the panel sets
/// win, a missing unit stays percent-decimal.
pub fn effective_format(format: Option<&Format>) -> Format {
    let format = format.cloned().unwrap_or_default();
    Format {
        unit: format.unit.or(Some(Unit::PercentDecimal)),
        ..format
    }
}

/// The steps Perses uses when the panel has none: one step at 0, so every value above 0 takes
/// the palette's first step colour.
fn default_thresholds() -> Thresholds {
    Thresholds {
        mode: None,
        default_color: None,
        steps: vec![ThresholdStep {
            value: 0.0,
            color: None,
            name: None,
        }],
    }
}

/// The value's place on the arc from 0 to `max`, clamped to 0–1 as ECharts does. A zero-wide
/// scale puts every value in the middle; NaN stays NaN.
fn position_on_arc(value: f64, max: f64) -> f64 {
    if max == 0.0 {
        return 0.5;
    }
    let position = value / max;
    if position.is_nan() {
        return f64::NAN;
    }
    position.clamp(0.0, 1.0)
}

/// The colour ECharts gives a position: the first band at or below 0, else the band whose
/// span (after the previous end, up to its own end) holds it, else the last band (NaN too).
fn band_color(bands: &[(f64, String)], position: f64) -> String {
    let first = bands.first().map(|(_, color)| color.clone());
    if position <= 0.0 {
        return first.unwrap_or_default();
    }
    let mut previous_end = 0.0;
    for (end, color) in bands {
        if *end >= position && previous_end < position {
            return color.clone();
        }
        previous_end = *end;
    }
    bands
        .last()
        .map(|(_, color)| color.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
