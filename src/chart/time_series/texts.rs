//! The texts of a time series chart written by one effect instead of a binding each: its
//! layout's class, the plot's accessible name and the keyboard's readout.

/// What the chart's one text effect writes; the default is the chart as made.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTexts {
    pub class: &'static str,
    pub name: String,
    pub readout: String,
}

impl ChartTexts {
    /// The layout's class as the chart is made.
    pub const MADE_CLASS: &'static str = "obs-ts";

    /// Writes what differs from `shown` (a live region announces every change).
    pub fn write(
        &self,
        shown: &Self,
        layout: &web_sys::HtmlElement,
        plot: &web_sys::HtmlElement,
        live_region: &web_sys::HtmlElement,
    ) {
        if self.class != shown.class {
            layout.set_class_name(self.class);
        }
        if self.name != shown.name {
            let _ = plot.set_attribute("aria-label", &self.name);
        }
        if self.readout != shown.readout {
            live_region.set_text_content(Some(&self.readout));
        }
    }
}

impl Default for ChartTexts {
    fn default() -> Self {
        Self {
            class: Self::MADE_CLASS,
            name: String::new(),
            readout: String::new(),
        }
    }
}
