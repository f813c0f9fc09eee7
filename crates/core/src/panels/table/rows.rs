//! Rows as Perses holds them before drawing: JavaScript objects from field names to values,
//! built from the last point of each series (`buildRawTableData`).

use super::CellValue;
use crate::format::js_number_to_string;
use crate::panels::QueryOutput;

/// A row with the key order of a JavaScript object: keys that are array indices (`"0"`,
/// `"42"`) come first in ascending order, the others in insertion order. The order decides
/// column order and how `JoinByColumnValue` hashes rows, so it is kept exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Row {
    entries: Vec<(String, CellValue)>,
}

impl Row {
    /// A row with these fields set in order.
    pub(crate) fn from_fields<I, K>(fields: I) -> Self
    where
        I: IntoIterator<Item = (K, CellValue)>,
        K: Into<String>,
    {
        let mut row = Self::default();
        for (key, value) in fields {
            row.set(key.into(), value);
        }
        row
    }

    pub(crate) fn get(&self, key: &str) -> Option<&CellValue> {
        self.entries
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Sets a field: an existing key keeps its place, a new one goes where JavaScript puts it.
    pub(crate) fn set(&mut self, key: String, value: CellValue) {
        if let Some(entry) = self.entries.iter_mut().find(|(name, _)| *name == key) {
            entry.1 = value;
            return;
        }
        let position = match array_index(&key) {
            Some(index) => self
                .entries
                .iter()
                .position(|(name, _)| array_index(name).is_none_or(|other| other > index))
                .unwrap_or(self.entries.len()),
            None => self.entries.len(),
        };
        self.entries.insert(position, (key, value));
    }

    pub(crate) fn remove(&mut self, key: &str) -> Option<CellValue> {
        let position = self.entries.iter().position(|(name, _)| name == key)?;
        Some(self.entries.remove(position).1)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(name, _)| name.as_str())
    }

    pub(crate) fn fields(&self) -> impl Iterator<Item = (&str, &CellValue)> {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_str(), value))
    }

    /// `{ ...self, ...other }`.
    pub(crate) fn spread(&self, other: &Row) -> Row {
        let mut merged = self.clone();
        for (key, value) in other.fields() {
            merged.set(key.to_owned(), value.clone());
        }
        merged
    }
}

/// The number a key stands for when JavaScript orders it as an array index.
pub(crate) fn array_index(key: &str) -> Option<u32> {
    let canonical =
        key == "0" || (!key.starts_with('0') && key.bytes().all(|b| b.is_ascii_digit()));
    if !canonical || key.is_empty() {
        return None;
    }
    // Array indices stop one below 2^32 - 1.
    key.parse::<u32>().ok().filter(|index| *index != u32::MAX)
}

/// One row per series from its last point, in query then series order. With one query the
/// value column is `value`; with several it is `value #N` and label keys get ` #N`, where N
/// counts the queries that have data. A series with no points gives its bare labels.
/// Instant tables (no embedded panels) also get a `timestamp` column in milliseconds.
pub(crate) fn raw_rows(outputs: &[QueryOutput], instant: bool) -> Vec<Row> {
    let single = outputs.len() == 1;
    let mut rows = Vec::new();
    for (position, output) in outputs.iter().enumerate() {
        let suffix = format!(" #{}", position + 1);
        for series in &output.result.series {
            let Some(last) = series.samples.last() else {
                rows.push(Row::from_fields(series.labels.iter().map(
                    |(name, value)| (name.to_owned(), CellValue::Text(value.to_owned())),
                )));
                continue;
            };
            let mut row = Row::default();
            if instant {
                // Milliseconds fit an f64 exactly for any realistic date.
                row.set(
                    "timestamp".to_owned(),
                    CellValue::Number(last.time_ms as f64),
                );
            }
            let value_key = if single {
                "value".to_owned()
            } else {
                format!("value{suffix}")
            };
            row.set(value_key, CellValue::Number(last.value));
            for (name, value) in series.labels.iter() {
                let key = if single {
                    name.to_owned()
                } else if name.is_empty() {
                    continue;
                } else {
                    format!("{name}{suffix}")
                };
                row.set(key, CellValue::Text(value.to_owned()));
            }
            rows.push(row);
        }
    }
    rows
}

/// `String(value)`; `None` for a missing value (JavaScript's `undefined`).
pub(crate) fn js_string(value: &CellValue) -> Option<String> {
    match value {
        CellValue::Number(number) => Some(js_number_to_string(*number)),
        CellValue::Text(text) => Some(text.clone()),
        CellValue::Bool(flag) => Some(flag.to_string()),
        CellValue::Null => None,
    }
}

/// `Number(value)`: text is parsed as JavaScript does (blank is 0, junk is NaN).
pub(crate) fn js_number(value: &CellValue) -> f64 {
    match value {
        CellValue::Number(number) => *number,
        CellValue::Text(text) => js_text_to_number(text),
        CellValue::Bool(flag) => f64::from(u8::from(*flag)),
        CellValue::Null => f64::NAN,
    }
}

fn js_text_to_number(text: &str) -> f64 {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.is_empty() {
        return 0.0;
    }
    match trimmed {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    let radix = match trimmed.get(..2) {
        Some("0x" | "0X") => Some(16),
        Some("0o" | "0O") => Some(8),
        Some("0b" | "0B") => Some(2),
        _ => None,
    };
    if let Some(radix) = radix {
        let digits = trimmed.get(2..).unwrap_or_default();
        if digits.is_empty() {
            return f64::NAN;
        }
        return digits
            .chars()
            .try_fold(0.0_f64, |total, c| {
                c.to_digit(radix)
                    .map(|digit| total * f64::from(radix) + f64::from(digit))
            })
            .unwrap_or(f64::NAN);
    }
    // Rust also reads "inf" and "nan", which JavaScript does not: only digits, a sign, a point
    // and an exponent may appear.
    let plain = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E'));
    if !plain {
        return f64::NAN;
    }
    crate::float_text::parse_f64(trimmed).unwrap_or(f64::NAN)
}
