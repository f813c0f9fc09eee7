//! A gauge's geometry: the threshold bands on a thin outer ring, the track and the value as a
//! thick arc, swept clockwise over 270 degrees from the lower left, and the labels at the
//! arc's two ends, for a box of a given size.

use super::frame::{Align, CanvasSize, Label};

/// Where the arc starts and how far it sweeps, in degrees.
const START_DEG: f64 = 225.0;
const SWEEP_DEG: f64 = 270.0;
/// Room under the arc for its end labels.
const LABEL_ROOM_PX: f64 = 14.0;

/// A piece of a ring: radii in CSS pixels, angles in degrees counter-clockwise from three
/// o'clock (as a canvas arc takes them).
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    pub inner: f64,
    pub outer: f64,
    pub start_deg: f64,
    pub end_deg: f64,
    /// A CSS colour; `None` for the track, which takes the theme's grid colour.
    pub color: Option<String>,
}

/// Where everything of a gauge lies.
#[derive(Debug, Clone, PartialEq)]
pub struct GaugeGeometry {
    pub center_x: f64,
    pub center_y: f64,
    /// The bands, the track, then the value (when above 0).
    pub rings: Vec<Ring>,
    /// "0" and the maximum, under the arc's ends.
    pub labels: [Label; 2],
}

/// Lays a gauge out in `size`: the value at `fraction` (0–1) of the arc in `color`, and
/// `bands` (where each ends, 0–1, and its colour).
pub fn layout(
    size: CanvasSize,
    fraction: f64,
    color: &str,
    bands: &[(f64, String)],
    max_text: &str,
) -> GaugeGeometry {
    let (sin45, cos45) = (
        std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    );
    let radius = (size.width_css / 2.0)
        .min((size.height_css - LABEL_ROOM_PX) / (1.0 + sin45))
        .max(10.0)
        - 2.0;
    let (center_x, center_y) = (size.width_css / 2.0, 2.0 + radius);
    let angle = |fraction: f64| START_DEG - SWEEP_DEG * fraction.clamp(0.0, 1.0);
    let band_width = (radius * 0.06).max(2.0);
    let mut rings = Vec::with_capacity(bands.len() + 2);
    let mut from = 0.0;
    for (end, band_color) in bands {
        rings.push(Ring {
            inner: radius - band_width,
            outer: radius,
            start_deg: angle(from),
            end_deg: angle(*end),
            color: Some(band_color.clone()),
        });
        from = *end;
    }
    let (inner, outer) = (radius * 0.62, radius - band_width - 3.0);
    rings.push(Ring {
        inner,
        outer,
        start_deg: angle(0.0),
        end_deg: angle(1.0),
        color: None,
    });
    if fraction > 0.0 {
        rings.push(Ring {
            inner,
            outer,
            start_deg: angle(0.0),
            end_deg: angle(fraction),
            color: Some(color.to_owned()),
        });
    }
    let below = center_y + radius * sin45 + 6.0;
    let label = |text: &str, x: f64| Label {
        text: text.to_owned(),
        x,
        y: below,
        align: Align::Center,
    };
    GaugeGeometry {
        center_x,
        center_y,
        rings,
        labels: [
            label("0", center_x - radius * cos45),
            label(max_text, center_x + radius * cos45),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arc_sweeps_from_the_lower_left_over_three_quarters() {
        let size = CanvasSize {
            width_css: 200.0,
            height_css: 200.0,
            ratio: 1.0,
        };
        let bands = [(0.5, "green".to_owned()), (1.0, "red".to_owned())];
        let geometry = layout(size, 0.25, "blue", &bands, "100%");
        // 200 px wide: the radius is 98 px; the arc sits 2 px from the top.
        assert_eq!((geometry.center_x, geometry.center_y), (100.0, 100.0));
        let angles: Vec<(f64, f64, Option<&str>)> = geometry
            .rings
            .iter()
            .map(|ring| (ring.start_deg, ring.end_deg, ring.color.as_deref()))
            .collect();
        assert_eq!(
            angles,
            [
                (225.0, 90.0, Some("green")),
                (90.0, -45.0, Some("red")),
                (225.0, -45.0, None),
                (225.0, 157.5, Some("blue")),
            ]
        );
        assert_eq!(geometry.rings[0].outer, 98.0);
        assert!(
            geometry.rings[2].outer < geometry.rings[0].inner,
            "the track sits inside the bands"
        );
        assert_eq!(geometry.labels[1].text, "100%");
        assert!(geometry.labels[0].x < 100.0 && geometry.labels[1].x > 100.0);
        // Nothing to show: no value arc.
        assert_eq!(layout(size, 0.0, "blue", &bands, "1").rings.len(), 3);
    }
}
