//! The name rule Perses applies to dashboard names, panel keys and variable names.

/// Longest name Perses accepts, in bytes.
const MAX_NAME_BYTES: usize = 75;

/// Checks a name the way Perses' `ValidateID` does: 1 to 75 characters from
/// `[a-zA-Z0-9_.-]`, no `..`, and no `.` at either end. The message says what to change.
pub fn validate_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("must not be empty".to_owned());
    }
    if name.len() > MAX_NAME_BYTES {
        return Err(format!(
            "{name:?} is too long: at most {MAX_NAME_BYTES} characters, found {}",
            name.len()
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        return Err(format!(
            "{name:?} is not a valid name: {bad:?} is not allowed; use letters, digits, \
             '_', '.' and '-' (^[a-zA-Z0-9_.-]+$)"
        ));
    }
    if name.contains("..") {
        return Err(format!(
            "{name:?} is not a valid name: it must not contain '..'"
        ));
    }
    if name.starts_with('.') || name.ends_with('.') {
        return Err(format!(
            "{name:?} is not a valid name: it must not start or end with '.'"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_perses_validate_id() {
        let valid = ["a", "0_1", "node-exporter.v2", "A_b-c.d", &"x".repeat(75)];
        for name in valid {
            assert_eq!(validate_name(name), Ok(()), "{name}");
        }
        let invalid = [
            ("", "must not be empty"),
            ("has space", "' ' is not allowed"),
            ("a/b", "'/' is not allowed"),
            ("a..b", "'..'"),
            (".a", "start or end"),
            ("a.", "start or end"),
            ("ü", "'ü' is not allowed"),
        ];
        for (name, expected) in invalid {
            let message = validate_name(name).unwrap_err();
            assert!(message.contains(expected), "{name}: {message}");
        }
        assert!(
            validate_name(&"x".repeat(76))
                .unwrap_err()
                .contains("at most 75")
        );
    }
}
