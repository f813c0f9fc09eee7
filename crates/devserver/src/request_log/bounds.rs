//! How much of a request the log keeps: its memory is bounded in bytes, not only in count,
//! because a request may carry up to the body limit (a megabyte) of parameters.

use serde_json::Value;

/// Text kept of one record (path and parameters together): room for the longest query the
/// tenancy routes accept (64 KiB) and its other parameters.
pub const RECORD_TEXT_BYTES: usize = 80 * 1024;
/// Text kept of the path alone.
pub const PATH_BYTES: usize = 4 * 1024;
/// Text kept of all records together; the oldest go first past it.
pub const LOG_TEXT_BYTES: usize = 16 * 1024 * 1024;
/// Parameters kept of one request; the rest are counted.
pub const MAX_PARAMS: usize = 64;

/// Cuts `text` to at most `limit` bytes (on a character boundary), saying how much was cut.
pub fn clamp_text(text: &mut String, limit: usize) {
    if text.len() <= limit {
        return;
    }
    let cut = text.len();
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push_str(&format!("…[{} of {cut} bytes cut]", cut - end));
}

/// Cuts the strings of `params` so that together they hold at most `budget` bytes, and keeps
/// at most [`MAX_PARAMS`] entries of an object or array. Returns the bytes kept.
pub fn clamp_params(params: &mut Value, budget: usize) -> usize {
    let mut left = budget;
    clamp_value(params, &mut left);
    budget - left
}

fn clamp_value(value: &mut Value, left: &mut usize) {
    match value {
        Value::String(text) => {
            clamp_text(text, *left);
            *left = left.saturating_sub(text.len());
        }
        Value::Array(items) => {
            let dropped = items.len().saturating_sub(MAX_PARAMS);
            items.truncate(MAX_PARAMS);
            for item in items.iter_mut() {
                clamp_value(item, left);
            }
            if dropped > 0 {
                items.push(Value::from(format!("…[{dropped} more cut]")));
            }
        }
        Value::Object(fields) => {
            let dropped = fields.len().saturating_sub(MAX_PARAMS);
            let kept: Vec<String> = fields.keys().take(MAX_PARAMS).cloned().collect();
            fields.retain(|name, _| kept.contains(name));
            for (name, field) in fields.iter_mut() {
                *left = left.saturating_sub(name.len());
                clamp_value(field, left);
            }
            if dropped > 0 {
                fields.insert("…".to_owned(), Value::from(format!("{dropped} more cut")));
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn text_is_cut_on_a_character_boundary() {
        for (text, limit, kept) in [
            ("short", 10, "short"),
            ("abcdef", 3, "abc…[3 of 6 bytes cut]"),
            ("ééé", 3, "é…[4 of 6 bytes cut]"),
            ("abc", 0, "…[3 of 3 bytes cut]"),
        ] {
            let mut text = text.to_owned();
            clamp_text(&mut text, limit);
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn params_share_one_budget() {
        let mut params = json!({"a": "x".repeat(100), "b": "y".repeat(100), "n": 5});
        clamp_params(&mut params, 60);
        let a = params["a"].as_str().unwrap();
        let b = params["b"].as_str().unwrap();
        assert!(a.starts_with(&"x".repeat(59)) && a.contains("cut]"), "{a}");
        assert!(b.starts_with('…'), "{b}");
        assert_eq!(params["n"], 5);
    }

    #[test]
    fn many_params_are_counted_not_kept() {
        let mut params = Value::Object(
            (0..1000)
                .map(|index| (format!("p{index:04}"), Value::from("v")))
                .collect(),
        );
        clamp_params(&mut params, RECORD_TEXT_BYTES);
        let fields = params.as_object().unwrap();
        assert_eq!(fields.len(), MAX_PARAMS + 1);
        assert_eq!(fields["…"], format!("{} more cut", 1000 - MAX_PARAMS));
        let mut list = Value::Array(vec![Value::from(1); 500]);
        clamp_params(&mut list, 100);
        assert_eq!(list.as_array().unwrap().len(), MAX_PARAMS + 1);
    }
}
