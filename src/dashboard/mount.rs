//! Spreading the mounting of many panels over several frames.
//!
//! A panel costs a couple of milliseconds to mount (its queries, menus, observers); opening
//! every row of a 114-panel dashboard at once would mount them all in one task and freeze the
//! page for a fifth of a second. The page provides a [`MountScheduler`]: each grid cell asks it
//! for a turn, a few cells a frame get one, in the order they asked (top to bottom), and the
//! others show an empty card until then. Without a scheduler in the context (a dashboard
//! mounted alone, as in component tests) every cell mounts at once.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// How many cells mount per animation frame.
const CELLS_PER_FRAME: usize = 6;

#[derive(Default)]
struct Turns {
    /// Cells granted a turn in the current frame.
    granted_this_frame: usize,
    /// Cells waiting, oldest first.
    waiting: VecDeque<RwSignal<bool>>,
    /// Whether a frame callback is already scheduled.
    frame_scheduled: bool,
}

/// Hands out mounting turns, a few per frame.
#[derive(Clone)]
pub struct MountScheduler(SendWrapper<Rc<RefCell<Turns>>>);

impl MountScheduler {
    /// Provides a scheduler to the components below.
    pub fn provide() {
        provide_context(Self(SendWrapper::new(Rc::new(RefCell::new(
            Turns::default(),
        )))));
    }

    /// Whether the calling cell may mount its panel: true at once while this frame has turns
    /// left and nobody is waiting, else true in a later frame.
    pub fn turn() -> Signal<bool> {
        let Some(scheduler) = use_context::<Self>() else {
            return Signal::stored(true);
        };
        let mut turns = scheduler.0.borrow_mut();
        let now = turns.waiting.is_empty() && turns.granted_this_frame < CELLS_PER_FRAME;
        let ready = RwSignal::new(now);
        if now {
            turns.granted_this_frame += 1;
        } else {
            turns.waiting.push_back(ready);
        }
        drop(turns);
        scheduler.schedule_frame();
        ready.into()
    }

    /// Starts the next frame's round: the count restarts and waiting cells get their turns.
    fn schedule_frame(&self) {
        let mut turns = self.0.borrow_mut();
        if turns.frame_scheduled {
            return;
        }
        turns.frame_scheduled = true;
        drop(turns);
        let scheduler = self.clone();
        request_animation_frame(move || {
            let mut turns = scheduler.0.borrow_mut();
            turns.frame_scheduled = false;
            let mut granted = Vec::with_capacity(CELLS_PER_FRAME);
            while granted.len() < CELLS_PER_FRAME {
                let Some(ready) = turns.waiting.pop_front() else {
                    break;
                };
                // A cell that went away meanwhile (its row closed) gives its turn back.
                if !ready.is_disposed() {
                    granted.push(ready);
                }
            }
            turns.granted_this_frame = granted.len();
            // Another round next frame: for the cells still waiting, and to restart the count
            // of this frame's turns.
            let again = !turns.waiting.is_empty() || !granted.is_empty();
            drop(turns);
            // Set outside the borrow: a mounted cell may ask for turns of its own.
            for ready in granted {
                ready.set(true);
            }
            if again {
                scheduler.schedule_frame();
            }
        });
    }
}
