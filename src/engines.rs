//! What the page computes with JavaScript's own functions instead of compiling the core's
//! tables and readers, given to the core when the page starts ([`install`]): the functions
//! Perses itself runs, and each a table or reader less in the download.

/// Gives the core the browser's JSON, lower case and number reading. The standalone page and
/// the shell's mount both start through here; the component tests too.
pub fn install() {
    obs_core::interpolate::use_json_engine(crate::json_format::stringify_values);
    obs_core::case::use_lowercase_engine(lowercase);
    obs_core::float_text::use_float_engine(parse_float);
}

/// `text.toLowerCase()`, which Perses sorts and searches with (`obs_core::case`).
pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// `parseFloat(text)`, for decimal text past the core's fast path (`obs_core::float_text`),
/// which it rounds correctly as the standard library's reader does.
pub fn parse_float(text: &str) -> f64 {
    js_sys::parse_float(text)
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::{lowercase, parse_float};

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

    /// JavaScript's reading of the numbers past the core's fast path against the standard
    /// library's (the core's native reader).
    #[wasm_bindgen_test]
    fn javascript_reads_numbers_as_the_standard_library_does() {
        for text in [
            "0.016666666666666666",
            "0.30000000000000004",
            "9007199254740993",
            "123456789012345678901234567890",
            "1e-30",
            "4.9e-324",
            "2e-324",
            "1e400",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "0.1000000000000000000000000001",
            "1.00000000000000011102230246251565404236316680908203125",
            ".5e-3",
            "7.",
        ] {
            let expected: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(parse_float(text).to_bits(), expected.to_bits(), "{text}");
        }
    }
}
