//! The `json` interpolation format computed as Perses computes it, with JavaScript's own
//! `JSON.parse` and `JSON.stringify`: the page gives this to the core
//! (`obs_core::interpolate::use_json_engine`) instead of compiling the core's own reader.

use wasm_bindgen::JsValue;

/// `JSON.stringify(values.map(v => { try { return JSON.parse(v) } catch { return v } }))`,
/// written one value at a time (what `JSON.stringify` of the array writes): a value that
/// `JSON.stringify` cannot write back (nested past its stack) is written as text, as the
/// core's reader keeps what is too deep, instead of losing the whole list.
pub fn stringify_values(values: &[String]) -> String {
    let mut out = String::from("[");
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let written = js_sys::JSON::parse(value)
            .and_then(|parsed| js_sys::JSON::stringify(&parsed))
            .or_else(|_| js_sys::JSON::stringify(&JsValue::from_str(value)));
        if let Ok(written) = written {
            out.push_str(&String::from(written));
        }
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::stringify_values;

    wasm_bindgen_test_configure!(run_in_browser);

    /// JavaScript's JSON against what the core's reader (its native tests) says it does.
    #[wasm_bindgen_test]
    fn javascript_writes_values_as_the_core_reproduces_it() {
        for (values, expected) in [
            (
                &["1.0", "1e3", "-0", "say \"hi\""][..],
                r#"[1,1000,0,"say \"hi\""]"#,
            ),
            (
                &[r#"{"b":1,"a":[1.50,2],"b":3}"#, r#"{"z":0,"2":0,"1":0}"#][..],
                r#"[{"b":3,"a":[1.5,2]},{"1":0,"2":0,"z":0}]"#,
            ),
            (
                &["12345678901234567890", "1e400", "[1,]", "01"][..],
                r#"[12345678901234567000,null,"[1,]","01"]"#,
            ),
            (
                &[r#""a\u0041\ud83d\ude00\ud800\u001f""#][..],
                "[\"aA😀\\ud800\\u001f\"]",
            ),
            (&[][..], "[]"),
        ] {
            let values: Vec<String> = values.iter().map(|value| (*value).to_owned()).collect();
            assert_eq!(stringify_values(&values), expected, "{values:?}");
        }
        // Deep nesting is JavaScript's to read and write (the core's reader keeps what is
        // deeper than 256 levels as text); the values after it are still written.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let written = stringify_values(&[deep, "2".to_owned()]);
        assert!(written.starts_with("[[[["), "{}", &written[..20]);
        assert!(written.ends_with("]]],2]"));
    }
}
