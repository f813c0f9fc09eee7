//! Test helpers: a strict parser for sample lines of both text formats, so tests check the
//! output as Prometheus would read it rather than by string matching.

use std::collections::BTreeMap;

/// 2026-11-24T00:00:00Z: tests look at this day.
pub(crate) const DAY_START_MS: i64 = 1_795_478_400_000;
pub(crate) const HOUR_MS: i64 = 3_600_000;

/// One parsed sample line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Sample {
    pub(crate) name: String,
    pub(crate) labels: BTreeMap<String, String>,
    pub(crate) value: f64,
    /// Seconds, as written (OpenMetrics only).
    pub(crate) timestamp_secs: Option<f64>,
}

impl Sample {
    pub(crate) fn label(&self, name: &str) -> &str {
        self.labels.get(name).map_or("", String::as_str)
    }

    /// The series identity: name and labels, rendered canonically.
    pub(crate) fn key(&self) -> String {
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|(name, value)| format!("{name}={value:?}"))
            .collect();
        format!("{}{{{}}}", self.name, labels.join(","))
    }

    /// The identity without `le`: a histogram's buckets share it with its `_sum` and `_count`.
    pub(crate) fn histogram_key(&self) -> String {
        let base = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|suffix| self.name.strip_suffix(suffix))
            .unwrap_or(&self.name);
        let labels: Vec<String> = self
            .labels
            .iter()
            .filter(|(name, _)| *name != "le")
            .map(|(name, value)| format!("{name}={value:?}"))
            .collect();
        format!("{base}{{{}}}", labels.join(","))
    }
}

/// Parses `name{label="value",…} value [timestamp]`, rejecting anything else.
pub(crate) fn parse_sample(line: &str) -> Result<Sample, String> {
    let name_end = line.find(['{', ' ']).ok_or("no value")?;
    let name = &line[..name_end];
    if !is_metric_name(name) {
        return Err(format!("bad metric name `{name}`"));
    }
    let mut rest = &line[name_end..];
    let mut labels = BTreeMap::new();
    if let Some(after_brace) = rest.strip_prefix('{') {
        rest = after_brace;
        match rest.strip_prefix('}') {
            Some(after) => rest = after,
            None => loop {
                let equals = rest.find('=').ok_or("label without =")?;
                let label = &rest[..equals];
                if !is_label_name(label) {
                    return Err(format!("bad label name `{label}`"));
                }
                let quoted = rest[equals + 1..]
                    .strip_prefix('"')
                    .ok_or("label value without quotes")?;
                let (value, remaining) = unescape_until_quote(quoted)?;
                if labels.insert(label.to_owned(), value).is_some() {
                    return Err(format!("duplicate label `{label}`"));
                }
                if let Some(after) = remaining.strip_prefix(',') {
                    rest = after;
                    continue;
                }
                rest = remaining.strip_prefix('}').ok_or("labels not closed")?;
                break;
            },
        }
    }
    let mut fields = rest
        .strip_prefix(' ')
        .ok_or("no space before the value")?
        .split(' ');
    let value = parse_value(fields.next().unwrap_or_default())?;
    let timestamp_secs = match fields.next() {
        Some(text) => Some(
            text.parse::<f64>()
                .map_err(|_| format!("bad timestamp `{text}`"))?,
        ),
        None => None,
    };
    if fields.next().is_some() {
        return Err("trailing fields".to_owned());
    }
    Ok(Sample {
        name: name.to_owned(),
        labels,
        value,
        timestamp_secs,
    })
}

/// Parses every non-comment line of a document, panicking with the line on failure.
pub(crate) fn parse_samples(text: &str) -> Vec<Sample> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| parse_sample(line).unwrap_or_else(|error| panic!("{error}: {line}")))
        .collect()
}

fn parse_value(text: &str) -> Result<f64, String> {
    match text {
        "+Inf" => Ok(f64::INFINITY),
        "-Inf" => Ok(f64::NEG_INFINITY),
        "NaN" => Ok(f64::NAN),
        _ if text
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
            && !text.is_empty() =>
        {
            text.parse().map_err(|_| format!("bad value `{text}`"))
        }
        _ => Err(format!("bad value `{text}`")),
    }
}

fn unescape_until_quote(text: &str) -> Result<(String, &str), String> {
    let mut value = String::new();
    let mut characters = text.char_indices();
    while let Some((index, character)) = characters.next() {
        match character {
            '"' => return Ok((value, &text[index + 1..])),
            '\\' => match characters.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, escaped @ ('\\' | '"'))) => value.push(escaped),
                _ => return Err("bad escape".to_owned()),
            },
            '\n' => return Err("line feed in a label value".to_owned()),
            other => value.push(other),
        }
    }
    Err("label value not closed".to_owned())
}

pub(crate) fn is_metric_name(name: &str) -> bool {
    let mut characters = name.chars();
    characters
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && characters.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

fn is_label_name(name: &str) -> bool {
    let mut characters = name.chars();
    characters
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && characters.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[test]
fn the_parser_accepts_valid_lines_and_rejects_broken_ones() {
    let valid = [
        ("up 1", "up", 0, 1.0),
        (r#"a:b_total{x="1",y="q\"\\"} 2.5"#, "a:b_total", 2, 2.5),
        (r#"h_bucket{le="+Inf"} 7 1795478400.5"#, "h_bucket", 1, 7.0),
        ("g{} -3e-2", "g", 0, -0.03),
    ];
    for (line, name, label_count, value) in valid {
        let sample = parse_sample(line).unwrap_or_else(|error| panic!("{error}: {line}"));
        assert_eq!(
            (sample.name.as_str(), sample.labels.len(), sample.value),
            (name, label_count, value),
            "{line}"
        );
    }
    for line in [
        "",
        "1up 1",
        r#"up{a="1"b="2"} 1"#,
        "up",
        "up{x=1} 1",
        r#"up{x="1" 1"#,
        r#"up{x="1",x="2"} 1"#,
        "up one",
        "up 1 2 3",
        r#"up{9="a"} 1"#,
    ] {
        assert!(parse_sample(line).is_err(), "accepted {line:?}");
    }
}
