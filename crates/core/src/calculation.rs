//! Reducing a series to one value (`calculation` of stat, gauge, bar and pie panels, legend
//! value columns), as Perses' `getCalculations` does.
//!
//! NaN samples (Prometheus returns them as "NaN") count as values for `first` and `last`,
//! which show what the series holds there, and are skipped by every other calculation, so
//! one NaN does not turn a mean into NaN.

use crate::spec::common::Calculation;

/// The value of `calculation` over a series' `values` (in time order); `None` when there is
/// none (no values, or no number for the `*-number`, mean, sum, min and max calculations).
pub fn calculate(values: &[f64], calculation: Calculation) -> Option<f64> {
    let numbers = || values.iter().copied().filter(|v| !v.is_nan());
    match calculation {
        Calculation::First => values.first().copied(),
        Calculation::Last => values.last().copied(),
        Calculation::FirstNumber => numbers().next(),
        Calculation::LastNumber => numbers().next_back(),
        Calculation::Sum => numbers().reduce(|sum, value| sum + value),
        Calculation::Mean => {
            let (count, sum) = numbers().fold((0_usize, 0.0), |(count, sum), value| {
                (count + 1, sum + value)
            });
            (count > 0).then(|| sum / count as f64)
        }
        Calculation::Min => numbers().reduce(f64::min),
        Calculation::Max => numbers().reduce(f64::max),
    }
}

/// Several calculations over the same samples, in the order asked.
pub fn calculate_all(values: &[f64], calculations: &[Calculation]) -> Vec<Option<f64>> {
    calculations
        .iter()
        .map(|calculation| calculate(values, *calculation))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_calculation() {
        let nan = f64::NAN;
        let cases: &[(&[f64], Calculation, Option<f64>)] = &[
            (&[3.0, 1.0, 2.0], Calculation::First, Some(3.0)),
            (&[3.0, 1.0, 2.0], Calculation::Last, Some(2.0)),
            (&[3.0, 1.0, 2.0], Calculation::Mean, Some(2.0)),
            (&[3.0, 1.0, 2.0], Calculation::Sum, Some(6.0)),
            (&[3.0, 1.0, 2.0], Calculation::Min, Some(1.0)),
            (&[3.0, 1.0, 2.0], Calculation::Max, Some(3.0)),
            (&[nan, 4.0, 5.0, nan], Calculation::FirstNumber, Some(4.0)),
            (&[nan, 4.0, 5.0, nan], Calculation::LastNumber, Some(5.0)),
            (&[nan, 4.0, 5.0, nan], Calculation::Mean, Some(4.5)),
            (&[nan, 4.0, 5.0, nan], Calculation::Max, Some(5.0)),
            (&[-1.0, -7.0], Calculation::Min, Some(-7.0)),
            (&[], Calculation::Last, None),
            (&[], Calculation::Mean, None),
            (&[nan], Calculation::Sum, None),
            (&[nan], Calculation::LastNumber, None),
        ];
        for (values, calculation, expected) in cases {
            assert_eq!(
                calculate(values, *calculation),
                *expected,
                "{calculation:?} of {values:?}"
            );
        }
        let first = calculate(&[nan, 1.0], Calculation::First);
        assert!(first.is_some_and(f64::is_nan), "first keeps NaN");
    }

    #[test]
    fn several_at_once_keep_their_order() {
        let values = [2.0, 8.0];
        assert_eq!(
            calculate_all(
                &values,
                &[Calculation::Max, Calculation::Min, Calculation::Mean]
            ),
            vec![Some(8.0), Some(2.0), Some(5.0)]
        );
    }
}
