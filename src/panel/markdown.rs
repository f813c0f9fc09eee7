//! The Markdown panel: the text with variables filled in, rendered as DOM nodes built one by
//! one from the core's safe tree. Nothing is ever assigned to `innerHTML`.

use leptos::prelude::*;
use obs_core::markdown::{CellAlign, Element, Node, render};

/// Renders `text` (already interpolated).
#[component]
pub fn MarkdownView(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! { <div class="obs-markdown">{move || nodes(render(&text.get()))}</div> }
}

fn nodes(nodes: Vec<Node>) -> AnyView {
    nodes.into_iter().map(node).collect_view().into_any()
}

fn node(node: Node) -> AnyView {
    let (element, children) = match node {
        Node::Text(text) => return text.into_any(),
        Node::Element { element, children } => (element, children),
    };
    let inner = nodes(children);
    match element {
        Element::Paragraph => view! { <p>{inner}</p> }.into_any(),
        Element::Heading(1) => view! { <h1>{inner}</h1> }.into_any(),
        Element::Heading(2) => view! { <h2>{inner}</h2> }.into_any(),
        Element::Heading(3) => view! { <h3>{inner}</h3> }.into_any(),
        Element::Heading(4) => view! { <h4>{inner}</h4> }.into_any(),
        Element::Heading(5) => view! { <h5>{inner}</h5> }.into_any(),
        Element::Heading(_) => view! { <h6>{inner}</h6> }.into_any(),
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
