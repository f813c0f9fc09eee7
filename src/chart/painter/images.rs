//! Whole images in one canvas call each (a gradient, a raster of device pixels), and clipping.

use super::Painter;

impl Painter {
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

    /// Puts an image of device pixels on the canvas as it is (no blending), in one call.
    pub fn put_raster(&mut self, raster: &obs_core::chart::heatmap::Raster) {
        let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            wasm_bindgen::Clamped(&raster.rgba),
            raster.width_px,
            raster.height_px,
        );
        if let Ok(image) = image {
            let _ = self.context.put_image_data(
                &image,
                f64::from(raster.left_px),
                f64::from(raster.top_px),
            );
        }
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
}
