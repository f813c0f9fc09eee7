//! Inside the ODH shell the plugin's style sheets sit beside the shell's, so nothing in them
//! may reach outside the plugin's element: every selector names an `.obs-*` class and no
//! `html`, `body` or `:root`, animations are named `obs-*`, and there are no global at-rules
//! (`@font-face`, `@import`, `@property`). A native test over `style/*.css`.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use std::path::Path;

/// Blocks that hold style rules.
const GROUPING: [&str; 4] = ["@media", "@supports", "@container", "@layer"];

#[test]
fn every_rule_stays_inside_the_plugin() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("style");
    let mut problems = Vec::new();
    let mut rules = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "css") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            rules += check_block(&strip_comments(&text), &name, &mut problems);
        }
    }
    assert!(
        rules > 100,
        "the style sheets were not read ({rules} rules)"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_catches_leaks() {
    for (css, leaks) in [
        (".obs-a { color: red }", false),
        (
            ".pf-v6-theme-dark .obs-root, .obs-root.x { color: red }",
            false,
        ),
        ("@media (x) { .obs-a { color: red } }", false),
        ("@keyframes obs-spin { from { opacity: 0 } }", false),
        ("body { margin: 0 }", true),
        (".obs-a, button { color: red }", true),
        (".obs-root :where(p, ul) { margin: 0 }", false),
        (":where(p, .obs-a) { margin: 0 }", true),
        (":root { --x: 1 }", true),
        ("html .obs-a { color: red }", true),
        ("@media (x) { div { color: red } }", true),
        ("@keyframes spin { from { opacity: 0 } }", true),
        ("@font-face { font-family: x }", true),
    ] {
        let mut problems = Vec::new();
        check_block(css, "test.css", &mut problems);
        assert_eq!(!problems.is_empty(), leaks, "{css}: {problems:?}");
    }
}

fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// Checks the rules of a block's contents; returns how many style rules it read.
fn check_block(text: &str, file: &str, problems: &mut Vec<String>) -> usize {
    let mut rules = 0;
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some(open) = rest.find(['{', ';']) else {
            problems.push(format!("{file}: cannot read {rest:?}"));
            break;
        };
        let prelude = rest[..open].trim();
        if rest.as_bytes()[open] == b';' {
            problems.push(format!("{file}: global statement {prelude:?}"));
            rest = rest[open + 1..].trim();
            continue;
        }
        let close = matching_brace(rest, open);
        let body = &rest[open + 1..close];
        if GROUPING.iter().any(|at| prelude.starts_with(at)) {
            rules += check_block(body, file, problems);
        } else if let Some(name) = prelude.strip_prefix("@keyframes") {
            if !name.trim().starts_with("obs-") {
                problems.push(format!(
                    "{file}: animation {:?} must be named obs-*",
                    name.trim()
                ));
            }
        } else if prelude.starts_with('@') {
            problems.push(format!("{file}: global at-rule {prelude:?}"));
        } else {
            rules += 1;
            for selector in top_level_commas(prelude) {
                check_selector(selector.trim(), file, problems);
            }
        }
        rest = rest[(close + 1).min(rest.len())..].trim();
    }
    rules
}

fn check_selector(selector: &str, file: &str, problems: &mut Vec<String>) {
    let global = selector
        .split(|c: char| c.is_whitespace() || matches!(c, '>' | '+' | '~'))
        .any(|compound| {
            let head: String = compound
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
                .collect();
            matches!(head.as_str(), "html" | "body" | ":root")
        });
    // `:where(p, .obs-a)` matches any `p`: the class must be outside the parentheses.
    let mut depth = 0usize;
    let outside: String = selector
        .chars()
        .filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    if global || !outside.contains(".obs-") {
        problems.push(format!(
            "{file}: selector {selector:?} reaches outside .obs-*"
        ));
    }
}

/// A selector list split at its own commas, not those inside `:where(…)` or `:not(…)`.
fn top_level_commas(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (index, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&list[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts
}

fn matching_brace(text: &str, open: usize) -> usize {
    let mut depth = 0;
    for (index, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + index;
                }
            }
            _ => {}
        }
    }
    text.len()
}
