//! Colours for canvases. A canvas cannot read CSS variables, so the PatternFly tokens are
//! resolved to concrete colours from the page's computed style, and again whenever the host
//! switches between light and dark.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Resolved colours for drawing, as CSS colour strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartTheme {
    pub text: String,
    pub text_subtle: String,
    pub grid: String,
    pub background: String,
    pub brand: String,
    pub success: String,
    pub warning: String,
    pub danger: String,
    pub font_family: String,
}

impl ChartTheme {
    /// PatternFly 6's light values: used until the page's style can be read.
    pub fn light() -> Self {
        Self {
            text: "#151515".into(),
            text_subtle: "#4d4d4d".into(),
            grid: "#e0e0e0".into(),
            background: "#ffffff".into(),
            brand: "#0066cc".into(),
            success: "#3d7317".into(),
            warning: "#ffcc17".into(),
            danger: "#b1380b".into(),
            font_family: "\"Red Hat Text\", \"RedHatText\", \"Noto Sans\", Arial, sans-serif"
                .into(),
        }
    }

    /// The colour of threshold step `index` when the dashboard gives none, as Perses picks:
    /// yellow, the warning colour, then the danger colour.
    pub fn threshold_color(&self, index: usize) -> String {
        let color = match index {
            0 => "#FFCC00",
            1 => &self.warning,
            _ => &self.danger,
        };
        // Perses' yellow and amber fall to 1.5–2:1 on a white card: the default colours reach
        // 3:1 on the theme's background (WCAG 1.4.11); a dashboard's own step colours stay.
        obs_core::chart::contrast::readable_on(color, &self.background)
    }

    /// The colours of thresholds without their own, for the core's threshold logic.
    pub fn threshold_palette(&self) -> obs_core::thresholds::ThresholdPalette {
        obs_core::thresholds::ThresholdPalette {
            default_color: self.success.clone(),
            steps: (0..3).map(|index| self.threshold_color(index)).collect(),
        }
    }

    /// Reads the `--obs-*` tokens from the computed style of the plugin's root element.
    fn read() -> Option<Self> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let root = document.query_selector(".obs-root").ok()??;
        let style = window.get_computed_style(&root).ok()??;
        let token = |name: &str, fallback: &str| {
            let value = style.get_property_value(name).unwrap_or_default();
            let value = value.trim();
            if value.is_empty() {
                fallback.to_owned()
            } else {
                value.to_owned()
            }
        };
        let light = Self::light();
        Some(Self {
            text: token("--obs-color-text", &light.text),
            text_subtle: token("--obs-color-text-subtle", &light.text_subtle),
            grid: token("--obs-color-border", &light.grid),
            background: token("--obs-color-bg-card", &light.background),
            brand: token("--obs-color-brand", &light.brand),
            success: token("--obs-color-success", &light.success),
            warning: token("--obs-color-warning", &light.warning),
            danger: token("--obs-color-danger", &light.danger),
            font_family: token("--obs-font-body", &light.font_family),
        })
    }
}

/// The chart colours, kept current: provided once for the page.
#[derive(Debug, Clone, Copy)]
pub struct ChartThemeSignal(pub ReadSignal<ChartTheme>);

/// Provides [`ChartThemeSignal`], re-reading the tokens when `<html>`'s class changes (the
/// host's `pf-v6-theme-dark`) or the host announces `odh-theme-change`.
pub fn provide_chart_theme() -> ChartThemeSignal {
    if let Some(existing) = use_context::<ChartThemeSignal>() {
        return existing;
    }
    let (theme, set_theme) = signal(ChartTheme::light());
    let refresh = move || {
        // Read after the style has been recomputed for the new class.
        request_animation_frame(move || {
            if let Some(read) = ChartTheme::read()
                && read != theme.get_untracked()
            {
                set_theme.set(read);
            }
        });
    };
    refresh();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| refresh());
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let (Some(observer), Some(html)) = (
        &observer,
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element()),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"class".into()));
        let _ = observer.observe_with_options(&html, &options);
    }
    let held = SendWrapper::new((observer, callback));
    let listener = window_event_listener_untyped("odh-theme-change", move |_| refresh());
    on_cleanup(move || {
        if let Some(observer) = &held.0 {
            observer.disconnect();
        }
        listener.remove();
    });
    let signal = ChartThemeSignal(theme);
    provide_context(signal);
    signal
}

/// The current chart colours: the page's, or provided here when a component stands alone.
pub fn use_chart_theme() -> ReadSignal<ChartTheme> {
    use_context::<ChartThemeSignal>()
        .unwrap_or_else(provide_chart_theme)
        .0
}
