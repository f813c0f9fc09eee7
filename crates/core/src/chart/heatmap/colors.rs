//! The heat map's colours: where a count falls on the scale (linear or logarithmic) and the
//! colour there, faint for few observations and strong for many on either theme.

use crate::panels::heatmap::HeatmapModel;
use crate::spec::panels::heatmap::CountScale;

/// Where a count falls on the colour scale, 0 to 1 (NaN: not drawn).
pub fn color_fraction(count: f64, max_count: f64, scale: CountScale, smallest: f64) -> f64 {
    if !(count.is_finite() && count > 0.0 && max_count > 0.0) {
        return f64::NAN;
    }
    match scale {
        CountScale::Linear => (count / max_count).clamp(0.0, 1.0),
        CountScale::Log => {
            let low = smallest.max(f64::MIN_POSITIVE);
            if max_count <= low {
                return 1.0;
            }
            {
                let ln = crate::math::ln;
                ((ln(count) - ln(low)) / (ln(max_count) - ln(low))).clamp(0.0, 1.0)
            }
        }
    }
}

/// The smallest positive count, the bottom of a logarithmic colour scale.
pub fn smallest_count(model: &HeatmapModel) -> f64 {
    model
        .histogram
        .iter()
        .flat_map(|histogram| histogram.counts.iter().flatten())
        .copied()
        .filter(|count| count.is_finite() && *count > 0.0)
        .fold(f64::INFINITY, f64::min)
        .min(model.max_count)
}

/// The colour of a fraction of the scale: viridis, which reads in order for colour-blind
/// viewers and keeps its contrast on light and dark backgrounds alike. Hand-written: five
/// stops interpolated in sRGB are all the chart needs, no colour library for that.
pub fn ramp(fraction: f64) -> [u8; 3] {
    const STOPS: [[f64; 3]; 5] = [
        [68.0, 1.0, 84.0],
        [59.0, 82.0, 139.0],
        [33.0, 145.0, 140.0],
        [94.0, 201.0, 98.0],
        [253.0, 231.0, 37.0],
    ];
    let position = fraction.clamp(0.0, 1.0) * (STOPS.len() - 1) as f64;
    let index = (position.floor() as usize).min(STOPS.len() - 2);
    let within = position - index as f64;
    let (from, to) = (STOPS[index], STOPS[index + 1]);
    let mix =
        |channel: usize| (from[channel] + (to[channel] - from[channel]) * within).round() as u8;
    [mix(0), mix(1), mix(2)]
}

/// The colour of a cell at `fraction` of the scale on `background` (a CSS colour): faint for
/// few observations and strong for many, on light and dark backgrounds alike, which is
/// viridis read from yellow on a light background and from purple on a dark one.
pub fn heat_color(fraction: f64, background: &str) -> [u8; 3] {
    let on_light = crate::chart::palette::readable_text_on(background) == "#000000";
    ramp(if on_light { 1.0 - fraction } else { fraction })
}
