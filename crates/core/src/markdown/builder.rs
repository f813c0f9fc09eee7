//! The Markdown tree built from pulldown-cmark's start and end events, no deeper than
//! [`MAX_NESTING`].

use super::{Element, MAX_NESTING, Node};

/// Builds the tree from start/end events. A start that maps to no element is still matched by
/// its end, so the stack records `None` for it.
#[derive(Default)]
pub(super) struct Builder {
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
    pub(super) fn open(&mut self, element: Option<Element>) {
        if self.skipped > 0 || (element.is_some() && self.open_elements >= MAX_NESTING) {
            self.skipped += 1;
            return;
        }
        self.open_elements += usize::from(element.is_some());
        self.stack
            .push(element.map(|element| (element, Vec::new())));
    }

    pub(super) fn open_image(&mut self, src: String, title: String) {
        // Inside a left-out element, the description stays as text.
        if self.skipped > 0 {
            self.skipped += 1;
            return;
        }
        self.image = Some((self.stack.len(), src, String::new(), title));
        self.stack.push(None);
    }

    pub(super) fn close(&mut self) {
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

    pub(super) fn text(&mut self, text: &str) {
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

    pub(super) fn leaf(&mut self, element: Element) {
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

    pub(super) fn finish(mut self) -> Vec<Node> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.root
    }
}
