//! Light and dark, as the ODH shell does it: the class `pf-v6-theme-dark` on `<html>`.
//!
//! Inside the shell the host owns the class and the plugin only follows it. Standalone, the
//! page offers a toggle and remembers the choice under the shell's own storage key.

const DARK_CLASS: &str = "pf-v6-theme-dark";
/// The ODH shell's localStorage key for the theme (a JSON string, "light" or "dark").
const STORAGE_KEY: &str = "odh.dashboard.ui.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn toggled(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }
}

/// The theme `<html>` currently shows.
pub fn current() -> Theme {
    let dark = html().is_some_and(|html| html.class_list().contains(DARK_CLASS));
    if dark { Theme::Dark } else { Theme::Light }
}

/// The theme the user chose last time (standalone page), else light.
pub fn stored() -> Theme {
    let stored = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
    match stored.as_deref() {
        Some("\"dark\"") | Some("dark") => Theme::Dark,
        _ => Theme::Light,
    }
}

/// Shows `theme` and remembers it. Only the standalone page calls this; in the shell the host
/// switches themes.
pub fn apply(theme: Theme) {
    if let Some(html) = html() {
        let classes = html.class_list();
        let _ = match theme {
            Theme::Dark => classes.add_1(DARK_CLASS),
            Theme::Light => classes.remove_1(DARK_CLASS),
        };
    }
    let value = match theme {
        Theme::Dark => "\"dark\"",
        Theme::Light => "\"light\"",
    };
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        // Storage can be full or disabled; the theme still applies for this visit.
        let _ = storage.set_item(STORAGE_KEY, value);
    }
}

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}
