//! Grafana field settings (units, decimals, thresholds, value mappings, reducers, colours) in
//! Perses' terms. Each mapping is a table here, written from the two projects' documented
//! names; what has no counterpart is returned as a loss.

use obs_core::spec::common::{
    Calculation, Format, Mapping, MappingResult, MiscValue, ThresholdMode, ThresholdStep,
    Thresholds,
};
use obs_core::spec::unit::Unit;
use serde_json::Value;

/// Grafana unit ids and the Perses unit each becomes.
const UNITS: &[(&str, &str)] = &[
    ("percent", "percent"),
    ("percentunit", "percent-decimal"),
    ("short", "decimal"),
    ("none", "decimal"),
    ("locale", "decimal"),
    ("sishort", "decimal"),
    ("bytes", "bytes"),
    ("decbytes", "decbytes"),
    ("bits", "bits"),
    ("decbits", "decbits"),
    ("kbytes", "bytes"),
    ("Bps", "bytes/sec"),
    ("binBps", "bytes/sec"),
    ("decBps", "decbytes/sec"),
    ("bps", "bits/sec"),
    ("binbps", "bits/sec"),
    ("decbps", "decbits/sec"),
    ("ns", "nanoseconds"),
    ("µs", "microseconds"),
    ("us", "microseconds"),
    ("ms", "milliseconds"),
    ("s", "seconds"),
    ("m", "minutes"),
    ("h", "hours"),
    ("d", "days"),
    ("dtdurations", "seconds"),
    ("dtdurationms", "milliseconds"),
    ("reqps", "requests/sec"),
    ("rps", "reads/sec"),
    ("wps", "writes/sec"),
    ("iops", "ops/sec"),
    ("ops", "ops/sec"),
    ("cps", "counts/sec"),
    ("pps", "packets/sec"),
    ("mps", "messages/sec"),
    ("eps", "events/sec"),
    ("recps", "records/sec"),
    ("rowsps", "rows/sec"),
    ("celsius", "celsius"),
    ("fahrenheit", "fahrenheit"),
    ("currencyUSD", "usd"),
    ("currencyEUR", "eur"),
    ("currencyGBP", "gbp"),
    ("currencyJPY", "jpy"),
    ("dateTimeAsIso", "datetime-iso"),
    ("dateTimeAsUS", "datetime-us"),
    ("dateTimeAsLocal", "datetime-local"),
];

/// The Perses unit of a Grafana unit id; `Err` names one that has none.
pub fn unit(grafana: &str) -> Result<Option<Unit>, String> {
    if grafana.is_empty() {
        return Ok(None);
    }
    UNITS
        .iter()
        .find(|(id, _)| *id == grafana)
        .and_then(|(_, perses)| serde_json::from_value(Value::from(*perses)).ok())
        .map(Some)
        .ok_or_else(|| format!("unit {grafana:?} (shown as a plain number)"))
}

/// The `format` of a panel from Grafana's field defaults (unit and decimals).
pub fn format(defaults: &Value, losses: &mut Vec<String>) -> Option<Format> {
    let unit = match defaults.get("unit").and_then(Value::as_str).map(unit) {
        Some(Ok(unit)) => unit,
        Some(Err(loss)) => {
            losses.push(loss);
            None
        }
        None => None,
    };
    let decimal_places = defaults.get("decimals").and_then(Value::as_f64);
    (unit.is_some() || decimal_places.is_some()).then_some(Format {
        unit,
        decimal_places,
        short_values: None,
    })
}

/// Grafana reducer ids (`calcs`) and the Perses calculation each becomes.
const CALCULATIONS: &[(&str, Calculation)] = &[
    ("last", Calculation::Last),
    ("lastNotNull", Calculation::LastNumber),
    ("first", Calculation::First),
    ("firstNotNull", Calculation::FirstNumber),
    ("mean", Calculation::Mean),
    ("avg", Calculation::Mean),
    ("sum", Calculation::Sum),
    ("total", Calculation::Sum),
    ("min", Calculation::Min),
    ("max", Calculation::Max),
    // Grafana 6's singlestat names.
    ("current", Calculation::Last),
];

/// The Perses calculation of a Grafana reducer; `Err` names one that has none.
pub fn calculation(grafana: &str) -> Result<Calculation, String> {
    CALCULATIONS
        .iter()
        .find(|(id, _)| *id == grafana)
        .map(|(_, calculation)| *calculation)
        .ok_or_else(|| format!("the {grafana:?} calculation (the last value is shown)"))
}

/// The calculation of a stat-like panel: the first of `options.reduceOptions.calcs`.
pub fn panel_calculation(options: &Value, losses: &mut Vec<String>) -> Calculation {
    let first = options
        .pointer("/reduceOptions/calcs/0")
        .and_then(Value::as_str)
        .unwrap_or("lastNotNull");
    calculation(first).unwrap_or_else(|loss| {
        losses.push(loss);
        Calculation::LastNumber
    })
}

/// Grafana's thresholds (`{mode, steps: [{color, value: null|n}]}`).
pub fn thresholds(defaults: &Value) -> Option<Thresholds> {
    let thresholds = defaults.get("thresholds")?;
    let steps = thresholds.get("steps")?.as_array()?;
    let mut default_color = None;
    let mut converted = Vec::new();
    for step in steps {
        let color = step.get("color").and_then(Value::as_str).map(color);
        match step.get("value").and_then(Value::as_f64) {
            Some(value) => converted.push(ThresholdStep {
                value,
                color,
                name: None,
            }),
            // The base step (value null) is the colour below every threshold.
            None => default_color = color,
        }
    }
    if converted.is_empty() && default_color.is_none() {
        return None;
    }
    let mode = match thresholds.get("mode").and_then(Value::as_str) {
        Some("percentage") => Some(ThresholdMode::Percent),
        _ => Some(ThresholdMode::Absolute),
    };
    Some(Thresholds {
        mode,
        default_color,
        steps: converted,
    })
}

/// Grafana's value mappings (Grafana 8+: value, range, regex, special).
pub fn mappings(defaults: &Value, losses: &mut Vec<String>) -> Vec<Mapping> {
    let Some(list) = defaults.get("mappings").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut mappings = Vec::new();
    for mapping in list {
        let options = mapping.get("options").unwrap_or(&Value::Null);
        match mapping.get("type").and_then(Value::as_str) {
            Some("value") => {
                if let Some(values) = options.as_object() {
                    for (value, result) in values {
                        if let Some(result) = mapping_result(result) {
                            mappings.push(Mapping::Value {
                                value: value.clone(),
                                result,
                            });
                        }
                    }
                }
            }
            Some("range") => {
                if let Some(result) = options.get("result").and_then(mapping_result) {
                    mappings.push(Mapping::Range {
                        from: options.get("from").and_then(Value::as_f64),
                        to: options.get("to").and_then(Value::as_f64),
                        result,
                    });
                }
            }
            Some("regex") => {
                if let (Some(pattern), Some(result)) = (
                    options.get("pattern").and_then(Value::as_str),
                    options.get("result").and_then(mapping_result),
                ) {
                    mappings.push(Mapping::Regex {
                        pattern: pattern.to_owned(),
                        result,
                    });
                }
            }
            Some("special") => {
                let value = match options.get("match").and_then(Value::as_str) {
                    Some("null" | "null+nan") => Some(MiscValue::Null),
                    Some("nan") => Some(MiscValue::NaN),
                    Some("true") => Some(MiscValue::True),
                    Some("false") => Some(MiscValue::False),
                    Some("empty") => Some(MiscValue::Empty),
                    _ => None,
                };
                match (value, options.get("result").and_then(mapping_result)) {
                    (Some(value), Some(result)) => mappings.push(Mapping::Misc {
                        value: Some(value),
                        result,
                    }),
                    _ => losses.push("a special value mapping".to_owned()),
                }
            }
            other => losses.push(format!("a value mapping of type {other:?}")),
        }
    }
    mappings
}

fn mapping_result(result: &Value) -> Option<MappingResult> {
    let text = result.get("text").and_then(Value::as_str);
    let color = result.get("color").and_then(Value::as_str).map(color);
    if text.is_none() && color.is_none() {
        return None;
    }
    Some(MappingResult {
        value: text.unwrap_or_default().to_owned(),
        color,
    })
}

/// Grafana's named colours (its classic palette) as CSS colours; hex and `rgb()` pass through.
pub fn color(grafana: &str) -> String {
    const NAMED: &[(&str, &str)] = &[
        ("green", "#73bf69"),
        ("dark-green", "#37872d"),
        ("semi-dark-green", "#56a64b"),
        ("light-green", "#96d98d"),
        ("super-light-green", "#c8f2c2"),
        ("red", "#f2495c"),
        ("dark-red", "#c4162a"),
        ("semi-dark-red", "#e02f44"),
        ("light-red", "#ff7383"),
        ("super-light-red", "#ffa6b0"),
        ("orange", "#ff9830"),
        ("dark-orange", "#fa6400"),
        ("semi-dark-orange", "#ff780a"),
        ("light-orange", "#ffb357"),
        ("super-light-orange", "#ffcb7d"),
        ("yellow", "#fade2a"),
        ("dark-yellow", "#e0b400"),
        ("semi-dark-yellow", "#f2cc0c"),
        ("light-yellow", "#ffee52"),
        ("super-light-yellow", "#fff899"),
        ("blue", "#5794f2"),
        ("dark-blue", "#1f60c4"),
        ("semi-dark-blue", "#3274d9"),
        ("light-blue", "#8ab8ff"),
        ("super-light-blue", "#c0d8ff"),
        ("purple", "#b877d9"),
        ("dark-purple", "#8f3bb8"),
        ("semi-dark-purple", "#a352cc"),
        ("light-purple", "#ca95e5"),
        ("super-light-purple", "#deb6f2"),
        ("text", "#ccccdc"),
        ("transparent", "transparent"),
    ];
    NAMED
        .iter()
        .find(|(name, _)| *name == grafana)
        .map_or_else(|| grafana.to_owned(), |(_, css)| (*css).to_owned())
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
