//! The markup of a time series chart's legend, made as one string: the page puts it into the
//! legend's box in one call (`innerHTML`). Building the same rows element by element crossed
//! from WebAssembly to JavaScript a dozen times per series, each text decoded on the way: on
//! NodeExporter (699 series) that took 130 ms of the main thread in a profile.

use std::fmt::Write;

use crate::spec::common::LegendMode;

/// What a legend shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendContent {
    pub mode: LegendMode,
    /// The value columns' headers (table mode).
    pub columns: Vec<&'static str>,
    pub rows: Vec<LegendRow>,
}

/// One series of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendRow {
    /// What the page finds the series by when its button is clicked (`data-key`).
    pub key: u64,
    pub name: String,
    /// The key's CSS (a `style` attribute).
    pub swatch: String,
    /// Whether the series is shown.
    pub pressed: bool,
    /// Its values, one per column (table mode).
    pub values: Vec<String>,
}

/// The legend's markup. Every text and attribute value is escaped: series names come from
/// Prometheus labels and colours from the dashboard, neither trusted.
pub fn legend_markup(content: &LegendContent) -> String {
    let mut html = String::with_capacity(128 * content.rows.len() + 64);
    match content.mode {
        LegendMode::List => {
            html.push_str(r#"<ul class="obs-legend__list">"#);
            for row in &content.rows {
                html.push_str("<li>");
                button(&mut html, row);
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        }
        LegendMode::Table => {
            html.push_str(
                r#"<table class="obs-legend__table"><thead><tr><th scope="col">Name</th>"#,
            );
            for label in &content.columns {
                html.push_str(r#"<th class="obs-legend__value" scope="col">"#);
                escape_into(&mut html, label);
                html.push_str("</th>");
            }
            html.push_str("</tr></thead><tbody>");
            for row in &content.rows {
                html.push_str(if row.pressed {
                    "<tr><td>"
                } else {
                    r#"<tr class="obs-legend__item--off"><td>"#
                });
                button(&mut html, row);
                html.push_str("</td>");
                for value in &row.values {
                    html.push_str(r#"<td class="obs-legend__value">"#);
                    escape_into(&mut html, value);
                    html.push_str("</td>");
                }
                html.push_str("</tr>");
            }
            html.push_str("</tbody></table>");
        }
    }
    html
}

/// A series' button: its line's key and its name, pressed while it is shown.
fn button(html: &mut String, row: &LegendRow) {
    let (class, pressed) = if row.pressed {
        ("obs-legend__item", "true")
    } else {
        ("obs-legend__item obs-legend__item--off", "false")
    };
    let _ = write!(
        html,
        r#"<button class="{class}" type="button" aria-pressed="{pressed}" title=""#
    );
    escape_into(html, &row.name);
    html.push_str(r#"" data-key=""#);
    html.push_str(&row.key.to_string());
    html.push_str(r#""><span class="obs-legend__swatch" style=""#);
    escape_into(html, &row.swatch);
    html.push_str(r#""></span><span class="obs-legend__name">"#);
    escape_into(html, &row.name);
    html.push_str("</span></button>");
}

/// Appends `text` escaped for HTML text and quoted attribute values alike. Five characters
/// are all that matter there; a library for this would be a dependency for one loop.
pub fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            c => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, pressed: bool) -> LegendRow {
        LegendRow {
            // The name's character codes: 97 for "a", 98 for "b".
            key: name.bytes().map(u64::from).sum(),
            name: name.to_owned(),
            swatch: "background:#ff0000".to_owned(),
            pressed,
            values: vec!["1.5".to_owned()],
        }
    }

    /// (case, content) → the markup.
    #[test]
    fn legends_are_marked_up_and_escaped() {
        let cases = [
            (
                "list",
                LegendContent {
                    mode: LegendMode::List,
                    columns: vec![],
                    rows: vec![row("a", true), row("b", false)],
                },
                concat!(
                    r#"<ul class="obs-legend__list">"#,
                    r#"<li><button class="obs-legend__item" type="button" aria-pressed="true" title="a" data-key="97"><span class="obs-legend__swatch" style="background:#ff0000"></span><span class="obs-legend__name">a</span></button></li>"#,
                    r#"<li><button class="obs-legend__item obs-legend__item--off" type="button" aria-pressed="false" title="b" data-key="98"><span class="obs-legend__swatch" style="background:#ff0000"></span><span class="obs-legend__name">b</span></button></li>"#,
                    "</ul>"
                ),
            ),
            (
                "table",
                LegendContent {
                    mode: LegendMode::Table,
                    columns: vec!["Last"],
                    rows: vec![row("a", false)],
                },
                concat!(
                    r#"<table class="obs-legend__table"><thead><tr><th scope="col">Name</th><th class="obs-legend__value" scope="col">Last</th></tr></thead><tbody>"#,
                    r#"<tr class="obs-legend__item--off"><td><button class="obs-legend__item obs-legend__item--off" type="button" aria-pressed="false" title="a" data-key="97"><span class="obs-legend__swatch" style="background:#ff0000"></span><span class="obs-legend__name">a</span></button></td><td class="obs-legend__value">1.5</td></tr>"#,
                    "</tbody></table>"
                ),
            ),
            (
                "hostile name and colour",
                LegendContent {
                    mode: LegendMode::List,
                    columns: vec![],
                    rows: vec![LegendRow {
                        key: 7,
                        name: r#"<img src=x onerror="alert(1)">&'"#.to_owned(),
                        swatch: r#"background:red" onclick="x"#.to_owned(),
                        pressed: true,
                        values: vec![],
                    }],
                },
                concat!(
                    r#"<ul class="obs-legend__list"><li><button class="obs-legend__item" type="button" aria-pressed="true" title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;" data-key="7">"#,
                    r#"<span class="obs-legend__swatch" style="background:red&quot; onclick=&quot;x"></span>"#,
                    r#"<span class="obs-legend__name">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</span></button></li></ul>"#
                ),
            ),
        ];
        for (case, content, expected) in cases {
            assert_eq!(legend_markup(&content), expected, "{case}");
        }
    }
}
