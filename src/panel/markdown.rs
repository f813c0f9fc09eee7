//! The Markdown panel: the text with variables filled in, rendered as DOM nodes built one by
//! one from the core's safe tree. Nothing is ever assigned to `innerHTML`.

use leptos::prelude::*;
use obs_core::markdown::{CellAlign, Element, Node, render};

use super::PanelHeadingLevel;

/// Renders `text` (already interpolated).
#[component]
pub fn MarkdownView(#[prop(into)] text: Signal<String>) -> impl IntoView {
    // The text's headings keep the look their author chose; in the outline the text's top
    // heading comes right under the panel's title, and the others keep their distance from
    // it, so a "### Notes" in a panel neither skips levels nor ranks above the rows and
    // panels around it (axe's heading-order).
    let below = use_context::<PanelHeadingLevel>().map_or(4, |panel| panel.0) + 1;
    view! {
        <div class="obs-markdown">
            {move || {
                let tree = render(&text.get());
                let top = tree.iter().filter_map(top_heading).min().unwrap_or(1);
                let outline = Outline { top, below };
                nodes(tree, outline)
            }}
        </div>
    }
}

/// Where the text's headings go in the page's outline: level `top` of the text becomes
/// level `below` of the page.
#[derive(Clone, Copy)]
struct Outline {
    top: u8,
    below: u8,
}

impl Outline {
    fn level(self, heading: u8) -> String {
        (heading.saturating_sub(self.top) + self.below)
            .min(6)
            .to_string()
    }
}

/// The highest (smallest) heading level in a node and its children.
fn top_heading(node: &Node) -> Option<u8> {
    match node {
        Node::Text(_) => None,
        Node::Element {
            element: Element::Heading(level),
            ..
        } => Some(*level),
        Node::Element { children, .. } => children.iter().filter_map(top_heading).min(),
    }
}

fn nodes(nodes: Vec<Node>, outline: Outline) -> AnyView {
    nodes
        .into_iter()
        .map(|child| node(child, outline))
        .collect_view()
        .into_any()
}

fn node(node: Node, outline: Outline) -> AnyView {
    let (element, children) = match node {
        Node::Text(text) => return text.into_any(),
        Node::Element { element, children } => (element, children),
    };
    let inner = nodes(children, outline);
    match element {
        Element::Paragraph => view! { <p>{inner}</p> }.into_any(),
        Element::Heading(level) => {
            let outline = outline.level(level);
            // tachys has no typed aria-level, so it goes in as a custom attribute.
            match level {
                1 => view! { <h1>{inner}</h1> }.attr("aria-level", outline).into_any(),
                2 => view! { <h2>{inner}</h2> }.attr("aria-level", outline).into_any(),
                3 => view! { <h3>{inner}</h3> }.attr("aria-level", outline).into_any(),
                4 => view! { <h4>{inner}</h4> }.attr("aria-level", outline).into_any(),
                5 => view! { <h5>{inner}</h5> }.attr("aria-level", outline).into_any(),
                _ => view! { <h6>{inner}</h6> }.attr("aria-level", outline).into_any(),
            }
        }
        Element::BlockQuote => view! { <blockquote>{inner}</blockquote> }.into_any(),
        Element::CodeBlock { language } => {
            view! { <pre data-language=language><code>{inner}</code></pre> }.into_any()
        }
        Element::List { ordered: false, .. } => view! { <ul>{inner}</ul> }.into_any(),
        Element::List { ordered: true, start } => {
            view! { <ol start=start.map(|n| n.to_string())>{inner}</ol> }.into_any()
        }
        Element::Item => view! { <li>{inner}</li> }.into_any(),
        Element::Table => view! { <table>{inner}</table> }.into_any(),
        Element::TableHead => view! { <thead><tr>{inner}</tr></thead> }.into_any(),
        Element::TableRow => view! { <tr>{inner}</tr> }.into_any(),
        Element::TableCell { header, align } => {
            let style = match align {
                CellAlign::None => None,
                CellAlign::Left => Some("text-align:left"),
                CellAlign::Center => Some("text-align:center"),
                CellAlign::Right => Some("text-align:right"),
            };
            if header {
                view! { <th style=style>{inner}</th> }.into_any()
            } else {
                view! { <td style=style>{inner}</td> }.into_any()
            }
        }
        Element::Emphasis => view! { <em>{inner}</em> }.into_any(),
        Element::Strong => view! { <strong>{inner}</strong> }.into_any(),
        Element::Strikethrough => view! { <del>{inner}</del> }.into_any(),
        Element::Code => view! { <code>{inner}</code> }.into_any(),
        Element::Link { href, title, external } => {
            let title = (!title.is_empty()).then_some(title);
            if external {
                view! { <a href=href title=title target="_blank" rel="noopener noreferrer">{inner}</a> }.into_any()
            } else {
                view! { <a href=href title=title rel="noopener">{inner}</a> }.into_any()
            }
        }
        Element::Image { src, alt, title } => {
            let title = (!title.is_empty()).then_some(title);
            view! { <img src=src alt=alt title=title loading="lazy" referrerpolicy="no-referrer"/> }.into_any()
        }
        Element::Rule => view! { <hr/> }.into_any(),
        Element::LineBreak => view! { <br/> }.into_any(),
        Element::TaskMarker { checked } => {
            view! { <input type="checkbox" disabled=true checked=checked aria-label=if checked { "done" } else { "not done" }/> }
                .into_any()
        }
    }
}
