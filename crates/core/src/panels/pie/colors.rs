//! Slice colours as Perses' pie chart picks them (perses/plugins `piechart/src/colors.ts`):
//! the series name's hash colour without a palette; shades of the one colour of a one-colour
//! palette; the palette's colours in turn, darker on each round, with several.

use std::collections::HashMap;

use crate::chart::palette::auto_color;

/// What Perses shows when a colour is missing.
pub const MISSING_COLOR: &str = "#ff0000";
/// Each round through a palette darkens its colours by this much.
const ROUND_DARKENING: f64 = 0.2;
/// Perses' seed replaces empty names with this.
const EMPTY_NAME_SEED: &str = "fallback";

/// One colour per series name, in the order Perses lists them. `names` are the series' unique
/// keys (not their display names), as Perses hashes them.
pub fn palette_colors(names: &[String], palette: &[String]) -> Vec<String> {
    let count = names.len();
    // The spec cannot tell a missing palette from an empty one; both mean Perses' default.
    let (base, rest) = match palette {
        [] => {
            return names.iter().map(|name| auto_color(name).to_css()).collect();
        }
        [base, rest @ ..] => (base, rest),
    };
    if rest.is_empty() {
        let colors = (0..count)
            .map(|index| match index {
                0 => base.clone(),
                _ => darken(base, (count - index) as f64 / count as f64),
            })
            .collect();
        return shuffle_by_name(colors, names);
    }
    let colors: Vec<String> = (0..count)
        .map(|index| cycled_color(palette, index))
        .collect();
    if count > palette.len() {
        shuffle_by_name(colors, names)
    } else {
        colors
    }
}

/// The palette colour at `index`, darker for each completed round through the palette.
fn cycled_color(palette: &[String], index: usize) -> String {
    let Some(base) = palette.get(index % palette.len().max(1)) else {
        return MISSING_COLOR.to_owned();
    };
    let round = index / palette.len().max(1);
    if round == 0 {
        return base.clone();
    }
    // Perses lets the factor go negative after five rounds, which gives no valid colour;
    // black is what it tends to.
    darken(base, (1.0 - round as f64 * ROUND_DARKENING).clamp(0.0, 1.0))
}

/// Perses reorders generated colours by a hash of the name first given each colour, so
/// neighbouring series do not get neighbouring shades.
fn shuffle_by_name(colors: Vec<String>, names: &[String]) -> Vec<String> {
    let mut first_index: HashMap<&str, usize> = HashMap::new();
    for (index, color) in colors.iter().enumerate() {
        first_index.entry(color.as_str()).or_insert(index);
    }
    let seed_of = |color: &str| {
        let name = first_index
            .get(color)
            .and_then(|index| names.get(*index))
            .map(String::as_str)
            .filter(|name| !name.is_empty())
            .unwrap_or(EMPTY_NAME_SEED);
        name_seed(name)
    };
    let mut keyed: Vec<(f64, String)> = colors
        .iter()
        .map(|color| (seed_of(color), color.clone()))
        .collect();
    crate::sort::sort_by(&mut keyed, |(a, _), (b, _)| a.total_cmp(b));
    keyed.into_iter().map(|(_, color)| color).collect()
}

/// Perses' string seed: a Java-style 32-bit hash over UTF-16 code units, made positive and
/// scaled to 0–1.
fn name_seed(name: &str) -> f64 {
    let hash = name.encode_utf16().fold(0_i32, |hash, unit| {
        (hash << 5).wrapping_sub(hash).wrapping_add(i32::from(unit))
    });
    f64::from(hash).abs() / f64::from(i32::MAX)
}

/// `#rrggbb` with each channel multiplied by `factor`; other colours are kept as they are
/// (Perses would produce an invalid colour).
fn darken(color: &str, factor: f64) -> String {
    let Some(channels) = hex_channels(color) else {
        return color.to_owned();
    };
    let [red, green, blue] = channels.map(|channel| (f64::from(channel) * factor).round() as u8);
    format!("#{red:02x}{green:02x}{blue:02x}")
}

fn hex_channels(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#')?;
    if hex.len() < 6 || !hex.is_char_boundary(6) {
        return None;
    }
    let channel = |range: std::ops::Range<usize>| {
        hex.get(range)
            .and_then(|digits| u8::from_str_radix(digits, 16).ok())
    };
    Some([channel(0..2)?, channel(2..4)?, channel(4..6)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn seeds_match_perses() {
        // Java's "abc".hashCode() is 96354; "hello" hashes to 99162322.
        let cases: &[(&str, f64)] = &[
            ("", 0.0),
            ("abc", 96_354.0 / 2_147_483_647.0),
            ("hello", 99_162_322.0 / 2_147_483_647.0),
            // "polygenelubricants" hashes to i32::MIN, whose absolute value is 2^31.
            ("polygenelubricants", 2_147_483_648.0 / 2_147_483_647.0),
        ];
        for (name, seed) in cases {
            assert_eq!(name_seed(name), *seed, "{name}");
        }
    }

    #[test]
    fn darkening() {
        let cases: &[(&str, f64, &str)] = &[
            ("#ff8000", 0.5, "#804000"),
            ("#FFFFFF", 0.8, "#cccccc"),
            ("#102030", 0.0, "#000000"),
            ("red", 0.5, "red"),
            ("#abc", 0.5, "#abc"),
        ];
        for (color, factor, expected) in cases {
            assert_eq!(darken(color, *factor), *expected, "{color} × {factor}");
        }
    }

    #[test]
    fn palettes() {
        let two = names(&["a", "b"]);
        let cases: Vec<(Vec<String>, Vec<String>, Vec<&str>)> = vec![
            (vec![], names(&["#111111"]), vec![]),
            (
                two.clone(),
                names(&["#ff0000", "#00ff00", "#0000ff"]),
                vec!["#ff0000", "#00ff00"],
            ),
            // One colour: shades by (count − index) / count, ordered by the names' seeds.
            (
                names(&["a", "b"]),
                names(&["#ff0000"]),
                vec!["#ff0000", "#800000"],
            ),
            (
                names(&["b", "a"]),
                names(&["#ff0000"]),
                vec!["#800000", "#ff0000"],
            ),
            // More series than colours: darker rounds, then ordered by seeds.
            (
                names(&["a", "b", "c"]),
                names(&["#ff0000", "#00ff00"]),
                vec!["#ff0000", "#00ff00", "#cc0000"],
            ),
            (
                names(&["c", "b", "a"]),
                names(&["#ff0000", "#00ff00"]),
                vec!["#cc0000", "#00ff00", "#ff0000"],
            ),
        ];
        for (series, palette, expected) in cases {
            assert_eq!(
                palette_colors(&series, &palette),
                expected,
                "{series:?} {palette:?}"
            );
        }
        let auto = palette_colors(&two, &[]);
        assert_eq!(auto, [auto_color("a").to_css(), auto_color("b").to_css()]);
    }
}
