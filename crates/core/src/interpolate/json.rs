//! The `json` format as Perses computes it: `JSON.stringify` of the values, each one
//! `JSON.parse`d when it is JSON. JavaScript keeps an object's keys in their order (integer
//! keys first, ascending), reads numbers exactly and prints them as
//! `Number.prototype.toString` does (`1.0` → `1`, `1e3` → `1000`, `-0` → `0`, `1e400` →
//! `null`), keeps lone surrogates and writes no spaces.
//!
//! A reader of its own rather than serde_json: serde_json's `Value` sorts keys and prints
//! `1.0`, cannot hold a lone surrogate, and reads 17-digit numbers exactly only with its
//! `float_roundtrip` parser. Rust's own `f64` parser is exact, and JSON's grammar is small.
//! This is for the native tools (the `json-format` feature); the browser computes the format
//! with JavaScript's own JSON (`use_json_engine`), the very functions Perses calls.

use crate::format::js_number_to_string;

/// Nesting deeper than this is kept as text (JSON.parse would read it), so a hostile value
/// cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// A JSON value as JavaScript holds it after `JSON.parse`; strings as UTF-16 code units.
enum JsValue {
    Null,
    Bool(bool),
    Number(f64),
    Text(Vec<u16>),
    Array(Vec<JsValue>),
    Object(Vec<(Vec<u16>, JsValue)>),
}

/// `JSON.stringify(values.map(v => { try { return JSON.parse(v) } catch { return v } }))`.
pub(super) fn stringify_values(values: &[String]) -> String {
    let mut out = String::from("[");
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match parse(value) {
            Some(parsed) => write_value(&mut out, &parsed),
            None => write_text(&mut out, &value.encode_utf16().collect::<Vec<_>>()),
        }
    }
    out.push(']');
    out
}

fn parse(text: &str) -> Option<JsValue> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    (reader.at == reader.text.len()).then_some(value)
}

/// `at` always sits on a character boundary of `text`: it moves by whole characters.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &str, value: JsValue) -> Option<JsValue> {
        let end = self.at + word.len();
        (self.text.as_bytes().get(self.at..end) == Some(word.as_bytes())).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<JsValue> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'n' => self.literal("null", JsValue::Null),
            b't' => self.literal("true", JsValue::Bool(true)),
            b'f' => self.literal("false", JsValue::Bool(false)),
            b'"' => self.string().map(JsValue::Text),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(JsValue::Array(items))
            }
            b'{' => {
                self.at += 1;
                let mut entries = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        entries.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(JsValue::Object(object_order(entries)))
            }
            _ => self.number(),
        }
    }

    /// A number by JSON's grammar, read by Rust's exact parser (past f64's range: infinity,
    /// as in JavaScript).
    fn number(&mut self) -> Option<JsValue> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while reader.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                reader.at += 1;
            }
            reader.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        self.text
            .get(start..self.at)?
            .parse()
            .ok()
            .map(JsValue::Number)
    }

    /// A string's UTF-16 code units; a lone surrogate escape stays one, as in JavaScript.
    fn string(&mut self) -> Option<Vec<u16>> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut units = Vec::new();
        loop {
            let c = self.text.get(self.at..)?.chars().next()?;
            self.at += c.len_utf8();
            match c {
                '"' => return Some(units),
                '\\' => {
                    let escape = self.peek()?;
                    self.at += 1;
                    let unit = match escape {
                        b'"' => 0x22,
                        b'\\' => 0x5c,
                        b'/' => 0x2f,
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'n' => 0x0a,
                        b'r' => 0x0d,
                        b't' => 0x09,
                        b'u' => {
                            // Exactly four hex digits (from_str_radix would take a sign).
                            let hex = self.text.get(self.at..self.at + 4)?;
                            if !hex.bytes().all(|byte| byte.is_ascii_hexdigit()) {
                                return None;
                            }
                            self.at += 4;
                            u16::from_str_radix(hex, 16).ok()?
                        }
                        _ => return None,
                    };
                    units.push(unit);
                }
                c if u32::from(c) < 0x20 => return None,
                c => {
                    let mut buffer = [0; 2];
                    units.extend_from_slice(c.encode_utf16(&mut buffer));
                }
            }
        }
    }
}

fn write_value(out: &mut String, value: &JsValue) {
    match value {
        JsValue::Null => out.push_str("null"),
        JsValue::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        // JSON has no Infinity: JSON.stringify writes null for it.
        JsValue::Number(number) if !number.is_finite() => out.push_str("null"),
        JsValue::Number(number) => out.push_str(&js_number_to_string(*number)),
        JsValue::Text(units) => write_text(out, units),
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

/// A string as JSON.stringify quotes it: `"` and `\` escaped, control characters as short
/// escapes or `\u00xx`, lone surrogates as `\udxxx`, everything else as it is.
fn write_text(out: &mut String, units: &[u16]) {
    out.push('"');
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok('"') => out.push_str("\\\""),
            Ok('\\') => out.push_str("\\\\"),
            Ok('\u{8}') => out.push_str("\\b"),
            Ok('\u{c}') => out.push_str("\\f"),
            Ok('\n') => out.push_str("\\n"),
            Ok('\r') => out.push_str("\\r"),
            Ok('\t') => out.push_str("\\t"),
            Ok(c) if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            Ok(c) => out.push(c),
            Err(lone) => out.push_str(&format!("\\u{:04x}", lone.unpaired_surrogate())),
        }
    }
    out.push('"');
}

/// An integer key as JavaScript orders it first: a canonical array index.
fn array_index(key: &[u16]) -> Option<u32> {
    let text = String::from_utf16(key).ok()?;
    let index: u32 = text.parse().ok()?;
    (index.to_string() == text && index != u32::MAX).then_some(index)
}

/// Keys as a JavaScript object keeps them: a repeated key keeps its first place and takes
/// the last value; integer keys come first, ascending.
fn object_order(entries: Vec<(Vec<u16>, JsValue)>) -> Vec<(Vec<u16>, JsValue)> {
    let mut kept: Vec<(Vec<u16>, JsValue)> = Vec::with_capacity(entries.len());
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

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
