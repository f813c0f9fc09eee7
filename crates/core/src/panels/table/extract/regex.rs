//! Regex extraction through [`PatternEngine::replace`], which only replaces: the groups of the
//! matcher are found by reading its source.

use super::super::CellValue;
use crate::mappings::PatternEngine;

/// A regex matcher ready to extract its groups through [`PatternEngine::replace`]: the
/// pattern is wrapped so that it consumes the whole text, and replacing it with `$1` or
/// `$<name>` then yields just that group.
pub(super) struct RegexPlan {
    wrapped: String,
    /// Each field: its column name and the replacement that yields it.
    fields: Vec<(String, String)>,
}

impl RegexPlan {
    pub(super) fn new(matcher: &str, column: &str) -> Self {
        let (source, flags) = split_pattern(matcher);
        let groups = capture_groups(source);
        // The lazy prefix finds the same first match as the pattern alone; the `g` flag is
        // dropped so the replacement happens once. A pattern without groups is captured
        // whole as group 1.
        let inner = if groups.is_empty() { "(" } else { "(?:" };
        let wrapped = format!("/[\\s\\S]*?{inner}{source})[\\s\\S]*/{flags}");
        let mut fields: Vec<(String, String)> = groups
            .into_iter()
            .filter_map(|group| match group {
                Group::Named(name) => Some((name.clone(), format!("$<{name}>"))),
                // JavaScript replacements reach groups 1 to 99.
                Group::Numbered(number) if number <= 99 => {
                    Some((format!("{column} {number}"), format!("${number}")))
                }
                Group::Numbered(_) => None,
            })
            .collect();
        if fields.is_empty() {
            fields.push((format!("{column} 1"), "$1".to_owned()));
        }
        Self { wrapped, fields }
    }

    pub(super) fn fields(
        &self,
        text: &str,
        patterns: &dyn PatternEngine,
    ) -> Vec<(String, CellValue)> {
        self.fields
            .iter()
            .filter_map(|(name, replacement)| {
                let value = patterns.replace(&self.wrapped, text, replacement)?;
                Some((name.clone(), CellValue::Text(value)))
            })
            .collect()
    }
}

/// `/source/flags` split in two (without the `g` flag); a bare source has no flags.
pub(crate) fn split_pattern(matcher: &str) -> (&str, String) {
    if let Some(rest) = matcher.strip_prefix('/')
        && let Some(end) = rest.rfind('/')
        && let (Some(source), Some(flags)) = (rest.get(..end), rest.get(end + 1..))
        && flags.chars().all(|flag| "dgimsuvy".contains(flag))
    {
        return (source, flags.replace('g', ""));
    }
    (matcher, String::new())
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Group {
    Numbered(usize),
    Named(String),
}

/// The capturing groups of a JavaScript regex source, in order: `(...)` is numbered,
/// `(?<name>...)` named; escapes, character classes, `(?:`, lookarounds are skipped.
pub(crate) fn capture_groups(source: &str) -> Vec<Group> {
    let chars: Vec<char> = source.chars().collect();
    let mut groups = Vec::new();
    let mut number = 0;
    let mut in_class = false;
    let mut index = 0;
    while let Some(&c) = chars.get(index) {
        match c {
            '\\' => index += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => match (chars.get(index + 1), chars.get(index + 2)) {
                (Some('?'), Some('<')) if !matches!(chars.get(index + 3), Some('=' | '!')) => {
                    let name: String = chars
                        .iter()
                        .skip(index + 3)
                        .take_while(|c| **c != '>')
                        .collect();
                    number += 1;
                    groups.push(Group::Named(name));
                }
                (Some('?'), _) => {}
                _ => {
                    number += 1;
                    groups.push(Group::Numbered(number));
                }
            },
            _ => {}
        }
        index += 1;
    }
    groups
}
