//! Breaks in a line where samples are missing.
//!
//! Prometheus leaves a step out of a range result when the series had no sample then (a pod
//! restarting, a training run between jobs). Perses fills every missing step with null, so the
//! line breaks there unless `connectNulls` is set; the result does not carry its step, so it is
//! inferred as the shortest interval between neighbours (range results sit on the step grid).

use crate::prometheus::{Sample, Samples};

/// `samples` (in time order) with a NaN sample after each point that is followed by a missing
/// step, so lines break there. Without a missing step they are returned as they are, shared.
pub fn break_at_missing_steps(samples: &Samples) -> Samples {
    // Samples a fixed step apart miss none.
    if samples.step_ms().is_some() {
        return samples.clone();
    }
    let intervals = || {
        samples
            .iter()
            .zip(samples.iter().skip(1))
            .map(|(before, after)| (before, after.time_ms - before.time_ms))
    };
    let step_ms = intervals()
        .map(|(_, interval_ms)| interval_ms)
        .filter(|interval_ms| *interval_ms > 0)
        .min();
    let Some(step_ms) = step_ms else {
        return samples.clone();
    };
    // Half a step of slack: a timestamp that is a little late is not a gap.
    let gap = |interval_ms: i64| interval_ms * 2 > step_ms * 3;
    if !intervals().any(|(_, interval_ms)| gap(interval_ms)) {
        return samples.clone();
    }
    let mut out = Vec::with_capacity(samples.len() + 4);
    for (before, interval_ms) in intervals() {
        out.push(before);
        if gap(interval_ms) {
            out.push(Sample {
                time_ms: before.time_ms + step_ms,
                value: f64::NAN,
            });
        }
    }
    out.extend(samples.last());
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(points: &[(i64, f64)]) -> Samples {
        Samples::from_points(points)
    }

    /// Renders samples as "time:value" with "gap" for NaN, for readable expectations.
    fn show(samples: &Samples) -> String {
        samples
            .iter()
            .map(|s| {
                if s.value.is_nan() {
                    format!("{}:gap", s.time_ms)
                } else {
                    format!("{}:{}", s.time_ms, s.value)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn missing_steps_become_breaks() {
        type Case<'a> = (&'a str, &'a [(i64, f64)], &'a str);
        let cases: &[Case] = &[
            ("empty", &[], ""),
            ("one point", &[(0, 1.0)], "0:1"),
            (
                "regular",
                &[(0, 1.0), (10, 2.0), (20, 3.0)],
                "0:1 10:2 20:3",
            ),
            (
                "one step missing",
                &[(0, 1.0), (10, 2.0), (30, 3.0)],
                "0:1 10:2 20:gap 30:3",
            ),
            (
                "a long hole",
                &[(0, 1.0), (10, 2.0), (100, 3.0), (110, 4.0)],
                "0:1 10:2 20:gap 100:3 110:4",
            ),
            (
                "a little late is no gap",
                &[(0, 1.0), (10, 2.0), (24, 3.0)],
                "0:1 10:2 24:3",
            ),
            ("two far points", &[(0, 1.0), (1000, 2.0)], "0:1 1000:2"),
            (
                "duplicate times are kept",
                &[(0, 1.0), (0, 1.5), (10, 2.0)],
                "0:1 0:1.5 10:2",
            ),
        ];
        for (case, input, expected) in cases {
            let input = samples(input);
            let output = break_at_missing_steps(&input);
            assert_eq!(show(&output), *expected, "{case}");
            // Without a break the samples are shared, not copied.
            let copied = expected.contains("gap");
            assert_eq!(!input.shares_values_with(&output), copied, "{case}: shared");
        }
    }
}
