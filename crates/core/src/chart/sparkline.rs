//! A sparkline's geometry: a series' shape across the box as a line and the area under it,
//! without axes, inset by half the line's width so the stroke is never cut.

use super::frame::CanvasSize;
use super::scale::{TimeScale, ValueScale};
use crate::panels::stat::sparkline_range;
use crate::prometheus::{Sample, Samples};

/// The line and the area under it, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct SparklineGeometry {
    pub line: Vec<(f64, f64)>,
    pub area: Vec<(f64, f64)>,
}

/// Lays out `samples` in `size` for a line `width_px` wide; `None` without a finite value.
pub fn layout(samples: &Samples, size: CanvasSize, width_px: f64) -> Option<SparklineGeometry> {
    let finite: Vec<Sample> = samples.iter().filter(|s| s.value.is_finite()).collect();
    let (first, last) = (finite.first()?, finite.last()?);
    let (min, max) = sparkline_range(samples.values())?;
    let inset = width_px / 2.0;
    let x = TimeScale {
        start_ms: first.time_ms,
        end_ms: last.time_ms.max(first.time_ms + 1),
        start_px: 0.0,
        end_px: size.width_css,
    };
    let y = ValueScale::linear(min, max, size.height_css - inset, inset);
    let line: Vec<(f64, f64)> = finite
        .iter()
        .map(|sample| {
            (
                x.px_from_time(sample.time_ms),
                y.px_from_value(sample.value),
            )
        })
        .collect();
    let mut area = line.clone();
    area.push((size.width_css, size.height_css));
    area.push((0.0, size.height_css));
    Some(SparklineGeometry { line, area })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_spans_the_box_and_skips_gaps() {
        let samples: Samples = [(0, 1.0), (1_000, f64::NAN), (2_000, 3.0)]
            .iter()
            .map(|(time_ms, value)| Sample {
                time_ms: *time_ms,
                value: *value,
            })
            .collect();
        let size = CanvasSize {
            width_css: 100.0,
            height_css: 20.0,
            ratio: 1.0,
        };
        let geometry = layout(&samples, size, 2.0).expect("finite values");
        assert_eq!(geometry.line.len(), 2);
        assert_eq!(geometry.line[0].0, 0.0);
        assert_eq!(geometry.line[1].0, 100.0);
        // The higher value is nearer the top; both stay a half line inside the box.
        assert!(geometry.line[1].1 < geometry.line[0].1);
        assert!(geometry.line.iter().all(|(_, y)| *y >= 1.0 && *y <= 19.0));
        assert_eq!(geometry.area.len(), 4);
        let nothing: Samples = vec![Sample {
            time_ms: 0,
            value: f64::NAN,
        }]
        .into();
        assert_eq!(layout(&nothing, size, 2.0), None);
    }
}
