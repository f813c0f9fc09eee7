//! The status history's time axis: columns of one step over the range, the step read back
//! from the samples' times and aligned on them.

use super::{MAX_COLUMNS, MIN_STEP_MS};
use crate::panels::NamedSeries;
use crate::time_range::AbsoluteRange;

/// The time axis: `count` columns of `step_ms`, the first starting at `start_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeColumns {
    pub start_ms: i64,
    pub step_ms: i64,
    pub count: usize,
}

impl TimeColumns {
    /// Where column `index` starts.
    pub fn column_start_ms(&self, index: usize) -> i64 {
        let index = i64::try_from(index).unwrap_or(i64::MAX);
        self.start_ms
            .saturating_add(index.saturating_mul(self.step_ms))
    }

    /// Where the last column ends.
    pub fn end_ms(&self) -> i64 {
        self.column_start_ms(self.count)
    }

    /// The column holding `time_ms`, if any.
    pub(super) fn column_of(&self, time_ms: i64) -> Option<usize> {
        let offset = time_ms.checked_sub(self.start_ms)?;
        let index = usize::try_from(offset.div_euclid(self.step_ms.max(1))).ok()?;
        (index < self.count).then_some(index)
    }
}

/// The columns over `range`. Perses steps through the query's aligned range by its step; the
/// step is read back from the samples (the greatest common divisor of the gaps between
/// distinct times) and the columns are aligned on them, starting at or before the range's
/// start. Without two distinct times, one column spans the range.
pub(super) fn time_columns(named: &[NamedSeries<'_>], range: AbsoluteRange) -> TimeColumns {
    let mut times: Vec<i64> = named
        .iter()
        .flat_map(|series| series.series.samples.iter())
        .map(|sample| sample.time_ms)
        .collect();
    crate::sort::sort(&mut times);
    times.dedup();
    let gaps_gcd = times
        .iter()
        .zip(times.iter().skip(1))
        .map(|(earlier, later)| later.saturating_sub(*earlier))
        .fold(0, gcd);
    let mut step_ms = if gaps_gcd > 0 {
        gaps_gcd.max(MIN_STEP_MS)
    } else {
        range.duration_ms().max(MIN_STEP_MS)
    };
    let anchor_ms = times.first().copied().unwrap_or(range.start_ms);
    let mut columns = aligned_columns(anchor_ms, step_ms, range);
    let count = i64::try_from(columns.count).unwrap_or(i64::MAX);
    if count > MAX_COLUMNS {
        // Coarser columns stay aligned with the samples: a whole number of steps each.
        step_ms = step_ms.saturating_mul(count.div_euclid(MAX_COLUMNS) + 1);
        columns = aligned_columns(anchor_ms, step_ms, range);
    }
    columns
}

/// Columns of `step_ms` on the grid through `anchor_ms`, from the last grid time at or before
/// the range's start to the last one at or before its end.
fn aligned_columns(anchor_ms: i64, step_ms: i64, range: AbsoluteRange) -> TimeColumns {
    let align = |time_ms: i64| {
        let steps = time_ms.saturating_sub(anchor_ms).div_euclid(step_ms);
        anchor_ms.saturating_add(steps.saturating_mul(step_ms))
    };
    let (first_ms, last_ms) = (align(range.start_ms), align(range.end_ms));
    let count = if range.end_ms < range.start_ms {
        0
    } else {
        last_ms.saturating_sub(first_ms).div_euclid(step_ms) + 1
    };
    TimeColumns {
        start_ms: first_ms,
        step_ms,
        count: usize::try_from(count).unwrap_or(0),
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.saturating_abs(), b.saturating_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
