//! The page's state in the browser's URL: read at start, on back/forward and when the host
//! says its location changed; written when the user changes something.
//!
//! Standalone, only the query string is the page's. Inside the ODH shell the project is a path
//! segment under the route the host gave the plugin ([`Route`]), and the host's router applies
//! every change, so its location, its back/forward and its navigation highlight stay right.

use leptos::ev;
use leptos::prelude::*;
use obs_core::url_state::{Route, UrlState};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

/// Who applies an address change.
#[derive(Debug, Clone)]
pub enum Navigator {
    /// The browser's history API (the standalone page).
    Browser,
    /// The host's router: a JavaScript `navigate(href, replace)` from the federation wrapper.
    Host(SendWrapper<js_sys::Function>),
}

/// The URL state, provided as context.
#[derive(Debug, Clone, Copy)]
pub struct UrlSync {
    state: RwSignal<UrlState>,
    route: StoredValue<Route>,
    navigator: StoredValue<Navigator>,
}

impl UrlSync {
    /// The standalone page: the query string only, written with the history API.
    pub fn new() -> Self {
        Self::attached(Route::Query, Navigator::Browser)
    }

    /// Reads the URL laid out as `route` and follows the browser's back and forward buttons.
    pub fn attached(route: Route, navigator: Navigator) -> Self {
        let state = RwSignal::new(route.read(&current_path(), &current_search()));
        let sync = Self {
            state,
            route: StoredValue::new(route),
            navigator: StoredValue::new(navigator),
        };
        // Back/forward restore an earlier state: an event from the browser, applied as is.
        let listener = window_event_listener(ev::popstate, move |_| sync.reload());
        on_cleanup(move || listener.remove());
        sync
    }

    /// A URL state that is not tied to the browser, for component tests.
    pub fn detached(initial: UrlState) -> Self {
        Self {
            state: RwSignal::new(initial),
            route: StoredValue::new(Route::Query),
            navigator: StoredValue::new(Navigator::Browser),
        }
    }

    /// Reads the address again: the host navigated (its own back/forward, a link, our nav
    /// item). The browser's location is read rather than the host's copy of it, because the
    /// host may tell us late, after the page has already moved on.
    pub fn reload(&self) {
        let Some(route) = self.route.try_get_value() else {
            return;
        };
        let read = route.read(&current_path(), &current_search());
        if self.state.try_with_untracked(|state| *state != read) == Some(true) {
            self.state.set(read);
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
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.write(next, true);
    }

    /// A correction that should not add history (a value the page had to adjust).
    pub fn replace(&self, change: impl FnOnce(&mut UrlState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.write(next, false);
    }

    /// Shows `next` and writes its address. Not generic (only `push` and `replace` are, for
    /// the change), so the page has one copy of it rather than one per kind of change.
    fn write(&self, next: UrlState, new_entry: bool) {
        if next == self.state.get_untracked() {
            return;
        }
        let href = self
            .route
            .with_value(|route| route.href(&next, &current_path()));
        self.state.set(next);
        let Some(window) = web_sys::window() else {
            return;
        };
        let url = format!("{href}{}", window.location().hash().unwrap_or_default());
        if let Navigator::Host(navigate) = self.navigator.get_value() {
            let replace = JsValue::from_bool(!new_entry);
            match navigate.call2(&JsValue::NULL, &JsValue::from_str(&url), &replace) {
                Ok(_) => return,
                // The host's router refused: the history API still keeps the address right.
                Err(error) => crate::dom::warn_with("the host could not navigate:", &error),
            }
        }
        let Ok(history) = window.history() else {
            return;
        };
        let result = if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
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

fn current_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}
