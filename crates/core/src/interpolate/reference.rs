//! One variable reference as Perses' pattern reads it: `$name` or
//! `${name(.field)?(:format)?}`.

/// One `$...` reference at the start of a text.
pub(super) struct Reference<'a> {
    pub(super) name: &'a str,
    pub(super) field: Option<&'a str>,
    pub(super) format: Option<&'a str>,
    /// Bytes of the whole reference, `$` included.
    pub(super) len: usize,
}

/// Parses `$name` or `${name(.field)?(:format)?}` at the start of `text` (which begins with
/// `$`), following Perses' pattern `\$(\w+)|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}`.
pub(super) fn parse_reference(text: &str) -> Option<Reference<'_>> {
    let body = text.strip_prefix('$')?;
    if let Some(inner) = body.strip_prefix('{') {
        let name_len = word_len(inner);
        if name_len == 0 {
            return None;
        }
        let name = &inner[..name_len];
        let mut cursor = name_len;
        let mut field = None;
        if let Some(after) = inner[cursor..].strip_prefix('.') {
            let field_len = after.find([':', '^', '}']).unwrap_or(after.len());
            if field_len > 0 {
                field = Some(&after[..field_len]);
                cursor += 1 + field_len;
            }
        }
        let mut format = None;
        if let Some(after) = inner[cursor..].strip_prefix(':') {
            let format_len = after.find('}').unwrap_or(after.len());
            if format_len > 0 {
                format = Some(&after[..format_len]);
                cursor += 1 + format_len;
            }
        }
        inner[cursor..].starts_with('}').then(|| Reference {
            name,
            field,
            format,
            len: 2 + cursor + 1,
        })
    } else {
        let name_len = word_len(body);
        (name_len > 0).then(|| Reference {
            name: &body[..name_len],
            field: None,
            format: None,
            len: 1 + name_len,
        })
    }
}

/// Length of the leading run of `\w` characters (ASCII letters, digits, `_`).
fn word_len(text: &str) -> usize {
    text.bytes()
        .take_while(|byte| byte.is_ascii_alphanumeric() || *byte == b'_')
        .count()
}
