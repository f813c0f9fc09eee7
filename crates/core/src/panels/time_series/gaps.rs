//! Breaks in a line where samples are missing.
//!
//! Prometheus leaves a step out of a range result when the series had no sample then (a pod
//! restarting, a training run between jobs). Perses fills every missing step with null, so the
//! line breaks there unless `connectNulls` is set; the result does not carry its step, so it is
//! inferred as the shortest interval between neighbours (range results sit on the step grid).

use std::sync::Arc;

use crate::prometheus::Sample;

/// `samples` (in time order) with a NaN sample after each point that is followed by a missing
/// step, so lines break there. Without a missing step they are returned as they are, shared.
pub fn break_at_missing_steps(samples: &Arc<[Sample]>) -> Arc<[Sample]> {
    let step_ms = samples
        .windows(2)
        .map(|pair| pair[1].time_ms - pair[0].time_ms)
        .filter(|interval_ms| *interval_ms > 0)
        .min();
    let Some(step_ms) = step_ms else {
        return Arc::clone(samples);
    };
    // Half a step of slack: a timestamp that is a little late is not a gap.
    let gap = |pair: &[Sample]| (pair[1].time_ms - pair[0].time_ms) * 2 > step_ms * 3;
    let Some(first_gap) = samples.windows(2).position(gap) else {
        return Arc::clone(samples);
    };
    let mut out = Vec::with_capacity(samples.len() + 4);
    out.extend_from_slice(&samples[..first_gap]);
    for pair in samples[first_gap..].windows(2) {
        out.push(pair[0]);
        if gap(pair) {
            out.push(Sample {
                time_ms: pair[0].time_ms + step_ms,
                value: f64::NAN,
            });
        }
    }
    out.extend(samples.last().copied());
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(points: &[(i64, f64)]) -> Arc<[Sample]> {
        points
            .iter()
            .map(|(time_ms, value)| Sample {
                time_ms: *time_ms,
                value: *value,
            })
            .collect()
    }

    /// Renders samples as "time:value" with "gap" for NaN, for readable expectations.
    fn show(samples: &[Sample]) -> String {
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
            assert_eq!(!Arc::ptr_eq(&input, &output), copied, "{case}: shared");
        }
    }
}
