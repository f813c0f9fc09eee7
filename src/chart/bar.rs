//! Bar charts: one band per bar or group along the category axis, segments side by side or
//! stacked, a value axis with formatted ticks, and a tooltip naming the bar under the pointer.

use std::sync::Arc;

use leptos::prelude::*;
use obs_core::chart::scale::ValueScale;
use obs_core::chart::ticks::value_ticks;
use obs_core::format::format_value;
use obs_core::panels::bar::{BarLayout, BarModel};
use obs_core::spec::panels::bar::Orientation;

use super::Shared;
use super::canvas::CanvasChart;
use super::painter::{Align, CanvasSize, Font, Painter};

const FONT_PX: f64 = 11.0;
const AXIS_PX: f64 = 20.0;

/// One band of the category axis and what is drawn in it.
#[derive(Debug, Clone)]
struct Band {
    label: String,
    stacked: bool,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone)]
struct Segment {
    from: f64,
    to: f64,
    color: String,
    text: Option<String>,
    tooltip: String,
}

/// A drawn segment's rectangle (CSS pixels) and its tooltip.
struct Placed {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    band: usize,
    segment: usize,
}

/// A bar chart of `model`.
#[component]
pub fn BarChart(
    model: Memo<Shared<BarModel>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let bands = Memo::new(move |_| Shared(Arc::new(bands_of(&model.get()))));
    let paint = move |painter: &mut Painter, size: CanvasSize, theme: &super::theme::ChartTheme| {
        let model = model.get();
        let bands = bands.get();
        let font = Font {
            size_css: FONT_PX,
            bold: false,
            family: theme.font_family.clone(),
        };
        let frame = Frame::new(&model, &bands, size, |text| painter.text_width(text, &font));
        let grid = painter.color(&theme.grid, 1.0);
        for tick in &frame.ticks {
            let text = format_value(*tick, Some(&model.value_axis.format)).to_string();
            let at = frame.scale.px_from_value(*tick).round();
            if frame.horizontal {
                painter.line(&[(at, frame.top), (at, frame.bottom)], grid, 1.0, &[]);
                painter.text(
                    &text,
                    at,
                    frame.bottom + AXIS_PX / 2.0,
                    Align::Center,
                    &font,
                    &theme.text_subtle,
                );
            } else {
                painter.line(&[(frame.left, at), (frame.right, at)], grid, 1.0, &[]);
                painter.text(
                    &text,
                    frame.left - 4.0,
                    at,
                    Align::Right,
                    &font,
                    &theme.text_subtle,
                );
            }
        }
        for placed in frame.place(&bands) {
            let Some(segment) = bands
                .get(placed.band)
                .and_then(|b| b.segments.get(placed.segment))
            else {
                continue;
            };
            let fill = painter.color(&segment.color, 1.0);
            painter.rect(placed.x, placed.y, placed.width, placed.height, fill);
        }
        for (index, band) in bands.iter().enumerate() {
            let middle = frame.band_middle(index, bands.len());
            let text = truncate(&band.label, frame.label_room, |t| {
                painter.text_width(t, &font)
            });
            if frame.horizontal {
                painter.text(
                    &text,
                    frame.left - 6.0,
                    middle,
                    Align::Right,
                    &font,
                    &theme.text,
                );
            } else {
                painter.text(
                    &text,
                    middle,
                    frame.bottom + AXIS_PX / 2.0,
                    Align::Center,
                    &font,
                    &theme.text,
                );
            }
            // The value at the end of a lone bar, where there is room for it.
            if let [segment] = band.segments.as_slice()
                && let Some(text) = &segment.text
            {
                let end = frame.scale.px_from_value(segment.to);
                if frame.horizontal && end + 4.0 + painter.text_width(text, &font) < frame.right {
                    painter.text(
                        text,
                        end + 4.0,
                        middle,
                        Align::Left,
                        &font,
                        &theme.text_subtle,
                    );
                } else if !frame.horizontal && end - FONT_PX > frame.top {
                    painter.text(
                        text,
                        middle,
                        end - FONT_PX / 2.0 - 2.0,
                        Align::Center,
                        &font,
                        &theme.text_subtle,
                    );
                }
            }
        }
    };
    let hit = move |x: f64, y: f64, size: CanvasSize| {
        let model = model.get_untracked();
        let bands = bands.get_untracked();
        // Label widths are estimated here: a hit test has no canvas to measure with.
        let frame = Frame::new(&model, &bands, size, |text| {
            text.chars().count() as f64 * 6.5
        });
        frame
            .place(&bands)
            .into_iter()
            .find(|p| x >= p.x && x <= p.x + p.width && y >= p.y && y <= p.y + p.height)
            .and_then(|p| {
                let band = bands.get(p.band)?;
                let segment = band.segments.get(p.segment)?;
                Some(vec![band.label.clone(), segment.tooltip.clone()])
            })
    };
    view! { <CanvasChart paint=paint hit=hit label=label/> }
}

/// The plot area, the value scale and the category bands.
struct Frame {
    horizontal: bool,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    label_room: f64,
    scale: ValueScale,
    ticks: Vec<f64>,
}

impl Frame {
    fn new(
        model: &BarModel,
        bands: &[Band],
        size: CanvasSize,
        measure: impl Fn(&str) -> f64,
    ) -> Self {
        let horizontal = model.orientation == Orientation::Horizontal;
        let (min, max) = (model.value_axis.min, model.value_axis.max);
        let tick_count = if horizontal {
            (size.width_css / 90.0).clamp(2.0, 8.0) as usize
        } else {
            (size.height_css / 40.0).clamp(2.0, 8.0) as usize
        };
        let (_, ticks) = value_ticks(min, max, tick_count);
        if horizontal {
            let widest = bands.iter().map(|b| measure(&b.label)).fold(0.0, f64::max);
            let label_room = widest.min(size.width_css * 0.35);
            let left = label_room + 10.0;
            let right = size.width_css - 16.0;
            let bottom = size.height_css - AXIS_PX;
            Self {
                horizontal,
                left,
                right,
                top: 4.0,
                bottom,
                label_room,
                scale: ValueScale::linear(min, max, left, right),
                ticks,
            }
        } else {
            let widest = ticks
                .iter()
                .map(|tick| {
                    measure(&format_value(*tick, Some(&model.value_axis.format)).to_string())
                })
                .fold(0.0, f64::max);
            let left = widest + 10.0;
            let bottom = size.height_css - AXIS_PX;
            let band_px = (size.width_css - left) / bands.len().max(1) as f64;
            Self {
                horizontal,
                left,
                right: size.width_css - 4.0,
                top: 8.0,
                bottom,
                label_room: band_px - 4.0,
                scale: ValueScale::linear(min, max, bottom, 8.0),
                ticks,
            }
        }
    }

    fn band_extent(&self) -> (f64, f64) {
        if self.horizontal {
            (self.top, self.bottom)
        } else {
            (self.left, self.right)
        }
    }

    fn band_middle(&self, index: usize, count: usize) -> f64 {
        let (start, end) = self.band_extent();
        let band = (end - start) / count.max(1) as f64;
        start + band * (index as f64 + 0.5)
    }

    /// Every segment's rectangle: a bar is 60 % of its band; unstacked segments share it.
    fn place(&self, bands: &[Band]) -> Vec<Placed> {
        let (start, end) = self.band_extent();
        let band_px = (end - start) / bands.len().max(1) as f64;
        let mut placed = Vec::new();
        for (band_index, band) in bands.iter().enumerate() {
            let bar_px = band_px * 0.6;
            let bar_start = start + band_px * band_index as f64 + (band_px - bar_px) / 2.0;
            let lanes = if band.stacked {
                1
            } else {
                band.segments.len().max(1)
            };
            let lane_px = bar_px / lanes as f64;
            for (segment_index, segment) in band.segments.iter().enumerate() {
                let lane = if band.stacked { 0 } else { segment_index };
                let across = bar_start + lane_px * lane as f64;
                let (a, b) = (
                    self.scale.px_from_value(segment.from),
                    self.scale.px_from_value(segment.to),
                );
                let (low, high) = (a.min(b), a.max(b));
                let rect = if self.horizontal {
                    (low, across, (high - low).max(1.0), (lane_px - 1.0).max(1.0))
                } else {
                    (across, low, (lane_px - 1.0).max(1.0), (high - low).max(1.0))
                };
                placed.push(Placed {
                    x: rect.0,
                    y: rect.1,
                    width: rect.2,
                    height: rect.3,
                    band: band_index,
                    segment: segment_index,
                });
            }
        }
        placed
    }
}

fn bands_of(model: &BarModel) -> Vec<Band> {
    match &model.layout {
        BarLayout::Bars(bars) => bars
            .iter()
            .map(|bar| Band {
                label: bar.label.clone(),
                stacked: true,
                segments: bar
                    .value
                    .map(|value| Segment {
                        from: 0.0,
                        to: value,
                        color: bar.color.clone(),
                        text: bar.text.clone(),
                        tooltip: bar
                            .tooltip
                            .clone()
                            .or_else(|| bar.text.clone())
                            .unwrap_or_default(),
                    })
                    .into_iter()
                    .collect(),
            })
            .collect(),
        BarLayout::Groups(grouped) => grouped
            .groups
            .iter()
            .map(|group| Band {
                label: group.label.clone(),
                stacked: grouped.stacked,
                segments: group
                    .segments
                    .iter()
                    .map(|segment| Segment {
                        from: segment.from,
                        to: segment.to,
                        color: segment.color.clone(),
                        text: None,
                        tooltip: format!(
                            "{}: {}",
                            segment.name,
                            segment.text.clone().unwrap_or_else(|| "–".to_owned())
                        ),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `text` cut with an ellipsis to fit `room_px`.
pub(crate) fn truncate(text: &str, room_px: f64, measure: impl Fn(&str) -> f64) -> String {
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
