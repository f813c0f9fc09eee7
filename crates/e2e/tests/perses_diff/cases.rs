//! The cases, generated systematically: every unit × value shapes × decimal places × short
//! values; every interpolation format × value shapes with special characters; time ranges ×
//! panel widths × min steps × scrape intervals. Each case is JSON Perses' side reads as it is.

use serde_json::{Value, json};

/// One case: its family, a label for reports, and what both sides read.
pub struct Case {
    pub family: Family,
    pub input: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    Format,
    Interpolate,
    Step,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Self::Format => "formatting",
            Self::Interpolate => "interpolation",
            Self::Step => "step",
        }
    }
}

/// Every unit name Perses' formatValue accepts (components 0.54 `UNIT_CONFIG`).
pub const UNITS: [&str; 61] = [
    "nanoseconds",
    "microseconds",
    "milliseconds",
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "percent",
    "percent-decimal",
    "%",
    "decimal",
    "bytes",
    "decbytes",
    "bits",
    "decbits",
    "bits/sec",
    "decbits/sec",
    "bytes/sec",
    "decbytes/sec",
    "counts/sec",
    "events/sec",
    "messages/sec",
    "ops/sec",
    "packets/sec",
    "reads/sec",
    "records/sec",
    "requests/sec",
    "rows/sec",
    "writes/sec",
    "aud",
    "cad",
    "chf",
    "cny",
    "eur",
    "gbp",
    "hkd",
    "inr",
    "jpy",
    "krw",
    "nok",
    "nzd",
    "sek",
    "sgd",
    "usd",
    "celsius",
    "fahrenheit",
    "datetime-iso",
    "datetime-us",
    "datetime-local",
    "date-iso",
    "date-us",
    "date-local",
    "time-local",
    "time-iso",
    "time-us",
    "relative-time",
    "unix-timestamp",
    "unix-timestamp-ms",
];

/// Magnitudes around every boundary the formatters have: zero, fractions that round, the
/// thousands (1000 and 1024), halves that round either way, negatives, very large and very
/// small values.
const VALUES: [f64; 26] = [
    0.0,
    1.0,
    -1.0,
    0.5,
    0.125,
    0.001,
    0.000_123,
    1.005,
    2.675,
    12.345,
    999.0,
    999.5,
    1000.0,
    1024.0,
    1125.0,
    -1125.0,
    1536.0,
    123_456.789,
    1.0e6,
    -2.5e6,
    123_456_789.0,
    1.0e12,
    1.0e15,
    1.0e21,
    -0.000_5,
    86_399.999,
];

/// Instants for the date units, in seconds and in milliseconds (Perses reads below 1e10 as
/// seconds): the epoch, a summer afternoon, a midnight, a leap day, the far future.
const INSTANTS: [f64; 10] = [
    0.0,
    1_700_000_000.0,
    1_718_064_000.0,
    1_709_164_800.0,
    1_700_000_000_123.0,
    1_718_064_000_000.0,
    1_709_251_199_999.0,
    -86_400.0,
    9_999_999_999.0,
    1_000_000_000_000_000.0,
];

pub fn format_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for unit in UNITS {
        let is_date = unit.contains("date")
            || unit.contains("time-")
            || unit.starts_with("time")
            || unit.starts_with("unix")
            || unit == "relative-time";
        let values: &[f64] = if is_date { &INSTANTS } else { &VALUES };
        for &value in values {
            let places: &[Option<u32>] = if is_date {
                &[None]
            } else {
                &[None, Some(0), Some(1), Some(2), Some(3), Some(5)]
            };
            let shorts: &[Option<bool>] = if is_date {
                &[None]
            } else {
                &[None, Some(false)]
            };
            for &places in places {
                for &short in shorts {
                    let mut format = json!({"unit": unit});
                    if let Some(places) = places {
                        format["decimalPlaces"] = json!(places);
                    }
                    if let Some(short) = short {
                        format["shortValues"] = json!(short);
                    }
                    if is_date {
                        // The core shows dates in UTC with the epoch as now (its DateContext
                        // for tools); Perses is told the same.
                        format["timeZone"] = json!("UTC");
                        format["locale"] = json!("en-US");
                        format["referenceTime"] = json!(0);
                    }
                    cases.push(Case {
                        family: Family::Format,
                        input: json!({"kind": "format", "value": value, "format": format}),
                    });
                }
            }
        }
    }
    // No format at all: JavaScript's own number printing.
    for value in VALUES {
        cases.push(Case {
            family: Family::Format,
            input: json!({"kind": "format", "value": value, "format": null}),
        });
    }
    cases
}

/// Values with every character the formats treat specially, and JSON-looking ones.
const SINGLE_VALUES: [&str; 22] = [
    // Seventeen digits: read exactly, as JSON.parse reads them.
    "0.069977848286370165",
    "483822778.01338157",
    "a",
    "",
    "api-server",
    "a.b*c",
    "x|y",
    "(re)[g]{1}^$",
    "it's",
    "say \"hi\"",
    "a b&c=d",
    "über/ü",
    "cost $$5",
    "$&",
    "$'",
    "$`",
    "1.0",
    "1e3",
    "-0",
    "{\"b\":1,\"a\":2}",
    "[1, 2]",
    "back\\slash",
];

fn multiple_values() -> Vec<Vec<&'static str>> {
    vec![
        vec!["a", "b.c", "d e"],
        vec![],
        vec!["only"],
        vec!["1.0", "1e3", "true", "null", "\"s\""],
        vec!["$$", "x$&y", "it's"],
        vec!["{\"z\":1,\"a\":[1.50,2]}", "2.50"],
    ]
}

const FORMATS: [&str; 16] = [
    "csv",
    "distributed",
    "doublequote",
    "glob",
    "json",
    "lucene",
    "percentencode",
    "pipe",
    "prometheus",
    "raw",
    "regex",
    "regexliteral",
    "singlequote",
    "sqlstring",
    "text",
    "queryparam",
];

pub fn interpolate_cases() -> Vec<Case> {
    let mut templates: Vec<String> = vec![
        "$v".into(),
        "${v}".into(),
        "up{pod=~\"$v\"} / on() $v".into(),
        "$v_suffix and ${v}_suffix".into(),
        "${v.field}".into(),
        "$$v".into(),
        "price $".into(),
        "${v:unknown}".into(),
        "${v:CSV}".into(),
        "$w $v".into(),
        // One variable with two formats; a value that names another variable.
        "${v:csv} and ${v:json}".into(),
        "$long then $w".into(),
    ];
    templates.extend(FORMATS.iter().map(|format| format!("x ${{v:{format}}} y")));
    let mut values: Vec<Value> = SINGLE_VALUES.iter().map(|value| json!(value)).collect();
    values.extend(multiple_values().into_iter().map(|values| json!(values)));
    let mut cases = Vec::new();
    for template in &templates {
        for value in &values {
            cases.push(Case {
                family: Family::Interpolate,
                input: json!({"kind": "interpolate", "text": template,
                    "state": {"v": {"value": value}, "w": {"value": "W"},
                        "long": {"value": "$w"}}}),
            });
        }
    }
    cases
}

/// The end of every range: not on a whole second or minute, so alignment shows.
const END_MS: i64 = 1_800_000_123_456;

pub fn step_cases() -> Vec<Case> {
    // Odd lengths too: below 10,000 s the safe step (range / 10,000) is a fraction of a
    // second, and so is `$__interval_ms` when nothing larger wins.
    let ranges_secs: [i64; 13] = [
        300, 777, 900, 3_600, 6_543, 21_600, 43_200, 86_400, 604_800, 2_592_000, 7_776_000,
        31_536_000, 34_560_000,
    ];
    // A very wide panel suggests a step below the safe step of a short range.
    let widths: [u32; 8] = [0, 1, 57, 300, 801, 1_400, 3_000, 12_000];
    let min_steps: [Option<&str>; 9] = [
        None,
        Some("15s"),
        Some("1m"),
        Some("5s"),
        Some("500ms"),
        Some("1s500ms"),
        Some("1d2h"),
        Some("1w"),
        Some("1y"),
    ];
    let scrapes: [Option<&str>; 3] = [None, Some("15s"), Some("30s")];
    let mut cases = Vec::new();
    for range_secs in ranges_secs {
        for width_px in widths {
            for min_step in min_steps {
                for scrape in scrapes {
                    cases.push(Case {
                        family: Family::Step,
                        input: json!({"kind": "step", "startMs": END_MS - range_secs * 1000,
                            "endMs": END_MS, "widthPx": width_px, "minStep": min_step,
                            "scrapeInterval": scrape,
                            "query": "rate(x[$__rate_interval]) $__interval $__interval_ms"}),
                    });
                }
            }
        }
    }
    cases
}
