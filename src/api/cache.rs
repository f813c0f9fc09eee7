//! One shared place for Prometheus queries: identical requests from several panels are sent
//! once, a request nobody waits for any more is aborted, and recent replies are kept so that
//! reopening a row shows its panels at once.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use obs_core::pacing::SendQuota;
use obs_core::prometheus::{PromQuery, QueryResult, decode_odh_reply};
use send_wrapper::SendWrapper;
use web_sys::AbortController;

use super::{FetchError, Reply, post_json};

/// How many finished replies nobody shows are kept.
const KEPT_REPLIES: usize = 256;

/// A request as sent (the route and the JSON body, which holds the project) and the refresh it
/// belongs to. Start and end are aligned to the step, so the body alone often stays the same
/// across refreshes; the refresh time makes every refresh ask again, while panels asking the
/// same thing in one refresh still share one request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QueryKey {
    pub path: &'static str,
    pub body: String,
    pub refreshed_at_ms: i64,
}

impl QueryKey {
    pub fn new(query: &PromQuery, project: &str, refreshed_at_ms: i64) -> Self {
        Self {
            path: query.path(),
            body: query.body(project),
            refreshed_at_ms,
        }
    }
}

/// What a query shows: whether a request is under way, and the last reply (kept while a
/// refresh loads, so panels do not blank).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryState {
    pub loading: bool,
    pub outcome: Option<Result<Arc<QueryResult>, String>>,
}

struct Entry {
    state: ArcRwSignal<QueryState>,
    subscribers: usize,
    /// Present while the request is in flight.
    controller: Option<AbortController>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<QueryKey, Entry>,
    /// Finished entries without subscribers, oldest first.
    idle: VecDeque<QueryKey>,
}

/// The page's query cache, provided as context.
#[derive(Clone)]
pub struct QueryCache {
    inner: SendWrapper<Rc<RefCell<Inner>>>,
    in_flight: SendWrapper<Rc<Cell<usize>>>,
    /// The requests sent in the current task (`SendQuota`).
    quota: SendWrapper<Rc<Cell<SendQuota>>>,
    /// Whether a reply has been decoded in the current task ([`Self::take_reply_turn`]).
    reply_decoded: SendWrapper<Rc<Cell<bool>>>,
}

impl Default for QueryCache {
    fn default() -> Self {
        Self::new()
    }
}

impl QueryCache {
    pub fn new() -> Self {
        Self {
            inner: SendWrapper::new(Rc::new(RefCell::new(Inner::default()))),
            in_flight: SendWrapper::new(Rc::new(Cell::new(0))),
            quota: SendWrapper::new(Rc::new(Cell::new(SendQuota::default()))),
            reply_decoded: SendWrapper::new(Rc::new(Cell::new(false))),
        }
    }

    /// Requests under way; the refresh timer skips a tick while any are.
    pub fn in_flight(&self) -> usize {
        self.in_flight.get()
    }

    /// The state of `key`, sending the request if nobody has yet.
    pub fn subscribe(&self, key: &QueryKey) -> ArcRwSignal<QueryState> {
        let mut inner = self.inner.borrow_mut();
        if let Some(entry) = inner.entries.get_mut(key) {
            entry.subscribers += 1;
            let state = entry.state.clone();
            inner.idle.retain(|idle| idle != key);
            return state;
        }
        let state = ArcRwSignal::new(QueryState {
            loading: true,
            outcome: None,
        });
        let controller = AbortController::new().ok();
        inner.entries.insert(
            key.clone(),
            Entry {
                state: state.clone(),
                subscribers: 1,
                controller: controller.clone(),
            },
        );
        drop(inner);
        self.in_flight.set(self.in_flight.get() + 1);
        // The first few requests are sent here, as they are asked for; once those are spent
        // until a zero timeout has run, the others each in a task of their own (`SendQuota`).
        let sent_now = self
            .take_quota()
            .then(|| post_json(key.path, key.body.clone(), controller.as_ref()));
        let cache = self.clone();
        let key = key.clone();
        spawn_local(async move {
            let done = |cache: &Self| cache.in_flight.set(cache.in_flight.get().saturating_sub(1));
            let reply = match sent_now {
                Some(reply) => reply.await,
                None => {
                    crate::dom::next_task().await;
                    // A request given up meanwhile is not sent at all.
                    if controller
                        .as_ref()
                        .is_some_and(|controller| controller.signal().aborted())
                    {
                        done(&cache);
                        return;
                    }
                    post_json(key.path, key.body.clone(), controller.as_ref()).await
                }
            };
            if matches!(reply, Err(FetchError::Aborted)) {
                done(&cache);
                return;
            }
            // Replies that arrive together would otherwise all be decoded and drawn in one
            // task (their promises settle in one go), freezing the page while a dozen panels
            // render: the first is decoded in the task it arrived in, the others each wait for
            // a task of their own.
            crate::perf::mark("at.query-replied");
            if !cache.take_reply_turn() {
                crate::dom::next_task().await;
            }
            let timer = crate::perf::task("query.task");
            let outcome = crate::perf::measure("query.decode", || match reply {
                Err(error) => Err(error.to_string()),
                Ok(reply) => {
                    let reply = Reply::from(reply);
                    decode_odh_reply(reply.status, &reply.body)
                        .map(Arc::new)
                        .map_err(|e| e.to_string())
                }
            });
            // Still in flight until drawn: the auto-refresh waits for it.
            done(&cache);
            crate::perf::measure("query.finish", || cache.finish(&key, outcome));
            crate::perf::mark("at.query-finished");
            timer.end().await;
        });
        state
    }

    /// How many callers wait for `key`: what a test checks a subscription by.
    pub fn subscribers(&self, key: &QueryKey) -> usize {
        self.inner
            .borrow()
            .entries
            .get(key)
            .map_or(0, |entry| entry.subscribers)
    }

    /// Whether a request may be sent now (`SendQuota`); the first one counted arranges for a
    /// zero timeout to start a new quota. Tasks that run before that timeout (a reply, a
    /// frame) share the quota: requests are only put off the more, never sent more at once.
    fn take_quota(&self) -> bool {
        let mut quota = self.quota.get();
        if quota.is_fresh() {
            let shared = Rc::clone(&*self.quota);
            spawn_local(async move {
                crate::dom::next_task().await;
                shared.set(SendQuota::default());
            });
        }
        let granted = quota.take();
        self.quota.set(quota);
        granted
    }

    /// Whether a reply may be decoded in the current task: the first one asking may, and
    /// arranges for a zero timeout to give the next task its own turn. Every reply waiting a
    /// task before this put each behind whatever was queued meanwhile: a variable's reply on
    /// NodeExporter waited for a round of mounting panels (15-20 ms) before the variables that
    /// depend on it could ask, and the panels after them.
    fn take_reply_turn(&self) -> bool {
        if self.reply_decoded.replace(true) {
            return false;
        }
        let decoded = Rc::clone(&*self.reply_decoded);
        spawn_local(async move {
            crate::dom::next_task().await;
            decoded.set(false);
        });
        true
    }

    /// Stops waiting for `key`; the request is aborted when nobody else waits for it.
    pub fn unsubscribe(&self, key: &QueryKey) {
        let mut inner = self.inner.borrow_mut();
        let Some(entry) = inner.entries.get_mut(key) else {
            return;
        };
        entry.subscribers = entry.subscribers.saturating_sub(1);
        if entry.subscribers > 0 {
            return;
        }
        if let Some(controller) = entry.controller.take() {
            controller.abort();
            inner.entries.remove(key);
        } else {
            inner.idle.push_back(key.clone());
            while inner.idle.len() > KEPT_REPLIES {
                if let Some(oldest) = inner.idle.pop_front() {
                    inner.entries.remove(&oldest);
                }
            }
        }
    }

    fn finish(&self, key: &QueryKey, outcome: Result<Arc<QueryResult>, String>) {
        let state = {
            let mut inner = self.inner.borrow_mut();
            let Some(entry) = inner.entries.get_mut(key) else {
                return;
            };
            entry.controller = None;
            entry.state.clone()
        };
        state.set(QueryState {
            loading: false,
            outcome: Some(outcome),
        });
    }
}

/// The state of the query `key` (none: nothing to send yet), following the key as it changes.
/// The previous reply stays shown while the next one loads; leaving aborts what is pending.
pub fn use_prom_query(key: Signal<Option<QueryKey>>) -> Signal<QueryState> {
    let cache = expect_context::<QueryCache>();
    // The first key is asked for here, as the caller is made, rather than by the effect that
    // follows the key: an effect first runs once the whole view is mounted, and a variable's
    // first request waited for NodeExporter's whole dashboard to mount (about 25 ms).
    let first = key.get_untracked();
    let entry: RwSignal<Option<ArcRwSignal<QueryState>>> =
        RwSignal::new(first.as_ref().map(|first| cache.subscribe(first)));
    let subscribed: StoredValue<Option<QueryKey>> = StoredValue::new(first);
    {
        let cache = cache.clone();
        // Subscribing again when the key changes sends a request: the outside world, hence an
        // effect. Its first run finds the key it was made with, already asked for.
        Effect::new(move |_| {
            let next = key.get();
            let previous = subscribed.get_value();
            if previous == next {
                return;
            }
            if let Some(previous) = previous {
                cache.unsubscribe(&previous);
            }
            let state = next.as_ref().map(|next| cache.subscribe(next));
            subscribed.set_value(next);
            entry.set(state);
        });
    }
    on_cleanup(move || {
        if let Some(key) = subscribed.try_get_value().flatten() {
            cache.unsubscribe(&key);
        }
    });
    let shown = Memo::new(move |previous: Option<&QueryState>| {
        let current = entry.get().map(|state| state.get()).unwrap_or_default();
        if current.outcome.is_none() && current.loading {
            QueryState {
                loading: true,
                outcome: previous.and_then(|previous| previous.outcome.clone()),
            }
        } else {
            current
        }
    });
    shown.into()
}
