//! How much mounting work the page does in one frame: the turns a dashboard's grid cells get
//! (the page's `MountScheduler` keeps the queue and the frames; this decides). And how many
//! Prometheus requests the page sends at once (`SendQuota`; the page's `QueryCache` sends).
//!
//! The budget is time, not a count of cells, because a cell's cost is the machine's: a fixed
//! six cells a frame made the task that opens NodeExporter's dashboard take 35 to 53 ms on
//! the benchmark's machine, past the 50 ms of a long task. Only the cells that ask outside a
//! frame's round are also counted (`grant_at_once`), since the clock cannot stop them.

/// How long the cells mounted in one task may take, in milliseconds: what is left of a
/// frame's 16.7 ms goes to style, layout and paint.
pub const FRAME_BUDGET_MS: f64 = 10.0;

/// The most cells mounted in one frame, however fast they mount: each starts its queries.
pub const MAX_CELLS_PER_FRAME: usize = 12;

/// The most cells mounted at once when they ask outside a frame's round (`grant_at_once`):
/// enough for the top of a dashboard to show in the task that opens it, few enough that the
/// task stays short on a slow machine. In the benchmark (plugin alone, three runs each), the
/// task that opens NodeExporter's dashboard took 27, 22, 27 ms with twelve, 21, 16, 26 ms
/// with four, and 16, 11, 17 ms with one, which drew its top 70 ms later.
pub const MAX_CELLS_AT_ONCE: usize = 4;

/// The cells mounted since the last frame began, and when the first of them began.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FrameBudget {
    granted: usize,
    /// Meaningful once a cell is granted.
    first_granted_ms: f64,
}

impl FrameBudget {
    /// A frame begins: nothing is granted in it yet.
    pub fn frame_begins() -> Self {
        Self::default()
    }

    /// Whether one more cell may mount at `now_ms`, and if so counts it. The time counts from
    /// the first cell granted since the frame began, which always may, so that every frame
    /// makes progress however slow the machine; a row opened long after the last round (the
    /// page sat idle) gets its turns then, not after the next frame.
    pub fn grant(&mut self, now_ms: f64) -> bool {
        if self.granted == 0 {
            self.first_granted_ms = now_ms;
        }
        let granted =
            now_ms - self.first_granted_ms < FRAME_BUDGET_MS && self.granted < MAX_CELLS_PER_FRAME;
        if granted {
            self.granted += 1;
        }
        granted
    }

    /// Whether a cell that asks outside a frame's round may mount at once, and if so counts
    /// it: the first [`MAX_CELLS_AT_ONCE`] of its frame may, within the time. The cells of a
    /// view all ask before any of them is drawn (a view's components run before it is
    /// built), so the clock cannot stop them and a count must: twelve at once made the task
    /// that opened NodeExporter's dashboard take 53–62 ms in a full benchmark run (Perses'
    /// page in the same browser; 22–27 ms with the plugin alone). The others wait for the
    /// round, which draws one cell before it reads the clock again.
    pub fn grant_at_once(&mut self, now_ms: f64) -> bool {
        self.granted < MAX_CELLS_AT_ONCE && self.grant(now_ms)
    }
}

/// The most Prometheus requests the page sends at once, in the task that asks for them, until
/// a zero timeout starts a new quota; the others are sent in tasks of their own, one each. A
/// browser opens at most six HTTP/1.1 connections to a host, so a seventh request sent at
/// once would only wait in the browser, while sending each costs the task a millisecond or
/// so: a variable's value arriving makes every open panel ask at once, and sending all of
/// NodeExporter's few dozen requests in that task made it a long one (about 50 ms).
pub const MAX_SENT_AT_ONCE: usize = 6;

/// The requests sent since the quota began: the first [`MAX_SENT_AT_ONCE`] go at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SendQuota {
    sent: usize,
}

impl SendQuota {
    /// Whether one more request may be sent in this task, and if so counts it.
    pub fn take(&mut self) -> bool {
        let granted = self.sent < MAX_SENT_AT_ONCE;
        if granted {
            self.sent += 1;
        }
        granted
    }

    /// Whether nothing was counted since the quota began (the caller then arranges for the
    /// next task to begin a new one).
    pub fn is_fresh(&self) -> bool {
        self.sent == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_six_requests_of_a_task_go_at_once() {
        // (requests asked for in one task, how many go at once)
        let cases = [(0, 0), (1, 1), (6, 6), (7, 6), (40, 6)];
        for (asked, at_once) in cases {
            let mut quota = SendQuota::default();
            assert!(quota.is_fresh());
            let granted = (0..asked).filter(|_| quota.take()).count();
            assert_eq!(granted, at_once, "{asked} asked");
            assert_eq!(quota.is_fresh(), asked == 0);
        }
    }

    #[test]
    fn a_few_cells_of_a_frame_mount_at_once_within_the_time() {
        // (cells granted in the frame's round at 1 ms, when the others ask at once, which are
        // granted)
        let cases: [(usize, f64, &[bool]); 5] = [
            (0, 2.0, &[true, true, true, true, false]),
            (3, 2.0, &[true, false]),
            (4, 2.0, &[false]),
            // The round's time is spent: none more in this frame.
            (1, 12.0, &[false]),
            // A row opened long after the last round, which granted nothing: its four mount
            // at once.
            (0, 1_000.0, &[true, true, true, true, false]),
        ];
        for (in_round, asked_ms, expected) in cases {
            let mut budget = FrameBudget::frame_begins();
            for _ in 0..in_round {
                assert!(budget.grant(1.0));
            }
            let granted: Vec<bool> = expected
                .iter()
                .map(|_| budget.grant_at_once(asked_ms))
                .collect();
            assert_eq!(
                granted, expected,
                "{in_round} in the round, asked at {asked_ms}"
            );
        }
    }

    #[test]
    fn cells_mount_until_the_time_or_the_count_is_spent() {
        // (when each cell asks, which are granted): the time counts from the first.
        let cases: [(&[f64], &[bool]); 5] = [
            (&[100.0, 105.0, 110.0], &[true, true, false]),
            (&[50.0], &[true]),
            (&[1.0, 10.9, 11.0], &[true, true, false]),
            (&[0.0; 13], &[true; 12]),
            (&[20.0, 31.0], &[true, false]),
        ];
        for (asks, expected) in cases {
            let mut budget = FrameBudget::frame_begins();
            let granted: Vec<bool> = asks.iter().map(|&now| budget.grant(now)).collect();
            let mut wanted = expected.to_vec();
            wanted.resize(asks.len(), false);
            assert_eq!(granted, wanted, "asks {asks:?}");
        }
    }
}
