//! The heat map: cells coloured by count over time and bucket, quantile lines and an SLO line
//! over them, a colour scale at the right. The geometry is the core's `layout`; painting keeps
//! the last one so the tooltip's hit test reads exactly what was painted. A hover shows a DOM
//! tooltip and never repaints the cells.

use leptos::prelude::*;
use obs_core::chart::heatmap::{HeatmapLayout, Raster, heat_color, layout, raster};
use obs_core::panels::heatmap::HeatmapModel;
use wasm_bindgen::JsCast;

use super::Shared;
use super::axes::{Side, label_font, paint_labels};
use super::canvas::LaidOutChart;
use super::painter::{Align, CanvasSize, Font, Painter, context_of};
use super::theme::ChartTheme;
use super::{hover_time_text, utc_offset_minutes};

/// How the n-th quantile line is dashed (CSS pixels), so lines differ by more than colour;
/// the legend shows the same patterns.
pub fn quantile_dash(index: usize) -> &'static [f64] {
    match index % 3 {
        0 => &[],
        1 => &[6.0, 3.0],
        _ => &[2.0, 2.0],
    }
}

/// A heat map of `model`.
#[component]
pub fn HeatmapChart(
    model: Memo<Shared<HeatmapModel>>,
    #[prop(into)] label: Signal<String>,
    /// The time zone to label times in (`None`: the browser's).
    timezone: Signal<Option<String>>,
) -> impl IntoView {
    let lay_out = move |painter: &Painter, size: CanvasSize, theme: &ChartTheme| {
        let model = model.get();
        let font = label_font(theme);
        let offset = utc_offset_minutes(model.range.start_ms, timezone.get().as_deref());
        let measure = |text: &str| painter.text_width(text, &font);
        let geometry = crate::perf::measure("heatmap.layout", || {
            layout(&model, size.width_css, size.height_css, offset, &measure)
        });
        (model, geometry)
    };
    let paint = |painter: &mut Painter,
                 (model, geometry): &(Shared<HeatmapModel>, HeatmapLayout),
                 theme: &ChartTheme| {
        let font = label_font(theme);
        crate::perf::measure("heatmap.cells", || {
            paint_cells(painter, model, geometry, theme)
        });
        crate::perf::measure("heatmap.lines", || {
            paint_lines(painter, model, geometry, theme)
        });
        paint_axes(painter, geometry, theme);
        crate::perf::measure("heatmap.color-bar", || {
            paint_color_bar(painter, geometry, &font, theme);
        });
    };
    let hit = move |(model, geometry): &(Shared<HeatmapModel>, HeatmapLayout), x: f64, y: f64| {
        let cell = geometry.hit(x, y)?;
        let (time_ms, range, count) = model.describe_cell(cell.time, cell.bucket)?;
        let zone = timezone.get_untracked();
        Some(vec![
            hover_time_text(time_ms, zone.as_deref()),
            range,
            format!("Count: {count}"),
        ])
    };
    view! { <LaidOutChart lay_out=lay_out paint=paint hit=hit label=label/> }
}

/// The cells as one image: a canvas call per cell would cost tens of milliseconds.
fn paint_cells(
    painter: &mut Painter,
    model: &HeatmapModel,
    geometry: &HeatmapLayout,
    theme: &ChartTheme,
) {
    let image = crate::perf::measure("heatmap.raster", || {
        raster(model, geometry, painter.ratio(), &theme.background)
    });
    if let Some(image) = image {
        crate::perf::measure("heatmap.put", || {
            draw_raster(painter, &image);
        });
    }
}

/// Draws the cells' image: it is put on a canvas of its own, then each of its rows is
/// stretched over its band, unsmoothed so that bands keep their edges and colours.
fn draw_raster(painter: &Painter, raster: &Raster) {
    let Ok(rows) = u32::try_from(raster.bands.len()) else {
        return;
    };
    let Some((strip, strip_context)) = strip_canvas(raster.width_px, rows) else {
        return;
    };
    let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(&raster.rgba),
        raster.width_px,
        rows,
    ) else {
        return;
    };
    let _ = strip_context.put_image_data(&image, 0.0, 0.0);
    // Smoothing is on by default and nothing else here turns it off: it is turned back on after.
    let context = painter.context();
    context.set_image_smoothing_enabled(false);
    let (left, width) = (f64::from(raster.left_px), f64::from(raster.width_px));
    for (row, band) in raster.bands.iter().enumerate() {
        let _ = context
            .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &strip,
                0.0,
                row as f64,
                width,
                1.0,
                left,
                f64::from(band.top_px),
                width,
                f64::from(band.height_px),
            );
    }
    context.set_image_smoothing_enabled(true);
}

/// A canvas of its own, off the page, for an image to be drawn from.
fn strip_canvas(
    width_px: u32,
    height_px: u32,
) -> Option<(
    web_sys::HtmlCanvasElement,
    web_sys::CanvasRenderingContext2d,
)> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width_px);
    canvas.set_height(height_px);
    let context = context_of(&canvas)?;
    Some((canvas, context))
}

fn paint_lines(
    painter: &mut Painter,
    model: &HeatmapModel,
    geometry: &HeatmapLayout,
    theme: &ChartTheme,
) {
    let plot = geometry.plot;
    painter.clip(
        plot.left,
        plot.top,
        plot.right - plot.left,
        plot.bottom - plot.top,
    );
    let halo = painter.color(&theme.background, 0.85);
    let ink = painter.color(&theme.text, 1.0);
    for (index, line) in model.quantiles.iter().enumerate() {
        // A quantile is drawn at the middle of its column; NaN breaks the line.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (value, (left, right)) in line.values.iter().zip(&geometry.columns) {
            if value.is_finite() && value >= &geometry.y.min_value {
                let clamped = value.min(geometry.y.max_value);
                run.push(((left + right) / 2.0, geometry.y.px_from_value(clamped)));
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        runs.push(run);
        let dash = quantile_dash(index);
        for run in &runs {
            painter.line(run, halo, 4.0, &[]);
            painter.line(run, ink, 1.5, dash);
        }
    }
    if let Some(slo) = &model.slo
        && slo.bound >= geometry.y.min_value
        && slo.bound <= geometry.y.max_value
    {
        let y = geometry.y.px_from_value(slo.bound);
        let danger = painter.color(&theme.danger, 1.0);
        painter.line(&[(plot.left, y), (plot.right, y)], halo, 4.0, &[]);
        painter.line(&[(plot.left, y), (plot.right, y)], danger, 1.5, &[8.0, 4.0]);
    }
    painter.unclip();
}

fn paint_axes(painter: &mut Painter, geometry: &HeatmapLayout, theme: &ChartTheme) {
    let plot = geometry.plot;
    paint_labels(painter, &geometry.y_ticks, Side::Left, &plot, theme);
    paint_labels(painter, &geometry.x_ticks, Side::Bottom, &plot, theme);
    let grid = painter.color(&theme.grid, 1.0);
    painter.line(
        &[(plot.left, plot.bottom), (plot.right, plot.bottom)],
        grid,
        1.0,
        &[],
    );
}

fn paint_color_bar(
    painter: &mut Painter,
    geometry: &HeatmapLayout,
    font: &Font,
    theme: &ChartTheme,
) {
    let Some((bar, high, low)) = &geometry.color_bar else {
        return;
    };
    // Eleven stops of the scale, top (most) to bottom (fewest).
    let stops: Vec<(f64, String)> = (0..=10)
        .map(|step| {
            let offset = f64::from(step) / 10.0;
            let [r, g, b] = heat_color(1.0 - offset, &theme.background);
            (offset, format!("rgb({r},{g},{b})"))
        })
        .collect();
    painter.gradient_rect(
        bar.left,
        bar.top,
        bar.right - bar.left,
        bar.bottom - bar.top,
        &stops,
    );
    let text_x = bar.right + 4.0;
    painter.text(
        high,
        text_x,
        bar.top + 5.0,
        Align::Left,
        font,
        &theme.text_subtle,
    );
    painter.text(
        low,
        text_x,
        bar.bottom - 5.0,
        Align::Left,
        font,
        &theme.text_subtle,
    );
}
