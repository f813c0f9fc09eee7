//! When a workload's pods exist: always, replaced by periodic rollouts, or in training runs that
//! end and start again after a wait in the queue.

use crate::catalog::Span;

/// 2025-06-02T00:00:00Z: when the long-lived demo pods and volumes were created.
pub(crate) const CLUSTER_CREATED_MS: i64 = 1_748_822_400_000;

/// The lifetimes of a workload's pods, counted from the unix epoch so that any moment maps to
/// its lifetime directly.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Schedule {
    /// Created at `since_ms` and never replaced.
    Always { since_ms: i64 },
    /// A new lifetime every `cycle_ms`, alive for its first `active_ms`: a rollout when
    /// `active_ms == cycle_ms`, a training run followed by a wait otherwise.
    Cycles {
        cycle_ms: i64,
        active_ms: i64,
        offset_ms: i64,
    },
}

/// One lifetime: its number (to name pods and seed runs) and when it is alive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lifetime {
    pub(crate) index: i64,
    pub(crate) alive: Span,
}

impl Schedule {
    /// Every lifetime that overlaps `window`, oldest first.
    pub(crate) fn lifetimes(&self, window: Span) -> Vec<Lifetime> {
        match *self {
            Self::Always { since_ms } => {
                let alive = Span::new(since_ms, i64::MAX);
                if alive.overlaps(window) {
                    vec![Lifetime { index: 0, alive }]
                } else {
                    Vec::new()
                }
            }
            Self::Cycles {
                cycle_ms,
                active_ms,
                offset_ms,
            } => {
                let cycle_ms = cycle_ms.max(1);
                let first = (window.start_ms - offset_ms).div_euclid(cycle_ms);
                let last = (window.end_ms - 1 - offset_ms).div_euclid(cycle_ms);
                (first..=last)
                    .map(|index| {
                        let start_ms = offset_ms + index * cycle_ms;
                        Lifetime {
                            index,
                            alive: Span::new(start_ms, start_ms + active_ms.min(cycle_ms)),
                        }
                    })
                    .filter(|lifetime| lifetime.alive.overlaps(window))
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR_MS: i64 = 3_600_000;

    #[test]
    fn lifetimes_cover_the_window() {
        let runs = Schedule::Cycles {
            cycle_ms: 4 * HOUR_MS,
            active_ms: 3 * HOUR_MS,
            offset_ms: HOUR_MS,
        };
        let cases: [(Span, Vec<i64>); 4] = [
            (Span::instant(HOUR_MS), vec![0]),
            // In the hour between runs, nothing is alive.
            (Span::instant(4 * HOUR_MS + 1), vec![]),
            (Span::new(0, 24 * HOUR_MS), vec![0, 1, 2, 3, 4, 5]),
            (Span::new(2 * HOUR_MS, 6 * HOUR_MS), vec![0, 1]),
        ];
        for (window, expected) in cases {
            let indexes: Vec<i64> = runs
                .lifetimes(window)
                .iter()
                .map(|lifetime| lifetime.index)
                .collect();
            assert_eq!(indexes, expected, "{window:?}");
        }
        let always = Schedule::Always { since_ms: 10 };
        assert!(always.lifetimes(Span::instant(5)).is_empty());
        assert_eq!(always.lifetimes(Span::instant(10)).len(), 1);
    }
}
