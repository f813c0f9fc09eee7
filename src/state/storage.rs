//! What the page remembers between visits, under the ODH shell's own keys.

/// The ODH shell's key for the last project used (a JSON string).
const LAST_PROJECT_KEY: &str = "mod-arch.namespace.lastUsed";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The project the user picked last, in this page or elsewhere in the shell.
pub fn last_project() -> Option<String> {
    let raw = storage()?.get_item(LAST_PROJECT_KEY).ok().flatten()?;
    serde_json::from_str::<String>(&raw)
        .ok()
        .or(Some(raw))
        .filter(|name| !name.is_empty())
}

/// This page's own key for the project it last listed once the user's projects listed it.
const OPENED_PROJECT_KEY: &str = "odh-observability.openedProject";

/// The project this page last listed, once the user's projects listed it: one this browser's
/// user could see then.
pub fn opened_project() -> Option<String> {
    storage()?
        .get_item(OPENED_PROJECT_KEY)
        .ok()
        .flatten()
        .filter(|name| !name.is_empty())
}

pub fn remember_opened_project(name: &str) {
    if let Some(storage) = storage() {
        // Storage may be full or disabled: the next visit only waits for the projects.
        let _ = storage.set_item(OPENED_PROJECT_KEY, name);
    }
}

pub fn remember_project(name: &str) {
    if let (Some(storage), Ok(value)) = (storage(), serde_json::to_string(name)) {
        // Storage may be full or disabled; the URL still holds the choice.
        let _ = storage.set_item(LAST_PROJECT_KEY, &value);
    }
}
