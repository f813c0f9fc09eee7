//! The time series chart: a canvas redrawn only when the data, the size, the visible series
//! or the theme change, and positioned elements for the crosshair, markers, drag selection and
//! tooltip (`cursor`), so hovering never redraws the plot.

pub(crate) mod cursor;
mod input;
mod legend;
pub(crate) mod overlay;
pub mod paint;
mod painting;
mod texts;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use obs_core::chart::ticks::{TimeLabel, format_local};
use obs_core::panels::time_series::TimeSeriesModel;

use super::Shared;
use super::hover_time_text;
use super::surface::use_canvas_size;
use super::sync::CrosshairSync;
use super::theme::{ChartThemeSignal, provide_chart_theme};
use crate::panel::chunks;
use crate::state::time::TimeState;
use geometry::compute;
use hover::{hover_at, hover_at_time};
use input::{ChartInput, InputState};
use legend::Legend;
pub use obs_core::chart::time_series::{geometry, hover};
pub use paint::ThresholdStyle;
use texts::ChartTexts;

static NEXT_CHART_ID: AtomicUsize = AtomicUsize::new(0);

/// A time series chart with its legend, tooltip, crosshair and zoom.
#[component]
pub fn TimeSeriesChartView(
    /// The prepared chart; `None` draws nothing.
    model: Memo<Option<Shared<TimeSeriesModel>>>,
    /// The chart's accessible name (the panel title).
    #[prop(into)]
    label: Signal<String>,
    /// Thresholds as lines or bands.
    #[prop(into)]
    threshold_style: Signal<ThresholdStyle>,
) -> impl IntoView {
    crate::perf::mark("at.chart-view");
    let theme = use_context::<ChartThemeSignal>()
        .unwrap_or_else(provide_chart_theme)
        .0;
    let sync = CrosshairSync::use_or_local();
    let time = use_context::<TimeState>();
    let chart_id = NEXT_CHART_ID.fetch_add(1, Ordering::Relaxed);
    let plot_box = NodeRef::<Div>::new();
    let base = NodeRef::<Canvas>::new();
    // The painted plot shown as a still picture between paints (`snapshot`).
    let still = NodeRef::<Canvas>::new();
    let size = use_canvas_size(plot_box);
    let hidden = RwSignal::new(Vec::<u64>::new());
    let timezone = time.map(|time| time.timezone);
    let geometry = Memo::new(move |_| {
        let model = model.get()?;
        let size = size.get()?;
        let hidden = hidden.get();
        let visible: Vec<bool> = model
            .series
            .iter()
            .map(|series| !hidden.contains(&series.key))
            .collect();
        let offset = utc_offset_minutes(
            model.range.end_ms,
            timezone.and_then(|zone| zone.get()).as_deref(),
        );
        Some(Shared(Arc::new(crate::perf::measure(
            "chart.geometry",
            || compute(&model, &visible, size, offset),
        ))))
    });
    painting::paint_when_changed(geometry, model, theme, threshold_style, (base, still));
    let state = InputState::new();
    let InputState {
        pointer,
        pinned,
        drag_from,
        keyboard_time,
    } = state;
    let hover = Memo::new(move |_| {
        if let Some(pinned) = pinned.get() {
            return Some(pinned);
        }
        let (geometry, model) = (geometry.get()?, model.get()?);
        if let Some(time_ms) = keyboard_time.get() {
            return hover_at_time(&geometry, &model, time_ms, None);
        }
        let (x, y) = pointer.get()?;
        hover_at(&geometry, &model, x, y)
    });
    // Another chart's crosshair time, while one is hovered.
    let synced_time = move || {
        sync.0
            .get()
            .filter(|position| position.chart_id != chart_id)
            .map(|p| p.time_ms)
    };
    // Latched: once this chart has been hovered, its markers and tooltip stay made.
    let hovered = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || hover.with(Option::is_some)
    });
    // Latched as well: the crosshairs and the selection are made when first needed (this
    // chart hovered or dragged, or another one hovered), not with every chart of a dashboard
    // (a dozen bindings each, 0.7 MB of NodeExporter's 114 panels). The memos only they read
    // (the other chart's time, the selection) are made with them.
    let cursor_made = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false)
            || hovered.get()
            || synced_time().is_some()
            || drag_from.with(Option::is_some)
    });
    let input = ChartInput {
        state,
        plot_box,
        geometry,
        model,
        hover,
        sync,
        chart_id,
        time,
    };
    let legend_position = move || {
        model
            .get()
            .and_then(|m| m.legend.clone())
            .map(|legend| legend.position)
    };
    let layout_class = move || match legend_position() {
        Some(obs_core::spec::common::LegendPosition::Right) => "obs-ts obs-ts--legend-right",
        _ => "obs-ts",
    };
    let description = move || {
        let model = model.get()?;
        let hidden_count = hidden.get().len();
        // The range in the chart's zone as its time axis writes dates, rather than through
        // `Intl`: the first `Intl.DateTimeFormat` a page builds costs about 16 ms, which this
        // name, made as the first chart mounts, put before the first panel was drawn. Each
        // end with its own offset: a range may span a change of daylight saving time.
        let zone = timezone.and_then(|zone| zone.get());
        let local = |time_ms: i64| {
            let offset_ms = i64::from(utc_offset_minutes(time_ms, zone.as_deref())) * 60_000;
            format_local(time_ms + offset_ms, TimeLabel::DayAndTime)
        };
        Some(format!(
            "Time series chart, {} series{}, from {} to {}. Use the arrow keys to read values; the panel menu can show the data as a table.",
            model.series.len(),
            if hidden_count > 0 {
                format!(" ({hidden_count} hidden)")
            } else {
                String::new()
            },
            local(model.range.start_ms),
            local(model.range.end_ms),
        ))
    };
    // What the arrow keys point at, for screen readers: one persistent live region filled
    // only while the keyboard drives the crosshair (pointer moves would flood it).
    let readout = move || {
        keyboard_time.get()?;
        let hover = hover.get()?;
        let zone = timezone.and_then(|zone| zone.get());
        let values: Vec<String> = hover
            .values
            .iter()
            .map(|value| format!("{} {}", value.name, value.value_text))
            .collect();
        Some(format!(
            "{}: {}",
            hover_time_text(hover.time_ms, zone.as_deref()),
            values.join(", ")
        ))
    };
    // The layout's class, the plot's name and the keyboard's readout written by one effect,
    // each only when it changes (a live region announces every change), instead of a binding
    // each: a dashboard has many charts.
    let layout = NodeRef::<Div>::new();
    let live_region = NodeRef::<Div>::new();
    Effect::new(move |shown: Option<ChartTexts>| {
        let texts = ChartTexts {
            class: layout_class(),
            name: format!("{}. {}", label.get(), description().unwrap_or_default()),
            readout: readout().unwrap_or_default(),
        };
        let shown = shown.unwrap_or_default();
        match (
            layout.get_untracked(),
            plot_box.get_untracked(),
            live_region.get_untracked(),
        ) {
            (Some(layout), Some(plot), Some(live_region)) => {
                texts.write(&shown, &layout, &plot, &live_region);
                texts
            }
            // Not written: what is shown stays, and the next run writes it.
            _ => shown,
        }
    });
    view! {
        <div class=ChartTexts::MADE_CLASS node_ref=layout>
            <div class="obs-visually-hidden" aria-live="polite" aria-atomic="true" node_ref=live_region></div>
            <div
                class="obs-ts__plot"
                node_ref=plot_box
                tabindex="0"
                role="img"
                on:pointermove=move |event| input.on_move(event)
                on:pointerleave=move |_| input.on_leave()
                on:pointerdown=move |event| input.on_down(event)
                on:pointerup=move |event| input.on_up(event)
                on:keydown=move |event| input.on_key(event)
                on:blur=move |_| keyboard_time.set(None)
            >
                <canvas class="obs-ts__canvas" node_ref=base aria-hidden="true"></canvas>
                <canvas class="obs-ts__still-overlay" node_ref=still aria-hidden="true" style="display:none"></canvas>
                // Both drawn by the interaction chunk, which a page fetches when it is first
                // pointed at or focused: until it is in, a hover shows no tooltip (the plot and
                // the keyboard's readout work without it).
                {move || cursor_made.get().then(|| chunks::chunk_view_quiet(move || {
                    chunks::chart_cursor(
                        geometry,
                        theme,
                        Memo::new(move |_| synced_time()),
                        // A memo that reads the pointer only during a drag: otherwise a pointer
                        // move neither runs it nor checks what reads it.
                        Memo::new(move |_| {
                            let from = drag_from.get()?;
                            pointer.get().map(|(x, _)| (from, x))
                        }),
                    )
                }))}
                {move || hovered.get().then(|| chunks::chunk_view_quiet(move || {
                    chunks::hover_overlay(
                        hover,
                        geometry,
                        theme,
                        Signal::derive(move || pinned.get().is_some()),
                        Signal::derive(move || timezone.and_then(|zone| zone.get())),
                    )
                }))}
            </div>
            <Legend model=model hidden=hidden/>
        </div>
    }
}

/// The offset of the shown time zone from UTC at `time_ms`, in minutes east.
use super::utc_offset_minutes;
