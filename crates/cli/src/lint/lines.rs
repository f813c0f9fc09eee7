//! Where a path of a document is in its source text: the line of each key and list item.
//!
//! The model reports paths (`spec.panels.cpu.spec.queries[0]`); editors and CI annotations want
//! lines. The text is read a second time with serde-saphyr's `Spanned`, which keeps the
//! location of every node, and every path is recorded with the line it starts on. JSON is YAML
//! 1.2, so the same reader serves both. A text that this second reading cannot follow gives no
//! lines, and findings fall back to the document's first line.

use std::collections::HashMap;

use obs_core::diagnostic::Path;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// The lines of the paths of every document of one text.
#[derive(Debug, Default)]
pub struct LineMap {
    /// One map per document, in order: path text → 1-based line.
    documents: Vec<HashMap<String, u32>>,
}

impl LineMap {
    /// Reads `text`; the map is empty when it cannot be read this way.
    pub fn read(text: &str) -> Self {
        let documents: Vec<Spanned<Node>> = serde_saphyr::from_multiple(text).unwrap_or_default();
        let documents = documents
            .into_iter()
            .filter(|document| !matches!(document.value, Node::Leaf))
            .map(|document| {
                let mut lines = HashMap::new();
                record(&document, &Path::root(), &mut lines);
                lines
            })
            .collect();
        Self { documents }
    }

    /// The line of `path` in document `index`, or of its nearest ancestor that has one.
    pub fn line(&self, index: usize, path: &str) -> Option<u32> {
        let lines = self.documents.get(index)?;
        let mut path = path;
        loop {
            if let Some(line) = lines.get(path) {
                return Some(*line);
            }
            path = parent(path)?;
        }
    }
}

/// The path one step up: `a.b[2]` → `a.b` → `a` → `` (the root). A quoted key (`["x.y"]`)
/// is one step, whatever it holds; a plain key never holds a `.`.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = if path.ends_with("\"]") {
        path.rfind("[\"")
    } else if path.ends_with(']') {
        path.rfind('[')
    } else {
        path.rfind('.')
    };
    Some(&path[..cut.unwrap_or(0)])
}

fn record(node: &Spanned<Node>, path: &Path, lines: &mut HashMap<String, u32>) {
    let line = u32::try_from(node.referenced.line()).unwrap_or(u32::MAX);
    lines.entry(path.as_str().to_owned()).or_insert(line);
    match &node.value {
        Node::Map(entries) => {
            for (key, value) in entries {
                let child = path.key(&key.value);
                // A key's line is where its value starts being written.
                let key_line = u32::try_from(key.referenced.line()).unwrap_or(u32::MAX);
                lines.entry(child.as_str().to_owned()).or_insert(key_line);
                record(value, &child, lines);
            }
        }
        Node::Seq(items) => {
            for (index, item) in items.iter().enumerate() {
                record(item, &path.index(index), lines);
            }
        }
        Node::Leaf => {}
    }
}

/// A YAML node with the location of each child; scalars are not kept, only where they are.
#[derive(Debug)]
enum Node {
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
    Seq(Vec<Spanned<Node>>),
    Leaf,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((
                Spanned::new(key.value.0, key.referenced, key.defined),
                value,
            ));
        }
        Ok(Node::Map(entries))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_str<E>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf)
    }
}

/// A mapping key as text, whatever scalar it is written as (`1: x` has the key "1").
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = KeyText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping key")
            }
            fn visit_str<E>(self, text: &str) -> Result<KeyText, E> {
                Ok(KeyText(text.to_owned()))
            }
            fn visit_bool<E>(self, value: bool) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }
            fn visit_i64<E>(self, value: i64) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }
            fn visit_u64<E>(self, value: u64) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }
            fn visit_f64<E>(self, value: f64) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_paths_have_their_lines() {
        let text = "\
kind: PersesDashboard
spec:
  config:
    panels:
      cpu:
        spec:
          queries:
            - kind: TimeSeriesQuery
              spec:
                plugin:
                  spec:
                    query: sum(rate(x[5m])
---
kind: Other
list: [a, b]
";
        let map = LineMap::read(text);
        let query = "spec.config.panels.cpu.spec.queries[0].spec.plugin.spec.query";
        assert_eq!(map.line(0, query), Some(12));
        assert_eq!(map.line(0, "spec.config.panels.cpu"), Some(5));
        assert_eq!(
            map.line(0, "spec.config.panels.cpu.spec.queries[0]"),
            Some(8)
        );
        // An unknown path falls back to its nearest known ancestor.
        assert_eq!(
            map.line(0, "spec.config.panels.cpu.spec.display.name"),
            Some(6)
        );
        assert_eq!(map.line(1, "list[1]"), Some(15));
        assert_eq!(map.line(2, "kind"), None);
    }

    #[test]
    fn json_paths_have_their_lines() {
        let text = "{\n  \"spec\": {\n    \"panels\": {\n      \"a.b\": {\"kind\": \"Panel\"}\n    }\n  }\n}\n";
        let map = LineMap::read(text);
        assert_eq!(map.line(0, "spec.panels[\"a.b\"].kind"), Some(4));
    }

    #[test]
    fn parents() {
        assert_eq!(parent("a.b[2]"), Some("a.b"));
        assert_eq!(parent("a.b"), Some("a"));
        assert_eq!(parent("a"), Some(""));
        assert_eq!(parent(""), None);
        assert_eq!(parent("a[\"x.y\"]"), Some("a"));
        assert_eq!(parent("a[\"x.y\"].b[0]"), Some("a[\"x.y\"].b"));
        assert_eq!(parent("a[\"x.y\"].b"), Some("a[\"x.y\"]"));
    }
}
