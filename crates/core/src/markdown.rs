//! Markdown panels, safely: the text is parsed with pulldown-cmark (GitHub-flavoured, as
//! Perses' `marked` with `gfm`) into a small tree of known elements that the web layer builds
//! as DOM nodes. No string ever becomes HTML:
//!
//! - raw HTML, block or inline, is shown as text;
//! - links keep only `http:`, `https:`, `mailto:` and relative targets; others lose the link;
//! - images keep only `http:`, `https:` and relative sources; others show their description.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A node of the rendered document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element {
        element: Element,
        children: Vec<Node>,
    },
    Text(String),
}

/// The elements a Markdown panel can contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    Paragraph,
    Heading(u8),
    BlockQuote,
    /// A code block; the language is kept as a hint for styling.
    CodeBlock {
        language: Option<String>,
    },
    List {
        ordered: bool,
        start: Option<u64>,
    },
    Item,
    Table,
    TableHead,
    TableRow,
    TableCell {
        header: bool,
        align: CellAlign,
    },
    Emphasis,
    Strong,
    Strikethrough,
    Code,
    /// A link with a target that passed the allowlist; `external` for absolute `http(s)` ones.
    Link {
        href: String,
        title: String,
        external: bool,
    },
    Image {
        src: String,
        alt: String,
        title: String,
    },
    Rule,
    LineBreak,
    /// A task list box, `[x]` or `[ ]`.
    TaskMarker {
        checked: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellAlign {
    None,
    Left,
    Center,
    Right,
}

/// Renders Markdown to a safe tree.
pub fn render(text: &str) -> Vec<Node> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut builder = Builder::default();
    let mut alignments: Vec<Alignment> = Vec::new();
    let mut cell_index = 0;
    let mut in_head = false;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => {
                let element = match tag {
                    Tag::Paragraph => Some(Element::Paragraph),
                    Tag::Heading { level, .. } => Some(Element::Heading(heading_level(level))),
                    Tag::BlockQuote(_) => Some(Element::BlockQuote),
                    Tag::CodeBlock(kind) => Some(Element::CodeBlock {
                        language: match kind {
                            CodeBlockKind::Fenced(language) if !language.is_empty() => {
                                Some(language.to_string())
                            }
                            _ => None,
                        },
                    }),
                    Tag::List(start) => Some(Element::List {
                        ordered: start.is_some(),
                        start,
                    }),
                    Tag::Item => Some(Element::Item),
                    Tag::Table(columns) => {
                        alignments = columns;
                        Some(Element::Table)
                    }
                    Tag::TableHead => {
                        in_head = true;
                        cell_index = 0;
                        Some(Element::TableHead)
                    }
                    Tag::TableRow => {
                        cell_index = 0;
                        Some(Element::TableRow)
                    }
                    Tag::TableCell => {
                        let align = match alignments.get(cell_index) {
                            Some(Alignment::Left) => CellAlign::Left,
                            Some(Alignment::Center) => CellAlign::Center,
                            Some(Alignment::Right) => CellAlign::Right,
                            _ => CellAlign::None,
                        };
                        cell_index += 1;
                        Some(Element::TableCell {
                            header: in_head,
                            align,
                        })
                    }
                    Tag::Emphasis => Some(Element::Emphasis),
                    Tag::Strong => Some(Element::Strong),
                    Tag::Strikethrough => Some(Element::Strikethrough),
                    Tag::Link {
                        dest_url, title, ..
                    } => Some(match safe_link(&dest_url) {
                        Some((href, external)) => Element::Link {
                            href,
                            title: title.to_string(),
                            external,
                        },
                        // An unsafe target keeps its text, without the link.
                        None => Element::Emphasis,
                    }),
                    Tag::Image {
                        dest_url, title, ..
                    } => match safe_image(&dest_url) {
                        Some(src) => {
                            builder.open_image(src, title.to_string());
                            continue;
                        }
                        None => Some(Element::Emphasis),
                    },
                    // Footnotes, definition lists, metadata and raw HTML blocks: their text only.
                    _ => None,
                };
                builder.open(element);
            }
            Event::End(end) => {
                if matches!(end, TagEnd::TableHead) {
                    in_head = false;
                }
                builder.close();
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => builder.text(&text),
            Event::Code(code) => {
                builder.open(Some(Element::Code));
                builder.text(&code);
                builder.close();
            }
            Event::InlineMath(math) | Event::DisplayMath(math) => builder.text(&math),
            Event::SoftBreak => builder.text(" "),
            Event::HardBreak => builder.leaf(Element::LineBreak),
            Event::Rule => builder.leaf(Element::Rule),
            Event::TaskListMarker(checked) => builder.leaf(Element::TaskMarker { checked }),
            Event::FootnoteReference(label) => builder.text(&format!("[{label}]")),
        }
    }
    builder.finish()
}

/// The plain text of a tree (for accessible names and tests).
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element {
                element: Element::Image { alt, .. },
                ..
            } => out.push_str(alt),
            Node::Element { children, .. } => out.push_str(&plain_text(children)),
        }
    }
    out
}

/// How deep elements nest at most. Markdown nests as deep as its text says (`>` 5,000 times
/// is 5,000 block quotes), and drawing, reading and dropping the tree each recurse once per
/// level, so a hostile text panel could exhaust the page's stack and stop the whole page.
/// Deeper elements are left out and their content joins the element around them; real
/// documents nest a handful of levels.
pub const MAX_NESTING: usize = 32;

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

mod builder;
mod urls;

use builder::Builder;
use urls::safe_image;
pub use urls::safe_link;

#[cfg(test)]
mod tests;
