//! A chart on one canvas: sized to its box and the pixel ratio, repainted when what the
//! painting reads changes (data, size, theme), with a tooltip for what is under the pointer.
//! Laid-out charts (bar, pie, status history, heat map, histogram) sit on top of it.

use leptos::ev::PointerEvent;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use obs_core::chart::tooltip::{tooltip_place, vertical_place};

use super::painter::{CanvasSize, Painter};
use super::surface::use_painted_canvas;
use super::theme::{ChartTheme, use_chart_theme};

/// The tooltip at its widest, as the style sheet caps it (`.obs-tooltip`: 18rem at the
/// browser's default 16px).
const WIDEST_PX: f64 = 288.0;

/// Paints a chart in a box of a size with a theme.
type PaintFn = Box<dyn Fn(&mut Painter, CanvasSize, &ChartTheme) + Send + Sync>;
/// Names what lies at a point (CSS pixels in the box) as the lines of a tooltip.
type HitFn = Box<dyn Fn(f64, f64, CanvasSize) -> Option<Vec<String>> + Send + Sync>;

/// A chart drawn by `paint`; `hit` names what lies at a point. The functions are boxed so
/// every chart kind shares one copy of this component's code.
#[component]
fn CanvasChart(
    paint: PaintFn,
    hit: HitFn,
    /// The chart's accessible name and summary.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let theme = use_chart_theme();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_painted_canvas(container, canvas, move |painter, size| {
        paint(painter, size, &theme.get());
    });
    let pointer = RwSignal::new(None::<(f64, f64)>);
    let on_move = move |event: PointerEvent| {
        let Some(element) = container.get_untracked() else {
            return;
        };
        let rect = element.get_bounding_client_rect();
        pointer.set(Some((
            f64::from(event.client_x()) - rect.left(),
            f64::from(event.client_y()) - rect.top(),
        )));
    };
    let tooltip = move || {
        let (x, y) = pointer.get()?;
        let size = size.get()?;
        let lines = hit(x, y, size)?;
        // On the side of the pointer where it fits, no wider than the room there: the panel's
        // body scrolls, so it would cut off what reached past the chart.
        let place = tooltip_place(x, (0.0, size.width_css), size.width_css, WIDEST_PX);
        let side = if place.left_of_pointer {
            format!("right:{}px", size.width_css - place.anchor_px)
        } else {
            format!("left:{}px", place.anchor_px)
        };
        let room = if place.room_px < WIDEST_PX {
            format!(";max-width:{}px;white-space:normal", place.room_px.floor())
        } else {
            String::new()
        };
        // Above the pointer near the chart's bottom, for the same reason.
        let vertical = vertical_place(y, size.height_css);
        let edge = if vertical.above_pointer {
            // `top: auto` over the shared tooltip style's own `top`.
            format!("top:auto;bottom:{}px", size.height_css - vertical.anchor_px)
        } else {
            format!("top:{}px", vertical.anchor_px)
        };
        let style = format!("{side};{edge}{room}");
        Some(view! {
            <div class="obs-tooltip obs-canvas-chart__tooltip" style=style>
                {lines.into_iter().map(|line| view! { <div>{line}</div> }).collect_view()}
            </div>
        })
    };
    view! {
        <div
            class="obs-canvas-chart"
            node_ref=container
            role="img"
            aria-label=move || label.get()
            on:pointermove=on_move
            on:pointerleave=move |_| pointer.set(None)
        >
            <canvas node_ref=canvas aria-hidden="true"></canvas>
            {tooltip}
        </div>
    }
}

/// A chart laid out once per paint: `lay_out` measures its labels and computes its geometry
/// (the core's pure `layout`), `paint` draws that geometry, and `hit` reads the same one, so
/// what the tooltip names is exactly what was painted.
#[component]
pub fn LaidOutChart<L, F, P, H>(
    lay_out: F,
    paint: P,
    hit: H,
    /// The chart's accessible name and summary.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView
where
    L: Send + Sync + 'static,
    F: Fn(&Painter, CanvasSize, &ChartTheme) -> L + Send + Sync + 'static,
    P: Fn(&mut Painter, &L, &ChartTheme) + Send + Sync + 'static,
    H: Fn(&L, f64, f64) -> Option<Vec<String>> + Send + Sync + 'static,
{
    let painted = StoredValue::new(None::<std::sync::Arc<L>>);
    let paint_laid_out: PaintFn = Box::new(move |painter, size, theme| {
        let geometry = lay_out(painter, size, theme);
        paint(painter, &geometry, theme);
        painted.set_value(Some(std::sync::Arc::new(geometry)));
    });
    let hit_painted: HitFn = Box::new(move |x, y, _size| {
        let geometry = painted.get_value()?;
        hit(&geometry, x, y)
    });
    view! { <CanvasChart paint=paint_laid_out hit=hit_painted label=label/> }
}
