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

/// Builds the tree from start/end events. A start that maps to no element is still matched by
/// its end, so the stack records `None` for it.
#[derive(Default)]
struct Builder {
    root: Vec<Node>,
    stack: Vec<Option<(Element, Vec<Node>)>>,
    /// Inside an image, text is its description: (stack depth, source, description, title).
    image: Option<(usize, String, String, String)>,
    /// Elements open on the stack (its `Some` frames).
    open_elements: usize,
    /// Starts left out past [`MAX_NESTING`] and not yet ended. Events nest, so while this is
    /// not zero every start is inside a left-out one and every end closes one.
    skipped: usize,
}

impl Builder {
    fn open(&mut self, element: Option<Element>) {
        if self.skipped > 0 || (element.is_some() && self.open_elements >= MAX_NESTING) {
            self.skipped += 1;
            return;
        }
        self.open_elements += usize::from(element.is_some());
        self.stack
            .push(element.map(|element| (element, Vec::new())));
    }

    fn open_image(&mut self, src: String, title: String) {
        // Inside a left-out element, the description stays as text.
        if self.skipped > 0 {
            self.skipped += 1;
            return;
        }
        self.image = Some((self.stack.len(), src, String::new(), title));
        self.stack.push(None);
    }

    fn close(&mut self) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        self.open_elements -= usize::from(frame.is_some());
        if let Some((depth, ..)) = &self.image {
            if *depth == self.stack.len()
                && let Some((_, src, alt, title)) = self.image.take()
            {
                self.push(Node::Element {
                    element: Element::Image { src, alt, title },
                    children: Vec::new(),
                });
            }
            // Emphasis and the like inside an image description only add to its text.
            return;
        }
        if let Some((element, children)) = frame {
            self.push(Node::Element { element, children });
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, _, alt, _)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        if let Some(Node::Text(previous)) = self.current().last_mut() {
            previous.push_str(text);
        } else {
            self.push(Node::Text(text.to_owned()));
        }
    }

    fn leaf(&mut self, element: Element) {
        self.push(Node::Element {
            element,
            children: Vec::new(),
        });
    }

    fn push(&mut self, node: Node) {
        self.current().push(node);
    }

    /// The children list of the innermost open element.
    fn current(&mut self) -> &mut Vec<Node> {
        match self.stack.iter_mut().rev().flatten().next() {
            Some((_, children)) => children,
            None => &mut self.root,
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.root
    }
}

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

/// A link target that is safe to follow (http(s), mailto or relative; never `javascript:`,
/// `data:` or another scheme), cleaned as browsers read it, and whether it leaves the site.
/// Markdown panels and table data links both go through it.
pub fn safe_link(url: &str) -> Option<(String, bool)> {
    let cleaned = clean_url(url);
    // `//host/path` (and `\\host`, which browsers read the same) leaves the site like an
    // http(s) link does, so it opens as one.
    let other_host =
        cleaned.starts_with("//") || cleaned.starts_with("\\\\") || cleaned.starts_with("/\\");
    match scheme(&cleaned) {
        None => Some((cleaned, other_host)),
        Some(scheme) if scheme == "http" || scheme == "https" => Some((cleaned, true)),
        Some(scheme) if scheme == "mailto" => Some((cleaned, false)),
        Some(_) => None,
    }
}

fn safe_image(url: &str) -> Option<String> {
    let cleaned = clean_url(url);
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(scheme) if scheme == "http" || scheme == "https" => Some(cleaned),
        Some(_) => None,
    }
}

/// Browsers ignore leading spaces and control characters, and tabs or newlines anywhere, in
/// a URL (`java\tscript:` is `javascript:`), so those are removed before the scheme is read.
fn clean_url(url: &str) -> String {
    url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The lower-cased scheme of a URL, if it has one: letters, digits, `+ - .` before a `:`
/// that comes before any `/ ? #`.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let before = &url[..colon];
    if before.contains(['/', '?', '#']) {
        return None;
    }
    // Anything odd before the colon (entities, spaces) is treated as a scheme and refused.
    Some(before.to_ascii_lowercase())
}

#[cfg(test)]
mod tests;
