//! The time series chart: a canvas redrawn only when the data, the size, the visible series
//! or the theme change, and positioned elements for the crosshair, markers, drag selection and
//! tooltip (`cursor`), so hovering never redraws the plot.

mod cursor;
mod legend;
mod overlay;
pub mod paint;
mod texts;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use obs_core::chart::ticks::{TimeLabel, format_local};
use obs_core::panels::time_series::TimeSeriesModel;
use obs_core::time_range::TimeRange;

use super::Shared;
use super::hover_time_text;
use super::painter::{Painter, mark_painted};
use super::snapshot;
use super::surface::use_canvas_size;
use super::sync::{CrosshairPosition, CrosshairSync};
use super::theme::{ChartThemeSignal, provide_chart_theme};
use crate::state::time::TimeState;
use cursor::Cursor;
use geometry::{Geometry, compute};
use hover::{Hover, hover_at, hover_at_time};
use legend::Legend;
pub use obs_core::chart::time_series::{geometry, hover};
use overlay::HoverOverlay;
pub use paint::ThresholdStyle;
use texts::ChartTexts;

static NEXT_CHART_ID: AtomicUsize = AtomicUsize::new(0);
/// A drag shorter than this is a click (it pins the tooltip), not a zoom.
const MIN_DRAG_PX: f64 = 5.0;

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
    // Painting is the outside world: an effect per canvas. The grid and the first series go
    // at once; further series follow one frame at a time, so many series never block the
    // page. A newer paint (new data, size, theme) abandons the frames of an older one.
    let paint_generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let (Some(geometry), Some(model), Some(canvas)) = (geometry.get(), model.get(), base.get())
        else {
            return;
        };
        let theme = theme.get();
        let threshold_style = threshold_style.get();
        let generation = paint_generation.get_value().wrapping_add(1);
        paint_generation.set_value(generation);
        let mut frames = paint::frames(&geometry).into_iter();
        snapshot::hide(&canvas, still.get_untracked().as_ref());
        crate::perf::measure("chart.paint", || {
            if let Some(mut painter) = Painter::new(&canvas, geometry.size) {
                paint::paint_frame(&mut painter, &geometry, &model, &theme, threshold_style);
                if let Some(first) = frames.next() {
                    paint::paint_series(&mut painter, &geometry, &model, first);
                }
                mark_painted(&canvas, frames.len() == 0);
            }
        });
        crate::perf::mark("at.painted-first");
        paint_later(
            canvas,
            still.get_untracked(),
            geometry,
            model,
            frames.collect(),
            generation,
            paint_generation,
        );
    });
    let pointer = RwSignal::new(None::<(f64, f64)>);
    let pinned = RwSignal::new(None::<Hover>);
    let drag_from = RwSignal::new(None::<f64>);
    let keyboard_time = RwSignal::new(None::<i64>);
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
    let position = move |event: &PointerEvent| -> Option<(f64, f64)> {
        let element = plot_box.get_untracked()?;
        let rect = element.get_bounding_client_rect();
        Some((
            f64::from(event.client_x()) - rect.left(),
            f64::from(event.client_y()) - rect.top(),
        ))
    };
    let on_move = move |event: PointerEvent| {
        let Some(point) = position(&event) else {
            return;
        };
        // Only a change notifies: the keyboard readout is a live region for screen readers.
        if keyboard_time.with_untracked(Option::is_some) {
            keyboard_time.set(None);
        }
        pointer.set(Some(point));
        if let Some(geometry) = geometry.get_untracked()
            && geometry.plot.contains(point.0, point.1)
        {
            sync.0.set(Some(CrosshairPosition {
                time_ms: geometry.x.time_from_px(point.0),
                chart_id,
            }));
        }
    };
    let on_leave = move |_: PointerEvent| {
        pointer.set(None);
        drag_from.set(None);
        if sync
            .0
            .get_untracked()
            .is_some_and(|position| position.chart_id == chart_id)
        {
            sync.0.set(None);
        }
    };
    let on_down = move |event: PointerEvent| {
        if event.button() == 0
            && let Some((x, y)) = position(&event)
            && geometry
                .get_untracked()
                .is_some_and(|g| g.plot.contains(x, y))
        {
            drag_from.set(Some(x));
            // Keep receiving the pointer outside the plot, so a drag past its edge still ends.
            if let Some(element) = plot_box.get_untracked() {
                let _ = element.set_pointer_capture(event.pointer_id());
            }
        }
    };
    let on_up = move |event: PointerEvent| {
        let Some(from) = drag_from.get_untracked() else {
            return;
        };
        drag_from.set(None);
        let Some((to, _)) = position(&event) else {
            return;
        };
        let Some(geometry) = geometry.get_untracked() else {
            return;
        };
        // A drag that ended beyond the plot zooms to its edge.
        let to = to.clamp(geometry.plot.left, geometry.plot.right());
        if (to - from).abs() >= MIN_DRAG_PX {
            let (start, end) = (
                geometry.x.time_from_px(from.min(to)),
                geometry.x.time_from_px(from.max(to)),
            );
            if let Some(time) = time
                && end > start
            {
                // A new history entry: the browser's Back undoes the zoom.
                time.set_range(TimeRange::Absolute {
                    start_ms: start,
                    end_ms: end,
                });
            }
        } else if model
            .get_untracked()
            .is_some_and(|model| model.tooltip_pinning)
        {
            let current = hover.get_untracked();
            pinned.update(|pinned| *pinned = if pinned.is_some() { None } else { current });
        }
    };
    let on_key = move |event: KeyboardEvent| {
        let Some(geometry) = geometry.get_untracked() else {
            return;
        };
        let step = (geometry.x.end_ms - geometry.x.start_ms) / 100;
        let current = keyboard_time
            .get_untracked()
            .or_else(|| hover.get_untracked().map(|h| h.time_ms));
        let next = match event.key().as_str() {
            "ArrowRight" => {
                Some(current.map_or(geometry.x.start_ms, |t| (t + step).min(geometry.x.end_ms)))
            }
            "ArrowLeft" => {
                Some(current.map_or(geometry.x.end_ms, |t| (t - step).max(geometry.x.start_ms)))
            }
            "Escape" => {
                pinned.set(None);
                None
            }
            _ => return,
        };
        event.prevent_default();
        keyboard_time.set(next);
        if let Some(time_ms) = next {
            sync.0.set(Some(CrosshairPosition { time_ms, chart_id }));
        }
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
                on:pointermove=on_move
                on:pointerleave=on_leave
                on:pointerdown=on_down
                on:pointerup=on_up
                on:keydown=on_key
                on:blur=move |_| keyboard_time.set(None)
            >
                <canvas class="obs-ts__canvas" node_ref=base aria-hidden="true"></canvas>
                <canvas class="obs-ts__still-overlay" node_ref=still aria-hidden="true" style="display:none"></canvas>
                {move || cursor_made.get().then(|| view! {
                    <Cursor
                        geometry=geometry
                        theme=theme
                        synced_time_ms=Memo::new(move |_| synced_time())
                        // A memo that reads the pointer only during a drag: otherwise a pointer
                        // move neither runs it nor checks what reads it.
                        selection=Memo::new(move |_| {
                            let from = drag_from.get()?;
                            pointer.get().map(|(x, _)| (from, x))
                        })
                    />
                })}
                {move || hovered.get().then(|| view! {
                    <HoverOverlay
                        hover=hover
                        geometry=geometry
                        theme=theme
                        pinned=Signal::derive(move || pinned.get().is_some())
                        timezone=Signal::derive(move || timezone.and_then(|zone| zone.get()))
                    />
                })}
            </div>
            <Legend model=model hidden=hidden/>
        </div>
    }
}

/// The offset of the shown time zone from UTC at `time_ms`, in minutes east.
use super::utc_offset_minutes;

/// Paints the remaining frames of series, one per animation frame, while `generation` is
/// still the latest paint; then shows the plot as a still picture.
fn paint_later(
    canvas: web_sys::HtmlCanvasElement,
    still: Option<web_sys::HtmlCanvasElement>,
    geometry: Shared<Geometry>,
    model: Shared<TimeSeriesModel>,
    mut frames: Vec<std::ops::Range<usize>>,
    generation: u64,
    latest: StoredValue<u64>,
) {
    if frames.is_empty() {
        snapshot::show(canvas, still, move || {
            latest.try_get_value() == Some(generation)
        });
        return;
    }
    let next = frames.remove(0);
    request_animation_frame(move || {
        if latest.try_get_value() != Some(generation) {
            return;
        }
        crate::perf::measure("chart.paint", || {
            if let Some(mut painter) = Painter::resume(&canvas, geometry.size) {
                paint::paint_series(&mut painter, &geometry, &model, next);
            }
            mark_painted(&canvas, frames.is_empty());
        });
        paint_later(canvas, still, geometry, model, frames, generation, latest);
    });
}
