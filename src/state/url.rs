//! The page's state in the browser's URL: read at start and on back/forward, written when the
//! user changes something. Only the query string is touched; the host owns the path.

use leptos::ev;
use leptos::prelude::*;
use obs_core::url_state::UrlState;

/// The URL state, provided as context.
#[derive(Debug, Clone, Copy)]
pub struct UrlSync {
    state: RwSignal<UrlState>,
}

impl UrlSync {
    /// Reads the URL and follows the browser's back and forward buttons.
    pub fn new() -> Self {
        let state = RwSignal::new(UrlState::parse(&current_search()));
        // Back/forward restore an earlier state: an event from the browser, applied as is.
        let listener = window_event_listener(ev::popstate, move |_| {
            state.set(UrlState::parse(&current_search()))
        });
        on_cleanup(move || listener.remove());
        Self { state }
    }

    /// A URL state that is not tied to the browser, for component tests.
    pub fn detached(initial: UrlState) -> Self {
        Self {
            state: RwSignal::new(initial),
        }
    }

    pub fn get(&self) -> UrlState {
        self.state.get()
    }

    /// A reactive view of one part of the state.
    pub fn with<T>(&self, read: impl FnOnce(&UrlState) -> T) -> T {
        self.state.with(read)
    }

    /// One part of the state, without tracking it.
    pub fn with_untracked<T>(&self, read: impl FnOnce(&UrlState) -> T) -> T {
        self.state.with_untracked(read)
    }

    /// A change the user made: a new history entry, so Back undoes it.
    pub fn push(&self, change: impl FnOnce(&mut UrlState)) {
        self.write(change, true);
    }

    /// A correction that should not add history (a value the page had to adjust).
    pub fn replace(&self, change: impl FnOnce(&mut UrlState)) {
        self.write(change, false);
    }

    fn write(&self, change: impl FnOnce(&mut UrlState), new_entry: bool) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next == self.state.get_untracked() {
            return;
        }
        let query = next.to_query();
        self.state.set(next);
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let url = if query.is_empty() {
            format!("{path}{hash}")
        } else {
            format!("{path}?{query}{hash}")
        };
        let result = if new_entry {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        if result.is_err() {
            leptos::logging::warn!("could not update the address bar to {url}");
        }
    }
}

impl Default for UrlSync {
    fn default() -> Self {
        Self::new()
    }
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}
