//! Decimation before drawing: a line through every point of a pixel column looks the same as a
//! line through its first, lowest, highest and last points (M4, Jugel et al., VLDB 2014). So a
//! series of 55,550 points on a 1,900 px wide chart is drawn with at most ~7,600 points, and
//! the picture is pixel-identical. Gaps (NaN values) are kept, so broken lines stay broken.

use crate::prometheus::Samples;

/// The indices of the samples to draw, in time order. `x_px` gives a sample's horizontal
/// position; samples are expected in time order (as Prometheus returns them).
pub fn m4_indices(samples: &Samples, x_px: impl Fn(i64) -> f64, out: &mut Vec<usize>) {
    out.clear();
    if samples.len() <= 4 {
        out.extend(0..samples.len());
        return;
    }
    let mut group = Group::default();
    let mut column = i64::MIN;
    for (index, sample) in samples.iter().enumerate() {
        let sample_column = x_px(sample.time_ms).floor() as i64;
        if sample_column != column {
            group.flush(out);
            column = sample_column;
        }
        if sample.value.is_nan() {
            // A gap: close what came before it in this column, keep the gap, start afresh.
            group.flush(out);
            out.push(index);
            continue;
        }
        group.add(index, sample.value);
    }
    group.flush(out);
}

/// The first, lowest, highest and last samples of a run within one column.
#[derive(Default)]
struct Group {
    first: Option<usize>,
    last: usize,
    min: (usize, f64),
    max: (usize, f64),
}

impl Group {
    fn add(&mut self, index: usize, value: f64) {
        if self.first.is_none() {
            self.first = Some(index);
            self.min = (index, value);
            self.max = (index, value);
        }
        if value < self.min.1 {
            self.min = (index, value);
        }
        if value > self.max.1 {
            self.max = (index, value);
        }
        self.last = index;
    }

    fn flush(&mut self, out: &mut Vec<usize>) {
        let Some(first) = self.first.take() else {
            return;
        };
        let mut picked = [first, self.min.0, self.max.0, self.last];
        picked.sort_unstable();
        let mut previous = None;
        for index in picked {
            if previous != Some(index) {
                out.push(index);
                previous = Some(index);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prometheus::Sample;

    fn samples(values: &[f64]) -> Samples {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Sample {
                time_ms: i as i64,
                value: *v,
            })
            .collect()
    }

    #[test]
    fn keeps_first_min_max_last_of_each_column() {
        // Ten samples per column (x = time / 10).
        let values: Vec<f64> = (0..30).map(|i| ((i * 7) % 11) as f64).collect();
        let series = samples(&values);
        let mut out = Vec::new();
        m4_indices(&series, |t| t as f64 / 10.0, &mut out);
        assert!(out.len() <= 12, "{out:?}");
        assert!(
            out.windows(2).all(|w| w[0] < w[1]),
            "in time order: {out:?}"
        );
        for column in 0..3 {
            let range = column * 10..column * 10 + 10;
            let in_column: Vec<usize> = out.iter().copied().filter(|i| range.contains(i)).collect();
            let slice = &values[range.clone()];
            let min = slice.iter().copied().fold(f64::INFINITY, f64::min);
            let max = slice.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert!(in_column.contains(&range.start) && in_column.contains(&(range.end - 1)));
            assert!(in_column.iter().any(|i| values[*i] == min));
            assert!(in_column.iter().any(|i| values[*i] == max));
        }
    }

    #[test]
    fn gaps_survive_and_small_series_are_untouched() {
        let series = samples(&[1.0, 2.0, 3.0, 4.0, f64::NAN, 6.0, 7.0, 8.0]);
        let mut out = Vec::new();
        m4_indices(&series, |_| 0.0, &mut out);
        assert!(out.contains(&4), "the gap is kept: {out:?}");
        assert_eq!(out, [0, 3, 4, 5, 7]);
        m4_indices(&samples(&[1.0, 2.0, 3.0]), |_| 0.0, &mut out);
        assert_eq!(out, [0, 1, 2]);
        m4_indices(&Samples::default(), |_| 0.0, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn large_series_shrink_to_four_points_per_column() {
        let series: Samples = (0..55_550)
            .map(|i| Sample {
                time_ms: i,
                value: ((i as f64) / 100.0).sin(),
            })
            .collect();
        let mut out = Vec::new();
        m4_indices(&series, |t| t as f64 * 1_920.0 / 55_550.0, &mut out);
        assert!(out.len() <= 4 * 1_921, "{}", out.len());
        assert!(out.len() > 1_920);
    }
}
