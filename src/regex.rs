//! JavaScript regular expressions, for `capturingRegexp`: Perses compiles it as a JavaScript
//! `RegExp` with the `g` flag, so lookarounds and JavaScript's escapes behave as users expect.

use wasm_bindgen::{JsCast, JsValue};

/// The capture groups of every match of `pattern` in `text`, in order. An invalid pattern
/// captures nothing (the variable then shows no options, and says why in the console).
pub fn js_captures(pattern: &str, text: &str) -> Vec<String> {
    let Some(regexp) = compile(pattern) else {
        return Vec::new();
    };
    let mut groups = Vec::new();
    // With the `g` flag each exec continues after the previous match and returns null at the
    // end, as String.prototype.matchAll does.
    while let Some(found) = regexp.exec(text) {
        for index in 1..found.length() {
            if let Some(group) = found.get(index).as_string() {
                groups.push(group);
            }
        }
        // An empty match does not move lastIndex: step over it or this would never end.
        if found
            .get(0)
            .as_string()
            .is_some_and(|matched| matched.is_empty())
        {
            regexp.set_last_index(regexp.last_index() + 1);
        }
    }
    groups
}

/// `new RegExp(pattern, "g")`, or `None` when the pattern does not compile.
fn compile(pattern: &str) -> Option<js_sys::RegExp> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("RegExp")).ok()?;
    let constructor: js_sys::Function = constructor.dyn_into().ok()?;
    let arguments = js_sys::Array::of2(&JsValue::from_str(pattern), &JsValue::from_str("g"));
    match js_sys::Reflect::construct(&constructor, &arguments) {
        Ok(regexp) => regexp.dyn_into().ok(),
        Err(error) => {
            crate::dom::warn_with(
                &format!("capturingRegexp {pattern:?} is not a valid regular expression:"),
                &error,
            );
            None
        }
    }
}

/// Perses' mapping and label patterns, as JavaScript runs them: `/source/flags` or a bare
/// source, replacing the first match (every match with the `g` flag).
pub struct JsPatterns;

impl obs_core::mappings::PatternEngine for JsPatterns {
    fn replace(&self, pattern: &str, text: &str, replacement: &str) -> Option<String> {
        let regexp = compile_pattern(pattern)?;
        if !regexp.test(text) {
            return None;
        }
        // `test` moves lastIndex of a global pattern; replace must start from the beginning.
        regexp.set_last_index(0);
        let replaced = js_sys::JsString::from(text).replace_by_pattern(&regexp, replacement);
        replaced.as_string()
    }
}

/// `/source/flags` as Perses' `createRegexFromString` reads it, else the whole text as the
/// source. Invalid patterns never match.
fn compile_pattern(pattern: &str) -> Option<js_sys::RegExp> {
    let (source, flags) = match pattern
        .strip_prefix('/')
        .and_then(|rest| rest.rsplit_once('/'))
    {
        Some((source, flags)) if flags.chars().all(|flag| "dgimsuyv".contains(flag)) => {
            (source, flags)
        }
        _ => (pattern, ""),
    };
    let constructor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("RegExp")).ok()?;
    let constructor: js_sys::Function = constructor.dyn_into().ok()?;
    let arguments = js_sys::Array::of2(&JsValue::from_str(source), &JsValue::from_str(flags));
    js_sys::Reflect::construct(&constructor, &arguments)
        .ok()?
        .dyn_into()
        .ok()
}
