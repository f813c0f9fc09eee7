use serde_json::{Value, json};

use super::{data, prepare, spec, with_palette};
use crate::panels::pie::PieModel;

/// The legend as `position mode size [headers] | name colour [cells] | …`.
fn render(model: &PieModel) -> String {
    let Some(legend) = &model.legend else {
        return "none".to_owned();
    };
    let headers: Vec<&str> = legend.columns.iter().map(|column| column.header).collect();
    let mut parts = vec![format!(
        "{:?} {:?} {:?} [{}]",
        legend.position,
        legend.mode,
        legend.size,
        headers.join(", ")
    )];
    parts.extend(legend.rows.iter().map(|row| {
        let values: Vec<&str> = row
            .values
            .iter()
            .map(|v| v.as_deref().unwrap_or("-"))
            .collect();
        format!("{} {} [{}]", row.name, row.color, values.join(", "))
    }));
    parts.join(" | ")
}

#[test]
fn legend() {
    let rows = "a=1 b=2 none= neg=-1";
    let table =
        |values: Value| json!({"legend": {"position": "right", "mode": "table", "values": values}});
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({}), rows, "none"),
        // Every series is listed, in slice order, drawn or not.
        (
            json!({"legend": {"position": "bottom"}}),
            rows,
            "Bottom List Medium [] | b green [] | a red [] | neg gray [] | none blue []",
        ),
        // List mode ignores the value columns.
        (
            json!({"legend": {"position": "right", "mode": "list", "size": "small", "values": ["abs"]}}),
            rows,
            "Right List Small [] | b green [] | a red [] | neg gray [] | none blue []",
        ),
        // Columns by name; without a panel format, bare numbers. Relative shares count the
        // negative value (the total is 2) and give missing values 0.
        (
            table(json!(["relative", "abs"])),
            rows,
            "Right Table Medium [Absolute, Relative] | b green [2, 100] | a red [1, 50] \
             | neg gray [-1, -50] | none blue [-, 0]",
        ),
        (table(json!([])), "a=1", "Right Table Medium [] | a red []"),
        // Relative shares are rounded to four decimals before they are shown.
        (
            table(json!(["relative"])),
            "x=1 y=2",
            "Right Table Medium [Relative] | y green [66.6667] | x red [33.3333]",
        ),
        // A zero total leaves the relative column empty.
        (
            table(json!(["relative"])),
            "x=1 y=-1",
            "Right Table Medium [Relative] | x red [-] | y green [-]",
        ),
    ];
    for (spec_json, text, expected) in cases {
        assert_eq!(
            render(&with_palette(&spec_json, &data(text))),
            expected,
            "{spec_json} {text}"
        );
    }
}

#[test]
fn legend_with_a_format() {
    let spec_json = json!({
        "format": {"unit": "bytes", "decimalPlaces": 1},
        "colorPalette": ["red", "green"],
        "legend": {"position": "bottom", "mode": "table", "values": ["abs", "relative", "abs"]}
    });
    let model = prepare(&spec(spec_json), &data("a=1024 b=3072"), 100);
    assert_eq!(
        render(&model),
        "Bottom Table Medium [Absolute, Relative] | b green [3.0 KiB, 75.0%] | a red [1.0 KiB, 25.0%]"
    );
    let columns: Vec<&str> = model
        .legend
        .iter()
        .flat_map(|legend| &legend.columns)
        .map(|c| c.description)
        .collect();
    assert_eq!(columns, ["Absolute value", "Relative value"]);
}
