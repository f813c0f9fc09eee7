//! Spreading the mounting of many panels over several frames.
//!
//! A panel costs a few milliseconds to mount (its queries, menus, observers), more on a slow
//! machine; opening every row of a 114-panel dashboard at once would mount them all in one
//! task and freeze the page for a fifth of a second. The page provides a [`MountScheduler`]:
//! each grid cell asks it for a turn, and cells get their turns in the order they asked (top
//! to bottom) within a time budget per frame, and at most a few at once in the task that asks
//! (`obs_core::pacing`); the others show an empty card until then. Without a scheduler in the context (a dashboard mounted alone, as in
//! component tests) every cell mounts at once.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::prelude::*;
use obs_core::pacing::FrameBudget;
use send_wrapper::SendWrapper;

#[derive(Default)]
struct Turns {
    /// What the cells mounted since the last frame began have used.
    budget: FrameBudget,
    /// Cells waiting, oldest first.
    waiting: VecDeque<RwSignal<bool>>,
    /// Whether a frame callback is already scheduled.
    frame_scheduled: bool,
}

/// Hands out mounting turns within a time budget per frame.
#[derive(Clone)]
pub struct MountScheduler(SendWrapper<Rc<RefCell<Turns>>>);

impl MountScheduler {
    /// Provides a scheduler to the components below.
    pub fn provide() {
        provide_context(Self(SendWrapper::new(Rc::new(RefCell::new(
            Turns::default(),
        )))));
    }

    /// Whether the calling cell may mount its panel: true at once when nobody is waiting and
    /// it is one of the first few cells of its frame (`FrameBudget::grant_at_once`), else
    /// true in a later frame's round.
    pub fn turn() -> Signal<bool> {
        let Some(scheduler) = use_context::<Self>() else {
            return Signal::stored(true);
        };
        let mut turns = scheduler.0.borrow_mut();
        let now = turns.waiting.is_empty() && turns.budget.grant_at_once(crate::dom::now_ms());
        let ready = RwSignal::new(now);
        if !now {
            turns.waiting.push_back(ready);
        }
        drop(turns);
        scheduler.schedule_frame();
        ready.into()
    }

    /// Schedules the next frame's round: the budget restarts and waiting cells get turns.
    ///
    /// The round runs in a task of its own just after the frame, not in the frame's
    /// animation callbacks: cells mounted there were laid out and painted in the same
    /// rendering task as everything the frame had already to show, one long task (62–70 ms
    /// on NodeExporter in the benchmark). After the frame, their layout and paint go to the
    /// next frame, and the benchmark's total blocking time on NodeExporter halved.
    fn schedule_frame(&self) {
        let mut turns = self.0.borrow_mut();
        if turns.frame_scheduled {
            return;
        }
        turns.frame_scheduled = true;
        drop(turns);
        let scheduler = self.clone();
        request_animation_frame(move || {
            leptos::task::spawn_local(async move {
                crate::dom::next_task().await;
                scheduler.frame_round().await
            });
        });
    }

    /// One frame's round: waiting cells mount one at a time, each with the effects it queues,
    /// until the budget is spent; the rest wait for the next frame. It runs in one task (its
    /// microtasks), so the budget covers what the round's script does.
    async fn frame_round(&self) {
        crate::perf::mark("at.mount-round");
        {
            let mut turns = self.0.borrow_mut();
            turns.frame_scheduled = false;
            turns.budget = FrameBudget::frame_begins();
        }
        let mut mounted_any = false;
        loop {
            let next = {
                let mut turns = self.0.borrow_mut();
                // A cell that went away meanwhile (its row closed) gives its turn back.
                while turns
                    .waiting
                    .front()
                    .is_some_and(|ready| ready.is_disposed())
                {
                    turns.waiting.pop_front();
                }
                if turns.waiting.is_empty() || !turns.budget.grant(crate::dom::now_ms()) {
                    None
                } else {
                    turns.waiting.pop_front()
                }
            };
            let Some(ready) = next else { break };
            mounted_any = true;
            // Set outside the borrow: a mounted cell may ask for turns of its own. The cell
            // mounts in the effects this queues, which the tick lets run before the clock is
            // read again.
            ready.set(true);
            leptos::task::tick().await;
        }
        // Another round next frame: for the cells still waiting, and to restart the budget.
        if mounted_any || !self.0.borrow().waiting.is_empty() {
            self.schedule_frame();
        }
    }
}
