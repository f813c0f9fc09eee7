//! A small backtracking regex engine standing in for the browser's RegExp in tests: literals,
//! `.`, classes (`[a-z]`, `[\s\S]`, `\d`, `\w`, `\s`), groups (numbered, `(?:`, `(?<name>`),
//! alternation, `^`, `$`, and greedy or lazy `*`, `+`, `?`. Patterns are `/source/flags`
//! (split at the last slash) or bare; flags are ignored.

mod engine;

use crate::mappings::PatternEngine;
use engine::Regex;

pub struct TestRegex;

impl PatternEngine for TestRegex {
    fn replace(&self, pattern: &str, text: &str, replacement: &str) -> Option<String> {
        let source = match pattern
            .strip_prefix('/')
            .and_then(|rest| rest.rfind('/').map(|end| &rest[..end]))
        {
            Some(source) => source,
            None => pattern,
        };
        let regex = Regex::parse(source)?;
        let chars: Vec<char> = text.chars().collect();
        let (start, end, captures) = regex.find(&chars)?;
        let slice = |range: Option<(usize, usize)>| -> String {
            range
                .map(|(a, b)| chars[a..b].iter().collect())
                .unwrap_or_default()
        };
        let mut out: String = chars[..start].iter().collect();
        let mut rest = replacement;
        while let Some(dollar) = rest.find('$') {
            out.push_str(&rest[..dollar]);
            let after = &rest[dollar + 1..];
            if let Some(tail) = after.strip_prefix('&') {
                out.push_str(&slice(Some((start, end))));
                rest = tail;
            } else if let Some(named) = after.strip_prefix('<') {
                let close = named.find('>')?;
                let index = regex
                    .names
                    .iter()
                    .find(|(name, _)| name == &named[..close])?
                    .1;
                out.push_str(&slice(captures[index]));
                rest = &named[close + 1..];
            } else if after.starts_with(|c: char| c.is_ascii_digit()) {
                let digits = after
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .count()
                    .min(2);
                let index: usize = after[..digits].parse().ok()?;
                out.push_str(&slice(captures.get(index).copied().flatten()));
                rest = &after[digits..];
            } else {
                out.push('$');
                rest = after;
            }
        }
        out.push_str(rest);
        out.extend(&chars[end..]);
        Some(out)
    }
}

#[test]
fn the_test_engine_behaves_like_regexp() {
    let check = |pattern: &str, text: &str, replacement: &str, expected: Option<&str>| {
        assert_eq!(
            TestRegex.replace(pattern, text, replacement).as_deref(),
            expected,
            "{pattern} on {text}"
        );
    };
    check("b+", "abbbc", "X", Some("aXc"));
    check("/^a/", "ba", "X", None);
    check(
        "ERROR: (.*)",
        "x ERROR: disk full",
        "[$1]",
        Some("x [disk full]"),
    );
    check(
        "/[\\s\\S]*?(?:(\\d+)-(\\d+))[\\s\\S]*/",
        "id 12-34 end",
        "$2",
        Some("34"),
    );
    check(
        "(?<key>\\w+)=(?<value>\\w+)",
        "a=1",
        "$<value>:$<key>",
        Some("1:a"),
    );
    check("a|b", "cb", "$&$&", Some("cbb"));
    check("x(y)?z", "xz", "[$1]", Some("[]"));
    check("[^0-9]+", "12ab3", "-", Some("12-3"));
}
