//! A series' samples, stored as their values alone when their times follow a fixed step.

use std::fmt;
use std::sync::Arc;

/// One point: unix milliseconds and a value (NaN and ±Inf are kept: Prometheus returns them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub time_ms: i64,
    pub value: f64,
}

/// A series' samples in time order, shared (not copied) by the models and drawings made
/// from them.
///
/// A range query's samples sit on its step grid, so their times are the first time and the
/// step; only a series with missing steps (or an instant result) keeps every time. That halves
/// what the page holds per sample (8 bytes instead of 16; the samples were 0.67 MB of
/// NodeExporter's page).
#[derive(Clone)]
pub struct Samples {
    times: Times,
    values: Arc<[f64]>,
}

#[derive(Clone)]
enum Times {
    /// The `index`-th sample is at `first_ms + index * step_ms`.
    Regular { first_ms: i64, step_ms: i64 },
    /// One time per value.
    Listed(Arc<[i64]>),
}

impl Samples {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The values, in time order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The step between the samples' times, when they are a fixed step apart.
    pub fn step_ms(&self) -> Option<i64> {
        match self.times {
            Times::Regular { step_ms, .. } => Some(step_ms),
            Times::Listed(_) => None,
        }
    }

    /// Whether `other` shares these values rather than holding a copy.
    #[cfg(test)]
    pub(crate) fn shares_values_with(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.values, &other.values)
    }

    /// The time of the sample at `index`; meaningful only below [`Self::len`].
    fn time_at(&self, index: usize) -> i64 {
        match &self.times {
            Times::Regular { first_ms, step_ms } => {
                first_ms.saturating_add(step_ms.saturating_mul(index as i64))
            }
            Times::Listed(times) => times.get(index).copied().unwrap_or_default(),
        }
    }

    pub fn get(&self, index: usize) -> Option<Sample> {
        let value = *self.values.get(index)?;
        Some(Sample {
            time_ms: self.time_at(index),
            value,
        })
    }

    pub fn last(&self) -> Option<Sample> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The samples as a list of their own, for tests.
    #[cfg(test)]
    pub(crate) fn to_vec(&self) -> Vec<Sample> {
        self.iter().collect()
    }

    /// The samples in time order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Sample> + ExactSizeIterator + Clone + '_ {
        self.values.iter().enumerate().map(|(index, value)| Sample {
            time_ms: self.time_at(index),
            value: *value,
        })
    }

    /// The index of the first sample whose time does not satisfy `before` (which must hold
    /// for a prefix of the samples), as `slice::partition_point`.
    pub fn partition_point(&self, before: impl Fn(i64) -> bool) -> usize {
        super::partition_point(self.len(), |index| before(self.time_at(index)))
    }
}

impl Default for Samples {
    fn default() -> Self {
        Self {
            times: Times::Regular {
                first_ms: 0,
                step_ms: 0,
            },
            values: Arc::new([]),
        }
    }
}

impl FromIterator<Sample> for Samples {
    fn from_iter<I: IntoIterator<Item = Sample>>(samples: I) -> Self {
        Self::from(samples.into_iter().collect::<Vec<Sample>>())
    }
}

/// Not generic, so compiled once for every caller.
impl From<Vec<Sample>> for Samples {
    fn from(samples: Vec<Sample>) -> Self {
        let mut times = Vec::with_capacity(samples.len());
        let mut values = Vec::with_capacity(samples.len());
        for sample in samples {
            times.push(sample.time_ms);
            values.push(sample.value);
        }
        let first_ms = times.first().copied().unwrap_or_default();
        let step_ms = match times.get(1) {
            Some(second) => second.saturating_sub(first_ms),
            None => 0,
        };
        let regular = times.iter().zip(0_i64..).all(|(time_ms, index)| {
            *time_ms == first_ms.saturating_add(step_ms.saturating_mul(index))
        });
        Self {
            times: if regular {
                Times::Regular { first_ms, step_ms }
            } else {
                Times::Listed(times.into())
            },
            values: values.into(),
        }
    }
}

/// Equal when they hold the same samples, however their times are stored.
impl PartialEq for Samples {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

#[cfg(test)]
impl Samples {
    /// Samples from `(unix ms, value)` pairs, for tests.
    pub(crate) fn from_points(points: &[(i64, f64)]) -> Self {
        points
            .iter()
            .map(|(time_ms, value)| Sample {
                time_ms: *time_ms,
                value: *value,
            })
            .collect()
    }
}

impl fmt::Debug for Samples {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(points: &[(i64, f64)]) -> Samples {
        Samples::from_points(points)
    }

    #[test]
    fn samples_give_back_what_they_were_made_of() {
        // (points, whether their times are stored as a step)
        let cases: [(&[(i64, f64)], bool); 6] = [
            (&[], true),
            (&[(5, 1.0)], true),
            (&[(0, 1.0), (60, 2.0), (120, f64::INFINITY)], true),
            (&[(0, 1.0), (60, 2.0), (180, 3.0)], false),
            (&[(10, 1.0), (10, 2.0)], true),
            (&[(100, 1.0), (50, 2.0), (0, 3.0)], true),
        ];
        for (points, regular) in cases {
            let made = samples(points);
            assert_eq!(made.len(), points.len());
            assert_eq!(
                matches!(made.times, Times::Regular { .. }),
                regular,
                "{points:?}"
            );
            let back: Vec<(i64, f64)> = made.iter().map(|s| (s.time_ms, s.value)).collect();
            assert_eq!(back, points);
            let reversed: Vec<i64> = made.iter().rev().map(|s| s.time_ms).collect();
            assert_eq!(
                reversed,
                points.iter().rev().map(|p| p.0).collect::<Vec<_>>()
            );
            assert_eq!(made.get(0).map(|s| s.time_ms), points.first().map(|p| p.0));
            assert_eq!(made.last().map(|s| s.time_ms), points.last().map(|p| p.0));
            assert_eq!(made.get(points.len()), None);
        }
    }

    #[test]
    fn partition_point_finds_the_first_time_not_before() {
        for points in [
            &[(0, 1.0), (60, 2.0), (120, 3.0)][..],
            &[(0, 1.0), (60, 2.0), (180, 3.0)][..],
        ] {
            let made = samples(points);
            for time_ms in [-1, 0, 1, 60, 61, 120, 121, 180, 500] {
                let expected = points.partition_point(|p| p.0 < time_ms);
                assert_eq!(made.partition_point(|t| t < time_ms), expected, "{time_ms}");
            }
        }
    }

    #[test]
    fn equal_samples_are_equal_however_stored() {
        let regular = samples(&[(0, 1.0), (60, 2.0)]);
        let listed = Samples {
            times: Times::Listed(Arc::from([0, 60])),
            values: Arc::from([1.0, 2.0]),
        };
        assert_eq!(regular, listed);
        assert_ne!(regular, samples(&[(0, 1.0), (61, 2.0)]));
    }
}
