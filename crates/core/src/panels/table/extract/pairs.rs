//! `key=value` pairs.

use super::super::CellValue;

pub(super) fn key_value_fields(text: &str, separator: Option<&str>) -> Vec<(String, CellValue)> {
    let pairs = match separator {
        Some(separator) => text
            .split(separator)
            .filter_map(|piece| {
                let at = piece.find(['=', ':'])?;
                let key = piece.get(..at)?.trim();
                let value = unquote(piece.get(at + 1..)?.trim());
                Some((key.to_owned(), value.to_owned()))
            })
            .collect(),
        None => scan_pairs(text),
    };
    pairs
        .into_iter()
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, value)| (key, CellValue::Text(value)))
        .collect()
}

fn unquote(text: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|quote| text.strip_prefix(*quote)?.strip_suffix(*quote))
        .unwrap_or(text)
}

/// Reads `key=value` / `key: value` pairs separated by blanks, `,`, `;` or `&`; values may be
/// quoted to hold separators.
fn scan_pairs(text: &str) -> Vec<(String, String)> {
    let is_separator = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&');
    let chars: Vec<char> = text.chars().collect();
    let at = |index: usize| chars.get(index).copied();
    let mut pairs = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        while at(index).is_some_and(is_separator) {
            index += 1;
        }
        let key_start = index;
        while at(index).is_some_and(|c| !is_separator(c) && c != '=' && c != ':') {
            index += 1;
        }
        let key: String = chars
            .iter()
            .skip(key_start)
            .take(index - key_start)
            .collect();
        let mut next = index;
        while at(next).is_some_and(char::is_whitespace) {
            next += 1;
        }
        if !matches!(at(next), Some('=' | ':')) {
            // A word without a value is no pair.
            index = next.max(index + 1);
            continue;
        }
        index = next + 1;
        while at(index).is_some_and(char::is_whitespace) {
            index += 1;
        }
        let value: String = match at(index) {
            Some(quote @ ('"' | '\'')) => {
                let value: String = chars
                    .iter()
                    .skip(index + 1)
                    .take_while(|c| **c != quote)
                    .collect();
                index += value.chars().count() + 2;
                value
            }
            _ => {
                let start = index;
                while at(index).is_some_and(|c| !is_separator(c)) {
                    index += 1;
                }
                chars.iter().skip(start).take(index - start).collect()
            }
        };
        pairs.push((key, value));
    }
    pairs
}
