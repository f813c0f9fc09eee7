//! Lower case for comparing and searching text without regard to case: case-insensitive
//! sorting of variable values, projects, dashboards and series names, and the searches of
//! pickers and tables.
//!
//! Unicode's full lower-case mapping is a table of about 1,400 characters, 6 KB of the page's
//! download; the page gives the browser's own instead (`toLowerCase`, the function Perses
//! sorts and filters with) through [`use_lowercase_engine`], and this crate's copy (the
//! `unicode-case` feature) serves the native tools only.

/// The engine of [`lowercase`] for text that is not ASCII, where the caller gave one.
static ENGINE: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Has [`lowercase`] map text that is not ASCII with `engine`, which must apply Unicode's
/// lower-case mapping as `str::to_lowercase` does. The first engine given stays.
pub fn use_lowercase_engine(engine: fn(&str) -> String) {
    let _ = ENGINE.set(engine);
}

/// `text` in lower case, as `str::to_lowercase` writes it.
pub fn lowercase(text: &str) -> String {
    // ASCII, most text here (names, labels, queries), needs no table and no call out.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    ENGINE
        .get()
        .map_or_else(|| without_engine(text), |engine| engine(text))
}

#[cfg(feature = "unicode-case")]
fn without_engine(text: &str) -> String {
    text.to_lowercase()
}

/// Without the table or an engine (the page's component tests), only ASCII letters change.
#[cfg(not(feature = "unicode-case"))]
fn without_engine(text: &str) -> String {
    text.to_ascii_lowercase()
}

#[cfg(all(test, feature = "unicode-case"))]
mod tests {
    use super::lowercase;

    #[test]
    fn writes_what_the_standard_library_writes() {
        for text in ["", "Prometheus", "KUBE-System_01", "Größe", "ΣΟΦΙΑ"] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }
}
