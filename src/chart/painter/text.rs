//! Text on the canvas: drawn and measured with the context directly, its font set only when it
//! changes and its widths cached (see the module above for why).

use std::cell::RefCell;
use std::collections::HashMap;

use super::{Align, Painter};

thread_local! {
    static TEXT_WIDTHS: RefCell<HashMap<(String, String), f64>> = RefCell::new(HashMap::new());
}

/// A font for canvas text.
#[derive(Debug, Clone, PartialEq)]
pub struct Font {
    pub size_css: f64,
    pub bold: bool,
    pub family: String,
}

impl Font {
    /// The CSS `font` shorthand at `scale` times the size.
    fn css(&self, scale: f64) -> String {
        let weight = if self.bold { "600 " } else { "" };
        format!("{weight}{}px {}", self.size_css * scale, self.family)
    }
}

impl Painter {
    /// Text at (x, y) in CSS pixels, `y` being the middle of the text.
    pub fn text(&mut self, text: &str, x: f64, y: f64, align: Align, font: &Font, color: &str) {
        self.use_font(&font.css(self.ratio));
        self.context.set_fill_style_str(color);
        self.context.set_text_baseline("middle");
        self.context.set_text_align(match align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        });
        let _ = self.context.fill_text(text, x * self.ratio, y * self.ratio);
    }

    /// Sets the context's font to `css` unless this painter already did.
    fn use_font(&self, css: &str) {
        let mut font = self.font.borrow_mut();
        if font.as_deref() != Some(css) {
            crate::perf::measure("canvas.font", || self.context.set_font(css));
            *font = Some(css.to_owned());
        }
    }

    /// The width of `text` in CSS pixels, measured once per font and text.
    pub fn text_width(&self, text: &str, font: &Font) -> f64 {
        let css = font.css(1.0);
        let key = (css.clone(), text.to_owned());
        if let Some(width) = TEXT_WIDTHS.with(|cache| cache.borrow().get(&key).copied()) {
            return width;
        }
        self.use_font(&css);
        let width = self
            .context
            .measure_text(text)
            .map(|metrics| metrics.width())
            .unwrap_or(0.0);
        TEXT_WIDTHS.with(|cache| {
            let mut cache = cache.borrow_mut();
            // Labels repeat across redraws; a bound keeps a long session's memory flat.
            if cache.len() > 20_000 {
                cache.clear();
            }
            cache.insert(key, width);
        });
        width
    }
}
