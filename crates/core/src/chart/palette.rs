//! Series colours exactly as Perses picks them.
//!
//! `auto` (the default) derives a colour from the series name, so a series keeps its colour
//! across panels and reloads: Perses uses the `color-hash` package (SHA-256 of the name, hue
//! 20°–360°, or 0°–20° for names containing "error"). `categorical` cycles a fixed palette by
//! series index.

use sha2::{Digest, Sha256};

/// Perses' categorical palette (its ECharts theme colours).
pub const CATEGORICAL: [&str; 7] = [
    "#56B4E9", "#009E73", "#0072B2", "#CC79A7", "#F0E442", "#E69F00", "#D55E00",
];

/// color-hash's saturation and lightness choices.
const LEVELS: [f64; 3] = [0.35, 0.5, 0.65];
/// color-hash's hue resolution (a prime).
const HUE_RESOLUTION: f64 = 727.0;
/// Hues below this are kept for series whose name says "error".
const ERROR_HUE_CUTOFF: f64 = 20.0;

/// A colour in HSL with alpha, as Perses writes series colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hsla {
    pub hue_deg: f64,
    pub saturation: f64,
    pub lightness: f64,
    pub alpha: f64,
}

impl Hsla {
    /// The CSS text Perses uses: `hsla(201.45,50%,65%,0.9)`.
    pub fn to_css(self) -> String {
        format!(
            "hsla({:.2},{:.0}%,{:.0}%,{})",
            self.hue_deg,
            self.saturation * 100.0,
            self.lightness * 100.0,
            self.alpha
        )
    }

    /// Red, green and blue, 0–255.
    pub fn to_rgb(self) -> [u8; 3] {
        let hue = self.hue_deg.rem_euclid(360.0) / 360.0;
        let (s, l) = (self.saturation, self.lightness);
        let q = if l < 0.5 {
            l * (1.0 + s)
        } else {
            l + s - l * s
        };
        let p = 2.0 * l - q;
        [hue + 1.0 / 3.0, hue, hue - 1.0 / 3.0].map(|mut t| {
            if t < 0.0 {
                t += 1.0;
            }
            if t > 1.0 {
                t -= 1.0;
            }
            let channel = if t < 1.0 / 6.0 {
                p + (q - p) * 6.0 * t
            } else if t < 0.5 {
                q
            } else if t < 2.0 / 3.0 {
                p + (q - p) * 6.0 * (2.0 / 3.0 - t)
            } else {
                p
            };
            (channel * 255.0).round().clamp(0.0, 255.0) as u8
        })
    }
}

/// The `auto` colour of a series name.
pub fn auto_color(series_name: &str) -> Hsla {
    let is_error = crate::case::lowercase(series_name).contains("error");
    let (min, max) = if is_error {
        (0.0, ERROR_HUE_CUTOFF)
    } else {
        (ERROR_HUE_CUTOFF, 360.0)
    };
    let mut hash = sha256_prefix(series_name) as f64;
    let hue_deg = (hash % HUE_RESOLUTION) * (max - min) / HUE_RESOLUTION + min;
    hash = (hash / 360.0).ceil();
    let saturation = LEVELS[(hash % 3.0) as usize % 3];
    hash = (hash / 3.0).ceil();
    let lightness = LEVELS[(hash % 3.0) as usize % 3];
    Hsla {
        hue_deg,
        saturation,
        lightness,
        alpha: 0.9,
    }
}

/// The `categorical` colour of the series at `index`.
pub fn categorical_color(index: usize) -> &'static str {
    CATEGORICAL[index % CATEGORICAL.len()]
}

/// Black or white, whichever reads better on `background` (WCAG relative luminance). Colours
/// given as `#rgb`, `#rrggbb`, `rgb()`/`rgba()` or a common CSS name; anything else is taken
/// as a dark colour (white text), which suits the saturated colours dashboards use.
pub fn readable_text_on(background: &str) -> &'static str {
    let Some(rgb) = parse_rgb(background) else {
        return "#ffffff";
    };
    let luminance = super::contrast::luminance(rgb);
    // Contrast against black is (L + 0.05) / 0.05 and against white 1.05 / (L + 0.05); they
    // are equal at L ≈ 0.179.
    if luminance > 0.179 {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// What a canvas returns for a style it was given (`#rrggbb`, or `rgba(r, g, b, a)` when it is
/// translucent) as red, green, blue and opacity; black for anything else.
pub fn parse_canvas_style(text: &str) -> ([u8; 3], f64) {
    let rgb = parse_rgb(text).unwrap_or_default();
    let opacity = text
        .strip_prefix("rgba(")
        .and_then(|rest| rest.strip_suffix(')'))
        .and_then(|inner| inner.rsplit(',').next())
        .and_then(|alpha| crate::float_text::parse_f64(alpha.trim()))
        .unwrap_or(1.0);
    (rgb, opacity)
}

pub(crate) fn parse_rgb(css: &str) -> Option<[u8; 3]> {
    let css = css.trim().to_ascii_lowercase();
    if let Some(hex) = css.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
            .collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] | [r, g, b, _] => Some([r * 17, g * 17, b * 17]),
            [r1, r2, g1, g2, b1, b2] | [r1, r2, g1, g2, b1, b2, _, _] => {
                Some([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2])
            }
            _ => None,
        };
    }
    if let Some(inner) = css
        .strip_prefix("rgba(")
        .or_else(|| css.strip_prefix("rgb("))
        .and_then(|rest| rest.strip_suffix(')'))
    {
        let mut channels = inner
            .split([',', ' ', '/'])
            .filter(|part| !part.is_empty())
            .map(|part| crate::float_text::parse_f64(part).map(|v| v.clamp(0.0, 255.0) as u8));
        return Some([channels.next()??, channels.next()??, channels.next()??]);
    }
    let named = match css.as_str() {
        "white" => [255, 255, 255],
        "black" => [0, 0, 0],
        "red" => [255, 0, 0],
        "green" => [0, 128, 0],
        "blue" => [0, 0, 255],
        "yellow" => [255, 255, 0],
        "orange" => [255, 165, 0],
        "gray" | "grey" => [128, 128, 128],
        "purple" => [128, 0, 128],
        _ => return None,
    };
    Some(named)
}

/// The first 32 bits of the SHA-256 of the UTF-8 text, as color-hash reads them.
fn sha256_prefix(text: &str) -> u32 {
    let digest = Sha256::digest(text.as_bytes());
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_canvas_style_reads_as_colour_and_opacity() {
        let cases = [
            ("#0066cc", ([0, 102, 204], 1.0)),
            ("rgba(0, 102, 204, 0.5)", ([0, 102, 204], 0.5)),
            ("rgba(255, 255, 255, 0)", ([255, 255, 255], 0.0)),
            // What a canvas never returns reads as opaque black.
            ("nonsense", ([0, 0, 0], 1.0)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_canvas_style(text), expected, "{text}");
        }
    }

    #[test]
    fn auto_colours_are_stable_and_follow_color_hash() {
        // sha256("x") starts with 2d711642.
        assert_eq!(sha256_prefix("x"), 0x2d71_1642);
        let color = auto_color("x");
        let hash = f64::from(0x2d71_1642_u32);
        assert!((color.hue_deg - ((hash % 727.0) * 340.0 / 727.0 + 20.0)).abs() < 1e-9);
        assert_eq!(auto_color("x"), color);
        assert_ne!(auto_color("up{pod=\"a\"}"), auto_color("up{pod=\"b\"}"));
        // Names with "error" get red hues.
        for name in [
            "errors",
            "Request ERROR rate",
            "http_errors_total{code=\"500\"}",
        ] {
            let hue = auto_color(name).hue_deg;
            assert!((0.0..20.0).contains(&hue), "{name}: {hue}");
        }
        for name in ["latency", "tokens", "gpu"] {
            let hue = auto_color(name).hue_deg;
            assert!((20.0..360.0).contains(&hue), "{name}: {hue}");
        }
        assert!(color.to_css().starts_with("hsla(") && color.to_css().ends_with(",0.9)"));
    }

    #[test]
    fn readable_text_picks_the_better_contrast() {
        for (background, expected) in [
            ("#ffffff", "#000000"),
            ("#FFCC00", "#000000"),
            ("yellow", "#000000"),
            ("#3d7317", "#ffffff"),
            ("#b1380b", "#ffffff"),
            ("rgb(0, 102, 204)", "#ffffff"),
            ("rgba(240,228,66,0.9)", "#000000"),
            ("#fff", "#000000"),
            ("red", "#000000"),
            ("hsl(10, 50%, 50%)", "#ffffff"),
        ] {
            assert_eq!(readable_text_on(background), expected, "{background}");
        }
    }

    #[test]
    fn hsl_to_rgb_matches_color_hash() {
        let rgb = |h, s, l| {
            Hsla {
                hue_deg: h,
                saturation: s,
                lightness: l,
                alpha: 1.0,
            }
            .to_rgb()
        };
        assert_eq!(rgb(0.0, 1.0, 0.5), [255, 0, 0]);
        assert_eq!(rgb(120.0, 1.0, 0.75), [128, 255, 128]);
        assert_eq!(rgb(240.0, 1.0, 0.25), [0, 0, 128]);
        assert_eq!(rgb(330.0, 1.0, 0.75), [255, 128, 191]);
        assert_eq!(categorical_color(8), "#009E73");
    }
}
