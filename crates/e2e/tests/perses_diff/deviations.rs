//! Where the core differs from Perses on purpose: one entry per class, with its reason, and
//! the test that recognises a case of it (narrow, so it explains nothing else). The README's
//! "Where the core differs from Perses" says the same for readers.

use serde_json::Value;

/// Perses' answer to a case; for an interpolation also its answer with every value
/// inserted literally (see `literally` in perses-diff/src/entry.js).
pub struct Perses {
    pub answer: String,
    pub literal: Option<String>,
}

pub struct Deviation {
    pub id: &'static str,
    /// Why the core does not follow Perses here.
    pub reason: &'static str,
    /// Whether a case with these answers shows this deviation.
    pub shows: fn(input: &Value, ours: &str, perses: &Perses) -> bool,
}

pub const TABLE: [Deviation; 5] = [
    Deviation {
        id: "values are inserted literally",
        reason: "Perses inserts values with replaceAll and a string, so $$, $&, $' and $` in a \
                 value are replacement patterns ('cost $$5' becomes 'cost $5', a regex value \
                 ending in $ before a quote pulls in the rest of the query); the core inserts \
                 what the user chose",
        shows: |input, ours, perses| {
            input["kind"] == "interpolate" && perses.literal.as_deref() == Some(ours)
        },
    },
    Deviation {
        id: "a longer unknown name is left whole",
        reason: "Perses replaces $v inside $v_suffix when only v is a variable (it replaces \
                 text, longest names first); the core reads names as Perses' own parser does, \
                 so an unknown $v_suffix stays as written",
        shows: |input, ours, perses| {
            let text = input["text"].as_str().unwrap_or_default();
            input["kind"] == "interpolate"
                && text.contains("$v_")
                && ours.contains("$v_suffix")
                && !perses
                    .literal
                    .as_deref()
                    .unwrap_or(&perses.answer)
                    .contains("$v_suffix")
        },
    },
    Deviation {
        id: "each reference takes its own format",
        reason: "Perses keeps one format per variable (the last one written) and replaces \
                 only that form, so ${v:csv} next to ${v:json} stays unreplaced; the core \
                 formats each reference as written",
        shows: |input, ours, perses| {
            input["kind"] == "interpolate"
                && input["text"] == "${v:csv} and ${v:json}"
                && !ours.contains("${v:")
                && perses.answer.contains("${v:csv}")
        },
    },
    Deviation {
        id: "inserted values are not read again",
        reason: "Perses replaces one variable after another in the whole text, so a value \
                 that contains $w is replaced again when w comes next; the core inserts each \
                 value once and never reads it as a reference",
        shows: |input, ours, perses| {
            input["kind"] == "interpolate"
                && input["text"] == "$long then $w"
                && ours.starts_with("$w then")
                && perses.answer.starts_with("W then")
        },
    },
    Deviation {
        id: "a year is 365 days",
        reason: "Perses turns a min step of 1y into 365.2425 days less a floating-point hair \
                 (31,556,951 s) through date-fns; the core reads y as Prometheus does, 365 \
                 days, everywhere durations are read",
        // Only the year's length differs: the core's step is 365 days, Perses' its own.
        shows: |input, ours, perses| {
            input["kind"] == "step"
                && input["minStep"] == "1y"
                && ours.contains(" step=31536000 ")
                && perses.answer.contains(" step=31556951 ")
        },
    },
];

/// The deviation that explains a difference, if one does.
pub fn explain(input: &Value, ours: &str, perses: &Perses) -> Option<&'static Deviation> {
    TABLE
        .iter()
        .find(|deviation| (deviation.shows)(input, ours, perses))
}
