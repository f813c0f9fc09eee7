//! JSON text read as a `serde_json::Value` tree, whole or without what a reader will not use.
//!
//! Every tree the core reads from text goes through here, so that serde_json's reader of any
//! value is compiled once, for the one visitor below, and not once more for its own `Value`.
//!
//! A project's list reply holds every dashboard in full, and a `serde_json::Value` takes
//! several times the memory of its text: read whole, the benchmark's project (NodeExporter's
//! 110 KB resource among them) made 1.5 MB of trees, the most the page ever held on an
//! 8-panel dashboard, and 10 to 15 ms of the main thread before a dashboard could open. The
//! listing reads names, titles, tags and the shape of each resource, never its panels,
//! layouts, variables or datasources, so those are skipped while parsing (serde's
//! `IgnoredAny`: the text is still checked, no tree is made) and stand as empty containers of
//! the same kind, which keeps every shape check of the listing as it was. Opening a dashboard
//! reads its resource again in full.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// The keys whose containers a listing skips, wherever they are.
const SKIPPED: [&str; 4] = ["panels", "layouts", "variables", "datasources"];

/// The document of `body`, as `serde_json::from_str` reads it.
pub fn parse(body: &str) -> serde_json::Result<Value> {
    read(body, Mode::Whole)
}

/// The document of `body`, its dashboards' bodies skipped as the module says.
pub(crate) fn listing_tree(body: &str) -> serde_json::Result<Value> {
    read(body, Mode::Listing)
}

/// The document of `body` with only its resource number `item` (as `list_items` counts them)
/// read in full, the others skipped: opening one dashboard of a project does not make the
/// trees of the others (the benchmark's 8-panel dashboard made NodeExporter's beside it).
pub(crate) fn item_tree(body: &str, item: usize) -> serde_json::Result<Value> {
    read(body, Mode::Document(item))
}

fn read(body: &str, mode: Mode) -> serde_json::Result<Value> {
    let mut reader = serde_json::Deserializer::from_str(body);
    let value = mode.deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// How much of a value to read.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// All of it but the skipped keys' containers.
    Listing,
    /// A list document, of which only the resource `.0` is read in full.
    Document(usize),
    /// A list's items, of which only `.0` is read in full.
    Items(usize),
    /// All of it.
    Whole,
    /// A scalar as it is, a container as an empty one of its kind: what the listing's checks
    /// would say about it stays true.
    Skip,
}

impl Mode {
    fn entry(self, key: &str) -> Mode {
        match self {
            Mode::Listing if SKIPPED.contains(&key) => Mode::Skip,
            Mode::Listing => Mode::Listing,
            Mode::Document(item) if key == "items" => Mode::Items(item),
            Mode::Document(_) | Mode::Items(_) | Mode::Whole => Mode::Whole,
            Mode::Skip => Mode::Skip,
        }
    }

    fn element(self, index: usize) -> Mode {
        match self {
            Mode::Document(item) | Mode::Items(item) if index == item => Mode::Whole,
            Mode::Document(_) | Mode::Items(_) => Mode::Skip,
            other => other,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Mode {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Mode {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        if self == Mode::Skip {
            while items.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Value::Array(list));
        }
        while let Some(item) = items.next_element_seed(self.element(list.len()))? {
            list.push(item);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        if self == Mode::Skip {
            while entries.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Value::Object(object));
        }
        while let Some(key) = entries.next_key::<String>()? {
            let value = entries.next_value_seed(self.entry(&key))?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_listing_keeps_all_but_the_bodies_of_dashboards() {
        let body = r#"{"kind":"PersesDashboardList","items":[{"kind":"PersesDashboard",
            "metadata":{"name":"gpu","annotations":{"panels":"kept, not a container"}},
            "spec":{"config":{"display":{"name":"GPU"},"panels":{"a":{"kind":"Panel"}},
            "layouts":[{"kind":"Grid"}],"variables":[],"datasources":{"p":{}},
            "duration":"1h","refresh":null,"n":-1,"u":7,"f":0.5,"b":true}}}]}"#;
        let expected = json!({"kind":"PersesDashboardList","items":[{"kind":"PersesDashboard",
            "metadata":{"name":"gpu","annotations":{"panels":"kept, not a container"}},
            "spec":{"config":{"display":{"name":"GPU"},"panels":{},"layouts":[],
            "variables":[],"datasources":{},"duration":"1h","refresh":null,"n":-1,"u":7,
            "f":0.5,"b":true}}}]});
        assert_eq!(listing_tree(body).ok(), Some(expected));
    }

    #[test]
    fn a_whole_tree_is_serde_jsons() {
        for body in [
            r#"{"a":[1,-2,3.5,1.5e300,"x\u00e9",null,true,{"b":{}}],"a":0,"panels":{"c":[]}}"#,
            "18446744073709551615",
            "-9223372036854775808",
            r#""\ud83d\ude00""#,
        ] {
            let expected = serde_json::from_str::<Value>(body);
            assert!(expected.is_ok(), "{body}");
            assert_eq!(parse(body).ok(), expected.ok(), "{body}");
        }
        for body in ["", "{", "[1,]", r#"{"a" 1}"#, "01", "nul", "[] []", "1e400"] {
            assert!(parse(body).is_err(), "{body}");
        }
    }

    #[test]
    fn opening_reads_one_resource_in_full() {
        let item = json!({"kind":"Dashboard","spec":{"panels":{"a":{"kind":"Panel"}}}});
        let list = json!({"kind":"List","metadata":{"panels":{"x":1}},
            "items":[{"spec":{"panels":{"b":{}}}},item,7]});
        let read = item_tree(&list.to_string(), 1).ok();
        assert_eq!(
            read,
            Some(json!({"kind":"List","metadata":{"panels":{"x":1}},"items":[{},item,7]}))
        );
        let array = json!([item, {"spec":{}}]);
        assert_eq!(
            item_tree(&array.to_string(), 0).ok(),
            Some(json!([item, {}]))
        );
        // A document that is not a list is its own only resource, read in full.
        assert_eq!(item_tree(&item.to_string(), 0).ok(), Some(item));
    }

    #[test]
    fn what_is_skipped_is_still_checked() {
        for body in [
            r#"{"items":[{"spec":{"panels":{"a":}}}]}"#,
            r#"{"items":[{"spec":{"panels":[1,]}}]}"#,
            r#"{"items":[]} trailing"#,
            "[",
        ] {
            assert!(listing_tree(body).is_err(), "{body}");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(
            listing_tree(&deep).is_err(),
            "nesting past serde_json's limit"
        );
        let deep_skipped = format!(
            r#"{{"panels":{}{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        // Skipping walks the text without recursing, so a skipped key's depth costs no stack;
        // the dashboard's own reading, when it is opened, refuses it.
        assert_eq!(
            listing_tree(&deep_skipped).ok(),
            Some(json!({"panels": []}))
        );
        assert!(serde_json::from_str::<Value>(&deep_skipped).is_err());
    }
}
