//! The pie chart's geometry: the disc in its box, each slice's angles, the labels beside the
//! slices, and which slice a point falls in. Painting and the tooltip read the same one.

use super::frame::{Align, CanvasSize, Label};
use crate::panels::pie::PieModel;

/// Slices smaller than this share of the turn get no label beside them (they would overlap).
const LABELLED_FRACTION: f64 = 0.03;

/// Where the pie lies.
#[derive(Debug, Clone, PartialEq)]
pub struct PieGeometry {
    pub center_x: f64,
    pub center_y: f64,
    pub radius: f64,
    /// Per slice of the model: its start and end, in degrees counter-clockwise from three
    /// o'clock (as a canvas arc takes them).
    pub arcs: Vec<(f64, f64)>,
    /// The slices' labels, with `showLabels`.
    pub labels: Vec<Label>,
}

/// Degrees from three o'clock (counter-clockwise) of a fraction of the turn from twelve o'clock
/// (clockwise), the way Perses lays slices out.
pub fn angle_deg(fraction: f64) -> f64 {
    90.0 - 360.0 * fraction
}

/// Lays the pie out in `size`.
pub fn layout(model: &PieModel, size: CanvasSize) -> PieGeometry {
    let room = size.width_css.min(size.height_css) / 2.0;
    let radius = (room * (model.radius_pct / 100.0).clamp(0.1, 1.0) * 1.6)
        .min(room - 4.0)
        .max(4.0);
    let (center_x, center_y) = (size.width_css / 2.0, size.height_css / 2.0);
    let arcs = model
        .slices
        .iter()
        .map(|slice| {
            (
                angle_deg(slice.start_fraction),
                angle_deg(slice.start_fraction + slice.fraction),
            )
        })
        .collect();
    let labels = if model.show_labels {
        model
            .slices
            .iter()
            .filter(|slice| slice.fraction >= LABELLED_FRACTION)
            .map(|slice| {
                let angle = angle_deg(slice.start_fraction + slice.fraction / 2.0).to_radians();
                Label {
                    text: slice.label.clone(),
                    x: center_x + (radius + 8.0) * crate::math::cos(angle),
                    y: center_y - (radius + 8.0) * crate::math::sin(angle),
                    align: if crate::math::cos(angle) >= 0.0 {
                        Align::Left
                    } else {
                        Align::Right
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    PieGeometry {
        center_x,
        center_y,
        radius,
        arcs,
        labels,
    }
}

impl PieGeometry {
    /// The index of the model's slice under `(x, y)`.
    pub fn hit(&self, model: &PieModel, x: f64, y: f64) -> Option<usize> {
        let (dx, dy) = (x - self.center_x, self.center_y - y);
        // The distance from the centre; squares and a root, which need no library.
        if (dx * dx + dy * dy).sqrt() > self.radius {
            return None;
        }
        // The fraction of the turn clockwise from twelve o'clock.
        let turn = ((90.0 - crate::math::atan2(dy, dx).to_degrees()).rem_euclid(360.0)) / 360.0;
        model.slices.iter().position(|slice| {
            turn >= slice.start_fraction && turn < slice.start_fraction + slice.fraction
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panels::pie::PieSlice;

    fn slice(index: usize, start_fraction: f64, fraction: f64) -> PieSlice {
        PieSlice {
            index,
            name: format!("s{index}"),
            value: fraction,
            start_fraction,
            fraction,
            text: String::new(),
            percent_text: String::new(),
            label: format!("s{index}"),
            color: "#000".to_owned(),
        }
    }

    #[test]
    fn slices_run_clockwise_from_twelve_and_are_hit_where_drawn() {
        let model = PieModel {
            slices: vec![
                slice(0, 0.0, 0.25),
                slice(1, 0.25, 0.74),
                slice(2, 0.99, 0.01),
            ],
            total_series: 3,
            radius_pct: 50.0,
            show_labels: true,
            legend: None,
            palette_colors: true,
        };
        let size = CanvasSize {
            width_css: 300.0,
            height_css: 200.0,
            ratio: 1.0,
        };
        let geometry = layout(&model, size);
        assert_eq!(
            (geometry.center_x, geometry.center_y, geometry.radius),
            (150.0, 100.0, 80.0)
        );
        assert_eq!(geometry.arcs[0], (90.0, 0.0));
        // The first slice (a quarter from twelve) is to the upper right, the second below.
        assert_eq!(geometry.hit(&model, 180.0, 70.0), Some(0));
        assert_eq!(geometry.hit(&model, 150.0, 150.0), Some(1));
        assert_eq!(geometry.hit(&model, 149.0, 30.0), Some(2));
        assert_eq!(geometry.hit(&model, 10.0, 10.0), None);
        // The smallest slice gets no label; the first's is right of the disc, left-aligned.
        let texts: Vec<&str> = geometry
            .labels
            .iter()
            .map(|label| label.text.as_str())
            .collect();
        assert_eq!(texts, ["s0", "s1"]);
        assert_eq!(geometry.labels[0].align, Align::Left);
        assert!(geometry.labels[0].x > 150.0 + 80.0 * 0.5);
    }
}
