//! What the page computes with JavaScript's own functions instead of compiling the core's
//! tables, readers and libm, given to the core when the page starts ([`install`]): the functions
//! Perses itself runs, and each a table or reader less in the download.

/// Gives the core the browser's JSON, lower case, number reading and `Math`. The standalone page and
/// the shell's mount both start through here; the component tests too.
pub fn install() {
    obs_core::interpolate::use_json_engine(crate::json_format::stringify_values);
    obs_core::case::use_lowercase_engine(lowercase);
    obs_core::float_text::use_float_engine(parse_float);
    obs_core::math::use_math_engine(obs_core::math::MathEngine {
        ln: js_sys::Math::log,
        log10: js_sys::Math::log10,
        pow: js_sys::Math::pow,
        sin: js_sys::Math::sin,
        cos: js_sys::Math::cos,
        atan2: js_sys::Math::atan2,
    });
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

    /// The browser's `Math` against the standard library's libm: equal within an ulp or two,
    /// and exact where the charts count on it (the decimal logarithm of a power of ten is the
    /// tick magnitude).
    #[wasm_bindgen_test]
    fn javascript_math_agrees_with_the_standard_library() {
        use js_sys::Math;
        let close = |ours: f64, std: f64| {
            ours == std || (ours - std).abs() <= 4.0 * f64::EPSILON * std.abs()
        };
        for x in [1e-300, 0.001, 0.5, 1.0, 2.0, 3.5, 10.0, 12_345.678, 1e300] {
            assert!(close(Math::log(x), x.ln()), "ln {x}");
            assert!(close(Math::log10(x), x.log10()), "log10 {x}");
            assert!(close(Math::pow(x, 2.4), x.powf(2.4)), "pow {x}");
        }
        for radians in [0.0, 0.5, 1.0, 2.0, 3.0, -1.5, 6.0] {
            assert!(close(Math::sin(radians), radians.sin()), "sin {radians}");
            assert!(close(Math::cos(radians), radians.cos()), "cos {radians}");
            assert!(
                close(Math::atan2(radians, 1.5), radians.atan2(1.5)),
                "atan2 {radians}"
            );
        }
        for exponent in -22..=22 {
            let power = obs_core::math::pow10(exponent);
            assert_eq!(
                Math::log10(power),
                f64::from(exponent),
                "log10 1e{exponent}"
            );
        }
    }
}
