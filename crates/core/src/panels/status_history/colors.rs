//! Colours of status values without a mapped colour, as Perses' status history assigns them
//! (perses/plugins `statushistorychart/src/utils/get-color.ts`): the theme's palette in the
//! order values first appear, then colours derived from the palette's first colour by a hash
//! of the value's text.

use crate::chart::palette::CATEGORICAL;

/// Perses' colour when the base colour is unusable.
pub const FALLBACK_COLOR: &str = "#1f77b4";
/// Derived colours turn the hue in steps of this many degrees (six steps round the wheel).
const HUE_STEP_DEG: f64 = 60.0;
const HUE_STEPS: u32 = 6;
/// Derived colours are this much lighter or darker (in lightness percent).
const LIGHTNESS_VARIATION_PCT: f64 = 15.0;

/// The colour of the `index`-th distinct value, whose text is `value_text`.
pub fn value_color(index: usize, value_text: &str) -> String {
    match CATEGORICAL.get(index) {
        Some(color) => (*color).to_owned(),
        None => derived_color(value_text, CATEGORICAL[0]),
    }
}

/// A colour derived from `base` (`#rrggbb`) by the sum of the text's UTF-16 code units: the
/// hue turned by a multiple of 60°, the lightness moved up or down, both kept in a readable
/// band.
fn derived_color(value_text: &str, base: &str) -> String {
    let Some([hue_deg, saturation_pct, lightness_pct]) =
        hex_to_hsl(base).or_else(|| hex_to_hsl(FALLBACK_COLOR))
    else {
        return FALLBACK_COLOR.to_owned();
    };
    let hash: u32 = value_text
        .encode_utf16()
        .fold(0_u32, |sum, unit| sum.wrapping_add(u32::from(unit)));
    let hue_deg = (hue_deg + f64::from(hash % HUE_STEPS) * HUE_STEP_DEG) % 360.0;
    let lightness_pct = if hash % 2 == 1 {
        lightness_pct + LIGHTNESS_VARIATION_PCT
    } else {
        lightness_pct - LIGHTNESS_VARIATION_PCT
    };
    let saturation_pct = (saturation_pct + 10.0).min(90.0);
    hsl_to_hex(
        hue_deg.abs(),
        saturation_pct.clamp(50.0, 90.0),
        lightness_pct.clamp(30.0, 70.0),
    )
}

/// Hue in degrees, saturation and lightness in percent, of a `#rrggbb` colour.
fn hex_to_hsl(color: &str) -> Option<[f64; 3]> {
    let hex = color
        .strip_prefix('#')
        .filter(|hex| hex.len() == 6 && hex.chars().all(|digit| digit.is_ascii_hexdigit()))?;
    let channel = |range: std::ops::Range<usize>| {
        hex.get(range)
            .and_then(|digits| u8::from_str_radix(digits, 16).ok())
            .map(|value| f64::from(value) / 255.0)
    };
    let (red, green, blue) = (channel(0..2)?, channel(2..4)?, channel(4..6)?);
    let max = red.max(green).max(blue);
    let min = red.min(green).min(blue);
    let lightness = (max + min) / 2.0;
    if max == min {
        return Some([0.0, 0.0, lightness * 100.0]);
    }
    let delta = max - min;
    let saturation = if lightness > 0.5 {
        delta / (2.0 - max - min)
    } else {
        delta / (max + min)
    };
    let hue = if max == red {
        (green - blue) / delta + if green < blue { 6.0 } else { 0.0 }
    } else if max == green {
        (blue - red) / delta + 2.0
    } else {
        (red - green) / delta + 4.0
    };
    Some([hue / 6.0 * 360.0, saturation * 100.0, lightness * 100.0])
}

/// `#rrggbb` of a colour given as hue in degrees, saturation and lightness in percent.
fn hsl_to_hex(hue_deg: f64, saturation_pct: f64, lightness_pct: f64) -> String {
    let lightness = lightness_pct / 100.0;
    let chroma = saturation_pct * lightness.min(1.0 - lightness) / 100.0;
    let channel = |offset: f64| {
        let k = (offset + hue_deg / 30.0) % 12.0;
        let value = lightness - chroma * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0);
        // JavaScript's Math.round: halves go up.
        (255.0 * value + 0.5).floor().clamp(0.0, 255.0) as u8
    };
    format!(
        "#{:02x}{:02x}{:02x}",
        channel(0.0),
        channel(8.0),
        channel(4.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_then_derived() {
        let cases: &[(usize, &str, &str)] = &[
            (0, "1", "#56B4E9"),
            (1, "0", "#009E73"),
            (6, "5", "#D55E00"),
            // "7" is code unit 55: hue + 60°, lighter.
            (7, "7", "#a070f5"),
            // "10" sums to 97: the same turn.
            (8, "10", "#a070f5"),
            // "8" is 56: hue + 120°, darker.
            (9, "8", "#e31097"),
            // "0.5" sums to 147: hue + 180°, lighter.
            (10, "0.5", "#f5a070"),
        ];
        for (index, text, expected) in cases {
            assert_eq!(value_color(*index, text), *expected, "{index} {text}");
        }
    }

    #[test]
    fn hsl_round_trips() {
        let cases: &[(&str, [f64; 3])] = &[
            ("#ff0000", [0.0, 100.0, 50.0]),
            ("#00ff00", [120.0, 100.0, 50.0]),
            ("#0000ff", [240.0, 100.0, 50.0]),
            ("#808080", [0.0, 0.0, 50.19607843137255]),
        ];
        for (hex, hsl) in cases {
            assert_eq!(hex_to_hsl(hex), Some(*hsl), "{hex}");
            let [h, s, l] = *hsl;
            assert_eq!(hsl_to_hex(h, s, l), *hex, "{hex}");
        }
        assert_eq!(hex_to_hsl("red"), None);
        assert_eq!(hex_to_hsl("#12345"), None);
        assert_eq!(
            derived_color("x", "not a colour"),
            derived_color("x", FALLBACK_COLOR)
        );
    }
}
