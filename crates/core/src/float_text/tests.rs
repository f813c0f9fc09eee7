//! The reader against the standard library's, whose grammar and rounding it must keep: with
//! the `float-parse` feature (native tests), numbers past the fast path are the standard
//! reader's, so these check the grammar and the fast path.

use super::parse_f64;

/// Both readers' answers, comparable (NaN equals NaN, and the sign of zero counts).
fn both(text: &str) -> (Option<u64>, Option<u64>) {
    let bits = |value: f64| {
        if value.is_nan() {
            f64::NAN.to_bits()
        } else {
            value.to_bits()
        }
    };
    (
        parse_f64(text).map(bits),
        text.parse::<f64>().ok().map(bits),
    )
}

#[test]
fn reads_what_the_standard_library_reads() {
    for text in [
        "0",
        "-0",
        "+0",
        "1",
        "-1",
        "1.5",
        "1.",
        ".5",
        "-.5",
        "+.5",
        "0.05",
        "1.500",
        "000123",
        "0.000",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "1.5e-3",
        "2.5E+10",
        "1e22",
        "1e23",
        "9e37",
        "1e38",
        "123456789012345678",
        "9007199254740992",
        "9007199254740993",
        "0.016666666666666666",
        "0.30000000000000004",
        "1e-22",
        "1e-23",
        "4.9e-324",
        "1e-400",
        "1e400",
        "1e99999999999999999999",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "inf",
        "+Inf",
        "-inf",
        "Infinity",
        "-INFINITY",
        "nan",
        "NaN",
        "-nan",
        "+nan",
        "100000000000000000000000",
        "0.1000000000000000000000000001",
        // Not numbers.
        "",
        "-",
        "+",
        ".",
        "e5",
        "1e",
        "1e+",
        ".e1",
        "1.2.3",
        "1_000",
        " 1",
        "1 ",
        "0x10",
        "++1",
        "+-1",
        "in",
        "infinit",
        "infinityx",
        "nana",
        "1e5.5",
        "1,5",
        "١",
    ] {
        let (ours, std) = both(text);
        assert_eq!(ours, std, "{text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn reads_every_written_double_back(bits: u64) {
        let value = f64::from_bits(bits);
        for text in [
            format!("{value}"),
            format!("{value:e}"),
            format!("{value:.3}"),
            format!("{value:.20e}"),
        ] {
            let (ours, std) = both(&text);
            proptest::prop_assert_eq!(ours, std, "{}", text);
        }
    }

    #[test]
    fn agrees_on_any_text_of_number_characters(text in "[-+0-9.eEinfaINFA]{0,12}") {
        let (ours, std) = both(&text);
        proptest::prop_assert_eq!(ours, std, "{}", text);
    }

    #[test]
    fn agrees_on_short_decimals(mantissa in 0_u64..100_000_000_000, exponent in -40_i32..40) {
        let text = format!("{mantissa}e{exponent}");
        let (ours, std) = both(&text);
        proptest::prop_assert_eq!(ours, std, "{}", text);
    }
}

/// The numbers Prometheus and dashboards mostly write are read without the engine.
#[test]
fn most_numbers_take_the_fast_path() {
    for (text, fast) in [
        ("1.5", true),
        ("0.0166666666", true),
        ("1234567.125", true),
        ("1e-7", true),
        ("1e+06", true),
        ("9007199254740992", true),
        ("1e30", true),
        ("0.016666666666666666", false),
        ("9007199254740993", false),
        ("1e-30", false),
    ] {
        let exactly = super::Decimal::read(text).and_then(|decimal| decimal.exactly());
        assert_eq!(exactly.is_some(), fast, "{text}");
    }
}
