//! A keyboard walk through the LLM dashboard, reading what a screen reader announces from the
//! accessibility tree after each real key press.

use fantoccini::key::Key;
use serde_json::{Value, json};

use super::LLM;
use obs_e2e::{Focused, Tab};

/// How far the Tab walk goes: the pickers and the first rows of panels.
const MAX_TAB_STOPS: usize = 80;

/// The panel whose menu and full-size view are walked.
const PANEL: &str = "End-to-end latency";

pub async fn walk(tab: &Tab) -> Result<(), String> {
    tab.open(LLM).await?;
    tab.wait_for_panel_data(PANEL).await?;
    the_tab_order_announces_every_picker_with_its_value(tab).await?;
    a_picker_works_by_keyboard(tab).await?;
    a_searchable_picker_works_by_keyboard(tab).await?;
    the_panel_menu_works_by_keyboard(tab).await?;
    the_full_size_view_keeps_focus(tab).await?;
    an_about_tooltip_yields_to_escape(tab).await?;
    a_row_opens_and_closes_by_keyboard(tab).await
}

/// From the top of the page, Tab reaches every picker in the order they are shown, and each
/// is announced with its label and the value it shows, collapsed; every stop has a name.
async fn the_tab_order_announces_every_picker_with_its_value(tab: &Tab) -> Result<(), String> {
    let pickers = tab
        .eval(
            "return [...document.querySelectorAll('.obs-select')].map((root) => ({\
               label: root.querySelector('.obs-select__label').textContent.trim(),\
               value: root.querySelector('.obs-select__value').textContent.trim(),\
               disabled: root.querySelector('.obs-select__toggle').disabled}))\
               .filter((picker) => !picker.disabled)",
            Vec::new(),
        )
        .await?;
    let pickers: Vec<(String, String)> = pickers
        .as_array()
        .into_iter()
        .flatten()
        .map(|picker| {
            (
                picker["label"].as_str().unwrap_or_default().to_owned(),
                picker["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    if pickers.len() < 4 {
        return Err(format!("too few pickers on the LLM dashboard: {pickers:?}"));
    }
    tab.eval(
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)",
        Vec::new(),
    )
    .await?;
    let mut stops: Vec<Focused> = Vec::new();
    let mut next = 0;
    // On through the panels after the pickers: every stop (menus, About buttons, legends,
    // tables and boxes that scroll) must say what it is.
    while stops.len() < MAX_TAB_STOPS {
        tab.press(Key::Tab, false).await?;
        let focused = tab.focused().await?;
        // Past the last stop, focus leaves the page (the document's body is active).
        if focused.role == "RootWebArea" || focused.element.starts_with("body") {
            break;
        }
        if focused.name.trim().is_empty() {
            return Err(format!(
                "Tab stop {} has no accessible name: {focused}",
                stops.len() + 1
            ));
        }
        let Some((label, value)) = pickers.get(next) else {
            stops.push(focused);
            continue;
        };
        if focused.name.starts_with(&format!("{label} ")) {
            if focused.name != format!("{label} {value}") || focused.expanded != Some(false) {
                return Err(format!(
                    "the picker {label:?} showing {value:?} is announced as {focused}"
                ));
            }
            next += 1;
        }
        stops.push(focused);
    }
    if next < pickers.len() {
        let seen: Vec<String> = stops.iter().map(ToString::to_string).collect();
        return Err(format!(
            "Tab did not reach the picker {:?} after the ones before it; the stops:\n{}",
            pickers[next].0,
            seen.join("\n")
        ));
    }
    Ok(())
}

/// Time range: Enter opens the list on the chosen option, arrows move, Enter chooses and
/// gives focus back to the picker, which announces the new value; Escape closes and keeps it.
async fn a_picker_works_by_keyboard(tab: &Tab) -> Result<(), String> {
    let label = "Time range";
    focus(tab, &format!("obsSelectToggle({})", json!(label))).await?;
    let before = select_value(tab, label).await?;
    tab.press(Key::Enter, false).await?;
    let first = tab.focused().await?;
    if first.role != "option" || !first.name.starts_with(&before) {
        return Err(format!(
            "Enter on {label} should focus its chosen option {before:?}: {first}"
        ));
    }
    tab.press(Key::Down, false).await?;
    let second = tab.focused().await?;
    if second.role != "option" || second.name == first.name {
        return Err(format!(
            "ArrowDown in {label} did not move to the next option: {second}"
        ));
    }
    tab.press(Key::Enter, false).await?;
    let after = tab.focused().await?;
    let chosen = select_value(tab, label).await?;
    if chosen == before
        || !second.name.starts_with(&chosen)
        || after.name != format!("{label} {chosen}")
        || after.expanded != Some(false)
    {
        return Err(format!(
            "choosing {:?} should close {label} and announce it: {after}",
            second.name
        ));
    }
    tab.press(Key::Enter, false).await?;
    tab.press(Key::Down, false).await?;
    tab.press(Key::Escape, false).await?;
    let escaped = tab.focused().await?;
    if escaped.name != after.name || escaped.expanded != Some(false) {
        return Err(format!("Escape should close {label} unchanged: {escaped}"));
    }
    Ok(())
}

/// Project: Enter opens it with focus in its search field; typing filters, ArrowDown moves
/// into the options, Escape closes with the project unchanged and focus on the picker.
async fn a_searchable_picker_works_by_keyboard(tab: &Tab) -> Result<(), String> {
    let label = "Project";
    focus(tab, &format!("obsSelectToggle({})", json!(label))).await?;
    let before = tab.focused().await?;
    tab.press(Key::Enter, false).await?;
    let search = tab.focused().await?;
    if search.role != "searchbox" || search.name != format!("Search {label}") {
        return Err(format!(
            "Enter on {label} should focus its search field: {search}"
        ));
    }
    tab.type_text("fraud").await?;
    tab.press(Key::Down, false).await?;
    let option = tab.focused().await?;
    if option.role != "option" || !option.name.starts_with("Fraud detection") {
        return Err(format!(
            "the search for \"fraud\" should offer Fraud detection: {option}"
        ));
    }
    tab.press(Key::Escape, false).await?;
    let escaped = tab.focused().await?;
    if escaped.name != before.name || escaped.expanded != Some(false) {
        return Err(format!("Escape should close {label} unchanged: {escaped}"));
    }
    Ok(())
}

/// The ⋮ button: Enter opens the menu on its first action, arrows move among the actions,
/// Escape closes it and gives focus back to the button.
async fn the_panel_menu_works_by_keyboard(tab: &Tab) -> Result<(), String> {
    let (button, first) = open_panel_menu(tab).await?;
    tab.press(Key::Down, false).await?;
    let second = tab.focused().await?;
    if !second.element.contains("obs-panel-menu__action") || second.name == first.name {
        return Err(format!(
            "ArrowDown should move to the next action: {second}"
        ));
    }
    tab.press(Key::Escape, false).await?;
    let back = tab.focused().await?;
    if back.name != button.name || back.expanded != Some(false) {
        return Err(format!(
            "Escape should close the menu and focus its button: {back}"
        ));
    }
    Ok(())
}

/// "View full size" by keyboard: focus moves into a named modal dialog, Tab and Shift+Tab
/// stay inside it, Escape closes it and focus returns to the menu's button.
async fn the_full_size_view_keeps_focus(tab: &Tab) -> Result<(), String> {
    let (button, mut action) = open_panel_menu(tab).await?;
    for _ in 0..10 {
        if action.name == "View full size" {
            break;
        }
        tab.press(Key::Down, false).await?;
        action = tab.focused().await?;
    }
    if action.name != "View full size" {
        return Err(format!("arrows never reached \"View full size\": {action}"));
    }
    tab.press(Key::Enter, false).await?;
    // The full-size view covers the viewport and is on top of the page, not held in its grid
    // cell (whose containment would otherwise be what it is fixed to).
    let covers = "const dialog = document.querySelector('[role=dialog][aria-modal=true]');\
        if (!dialog) return false; const box = dialog.getBoundingClientRect();\
        const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);\
        return box.width > innerWidth * 0.8 && box.height > innerHeight * 0.8 && !!hit && dialog.contains(hit)";
    if !tab.eval_bool(covers).await? {
        return Err("the full-size view does not cover the page".to_owned());
    }
    let inside = "const dialog = document.activeElement.closest('[role=dialog][aria-modal=true]');\
        return dialog ? (dialog.getAttribute('aria-label') || dialog.getAttribute('aria-labelledby') || '?') : null";
    for (step, shift) in [false; 6].into_iter().chain([true; 6]).enumerate() {
        if step > 0 {
            tab.press(Key::Tab, shift).await?;
        }
        let dialog = tab.eval(inside, Vec::new()).await?;
        if dialog == Value::Null {
            let focused = tab.focused().await?;
            return Err(format!(
                "focus left the full-size dialog after {step} Tab presses: {focused}"
            ));
        }
        if dialog == "?" {
            return Err("the full-size dialog has no accessible name".to_owned());
        }
    }
    tab.press(Key::Escape, false).await?;
    let back = tab.focused().await?;
    let open = tab
        .eval_bool("return !!document.querySelector('[role=dialog][aria-modal=true]')")
        .await?;
    if open || back.name != button.name {
        return Err(format!(
            "Escape should close the full-size view and focus the menu's button: {back}"
        ));
    }
    Ok(())
}

/// A panel's "About" button shows its description while focused; Escape hides it.
async fn an_about_tooltip_yields_to_escape(tab: &Tab) -> Result<(), String> {
    let button = "document.querySelector('.obs-panel__info')";
    focus(tab, button).await?;
    let about = tab.focused().await?;
    if !about.name.starts_with("About ") {
        return Err(format!("the About button: {about}"));
    }
    let shown = format!(
        "const tip = {button}.parentElement.querySelector('[role=tooltip]');\
         return getComputedStyle(tip).visibility !== 'hidden' && getComputedStyle(tip).display !== 'none'"
    );
    if !tab.eval_bool(&shown).await? {
        return Err("focusing an About button does not show its description".to_owned());
    }
    tab.press(Key::Escape, false).await?;
    if tab.eval_bool(&shown).await? {
        return Err("Escape does not hide an About description".to_owned());
    }
    Ok(())
}

/// A row's button: Enter closes the row and Enter opens it again, announced as collapsed
/// and expanded.
async fn a_row_opens_and_closes_by_keyboard(tab: &Tab) -> Result<(), String> {
    focus(
        tab,
        "document.querySelector('button.obs-row-header[aria-expanded=true]')",
    )
    .await?;
    let open = tab.focused().await?;
    tab.press(Key::Enter, false).await?;
    let closed = tab.focused().await?;
    tab.press(Key::Enter, false).await?;
    let reopened = tab.focused().await?;
    if open.expanded != Some(true)
        || closed.expanded != Some(false)
        || reopened.expanded != Some(true)
    {
        return Err(format!("a row by keyboard: {open} → {closed} → {reopened}"));
    }
    Ok(())
}

/// Focuses the panel's ⋮ button and opens its menu with Enter; returns the button and the
/// action focus moved to, after checking both.
async fn open_panel_menu(tab: &Tab) -> Result<(Focused, Focused), String> {
    let toggle = format!(
        "obsPanel({}).querySelector('.obs-panel-menu__toggle')",
        json!(PANEL)
    );
    focus(tab, &toggle).await?;
    let button = tab.focused().await?;
    if button.name != format!("Options of {PANEL}") || button.expanded != Some(false) {
        return Err(format!("the panel menu's button: {button}"));
    }
    tab.press(Key::Enter, false).await?;
    // The actions are a chunk of the release page: the first opening may wait for it (the
    // button's focus started its download), and focus moves once the actions are in.
    tab.wait_until("focus moves into the panel menu", || async {
        tab.eval_bool(
            "return !!document.activeElement \
               && document.activeElement.classList.contains('obs-panel-menu__action')",
        )
        .await
    })
    .await?;
    let first = tab.focused().await?;
    if first.role != "button" || !first.element.contains("obs-panel-menu__action") {
        return Err(format!(
            "Enter should focus the menu's first action: {first}"
        ));
    }
    Ok((button, first))
}

/// Scrolls the element `expression` finds into view and focuses it, as a Tab would.
async fn focus(tab: &Tab, expression: &str) -> Result<(), String> {
    let focused = tab
        .eval(
            &format!(
                "const element = {expression}; if (!element) return false;\
                 element.scrollIntoView({{block: 'center'}}); element.focus();\
                 return document.activeElement === element;"
            ),
            Vec::new(),
        )
        .await?;
    if focused == Value::Bool(true) {
        Ok(())
    } else {
        Err(format!("cannot focus {expression}"))
    }
}

async fn select_value(tab: &Tab, label: &str) -> Result<String, String> {
    let value = tab
        .eval(
            &format!("return obsSelectValue({})", json!(label)),
            Vec::new(),
        )
        .await?;
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no picker {label:?}"))
}
