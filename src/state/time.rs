//! The dashboard's time: the chosen range, the refresh interval, and "now", which moves on
//! every refresh. Auto refresh moves only the panels' "now"; a manual refresh and a new range
//! also reload the variables, as in Perses.

use std::time::Duration as StdDuration;

use leptos::prelude::*;
use obs_core::duration::Duration;
use obs_core::time_range::{AbsoluteRange, TimeRange};

use crate::api::QueryCache;
use crate::state::url::UrlSync;

/// The time state of the dashboard on screen, provided as context.
#[derive(Debug, Clone, Copy)]
pub struct TimeState {
    url: UrlSync,
    /// The range as chosen: the URL's, else the dashboard's duration.
    pub range: Memo<TimeRange>,
    /// The refresh interval; zero is off.
    pub refresh: Memo<Duration>,
    /// The time zone to show times in: `None` is the browser's.
    pub timezone: Memo<Option<String>>,
    panels_now_ms: RwSignal<i64>,
    variables_now_ms: RwSignal<i64>,
    /// The range panels query.
    pub panel_range: Memo<AbsoluteRange>,
    /// The range variables list their options over.
    pub variable_range: Memo<AbsoluteRange>,
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

impl TimeState {
    /// `dashboard_default` is the dashboard's own duration, refresh interval and time zone.
    pub fn new(
        url: UrlSync,
        default_range: Duration,
        default_refresh: Option<Duration>,
        default_timezone: Option<String>,
    ) -> Self {
        let range = Memo::new(move |_| {
            url.with(|state| state.time_range)
                .unwrap_or(TimeRange::Relative {
                    past: default_range,
                })
        });
        let refresh = Memo::new(move |_| {
            url.with(|state| state.refresh)
                .or(default_refresh)
                .unwrap_or(Duration::ZERO)
        });
        let timezone = Memo::new(move |_| {
            url.with(|state| state.timezone.clone())
                .or_else(|| default_timezone.clone())
                .filter(|zone| {
                    zone != "local" && !zone.is_empty() && crate::intl::is_valid_timezone(zone)
                })
        });
        let panels_now_ms = RwSignal::new(now_ms());
        let variables_now_ms = RwSignal::new(now_ms());
        let panel_range = Memo::new(move |_| range.get().resolve(panels_now_ms.get()));
        let variable_range = Memo::new(move |_| range.get().resolve(variables_now_ms.get()));
        Self {
            url,
            range,
            refresh,
            timezone,
            panels_now_ms,
            variables_now_ms,
            panel_range,
            variable_range,
        }
    }

    /// "Now" for queries that Perses evaluates at the current time.
    pub fn now(&self) -> Signal<i64> {
        self.panels_now_ms.into()
    }

    /// Whether the range ends now and refreshes itself, so windows end at now.
    pub fn is_live(&self) -> bool {
        self.range.get().is_relative() && !self.refresh.get().is_zero()
    }

    /// Reloads panels and variables (the refresh button).
    pub fn refresh_now(&self) {
        let now = now_ms();
        self.panels_now_ms.set(now);
        self.variables_now_ms.set(now);
    }

    /// Picks a new range (a new history entry) and reloads.
    pub fn set_range(&self, range: TimeRange) {
        self.url.push(|state| state.time_range = Some(range));
        self.refresh_now();
    }

    /// Changes the refresh interval in place: Perses does not add a history entry for it.
    pub fn set_refresh(&self, interval: Duration) {
        self.url.replace(|state| state.refresh = Some(interval));
    }

    /// Starts the auto-refresh timer; it follows the interval and stops with the dashboard.
    /// A tick is skipped while the previous refresh is still loading, so a slow backend never
    /// piles up requests.
    pub fn run_auto_refresh(&self, cache: QueryCache) {
        let refresh = self.refresh;
        let panels_now_ms = self.panels_now_ms;
        let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
        // The timer is the outside world; the effect only starts and stops it.
        Effect::new(move |_| {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let interval = refresh.get();
            let handle = (!interval.is_zero()).then(|| {
                let cache = cache.clone();
                let tick = move || {
                    if cache.in_flight() == 0 {
                        panels_now_ms.set(now_ms());
                    }
                };
                set_interval_with_handle(tick, StdDuration::from_millis(interval.as_millis())).ok()
            });
            timer.set_value(handle.flatten());
        });
        on_cleanup(move || {
            if let Some(handle) = timer.try_get_value().flatten() {
                handle.clear();
            }
        });
    }
}
