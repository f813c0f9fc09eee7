//! The time range, refresh interval and refresh button of the dashboard on screen.

use leptos::prelude::*;
use obs_core::duration::Duration;
use obs_core::time_range::{QUICK_RANGES, REFRESH_INTERVALS, TimeRange};
use wasm_bindgen::JsValue;

use crate::ids::unique_id;
use crate::intl::format_time;
use crate::panel::chunks;
use crate::state::time::TimeState;
use crate::widgets::{Select, SelectOption};

const CUSTOM: &str = "custom";

#[component]
pub fn TimeControls() -> impl IntoView {
    let time = expect_context::<TimeState>();
    let editing_custom = RwSignal::new(false);
    let range_options = Signal::derive(move || {
        let mut options: Vec<SelectOption> = QUICK_RANGES
            .iter()
            .map(|range| {
                SelectOption::new(range.to_day_string(), format!("Last {}", spoken(*range)))
            })
            .collect();
        if let TimeRange::Relative { past } = time.range.get()
            && !QUICK_RANGES.contains(&past)
        {
            options.insert(
                0,
                SelectOption::new(past.to_day_string(), format!("Last {}", spoken(past))),
            );
        }
        if let TimeRange::Absolute { start_ms, end_ms } = time.range.get() {
            options.insert(
                0,
                SelectOption::new(
                    "absolute",
                    format_range(start_ms, end_ms, time.timezone.get().as_deref()),
                ),
            );
        }
        options.push(SelectOption::new(CUSTOM, "Custom range…"));
        options
    });
    let range_selected = Signal::derive(move || match time.range.get() {
        TimeRange::Relative { past } => vec![past.to_day_string()],
        TimeRange::Absolute { .. } => vec!["absolute".to_owned()],
    });
    let on_range = Callback::new(move |values: Vec<String>| {
        let Some(value) = values.into_iter().next() else {
            return;
        };
        if value == CUSTOM {
            editing_custom.set(true);
        } else if let Ok(past) = value.parse::<Duration>() {
            editing_custom.set(false);
            time.set_range(TimeRange::Relative { past });
        }
    });
    let refresh_options = Signal::derive(move || {
        REFRESH_INTERVALS
            .iter()
            .map(|interval| {
                let label = if interval.is_zero() {
                    "Off".to_owned()
                } else {
                    format!("Every {}", spoken(*interval))
                };
                SelectOption::new(interval.to_day_string(), label)
            })
            .collect::<Vec<_>>()
    });
    let refresh_selected = Signal::derive(move || vec![time.refresh.get().to_day_string()]);
    let on_refresh = Callback::new(move |values: Vec<String>| {
        if let Some(interval) = values
            .first()
            .and_then(|value| value.parse::<Duration>().ok())
        {
            time.set_refresh(interval);
        }
    });
    view! {
        <div class="obs-time-controls">
            <Select label="Time range" options=range_options selected=range_selected on_change=on_range/>
            <Select label="Refresh" options=refresh_options selected=refresh_selected on_change=on_refresh/>
            <button class="obs-button obs-time-controls__refresh" type="button" aria-label="Refresh now" on:click=move |_| time.refresh_now()>
                "↻"
            </button>
            {move || time.timezone.get().map(|zone| view! { <span class="obs-time-controls__zone" title="Time zone">{zone}</span> })}
            {move || editing_custom.get().then(|| {
                let on_done = Callback::new(move |()| editing_custom.set(false));
                chunks::chunk_view_titled("The custom range could not be loaded", move || chunks::custom_range(on_done))
            })}
        </div>
    }
}

/// Two date-time fields for an absolute range, in the browser's time zone (drawn by the
/// interaction chunk, `panel::chunks::custom_range`).
#[component]
pub fn CustomRange(on_done: Callback<()>) -> impl IntoView {
    let time = expect_context::<TimeState>();
    let current = time.panel_range.get_untracked();
    let start = RwSignal::new(to_input_value(current.start_ms));
    let end = RwSignal::new(to_input_value(current.end_ms));
    let error = RwSignal::new(None::<String>);
    let (start_id, end_id) = (unique_id("from"), unique_id("to"));
    let apply = move |_| match (
        from_input_value(&start.get_untracked()),
        from_input_value(&end.get_untracked()),
    ) {
        (Some(start_ms), Some(end_ms)) if end_ms > start_ms => {
            time.set_range(TimeRange::Absolute { start_ms, end_ms });
            on_done.run(());
        }
        (Some(_), Some(_)) => error.set(Some("The end must be after the start.".to_owned())),
        _ => error.set(Some("Enter both dates and times.".to_owned())),
    };
    view! {
        <div class="obs-custom-range" role="group" aria-label="Custom time range">
            <label for=start_id.clone()>"From"</label>
            <input id=start_id type="datetime-local" prop:value=move || start.get() on:input=move |e| start.set(event_target_value(&e))/>
            <label for=end_id.clone()>"To"</label>
            <input id=end_id type="datetime-local" prop:value=move || end.get() on:input=move |e| end.set(event_target_value(&e))/>
            <button class="obs-button" type="button" on:click=apply>"Apply"</button>
            <button class="obs-button obs-button--plain" type="button" on:click=move |_| on_done.run(())>"Cancel"</button>
            {move || error.get().map(|message| view! { <p class="obs-field__error" role="alert">{message}</p> })}
        </div>
    }
}

/// "5 minutes", "1 hour", "14 days", "30 seconds".
fn spoken(duration: Duration) -> String {
    let secs = duration.as_secs();
    let (count, unit) = match secs {
        s if s >= 86_400 && s % 86_400 == 0 => (s / 86_400, "day"),
        s if s >= 3_600 && s % 3_600 == 0 => (s / 3_600, "hour"),
        s if s >= 60 && s % 60 == 0 => (s / 60, "minute"),
        s => (s, "second"),
    };
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

fn format_range(start_ms: i64, end_ms: i64, timezone: Option<&str>) -> String {
    format!(
        "{} – {}",
        format_time(start_ms, timezone),
        format_time(end_ms, timezone)
    )
}

/// `YYYY-MM-DDTHH:MM` in local time, as `datetime-local` inputs use.
fn to_input_value(time_ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(time_ms as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

fn from_input_value(value: &str) -> Option<i64> {
    if value.is_empty() {
        return None;
    }
    let time = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    time.is_finite().then_some(time as i64)
}
