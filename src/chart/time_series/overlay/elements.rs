//! The overlay's elements, found once in what its view made.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Text};

use super::TOOLTIP_SERIES;

/// The overlay's elements, found once in what the view made.
pub struct Elements {
    pub line: HtmlElement,
    pub tooltip: HtmlElement,
    pub time: Text,
    pub rows: Vec<RowElements>,
    pub more: HtmlElement,
    pub more_text: Text,
    pub markers: Vec<HtmlElement>,
}

pub struct RowElements {
    pub row: HtmlElement,
    pub swatch: HtmlElement,
    pub name: Text,
    pub value: Text,
}

impl Elements {
    pub fn find(markers: &HtmlElement, tooltip: &HtmlElement) -> Option<Self> {
        let child = |parent: &HtmlElement, index: u32| -> Option<HtmlElement> {
            Some(parent.children().item(index)?.unchecked_into())
        };
        let rows = (0..TOOLTIP_SERIES as u32)
            .map(|index| {
                let row = child(tooltip, index + 1)?;
                Some(RowElements {
                    swatch: child(&row, 0)?,
                    name: text_in(&child(&row, 1)?)?,
                    value: text_in(&child(&row, 2)?)?,
                    row,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let more = child(tooltip, TOOLTIP_SERIES as u32 + 1)?;
        Some(Self {
            time: text_in(&child(tooltip, 0)?)?,
            more_text: text_in(&more)?,
            more,
            rows,
            line: child(markers, 0)?,
            markers: (1..=TOOLTIP_SERIES as u32)
                .map(|index| child(markers, index))
                .collect::<Option<Vec<_>>>()?,
            tooltip: tooltip.clone(),
        })
    }
}

/// A text node of its own in `element`, whose text is then replaced in place (no new node):
/// the one made by an earlier, failed search of the elements, else a new one.
fn text_in(element: &HtmlElement) -> Option<Text> {
    if let Some(text) = element
        .first_child()
        .and_then(|child| child.dyn_into::<Text>().ok())
    {
        return Some(text);
    }
    let text = element.owner_document()?.create_text_node("");
    element.append_child(&text).ok()?;
    Some(text)
}
