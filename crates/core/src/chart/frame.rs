//! What every laid-out chart shares: rectangles and labelled ticks in CSS pixels, and the value
//! extent of histogram buckets.

use super::scale::{TimeScale, ValueScale};
use super::ticks::time_ticks;
use crate::histogram::Bounds;
use crate::spec::panels::time_series::LogBase;

/// A chart's box: CSS pixels and the device pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasSize {
    pub width_css: f64,
    pub height_css: f64,
    pub ratio: f64,
}

/// How a label's text lies against its point, as canvas `textAlign` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The text starts at the point.
    Left,
    /// The text is centred on the point.
    Center,
    /// The text ends at the point.
    Right,
}

/// A label placed by a layout: its text and where it is anchored (y is the text's middle).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub align: Align,
}

/// `text` cut with an ellipsis to fit `room_px` as `measure` measures it.
pub fn truncate(text: &str, room_px: f64, measure: &dyn Fn(&str) -> f64) -> String {
    if measure(text) <= room_px {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 0 {
        keep -= 1;
        let candidate: String = chars
            .iter()
            .take(keep)
            .chain(std::iter::once(&'…'))
            .collect();
        if measure(&candidate) <= room_px {
            return candidate;
        }
    }
    String::new()
}

/// A rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }
}

/// A labelled tick: where (CSS pixels along its axis) and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub px: f64,
    pub label: String,
}

/// Ticks at `values` along `scale`, labelled `labels` (one each, in order).
pub fn ticks_along(scale: &ValueScale, values: &[f64], labels: Vec<String>) -> Vec<Tick> {
    values
        .iter()
        .zip(labels)
        .map(|(value, label)| Tick {
            px: scale.px_from_value(*value),
            label,
        })
        .collect()
}

/// Time ticks along `x` at least 90 px apart, aligned to the viewer's clock
/// (`utc_offset_minutes` east of UTC).
pub fn time_ticks_along(x: &TimeScale, utc_offset_minutes: i32) -> Vec<Tick> {
    time_ticks(
        x.start_ms,
        x.end_ms,
        x.end_px - x.start_px,
        90.0,
        utc_offset_minutes,
    )
    .into_iter()
    .map(|tick| Tick {
        px: x.px_from_time(tick.time_ms),
        label: tick.label,
    })
    .collect()
}

/// The axis extent for buckets: `min`/`max` when the spec gives them, else the buckets' finite
/// bounds. On a logarithmic axis a bucket that starts at 0 or below is given one step of the
/// base below its upper bound, so the lowest bucket keeps a height of its own.
pub fn bucket_domain<'a>(
    buckets: impl Iterator<Item = &'a Bounds>,
    log_base: Option<LogBase>,
    min: Option<f64>,
    max: Option<f64>,
) -> (f64, f64) {
    let base = log_base.map(f64::from);
    let (lowest, highest) = buckets
        .flat_map(|bounds| {
            let lower = match base {
                Some(base) if bounds.lower <= 0.0 && bounds.upper > 0.0 => bounds.upper / base,
                _ => bounds.lower,
            };
            [lower, bounds.upper]
        })
        .filter(|bound| bound.is_finite() && (base.is_none() || *bound > 0.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), bound| {
            (low.min(bound), high.max(bound))
        });
    let mut min = min.unwrap_or(if lowest.is_finite() { lowest } else { 0.0 });
    let mut max = max.unwrap_or(if highest.is_finite() { highest } else { 1.0 });
    if base.is_some() && min <= 0.0 {
        min = if max > 0.0 { max / 1000.0 } else { 1.0 };
    }
    if max <= min {
        max = match base {
            Some(base) => min * base,
            None => min + 1.0,
        };
    }
    (min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_keeps_what_fits() {
        let measure = |text: &str| text.chars().count() as f64 * 10.0;
        let cases = [
            ("granite", 70.0, "granite"),
            ("granite", 60.0, "grani…"),
            ("granite", 10.0, "…"),
            ("granite", 5.0, ""),
            ("", 0.0, ""),
        ];
        for (text, room, expected) in cases {
            assert_eq!(truncate(text, room, &measure), expected, "{text} in {room}");
        }
    }

    #[test]
    fn bucket_domains() {
        let b = |lower: f64, upper: f64| Bounds { lower, upper };
        let latency = [b(0.0, 0.1), b(0.1, 1.0), b(1.0, f64::INFINITY)];
        let ten = Some(LogBase::Ten);
        let cases = [
            (&latency[..], None, None, None, (0.0, 1.0)),
            // The first bucket, from 0, gets a decade below 0.1.
            (&latency[..], ten, None, None, (0.01, 1.0)),
            (&latency[1..], ten, None, None, (0.1, 1.0)),
            (&latency[..], None, Some(0.5), None, (0.5, 1.0)),
            (&latency[..], ten, Some(0.0), Some(2.0), (0.002, 2.0)),
            (&latency[..], None, Some(3.0), Some(1.0), (3.0, 4.0)),
            (&latency[..], ten, Some(3.0), Some(1.0), (3.0, 30.0)),
            (&[][..], None, None, None, (0.0, 1.0)),
            (
                &[b(f64::NEG_INFINITY, -1.0)][..],
                ten,
                None,
                None,
                (0.001, 1.0),
            ),
        ];
        for (buckets, log_base, min, max, expected) in cases {
            assert_eq!(
                bucket_domain(buckets.iter(), log_base, min, max),
                expected,
                "{buckets:?} {log_base:?}"
            );
        }
    }
}
