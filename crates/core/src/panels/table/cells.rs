//! How one cell is shown: its formatted text, the cell settings that restyle it
//! (`evaluateConditionalFormatting` of perses/plugins `table/src/models/table-model.ts`), and
//! its data link with the row's fields filled in (perses/shared
//! `components/src/utils/data-field-interpolation.ts`).

use super::CellValue;
use super::rows::{Row, js_number, js_string};
use crate::format::{format_value, js_number_to_string};
use crate::interpolate::{InterpolationFormat, encode_uri_component};
use crate::mappings::PatternEngine;
use crate::spec::common::{Format, MiscValue};
use crate::spec::panels::table::{CellSettings, Condition};

/// What a matching cell setting makes of a cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellStyle {
    pub(crate) text: String,
    pub(crate) text_color: Option<String>,
    pub(crate) background_color: Option<String>,
}

/// The style of the first matching table-wide setting, replaced by the first matching
/// setting of the column when one matches.
pub(crate) fn cell_style(
    value: &CellValue,
    table_settings: &[CellSettings],
    column_settings: &[CellSettings],
    patterns: &dyn PatternEngine,
) -> Option<CellStyle> {
    first_match(value, column_settings, patterns)
        .or_else(|| first_match(value, table_settings, patterns))
}

/// The value as shown without cell settings: numbers with the column's format, or as
/// JavaScript prints them; a missing value is blank.
pub(crate) fn display_text(value: &CellValue, format: Option<&Format>) -> String {
    match value {
        CellValue::Number(number) => match format {
            Some(format) => format_value(*number, Some(format)).to_string(),
            None => js_number_to_string(*number),
        },
        CellValue::Text(text) => text.clone(),
        CellValue::Bool(flag) => flag.to_string(),
        CellValue::Null => String::new(),
    }
}

fn first_match(
    value: &CellValue,
    settings: &[CellSettings],
    patterns: &dyn PatternEngine,
) -> Option<CellStyle> {
    let setting = settings
        .iter()
        .find(|setting| condition_matches(&setting.condition, value, patterns))?;
    // Perses shows the raw value (not the formatted one) unless the setting gives a text;
    // `null` and `NaN` conditions show those words.
    let base = non_empty(setting.text.as_deref())
        .map(str::to_owned)
        .or_else(|| match &setting.condition {
            Condition::Misc {
                value: MiscValue::Null,
            } => Some("null".to_owned()),
            _ => js_string(value),
        })
        .unwrap_or_default();
    Some(CellStyle {
        text: format!(
            "{}{base}{}",
            setting.prefix.as_deref().unwrap_or_default(),
            setting.suffix.as_deref().unwrap_or_default()
        ),
        text_color: setting.text_color.clone(),
        background_color: setting.background_color.clone(),
    })
}

/// Whether a condition holds for a value. A missing value only meets `Misc: null` (Perses
/// would also test the word "undefined" against value and regex conditions).
pub(crate) fn condition_matches(
    condition: &Condition,
    value: &CellValue,
    patterns: &dyn PatternEngine,
) -> bool {
    match condition {
        Condition::Value { value: expected } => js_string(value).as_ref() == Some(expected),
        Condition::Range { min, max } => {
            let number = js_number(value);
            if number.is_nan() {
                return false;
            }
            match (min, max) {
                (Some(min), Some(max)) => number >= *min && number <= *max,
                (Some(min), None) => number >= *min,
                (None, Some(max)) => number <= *max,
                (None, None) => false,
            }
        }
        Condition::Regex { expr } => match js_string(value) {
            // Perses compiles `expr` as a bare source; wrapping it in slashes keeps an
            // engine that also reads `/source/flags` from taking a slash as a delimiter.
            Some(text) if !expr.is_empty() => {
                patterns.replace(&format!("/{expr}/"), &text, "").is_some()
            }
            _ => false,
        },
        Condition::Misc { value: misc } => match (misc, value) {
            (MiscValue::Empty, CellValue::Text(text)) => text.is_empty(),
            (MiscValue::Null, CellValue::Null) => true,
            (MiscValue::NaN, CellValue::Number(number)) => number.is_nan(),
            (MiscValue::True, CellValue::Bool(flag)) => *flag,
            (MiscValue::False, CellValue::Bool(flag)) => !*flag,
            _ => false,
        },
    }
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.is_empty())
}

/// Fills `${__data.fields["name"]}`, `${__data.fields.name}` (optionally `:format`) and
/// `${__data}` / `${__data:format}` with the row's text and number fields, URL-encoding
/// field values that have no format. Nothing is filled unless a field reference is present;
/// `${__data.index}` and `${__data.count}` stay, as in Perses' table cells.
pub(crate) fn fill_data_fields(template: &str, row: &Row) -> String {
    if !has_field_reference(template) {
        return template.to_owned();
    }
    let fields: Vec<(&str, String)> = row
        .fields()
        .filter_map(|(key, value)| match value {
            CellValue::Number(_) | CellValue::Text(_) => Some((key, js_string(value)?)),
            CellValue::Bool(_) | CellValue::Null => None,
        })
        .collect();
    let whole = replace_references(template, |reference| match reference {
        Reference::Whole { format } => Some(whole_row(&fields, format)),
        Reference::Field { .. } | Reference::Indexed => None,
    });
    replace_references(&whole, |reference| match reference {
        Reference::Field { name, format } => {
            let value = fields
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.clone())
                .unwrap_or_default();
            Some(match format.and_then(InterpolationFormat::from_name) {
                Some(format) => format.apply(std::slice::from_ref(&value), name),
                None => encode_uri_component(&value),
            })
        }
        Reference::Whole { .. } | Reference::Indexed => None,
    })
}

fn whole_row(fields: &[(&str, String)], format: Option<&str>) -> String {
    let quoted = crate::diagnostic::json_string;
    match format.and_then(InterpolationFormat::from_name) {
        Some(InterpolationFormat::Json) => {
            let members: Vec<String> = fields
                .iter()
                .map(|(key, value)| format!("{}:{}", quoted(key), quoted(value)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        format => {
            let values: Vec<String> = fields.iter().map(|(_, value)| quoted(value)).collect();
            format
                .unwrap_or(InterpolationFormat::Raw)
                .apply(&values, "")
        }
    }
}

/// One `${__data...}` reference.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reference<'a> {
    /// `${__data.fields["name"]}` or `${__data.fields.name}`, with an optional `:format`.
    Field {
        name: &'a str,
        format: Option<&'a str>,
    },
    /// `${__data[0].fields["name"]}`: only meaningful for several rows; never filled here.
    Indexed,
    /// `${__data}` or `${__data:format}`, with the quotes around it, if any, replaced too.
    Whole { format: Option<&'a str> },
}

fn has_field_reference(template: &str) -> bool {
    let mut found = false;
    replace_references(template, |reference| {
        found |= matches!(reference, Reference::Field { .. } | Reference::Indexed);
        None
    });
    found
}

/// Replaces each reference for which `replace` gives a text; the rest stays as written.
fn replace_references<'t>(
    template: &'t str,
    mut replace: impl FnMut(Reference<'t>) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut index = 0;
    while let Some(found) = template.get(index..).and_then(|rest| rest.find("${__data")) {
        let start = index + found;
        let parsed = parse_reference(template, start);
        match parsed.and_then(|(reference, begin, end)| Some((replace(reference)?, begin, end))) {
            Some((text, begin, end)) => {
                out.push_str(template.get(index..begin).unwrap_or_default());
                out.push_str(&text);
                index = end;
            }
            None => {
                out.push_str(template.get(index..start + 2).unwrap_or_default());
                index = start + 2;
            }
        }
    }
    out.push_str(template.get(index..).unwrap_or_default());
    out
}

/// The reference starting at `start` (the `$`), with the byte range it covers.
fn parse_reference<'t>(template: &'t str, start: usize) -> Option<(Reference<'t>, usize, usize)> {
    let after = template.get(start + "${__data".len()..)?;
    let offset = |rest: &str| template.len() - rest.len();
    let format_then_brace = |rest: &'t str| -> Option<(Option<&'t str>, usize)> {
        if let Some(brace) = rest.strip_prefix('}') {
            return Some((None, offset(brace)));
        }
        let rest = rest.strip_prefix(':')?;
        let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
        let format = rest.get(..letters).filter(|format| !format.is_empty())?;
        let brace = rest.get(letters..)?.strip_prefix('}')?;
        Some((Some(format), offset(brace)))
    };
    if let Some(rest) = after.strip_prefix(".fields") {
        let (name, rest) = if let Some(inside) = rest.strip_prefix('[') {
            let inside = inside.strip_prefix(['"', '\''])?;
            let length = inside.find(['"', '\''])?;
            let name = inside.get(..length).filter(|name| !name.is_empty())?;
            (name, inside.get(length + 1..)?.strip_prefix(']')?)
        } else {
            let rest = rest.strip_prefix('.')?;
            let length = rest
                .bytes()
                .enumerate()
                .take_while(|(i, b)| {
                    b.is_ascii_alphabetic() || *b == b'_' || (*i > 0 && b.is_ascii_digit())
                })
                .count();
            (
                rest.get(..length).filter(|name| !name.is_empty())?,
                rest.get(length..)?,
            )
        };
        let (format, end) = format_then_brace(rest)?;
        return Some((Reference::Field { name, format }, start, end));
    }
    if let Some(rest) = after.strip_prefix('[') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let rest = rest.get(digits..)?.strip_prefix("].fields[")?;
        let inside = rest.strip_prefix(['"', '\''])?;
        let length = inside.find(['"', '\''])?;
        let rest = inside.get(length + 1..)?.strip_prefix("]}")?;
        return (digits > 0 && length > 0).then(|| (Reference::Indexed, start, offset(rest)));
    }
    let (format, mut end) = format_then_brace(after)?;
    let mut begin = start;
    // Quotes right around `${__data}` are part of the reference.
    if start > 0 && matches!(template.as_bytes().get(start - 1), Some(b'"' | b'\'')) {
        begin = start - 1;
    }
    if matches!(template.as_bytes().get(end), Some(b'"' | b'\'')) {
        end += 1;
    }
    Some((Reference::Whole { format }, begin, end))
}
