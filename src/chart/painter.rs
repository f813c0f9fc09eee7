//! Drawing on a canvas through plotters' `CanvasBackend`, in CSS pixels scaled to the device
//! pixel ratio so charts are crisp on HiDPI screens.
//!
//! Around plotters: colours given as any CSS colour are parsed by the canvas itself (and
//! cached); line dashes are set on the same context plotters draws with; text is drawn and
//! measured with the context directly, with measurements cached, because plotters measures
//! text by inserting a DOM element per label, which forces a layout each time.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::prelude::{DrawingBackend, RGBAColor, ShapeStyle};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    static COLORS: RefCell<HashMap<String, RGBAColor>> = RefCell::new(HashMap::new());
}

pub use obs_core::chart::frame::{Align, CanvasSize};
use obs_core::chart::palette::parse_canvas_style;
pub use text::Font;

mod text;

/// Draws on one canvas.
pub struct Painter {
    backend: CanvasBackend,
    context: CanvasRenderingContext2d,
    ratio: f64,
    /// The font this painter last set on the context, so that it is set only when it
    /// changes: setting `font` makes the canvas parse the CSS font and resolve it, and a
    /// chart draws dozens of labels in one font (on NodeExporter's 114 panels, the `font`
    /// setter alone took 144 ms of the main thread in a profile, more than any other call).
    /// What is left, once per canvas (the benchmark's `canvas.font`: 124 times, 75–95 ms on
    /// NodeExporter, with a plain `sans-serif` as well), is mostly the style of the panels
    /// mounted since the last frame, which the setter computes before the frame would: the
    /// same setter on a page whose style is up to date takes 0.02 ms.
    /// Only this painter sets it (plotters draws no text here); `restore()` takes it back to
    /// what it was at `save()`, so [`Painter::unclip`] forgets it.
    font: RefCell<Option<String>>,
}

impl Painter {
    /// Sizes the canvas for `size` (clearing it) and returns a painter for it.
    pub fn new(canvas: &HtmlCanvasElement, size: CanvasSize) -> Option<Self> {
        let width_px = (size.width_css * size.ratio).round().max(1.0) as u32;
        let height_px = (size.height_css * size.ratio).round().max(1.0) as u32;
        let resized = canvas.width() != width_px || canvas.height() != height_px;
        if resized {
            canvas.set_width(width_px);
            canvas.set_height(height_px);
        }
        let context = context_of(canvas)?;
        // Sizing a canvas clears it already (and a chart shown as a still picture is sized
        // again at every paint, `snapshot`).
        if !resized {
            context.clear_rect(0.0, 0.0, f64::from(width_px), f64::from(height_px));
        }
        Self::on(canvas, context, size.ratio)
    }

    /// A painter that draws over what the canvas already shows (it must have been sized by
    /// [`Painter::new`]): for painting a chart in several frames.
    pub fn resume(canvas: &HtmlCanvasElement, size: CanvasSize) -> Option<Self> {
        let context = context_of(canvas)?;
        Self::on(canvas, context, size.ratio)
    }

    fn on(
        canvas: &HtmlCanvasElement,
        context: CanvasRenderingContext2d,
        ratio: f64,
    ) -> Option<Self> {
        // Round joins: a jagged series' sharp turns make miter joins long spikes, slow to
        // rasterise and wrong to look at.
        context.set_line_join("round");
        let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Self {
            backend,
            context,
            ratio,
            font: RefCell::default(),
        })
    }

    /// A CSS colour as RGBA, parsed by the canvas (so every CSS syntax works) and cached.
    pub fn color(&self, css: &str, opacity: f64) -> RGBAColor {
        let base = COLORS.with(|cache| {
            if let Some(color) = cache.borrow().get(css) {
                return *color;
            }
            // An invalid colour leaves the previous style in place: start from a known one.
            self.context.set_fill_style_str("#000000");
            self.context.set_fill_style_str(css);
            let style = self.context.fill_style().as_string().unwrap_or_default();
            let ([r, g, b], opacity) = parse_canvas_style(&style);
            let parsed = RGBAColor(r, g, b, opacity);
            cache.borrow_mut().insert(css.to_owned(), parsed);
            parsed
        });
        RGBAColor(base.0, base.1, base.2, base.3 * opacity.clamp(0.0, 1.0))
    }

    /// A polyline through `points` (CSS pixels). `dash` is in CSS pixels; empty is solid.
    pub fn line(&mut self, points: &[(f64, f64)], color: RGBAColor, width_css: f64, dash: &[f64]) {
        if points.len() < 2 {
            return;
        }
        self.set_dash(dash);
        let stroke_width = self.stroke(width_css);
        let style = ShapeStyle {
            color,
            filled: false,
            stroke_width,
        };
        let ratio = self.ratio;
        let path = points.iter().map(|(x, y)| device(*x, *y, ratio));
        // plotters takes whole device pixels, and a stroke of odd width centred on a pixel
        // edge smears over two pixels; half a pixel over it covers whole pixels: crisp axes
        // and grid lines at every pixel ratio.
        let odd = stroke_width % 2 == 1;
        if odd {
            self.context.save();
            let _ = self.context.translate(0.5, 0.5);
        }
        let _ = self.backend.draw_path(path, &style);
        if odd {
            self.context.restore();
        }
        self.set_dash(&[]);
    }

    /// A filled polygon (CSS pixels).
    pub fn polygon(&mut self, points: &[(f64, f64)], color: RGBAColor) {
        if points.len() < 3 {
            return;
        }
        let style = ShapeStyle {
            color,
            filled: true,
            stroke_width: 0,
        };
        let ratio = self.ratio;
        let _ = self
            .backend
            .fill_polygon(points.iter().map(|(x, y)| device(*x, *y, ratio)), &style);
    }

    /// A filled rectangle from its top-left corner and size (CSS pixels).
    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, color: RGBAColor) {
        let style = ShapeStyle {
            color,
            filled: true,
            stroke_width: 0,
        };
        let _ = self.backend.draw_rect(
            device(x, y, self.ratio),
            device(x + width, y + height, self.ratio),
            &style,
            true,
        );
    }

    /// A filled ring segment around (cx, cy) between two radii, from `from_deg` to `to_deg`
    /// (degrees counter-clockwise from three o'clock, as in mathematics), as a polygon fine
    /// enough to look round.
    #[allow(clippy::too_many_arguments)] // A ring segment is seven numbers and a colour.
    pub fn ring(
        &mut self,
        cx: f64,
        cy: f64,
        inner_radius: f64,
        outer_radius: f64,
        from_deg: f64,
        to_deg: f64,
        color: RGBAColor,
    ) {
        let steps = (((to_deg - from_deg).abs() / 2.0).ceil() as usize).max(2);
        let point = |radius: f64, index: usize| {
            let angle = (from_deg + (to_deg - from_deg) * index as f64 / steps as f64).to_radians();
            (
                cx + radius * obs_core::math::cos(angle),
                cy - radius * obs_core::math::sin(angle),
            )
        };
        let mut points: Vec<(f64, f64)> = (0..=steps).map(|i| point(outer_radius, i)).collect();
        points.extend((0..=steps).rev().map(|i| point(inner_radius, i)));
        self.polygon(&points, color);
    }

    /// A filled circle (CSS pixels).
    pub fn circle(&mut self, x: f64, y: f64, radius_css: f64, color: RGBAColor) {
        let style = ShapeStyle {
            color,
            filled: true,
            stroke_width: 0,
        };
        let radius = (radius_css * self.ratio).round().max(1.0) as u32;
        let _ = self
            .backend
            .draw_circle(device(x, y, self.ratio), radius, &style, true);
    }

    /// Device pixels per CSS pixel.
    pub fn ratio(&self) -> f64 {
        self.ratio
    }

    /// A rectangle (CSS pixels) filled with a vertical gradient through `stops` (offset 0 at
    /// the top, 1 at the bottom; CSS colours), in one canvas call.
    pub fn gradient_rect(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        stops: &[(f64, String)],
    ) {
        let ratio = self.ratio;
        let gradient =
            self.context
                .create_linear_gradient(0.0, y * ratio, 0.0, (y + height) * ratio);
        for (offset, color) in stops {
            let _ = gradient.add_color_stop(*offset as f32, color);
        }
        self.context.set_fill_style_canvas_gradient(&gradient);
        self.context
            .fill_rect(x * ratio, y * ratio, width * ratio, height * ratio);
    }

    /// The canvas's context, for what only one chart kind draws (kept with that chart, which
    /// may be in a chunk of its own).
    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.context
    }

    /// Limits drawing to a rectangle (CSS pixels) until [`Painter::unclip`].
    pub fn clip(&mut self, x: f64, y: f64, width: f64, height: f64) {
        self.context.save();
        self.context.begin_path();
        self.context.rect(
            x * self.ratio,
            y * self.ratio,
            width * self.ratio,
            height * self.ratio,
        );
        self.context.clip();
    }

    pub fn unclip(&mut self) {
        self.context.restore();
        // The font is back to what it was at `clip`, which this painter may not know.
        *self.font.borrow_mut() = None;
    }

    fn set_dash(&self, dash_css: &[f64]) {
        let dash = js_sys::Array::new();
        for length in dash_css {
            dash.push(&(length * self.ratio).into());
        }
        let _ = self.context.set_line_dash(&dash);
    }

    fn stroke(&self, width_css: f64) -> u32 {
        (width_css * self.ratio).round().max(1.0) as u32
    }
}

/// The canvas's 2D context. The first call creates it with `willReadFrequently`, which keeps
/// it in software and rasterises each drawing as it is made: Chromium otherwise records the
/// calls and replays them when it composes the next frame, and replaying a long polyline
/// costs several times drawing it, all in one frame. Later calls return the same context.
pub fn context_of(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()
}

fn device(x: f64, y: f64, ratio: f64) -> (i32, i32) {
    ((x * ratio).round() as i32, (y * ratio).round() as i32)
}

/// Records on the canvas whether its picture is complete (`data-painted="complete"`) or still
/// being painted over several frames (`"partial"`): tests and the benchmark wait for it.
pub fn mark_painted(canvas: &HtmlCanvasElement, complete: bool) {
    let _ = canvas.set_attribute(
        "data-painted",
        if complete { "complete" } else { "partial" },
    );
}
