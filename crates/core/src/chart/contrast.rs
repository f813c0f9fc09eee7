//! Series colours that stand out from the panel. WCAG 2.2's 1.4.11 asks 3:1 between the parts
//! of a chart a reader needs and what is around them; several of Perses' palette colours fall
//! to 1.5–2.5:1 on a white or a dark card. A palette colour keeps its hue and saturation (so
//! series keep Perses' order and look) and moves in lightness, away from the background, until
//! it reaches 3:1 as drawn over it. Colours a dashboard sets itself are left alone by callers.

use super::palette::{Hsla, parse_rgb};

/// The contrast a series colour reaches against the panel background.
pub const MIN_RATIO: f64 = 3.0;
/// WCAG's contrast for text of any size (1.4.3).
pub const TEXT_RATIO: f64 = 4.5;

/// WCAG relative luminance of an sRGB colour.
pub fn luminance([red, green, blue]: [u8; 3]) -> f64 {
    let linear = |channel: u8| {
        let value = f64::from(channel) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            crate::math::pow((value + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
}

/// WCAG contrast ratio between two colours, 1 to 21.
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color` (hex, `rgb()`, or Perses' `hsla()`) made to reach [`MIN_RATIO`] against
/// `background`, drawn at its own opacity over it. Unchanged when it already does, or when
/// either colour cannot be read.
pub fn readable_on(color: &str, background: &str) -> String {
    readable_at(color, background, MIN_RATIO)
}

/// Text in `color` made readable on `background`: 4.5:1, WCAG's ratio for text of any size
/// (1.4.3), the hue kept.
pub fn readable_text(color: &str, background: &str) -> String {
    readable_at(color, background, TEXT_RATIO)
}

/// [`readable_on`] for a contrast `ratio` of one's choosing.
fn readable_at(color: &str, background: &str, ratio: f64) -> String {
    let Some(background_rgb) = parse_rgb(background) else {
        return color.to_owned();
    };
    let Some(mut hsla) = parse_hsla(color).or_else(|| parse_rgb(color).map(hsla_of)) else {
        return color.to_owned();
    };
    let drawn = |hsla: Hsla| blend(hsla.to_rgb(), background_rgb, hsla.alpha);
    if contrast_ratio(drawn(hsla), background_rgb) >= ratio {
        return color.to_owned();
    }
    // Darker on a light card, lighter on a dark one, a percent of lightness at a time. The
    // colour is judged as written, so rounding cannot take it back under the ratio: `to_css`
    // writes the hue, saturation and alpha this loop leaves alone (read back once, here), and
    // the lightness in whole percents, rounded as `{:.0}` does (half to even). Computed, not
    // written and read back at each step: a chart asks once per series, and the text took
    // 47 ms of the main thread over NodeExporter's 699 series in a profile.
    let written = parse_hsla(&hsla.to_css()).unwrap_or(hsla);
    let as_written = |hsla: Hsla| Hsla {
        lightness: (hsla.lightness * 100.0).round_ties_even() / 100.0,
        ..written
    };
    let step = if luminance(background_rgb) > 0.18 {
        -0.01
    } else {
        0.01
    };
    for _ in 0..100 {
        hsla.lightness = (hsla.lightness + step).clamp(0.0, 1.0);
        if contrast_ratio(drawn(as_written(hsla)), background_rgb) >= ratio
            || hsla.lightness <= 0.0
            || hsla.lightness >= 1.0
        {
            break;
        }
    }
    hsla.to_css()
}

/// The sRGB of a CSS colour this module reads (hex, `rgb()`, `hsl()`/`hsla()`), its
/// opacity left out.
pub fn rgb_of(css: &str) -> Option<[u8; 3]> {
    parse_hsla(css).map(Hsla::to_rgb).or_else(|| parse_rgb(css))
}

/// `color` over `background` at `alpha`.
fn blend(color: [u8; 3], background: [u8; 3], alpha: f64) -> [u8; 3] {
    let alpha = alpha.clamp(0.0, 1.0);
    [0, 1, 2].map(|channel| {
        (f64::from(color[channel]) * alpha + f64::from(background[channel]) * (1.0 - alpha)).round()
            as u8
    })
}

/// Perses' `hsla(201.45,50%,65%,0.9)` (or `hsl(...)`).
fn parse_hsla(css: &str) -> Option<Hsla> {
    let css = css.trim().to_ascii_lowercase();
    let inner = css
        .strip_prefix("hsla(")
        .or_else(|| css.strip_prefix("hsl("))?
        .strip_suffix(')')?;
    let mut parts = inner.split(',').map(str::trim);
    let hue_deg = crate::float_text::parse_f64(parts.next()?)?;
    let percent = |part: Option<&str>| -> Option<f64> {
        Some(crate::float_text::parse_f64(part?.strip_suffix('%')?)? / 100.0)
    };
    let saturation = percent(parts.next())?;
    let lightness = percent(parts.next())?;
    let alpha = parts
        .next()
        .map_or(Some(1.0), crate::float_text::parse_f64)?;
    Some(Hsla {
        hue_deg,
        saturation,
        lightness,
        alpha,
    })
}

/// An sRGB colour in HSL, opaque.
fn hsla_of([red, green, blue]: [u8; 3]) -> Hsla {
    let [r, g, b] = [red, green, blue].map(|channel| f64::from(channel) / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let lightness = (max + min) / 2.0;
    let delta = max - min;
    let (hue_deg, saturation) = if delta == 0.0 {
        (0.0, 0.0)
    } else {
        let saturation = delta / (1.0 - (2.0 * lightness - 1.0).abs());
        let hue = if max == r {
            ((g - b) / delta).rem_euclid(6.0)
        } else if max == g {
            (b - r) / delta + 2.0
        } else {
            (r - g) / delta + 4.0
        };
        (hue * 60.0, saturation)
    };
    Hsla {
        hue_deg,
        saturation,
        lightness,
        alpha: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::palette::{CATEGORICAL, auto_color};

    /// The card backgrounds of PatternFly 6's light and dark themes (ours and its own dark).
    const BACKGROUNDS: [&str; 3] = ["#ffffff", "#292929", "#1f1f1f"];

    fn drawn_ratio(color: &str, background: &str) -> f64 {
        let background = parse_rgb(background).unwrap_or_default();
        let hsla = parse_hsla(color)
            .or_else(|| parse_rgb(color).map(hsla_of))
            .unwrap_or_else(|| panic!("{color} cannot be read"));
        contrast_ratio(blend(hsla.to_rgb(), background, hsla.alpha), background)
    }

    #[test]
    fn text_reaches_four_and_a_half_to_one_keeping_its_hue() {
        for (color, background) in [
            ("#38ae33", "#ffffff"),
            ("#f0ab00", "#ffffff"),
            ("#c9190b", "#1f1f1f"),
            ("#0066cc", "#292929"),
        ] {
            let text = readable_text(color, background);
            let ratio = contrast_ratio(rgb_of(&text).unwrap(), rgb_of(background).unwrap());
            assert!(
                ratio >= TEXT_RATIO,
                "{color} on {background}: {text} at {ratio:.2}"
            );
        }
        // Already readable: unchanged.
        assert_eq!(readable_text("#151515", "#ffffff"), "#151515");
    }

    /// Perses' categorical palette and the colours it makes for 500 series' names.
    fn default_series_colours() -> Vec<String> {
        CATEGORICAL
            .iter()
            .map(|color| (*color).to_owned())
            .chain((0..500).map(|index| auto_color(&format!("series-{index}")).to_css()))
            .chain(std::iter::once(auto_color("error rate").to_css()))
            .collect()
    }

    #[test]
    fn every_default_series_colour_reaches_three_to_one_on_both_themes() {
        for color in default_series_colours() {
            for background in BACKGROUNDS {
                let readable = readable_on(&color, background);
                let ratio = drawn_ratio(&readable, background);
                assert!(
                    ratio >= MIN_RATIO,
                    "{color} → {readable} on {background}: {ratio:.2}"
                );
            }
        }
    }

    /// The answer as first written: each step's colour written as CSS and read back.
    fn readable_by_text(color: &str, background: &str, ratio: f64) -> String {
        let card = parse_rgb(background).unwrap_or_default();
        let Some(start) = parse_hsla(color).or_else(|| parse_rgb(color).map(hsla_of)) else {
            return color.to_owned();
        };
        let reaches =
            |hsla: Hsla| contrast_ratio(blend(hsla.to_rgb(), card, hsla.alpha), card) >= ratio;
        if reaches(start) {
            return color.to_owned();
        }
        let step = if luminance(card) > 0.18 { -0.01 } else { 0.01 };
        let walk: Vec<Hsla> = std::iter::successors(Some(start), |hsla| {
            Some(Hsla {
                lightness: (hsla.lightness + step).clamp(0.0, 1.0),
                ..*hsla
            })
        })
        .skip(1)
        .take(100)
        .collect();
        let stop = walk.iter().position(|hsla| {
            reaches(parse_hsla(&hsla.to_css()).unwrap_or(*hsla))
                || !(0.0 < hsla.lightness && hsla.lightness < 1.0)
        });
        walk[stop.unwrap_or(walk.len() - 1)].to_css()
    }

    #[test]
    fn computed_steps_answer_as_written_ones() {
        let colors = default_series_colours()
            .into_iter()
            .chain(["hsla(10,40%,50%,0.5)".to_owned(), "#ffff00".to_owned()]);
        for color in colors {
            for background in BACKGROUNDS {
                for ratio in [MIN_RATIO, TEXT_RATIO] {
                    assert_eq!(
                        readable_at(&color, background, ratio),
                        readable_by_text(&color, background, ratio),
                        "{color} on {background} at {ratio}"
                    );
                }
            }
        }
    }

    #[test]
    fn colours_keep_their_hue_and_those_that_reach_it_stay() {
        // Perses' blue #0072B2 reaches 3:1 on white already.
        assert_eq!(readable_on("#0072B2", "#ffffff"), "#0072B2");
        // Its light blue does not: darker, same hue.
        let light_blue = readable_on("#56B4E9", "#ffffff");
        let before = hsla_of(parse_rgb("#56B4E9").unwrap_or_default());
        let after = parse_hsla(&light_blue).unwrap_or_else(|| panic!("{light_blue}"));
        assert!(
            (after.hue_deg - before.hue_deg).abs() < 0.01,
            "{light_blue}"
        );
        assert!(after.lightness < before.lightness);
        // On a dark card the dark blue gets lighter.
        let dark = parse_hsla(&readable_on("#0072B2", "#292929")).unwrap_or_else(|| panic!());
        assert!(dark.lightness > hsla_of(parse_rgb("#0072B2").unwrap_or_default()).lightness);
        // What cannot be read stays as it is.
        assert_eq!(readable_on("var(--x)", "#ffffff"), "var(--x)");
        assert_eq!(readable_on("#56B4E9", "transparent"), "#56B4E9");
    }

    #[test]
    fn contrast_ratios_follow_wcag() {
        assert!((contrast_ratio([255, 255, 255], [0, 0, 0]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([119, 119, 119], [255, 255, 255]) - 4.48).abs() < 0.01);
        assert_eq!(blend([0, 0, 0], [255, 255, 255], 0.5), [128, 128, 128]);
    }
}
