//! The `json` format as Perses computes it: `JSON.stringify` of the values, each one
//! `JSON.parse`d when it is JSON. JavaScript keeps an object's keys in their order (integer
//! keys first, ascending), prints numbers as `Number.prototype.toString` does (`1.0` → `1`,
//! `1e3` → `1000`, `-0` → `0`) and writes no spaces; serde_json's `Value` sorts keys and
//! prints `1.0`, so the values are read into this small tree instead.

use std::fmt::{self, Write};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::format::js_number_to_string;

/// A JSON value as JavaScript holds it after `JSON.parse`.
enum JsValue {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Array(Vec<JsValue>),
    Object(Vec<(String, JsValue)>),
}

/// `JSON.stringify(values.map(v => { try { return JSON.parse(v) } catch { return v } }))`.
pub(super) fn stringify_values(values: &[String]) -> String {
    let mut out = String::from("[");
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match serde_json::from_str::<JsValue>(value) {
            Ok(parsed) => write_value(&mut out, &parsed),
            Err(_) => write_text(&mut out, value),
        }
    }
    out.push(']');
    out
}

fn write_value(out: &mut String, value: &JsValue) {
    match value {
        JsValue::Null => out.push_str("null"),
        JsValue::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        // JSON has no Infinity: JSON.stringify writes null for it. (serde_json refuses some
        // texts JSON.parse takes: a number past f64's range such as 1e400, which JSON.parse
        // makes Infinity, a lone surrogate escape, nesting deeper than 128. Such a value is
        // kept as text, so there the core and Perses write it differently.)
        JsValue::Number(number) if !number.is_finite() => out.push_str("null"),
        JsValue::Number(number) => out.push_str(&js_number_to_string(*number)),
        JsValue::Text(text) => write_text(out, text),
        JsValue::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        JsValue::Object(entries) => {
            out.push('{');
            for (index, (key, item)) in entries.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_text(out, key);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// A string as JSON.stringify quotes it; serde_json escapes the same characters the same way.
fn write_text(out: &mut String, text: &str) {
    match serde_json::to_string(text) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => {
            let _ = write!(out, "\"{text}\"");
        }
    }
}

/// An integer key as JavaScript orders it first: a canonical array index.
fn array_index(key: &str) -> Option<u32> {
    let index: u32 = key.parse().ok()?;
    (index.to_string() == key && index != u32::MAX).then_some(index)
}

/// Keys as a JavaScript object keeps them: a repeated key keeps its first place and takes
/// the last value; integer keys come first, ascending.
fn object_order(entries: Vec<(String, JsValue)>) -> Vec<(String, JsValue)> {
    let mut kept: Vec<(String, JsValue)> = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        match kept.iter_mut().find(|(existing, _)| *existing == key) {
            Some(slot) => slot.1 = value,
            None => kept.push((key, value)),
        }
    }
    let (mut indices, names): (Vec<_>, Vec<_>) = kept
        .into_iter()
        .partition(|(key, _)| array_index(key).is_some());
    indices.sort_by_key(|(key, _)| array_index(key));
    indices.extend(names);
    indices
}

impl<'de> Deserialize<'de> for JsValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsValueVisitor)
    }
}

struct JsValueVisitor;

impl<'de> Visitor<'de> for JsValueVisitor {
    type Value = JsValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<JsValue, E> {
        Ok(JsValue::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<JsValue, E> {
        Ok(JsValue::Bool(value))
    }

    // JavaScript has only doubles: every number becomes one, as JSON.parse makes it.
    fn visit_i64<E>(self, value: i64) -> Result<JsValue, E> {
        Ok(JsValue::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<JsValue, E> {
        Ok(JsValue::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<JsValue, E> {
        Ok(JsValue::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<JsValue, E> {
        Ok(JsValue::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<JsValue, E> {
        Ok(JsValue::Text(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(JsValue::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsValue, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, JsValue>()? {
            entries.push((key, value));
        }
        Ok(JsValue::Object(object_order(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::stringify_values;

    #[test]
    fn values_are_stringified_as_javascript_does() {
        for (values, expected) in [
            (&["1.0", "1e3", "-0", "2.50"][..], "[1,1000,0,2.5]"),
            (&["a", "", "say \"hi\""][..], r#"["a","","say \"hi\""]"#),
            (&["true", "null", "\"s\""][..], r#"[true,null,"s"]"#),
            // Keys in their order, a repeated key in its first place with its last value,
            // integer keys first.
            (
                &[r#"{"b":1,"a":[1.50,2],"b":3}"#][..],
                r#"[{"b":3,"a":[1.5,2]}]"#,
            ),
            (
                &[r#"{"z":0,"2":0,"1":0,"01":0}"#][..],
                r#"[{"1":0,"2":0,"z":0,"01":0}]"#,
            ),
            (
                &["12345678901234567890", " 7 "][..],
                "[12345678901234567000,7]",
            ),
            (&["[1, 2"][..], r#"["[1, 2"]"#),
            (&["tab\there"][..], r#"["tab\there"]"#),
        ] {
            let values: Vec<String> = values.iter().map(|value| (*value).to_owned()).collect();
            assert_eq!(stringify_values(&values), expected, "{values:?}");
        }
    }
}
