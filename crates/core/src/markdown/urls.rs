//! Which link targets and image sources a Markdown panel keeps: only those that cannot run
//! code or reach an unexpected scheme, read as browsers read them.

/// A link target that is safe to follow (http(s), mailto or relative; never `javascript:`,
/// `data:` or another scheme), cleaned as browsers read it, and whether it leaves the site.
/// Markdown panels and table data links both go through it.
pub fn safe_link(url: &str) -> Option<(String, bool)> {
    let cleaned = clean_url(url);
    // `//host/path` (and `\\host`, which browsers read the same) leaves the site like an
    // http(s) link does, so it opens as one.
    let other_host =
        cleaned.starts_with("//") || cleaned.starts_with("\\\\") || cleaned.starts_with("/\\");
    match scheme(&cleaned) {
        None => Some((cleaned, other_host)),
        Some(scheme) if scheme == "http" || scheme == "https" => Some((cleaned, true)),
        Some(scheme) if scheme == "mailto" => Some((cleaned, false)),
        Some(_) => None,
    }
}

pub(super) fn safe_image(url: &str) -> Option<String> {
    let cleaned = clean_url(url);
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(scheme) if scheme == "http" || scheme == "https" => Some(cleaned),
        Some(_) => None,
    }
}

/// Browsers ignore leading spaces and control characters, and tabs or newlines anywhere, in
/// a URL (`java\tscript:` is `javascript:`), so those are removed before the scheme is read.
fn clean_url(url: &str) -> String {
    url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The lower-cased scheme of a URL, if it has one: letters, digits, `+ - .` before a `:`
/// that comes before any `/ ? #`.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let before = &url[..colon];
    if before.contains(['/', '?', '#']) {
        return None;
    }
    // Anything odd before the colon (entities, spaces) is treated as a scheme and refused.
    Some(before.to_ascii_lowercase())
}
