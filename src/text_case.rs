//! Lower case with JavaScript's own `toLowerCase`, which Perses sorts and searches with: the
//! page gives this to the core (`obs_core::case::use_lowercase_engine`) instead of compiling
//! Unicode's lower-case table.

/// `text.toLowerCase()`.
pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::lowercase;

    wasm_bindgen_test_configure!(run_in_browser);

    /// JavaScript's mapping against the standard library's (the core's without the browser).
    #[wasm_bindgen_test]
    fn javascript_lowers_as_the_standard_library_does() {
        // A final sigma, a dotted capital I, a title-case digraph, Roman numerals, Cherokee
        // and Georgian: the mappings beyond one letter for one letter.
        for text in [
            "ΟΔΥΣΣΕΥΣ",
            "İstanbul",
            "ǅ and Ⅻ",
            "ᏣᎳᎩ ᲛᲮᲔᲓᲠᲣᲚᲘ",
            "日本語 ABC",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }
}
