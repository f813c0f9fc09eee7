use super::*;

#[test]
fn javascript_to_string() {
    for (value, expected) in [
        (0.0, "0"),
        (1.0, "1"),
        (-1.5, "-1.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e21, "1e+21"),
        // Exactly halfway between two shortest decimals: the even one, as JavaScript.
        (1e21 * 60.0 / 31_536_000.0, "1902587519025875.2"),
        // A power of two: a half below is no tie, the digits stay.
        (2f64.powi(-24), "5.960464477539063e-8"),
        (123456789012345680000.0, "123456789012345680000"),
        (1e-7, "1e-7"),
        (0.000001, "0.000001"),
        (1.5e-10, "1.5e-10"),
        (f64::NAN, "NaN"),
        (f64::NEG_INFINITY, "-Infinity"),
    ] {
        assert_eq!(js_number_to_string(value), expected, "{value}");
    }
}

#[test]
fn rounding_is_half_away_from_zero_on_the_shortest_digits() {
    let style = NumberStyle::new(Digits::Fraction(2));
    for (value, expected) in [
        (1.005, "1.01"),
        (-1.005, "-1.01"),
        (0.125, "0.13"),
        (9.995, "10.00"),
        (1234.5, "1,234.50"),
        (0.001, "0.00"),
    ] {
        assert_eq!(format_number(value, style), expected, "{value}");
    }
}

#[test]
fn compact_moves_up_when_rounding_reaches_a_thousand() {
    let style = NumberStyle::compact(Digits::Significant(3));
    for (value, expected) in [
        (999.9, "1K"),
        (999_999.0, "1M"),
        (1_234_567_890.0, "1.23B"),
        (2.5e12, "2.5T"),
        (4.2e15, "4,200T"),
        (0.000_123_4, "0.000123"),
    ] {
        assert_eq!(format_number(value, style), expected, "{value}");
    }
}
