//! (value, format) → text, cross-checked against the expectations of Perses' own unit tests
//! (perses/shared `components/src/model/*.test.ts`) and, where those are silent, against
//! what `Intl.NumberFormat("en-US")` prints in Chromium.

use super::*;

/// A format from its three fields; `short` and `places` may be absent.
fn fmt(unit: Option<&str>, short: Option<bool>, places: Option<f64>) -> Format {
    Format {
        unit: unit.map(|name| {
            serde_json::from_value(serde_json::Value::String(name.to_owned()))
                .unwrap_or_else(|error| panic!("unit {name}: {error}"))
        }),
        decimal_places: places,
        short_values: short,
    }
}

/// A case: value, unit, `shortValues`, `decimalPlaces`, expected text.
type Case<'a> = (f64, Option<&'a str>, Option<bool>, Option<f64>, &'a str);

fn check(cases: &[Case<'_>]) {
    let mut failures = Vec::new();
    for (value, unit, short, places, expected) in cases {
        let format = fmt(*unit, *short, *places);
        let actual = format_value(*value, Some(&format)).to_string();
        if actual != *expected {
            failures.push(format!(
                "{value} as {unit:?} short={short:?} places={places:?}: got {actual:?}, want {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

const D: Option<&str> = Some("decimal");

#[test]
fn decimal() {
    check(&[
        (-4444.0, D, None, None, "-4.44K"),
        (-4444.0, D, Some(false), None, "-4,444"),
        (-4444.0, D, Some(false), Some(4.0), "-4,444.0000"),
        (-4444.0, D, Some(true), Some(4.0), "-4.4440K"),
        (-0.123456789, D, None, None, "-0.123"),
        (-0.123456789, D, Some(false), None, "-0.123"),
        (-0.123456789, D, Some(false), Some(4.0), "-0.1235"),
        (-0.123456789, D, Some(true), Some(4.0), "-0.1235"),
        (0.0, D, None, None, "0"),
        (1.0, D, None, None, "1"),
        (10.0, D, Some(false), Some(4.0), "10.0000"),
        (10.0, D, Some(true), Some(4.0), "10.0000"),
        (10.123456, D, None, None, "10.1"),
        (10.123456, D, Some(false), None, "10.123"),
        (10.123456, D, Some(false), Some(4.0), "10.1235"),
        (1000.0, D, None, None, "1K"),
        (1000.0, D, Some(false), None, "1,000"),
        (1000.0, D, Some(true), Some(4.0), "1.0000K"),
        (4444.0, D, None, None, "4.44K"),
        (4444.0, D, Some(false), Some(4.0), "4,444.0000"),
        (100_000.0, D, None, None, "100K"),
        (100_000.0, D, Some(true), Some(4.0), "100.0000K"),
        (666_666.0, D, None, None, "667K"),
        (666_666.0, D, Some(false), None, "666,666"),
        (666_666.0, D, Some(true), Some(4.0), "666.6660K"),
        (10_000_000.0, D, None, None, "10M"),
        (10_000_000.0, D, Some(false), Some(4.0), "10,000,000.0000"),
        (88_888_888.0, D, None, None, "88.9M"),
        (88_888_888.0, D, Some(false), None, "88,888,888"),
        (1_234_567_890.0, D, None, None, "1.23B"),
        (3.2e12, D, None, None, "3.2T"),
        // No unit means decimal.
        (14.5678, None, None, Some(2.0), "14.57"),
        (0.5, D, None, Some(0.0), "1"),
        // decimalPlaces is clamped to 0–20.
        (1.5, D, Some(false), Some(-3.0), "2"),
    ]);
}

#[test]
fn percent() {
    let p = Some("percent");
    let pd = Some("percent-decimal");
    check(&[
        (0.0, p, None, None, "0%"),
        (0.0, p, None, Some(4.0), "0.0000%"),
        (0.001111, p, None, None, "0.00111%"),
        (0.001111, p, None, Some(0.0), "0%"),
        (0.001111, p, None, Some(4.0), "0.0011%"),
        (0.011111, p, None, None, "0.0111%"),
        (0.111111, p, None, None, "0.111%"),
        (0.111111, p, None, Some(4.0), "0.1111%"),
        (1.0, p, None, None, "1%"),
        (1.0, p, None, Some(4.0), "1.0000%"),
        (1.1111, p, None, None, "1.11%"),
        (1.1111, p, None, Some(0.0), "1%"),
        (55.0, p, None, Some(4.0), "55.0000%"),
        (55.555, p, None, None, "55.6%"),
        (55.555, p, None, Some(0.0), "56%"),
        (55.555, p, None, Some(4.0), "55.5550%"),
        (111.111, p, None, None, "111%"),
        (111.111, p, None, Some(4.0), "111.1110%"),
        (100_000.0, p, None, None, "100,000%"),
        // "%" is Perses' shorthand for percent-decimal: a fraction.
        (0.42, Some("%"), None, None, "42%"),
        (0.00001111, pd, None, None, "0.00111%"),
        (0.00011111, pd, None, Some(4.0), "0.0111%"),
        (0.00111111, pd, None, None, "0.111%"),
        (0.01, pd, None, Some(0.0), "1%"),
        (0.01111, pd, None, None, "1.11%"),
        (0.01111, pd, None, Some(4.0), "1.1110%"),
        (0.11, pd, None, None, "11%"),
        (0.1111, pd, None, None, "11.1%"),
        (0.1111, pd, None, Some(4.0), "11.1100%"),
        (1.0, pd, None, None, "100%"),
        (10.0, pd, None, None, "1,000%"),
    ]);
}

#[test]
fn time() {
    check(&[
        (0.0, Some("nanoseconds"), None, None, "0s"),
        (0.0, Some("years"), None, None, "0s"),
        (0.001, Some("nanoseconds"), None, None, "0.001ns"),
        (0.001, Some("microseconds"), None, None, "1ns"),
        (0.001, Some("milliseconds"), None, None, "1μs"),
        (0.001, Some("seconds"), None, None, "1ms"),
        (0.001, Some("minutes"), None, None, "60ms"),
        (0.001, Some("hours"), None, None, "3.6s"),
        (0.001, Some("days"), None, None, "1.44m"),
        (0.001, Some("weeks"), None, None, "10.1m"),
        (0.001, Some("months"), None, None, "43.2m"),
        (0.001, Some("years"), None, None, "8.76h"),
        (1.0, Some("nanoseconds"), None, None, "1ns"),
        (1.0, Some("seconds"), None, None, "1s"),
        (1.0, Some("minutes"), None, None, "1m"),
        (1.0, Some("hours"), None, None, "1h"),
        (1.0, Some("days"), None, None, "1d"),
        (1.0, Some("weeks"), None, None, "1w"),
        (1.0, Some("months"), None, None, "1 month"),
        (1.0, Some("years"), None, None, "1 year"),
        (100.0, Some("milliseconds"), None, None, "100ms"),
        (100.0, Some("seconds"), None, None, "1.67m"),
        (100.0, Some("minutes"), None, None, "1.67h"),
        (100.0, Some("hours"), None, None, "4.17d"),
        (100.0, Some("days"), None, None, "3.33 months"),
        (100.0, Some("weeks"), None, None, "1.92 years"),
        (100.0, Some("months"), None, None, "8.22 years"),
        (100.0, Some("years"), None, None, "100 years"),
        (90.0, Some("seconds"), None, Some(2.0), "1.50m"),
        (1.0, Some("months"), None, Some(1.0), "1.0 months"),
    ]);
}

#[test]
fn bytes_and_bits() {
    let db = Some("decbytes");
    let b = Some("bytes");
    let dbit = Some("decbits");
    let bit = Some("bits");
    check(&[
        (-1234.0, db, None, None, "-1.23 KB"),
        (-1234.0, db, Some(false), None, "-1,234 bytes"),
        (-1234.0, db, Some(false), Some(4.0), "-1,234.0000 bytes"),
        (-1234.0, db, Some(true), Some(4.0), "-1.2340 KB"),
        (0.0, b, None, None, "0 bytes"),
        (1.0, b, None, None, "1 byte"),
        (-1.0, b, None, None, "-1 byte"),
        // numbro rounds a negative half toward zero (Math.round), a positive one up.
        (-1125.0, db, None, None, "-1.12 KB"),
        (1125.0, db, None, None, "1.13 KB"),
        (-1126.0, db, None, None, "-1.13 KB"),
        (10.0, db, None, None, "10 bytes"),
        (10.0, db, Some(false), Some(4.0), "10.0000 bytes"),
        (10.1234, db, None, None, "10.1 bytes"),
        (10.1234, db, Some(false), None, "10.123 bytes"),
        (1000.0, db, None, None, "1 KB"),
        (1000.0, db, Some(true), Some(4.0), "1.0000 KB"),
        (1234.0, db, None, None, "1.23 KB"),
        (100_000.0, db, None, None, "100 KB"),
        (123_456.0, db, None, None, "123.46 KB"),
        (123_456.0, db, Some(true), Some(4.0), "123.4560 KB"),
        (10_000_000.0, db, None, None, "10 MB"),
        (12_345_678.0, db, None, None, "12.35 MB"),
        (12_345_678.0, db, Some(true), Some(4.0), "12.3457 MB"),
        (1e9, db, None, None, "1 GB"),
        (1e9, db, Some(false), None, "1,000,000,000 bytes"),
        (1024.0, b, None, None, "1 KiB"),
        (1536.0, b, None, None, "1.5 KiB"),
        (1_073_741_824.0, b, None, None, "1 GiB"),
        (1000.0, b, None, None, "1,000 bytes"),
        (-1234.0, dbit, None, None, "-1.23 Kb"),
        // Perses renames KB … EB to bits, not ZB and YB.
        (1.5e21, dbit, None, None, "1.5 ZB"),
        (1.5e18, dbit, None, None, "1.5 Eb"),
        (-1234.0, dbit, Some(false), None, "-1,234 bits"),
        (-1234.0, dbit, Some(true), Some(4.0), "-1.2340 Kb"),
        (0.0, bit, None, None, "0 bits"),
        (1.0, bit, None, None, "1 bits"),
        (100.0, bit, None, None, "100 bits"),
        (1000.0, dbit, None, None, "1 Kb"),
        (1024.0, bit, None, None, "1 Kib"),
        (1024.0, bit, Some(false), None, "1,024 bits"),
        (1024.0, bit, None, Some(0.0), "1 Kib"),
        (1024.0, bit, None, Some(3.0), "1.000 Kib"),
        (1_048_576.0, bit, None, None, "1 Mib"),
        (
            1_073_741_824.0,
            bit,
            Some(false),
            None,
            "1,073,741,824 bits",
        ),
        (1e9, dbit, None, None, "1 Gb"),
    ]);
}

#[test]
fn throughput() {
    check(&[
        (-4444.0, Some("counts/sec"), None, None, "-4.44K counts/sec"),
        (
            -4444.0,
            Some("ops/sec"),
            Some(false),
            None,
            "-4,444 ops/sec",
        ),
        (
            -4444.0,
            Some("requests/sec"),
            Some(false),
            Some(4.0),
            "-4,444.0000 requests/sec",
        ),
        (
            -4444.0,
            Some("writes/sec"),
            Some(true),
            Some(4.0),
            "-4.4440K writes/sec",
        ),
        (
            -0.123456789,
            Some("events/sec"),
            None,
            None,
            "-0.123 events/sec",
        ),
        (12.5, Some("rows/sec"), None, None, "12.5 rows/sec"),
        (
            1_500_000.0,
            Some("messages/sec"),
            None,
            None,
            "1.5M messages/sec",
        ),
        (10.0, Some("bytes/sec"), None, None, "10 bytes/sec"),
        (2048.0, Some("bytes/sec"), None, None, "2 KiB/s"),
        (1234.0, Some("decbytes/sec"), None, None, "1.23 KB/s"),
        (999.0, Some("decbits/sec"), None, None, "999 bits/sec"),
        (1_000_000.0, Some("decbits/sec"), None, None, "1 Mb/s"),
        (1024.0, Some("bits/sec"), None, None, "1 Kib/s"),
    ]);
}

#[test]
fn currency_and_temperature() {
    check(&[
        (1.23, Some("eur"), None, None, "€1.23"),
        (0.99, Some("eur"), None, None, "€0.99"),
        (1.23, Some("aud"), None, None, "A$1.23"),
        (1000.0, Some("gbp"), None, None, "£1,000"),
        (100_000.0, Some("jpy"), None, None, "¥100,000"),
        (-1.23, Some("usd"), None, None, "-$1.23"),
        (1234.5, Some("usd"), None, None, "$1,230"),
        (3.5, Some("usd"), None, Some(2.0), "$3.50"),
        (7.0, Some("chf"), None, None, "CHF\u{a0}7"),
        (10.0, Some("celsius"), None, Some(1.0), "10.0°C"),
        (-5.678, Some("celsius"), None, Some(2.0), "-5.68°C"),
        (25.5, Some("fahrenheit"), None, Some(1.0), "25.5°F"),
        (0.0, Some("fahrenheit"), None, Some(0.0), "0°F"),
        (0.005, Some("celsius"), None, Some(2.0), "0.01°C"),
        (10.5, Some("celsius"), None, Some(0.0), "11°C"),
        (10.3, Some("celsius"), None, Some(0.0), "10°C"),
        (1_234_567.0, Some("celsius"), None, Some(0.0), "1,234,567°C"),
        (21.456, Some("celsius"), None, None, "21.5°C"),
    ]);
}

#[test]
fn dates() {
    // 2024-01-01T12:30:45Z, in milliseconds and in seconds.
    let ms = 1_704_112_245_000.0;
    let secs = 1_704_112_245.0;
    check(&[
        (
            ms,
            Some("datetime-iso"),
            None,
            None,
            "2024-01-01T12:30:45.000Z",
        ),
        (
            secs,
            Some("datetime-iso"),
            None,
            None,
            "2024-01-01T12:30:45.000Z",
        ),
        (
            ms,
            Some("datetime-us"),
            None,
            None,
            "01/01/2024, 07:30:45 AM",
        ),
        (
            ms,
            Some("datetime-local"),
            None,
            None,
            "01/01/2024, 12:30:45",
        ),
        (ms, Some("date-iso"), None, None, "2024-01-01"),
        (ms, Some("date-us"), None, None, "01/01/2024"),
        (ms, Some("date-local"), None, None, "01/01/2024"),
        (ms, Some("time-local"), None, None, "12:30:45"),
        (ms, Some("time-iso"), None, None, "12:30:45.000"),
        (ms, Some("time-us"), None, None, "07:30:45 AM"),
        // Summer: US Eastern is UTC-4.
        (
            1_719_837_045_000.0,
            Some("time-us"),
            None,
            None,
            "08:30:45 AM",
        ),
        (ms, Some("unix-timestamp"), None, None, "1704112245"),
        (secs, Some("unix-timestamp"), None, None, "1704112245"),
        (secs, Some("unix-timestamp-ms"), None, None, "1704112245000"),
        (ms, Some("unix-timestamp-ms"), None, None, "1704112245000"),
    ]);
}

#[test]
fn dates_in_the_viewers_zone_and_relative_to_now() {
    let offset = |_: i64| 120; // UTC+2
    let now_ms = 1_704_121_200_000; // 2024-01-01T15:00:00Z
    let context = DateContext {
        local_offset_minutes: &offset,
        now_ms,
    };
    let at = |value: f64, unit: &str| {
        format_value_at(value, Some(&fmt(Some(unit), None, None)), &context).to_string()
    };
    assert_eq!(
        at(1_704_112_245_000.0, "datetime-local"),
        "01/01/2024, 14:30:45"
    );
    assert_eq!(at(1_704_112_245_000.0, "time-local"), "14:30:45");
    for (value_ms, expected) in [
        (now_ms, "now"),
        (now_ms - 30_000, "30 seconds ago"),
        (now_ms - 60_000, "1 minute ago"),
        (now_ms - 3 * 3_600_000, "3 hours ago"),
        (now_ms + 3 * 3_600_000, "in 3 hours"),
        (now_ms - 86_400_000, "yesterday"),
        (now_ms + 86_400_000, "tomorrow"),
        (now_ms - 7 * 86_400_000, "last week"),
        (now_ms - 60 * 86_400_000, "2 months ago"),
        (now_ms + 365 * 86_400_000, "next year"),
    ] {
        assert_eq!(at(value_ms as f64, "relative-time"), expected, "{value_ms}");
    }
}

#[test]
fn no_format_prints_as_javascript_and_parts_join() {
    assert_eq!(
        format_value(0.1 + 0.2, None).to_string(),
        "0.30000000000000004"
    );
    assert_eq!(format_value(1e21, None).to_string(), "1e+21");
    let money = format_value(-1.23, Some(&fmt(Some("usd"), None, None)));
    assert_eq!(
        (money.prefix.as_str(), money.number.as_str()),
        ("-$", "1.23")
    );
    let share = format_value(0.5, Some(&fmt(Some("percent-decimal"), None, None)));
    assert_eq!((share.number.as_str(), share.suffix.as_str()), ("50", "%"));
    for value in [f64::NAN, f64::INFINITY] {
        let text = format_value(value, Some(&fmt(D, None, None))).to_string();
        assert!(text == "NaN" || text == "∞", "{text}");
    }
}
