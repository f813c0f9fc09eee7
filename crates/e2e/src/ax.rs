//! What a keyboard user does and what a screen reader hears: real key presses through
//! WebDriver's actions, and the focused element as Chromium's accessibility tree exposes it
//! (role, name, value and states), read over the Chrome DevTools Protocol.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::Tab;

/// The focused element as the accessibility tree has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Focused {
    pub role: String,
    pub name: String,
    pub value: String,
    /// `aria-expanded`, when the element has it.
    pub expanded: Option<bool>,
    /// The element's tag and classes, for messages.
    pub element: String,
}

impl std::fmt::Display for Focused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?} ({})", self.role, self.name, self.element)?;
        if !self.value.is_empty() {
            write!(f, " value {:?}", self.value)?;
        }
        if let Some(expanded) = self.expanded {
            write!(f, " expanded={expanded}")?;
        }
        Ok(())
    }
}

impl Tab {
    /// Presses and releases `key`, with Shift held when `shift`.
    pub async fn press(&self, key: Key, shift: bool) -> Result<(), String> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        if shift {
            actions = actions.then(KeyAction::Down {
                value: Key::Shift.into(),
            });
        }
        actions = actions
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        if shift {
            actions = actions.then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        }
        self.browser
            .perform_actions(actions)
            .await
            .map_err(|error| format!("cannot press {key:?}: {error}"))?;
        // Handlers move focus on the next frame (menus, pickers): let them run.
        self.eval_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        )
        .await
        .map(|_| ())
    }

    /// Types `text` into the focused element.
    pub async fn type_text(&self, text: &str) -> Result<(), String> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for character in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: character })
                .then(KeyAction::Up { value: character });
        }
        self.browser
            .perform_actions(actions)
            .await
            .map_err(|error| format!("cannot type {text:?}: {error}"))
    }

    /// The focused element, as a screen reader would announce it.
    pub async fn focused(&self) -> Result<Focused, String> {
        let active = self
            .cdp(
                "Runtime.evaluate",
                json!({"expression": "document.activeElement"}),
            )
            .await?;
        let object_id = active["result"]["objectId"]
            .as_str()
            .ok_or_else(|| format!("no focused element: {active}"))?;
        let element = self
            .cdp(
                "Runtime.callFunctionOn",
                json!({
                    "objectId": object_id,
                    "functionDeclaration": "function () { return this.tagName.toLowerCase() + \
                        (typeof this.className === 'string' && this.className \
                          ? '.' + this.className.trim().split(/\\s+/).join('.') : ''); }",
                    "returnByValue": true,
                }),
            )
            .await?;
        let tree = self
            .cdp(
                "Accessibility.getPartialAXTree",
                json!({"objectId": object_id, "fetchRelatives": false}),
            )
            .await?;
        let node = tree["nodes"]
            .as_array()
            .and_then(|nodes| nodes.first())
            .ok_or_else(|| {
                format!("the focused element is not in the accessibility tree: {tree}")
            })?;
        Ok(focused_from(node, &element["result"]["value"]))
    }
}

fn focused_from(node: &Value, element: &Value) -> Focused {
    let text = |field: &str| {
        node[field]["value"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| node[field]["value"].as_f64().map(|n| n.to_string()))
            .unwrap_or_default()
    };
    let expanded = node["properties"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|property| property["name"] == "expanded")
        .and_then(|property| property["value"]["value"].as_bool());
    Focused {
        role: text("role"),
        name: text("name"),
        value: text("value"),
        expanded,
        element: element.as_str().unwrap_or_default().to_owned(),
    }
}
