//! The pie's legend: every series with its colour and, in table mode, its absolute value and
//! its share of the total (perses/plugins `piechart/src/utils.ts`, the legend mappers).

use super::{Entry, PieLegend, PieLegendColumn, PieLegendRow};
use crate::format::format_value;
use crate::spec::common::{Format, LegendMode};
use crate::spec::panels::pie::{Comparison, PieLegend as PieLegendSpec};

/// Perses rounds the relative column to this many decimals before formatting it.
const RELATIVE_DECIMALS: i32 = 4;

/// The legend of `entries` (already in slice order). `percent` formats the relative column.
pub(super) fn legend(
    spec: &PieLegendSpec,
    entries: &[Entry],
    format: Option<&Format>,
    percent: &Format,
) -> PieLegend {
    let mode = spec.mode.unwrap_or_default();
    let mut comparisons = match mode {
        LegendMode::List => Vec::new(),
        LegendMode::Table => spec.values.clone(),
    };
    // Perses sorts the columns by name: absolute before relative.
    crate::sort::sort_by_key(&mut comparisons, |comparison| match comparison {
        Comparison::Abs => 0,
        Comparison::Relative => 1,
    });
    comparisons.dedup();
    // Unlike the slices, the relative column shares out every value, negative ones too.
    let total: f64 = entries.iter().filter_map(|entry| entry.value).sum();
    let rows = entries
        .iter()
        .map(|entry| PieLegendRow {
            name: entry.name.clone(),
            color: entry.color.clone(),
            values: comparisons
                .iter()
                .map(|comparison| match comparison {
                    Comparison::Abs => entry.value.map(|value| text(value, format, format)),
                    Comparison::Relative => {
                        let share = round_to(entry.value.unwrap_or(0.0) / total * 100.0);
                        share
                            .is_finite()
                            .then(|| text(share, format, Some(percent)))
                    }
                })
                .collect(),
        })
        .collect();
    PieLegend {
        position: spec.position,
        mode,
        size: spec.size.unwrap_or_default(),
        columns: comparisons
            .into_iter()
            .map(|comparison| {
                let (header, description) = match comparison {
                    Comparison::Abs => ("Absolute", "Absolute value"),
                    Comparison::Relative => ("Relative", "Relative value"),
                };
                PieLegendColumn {
                    comparison,
                    header,
                    description,
                }
            })
            .collect(),
        rows,
    }
}

/// A cell's text: Perses formats cells only when the panel sets a format, and otherwise shows
/// the bare number.
fn text(value: f64, panel_format: Option<&Format>, cell_format: Option<&Format>) -> String {
    match panel_format {
        Some(_) => format_value(value, cell_format).to_string(),
        None => format_value(value, None).to_string(),
    }
}

fn round_to(value: f64) -> f64 {
    let scale = 10_f64.powi(RELATIVE_DECIMALS);
    (value * scale).round() / scale
}
