//! The bar chart's geometry: the plot, the value axis and its ticks, one band per bar or group
//! along the category axis, every segment's rectangle and the labels, from the model, the
//! chart's size and measured label widths. Painting draws it and the tooltip's hit test reads
//! the same one.

#[cfg(test)]
mod tests;

use super::frame::{Align, CanvasSize, Label, Rect, Tick, truncate};
use super::scale::ValueScale;
use super::ticks::value_ticks;
use crate::format::format_value;
use crate::panels::bar::{BarLayout, BarModel};
use crate::spec::panels::bar::Orientation;

/// Height of the axis under the plot.
const AXIS_PX: f64 = 20.0;
/// Font size of the labels (for the room a value label needs above a bar).
const FONT_PX: f64 = 11.0;

/// One band of the category axis: a bar, or a group of segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub label: String,
    /// Segments sit on one another (a lone bar counts as stacked).
    pub stacked: bool,
    pub segments: Vec<Segment>,
}

/// One drawn piece of a band.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub from: f64,
    pub to: f64,
    pub color: String,
    /// The value written at the end of a lone bar.
    pub text: Option<String>,
    pub tooltip: String,
}

/// A segment's rectangle and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub band: usize,
    pub segment: usize,
}

/// Where everything of a bar chart lies.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeometry {
    pub horizontal: bool,
    pub plot: Rect,
    pub scale: ValueScale,
    /// The value axis' ticks (px along the value axis).
    pub ticks: Vec<Tick>,
    pub bands: Vec<Band>,
    pub placed: Vec<Placed>,
    /// The bands' names, cut to fit.
    pub category_labels: Vec<Label>,
    /// Values at the ends of lone bars, where they fit.
    pub value_labels: Vec<Label>,
}

impl BarGeometry {
    /// The segment under `(x, y)`: its band and index.
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        self.placed
            .iter()
            .find(|placed| placed.rect.contains(x, y))
            .map(|placed| (placed.band, placed.segment))
    }

    /// The tooltip of a segment: its band's name and its value.
    pub fn tooltip(&self, band: usize, segment: usize) -> Option<Vec<String>> {
        let band = self.bands.get(band)?;
        let segment = band.segments.get(segment)?;
        Some(vec![band.label.clone(), segment.tooltip.clone()])
    }
}

/// Lays out `model` in `size`; `measure` gives a label's width in CSS pixels.
pub fn layout(model: &BarModel, size: CanvasSize, measure: &dyn Fn(&str) -> f64) -> BarGeometry {
    let bands = bands_of(model);
    let horizontal = model.orientation == Orientation::Horizontal;
    let (min, max) = (model.value_axis.min, model.value_axis.max);
    let tick_count = if horizontal {
        (size.width_css / 90.0).clamp(2.0, 8.0) as usize
    } else {
        (size.height_css / 40.0).clamp(2.0, 8.0) as usize
    };
    let (_, tick_values) = value_ticks(min, max, tick_count);
    let tick_labels: Vec<String> = tick_values
        .iter()
        .map(|tick| format_value(*tick, Some(&model.value_axis.format)).to_string())
        .collect();
    let bottom = size.height_css - AXIS_PX;
    let (plot, label_room, scale) = if horizontal {
        let widest = bands
            .iter()
            .map(|band| measure(&band.label))
            .fold(0.0, f64::max);
        let label_room = widest.min(size.width_css * 0.35);
        let (left, right) = (label_room + 10.0, size.width_css - 16.0);
        let plot = Rect {
            left,
            top: 4.0,
            right,
            bottom,
        };
        (plot, label_room, ValueScale::linear(min, max, left, right))
    } else {
        let widest = tick_labels
            .iter()
            .map(|label| measure(label))
            .fold(0.0, f64::max);
        let left = widest + 10.0;
        let band_px = (size.width_css - left) / bands.len().max(1) as f64;
        let plot = Rect {
            left,
            top: 8.0,
            right: size.width_css - 4.0,
            bottom,
        };
        (
            plot,
            band_px - 4.0,
            ValueScale::linear(min, max, bottom, 8.0),
        )
    };
    let ticks = tick_values
        .iter()
        .zip(tick_labels)
        .map(|(value, label)| Tick {
            px: scale.px_from_value(*value).round(),
            label,
        })
        .collect();
    let geometry = BarGeometry {
        horizontal,
        plot,
        scale,
        ticks,
        placed: Vec::new(),
        category_labels: Vec::new(),
        value_labels: Vec::new(),
        bands,
    };
    let placed = geometry.place();
    let (category_labels, value_labels) = geometry.labels(label_room, measure);
    BarGeometry {
        placed,
        category_labels,
        value_labels,
        ..geometry
    }
}

impl BarGeometry {
    /// Where the bands run along the category axis.
    fn band_extent(&self) -> (f64, f64) {
        if self.horizontal {
            (self.plot.top, self.plot.bottom)
        } else {
            (self.plot.left, self.plot.right)
        }
    }

    fn band_middle(&self, index: usize) -> f64 {
        let (start, end) = self.band_extent();
        let band = (end - start) / self.bands.len().max(1) as f64;
        start + band * (index as f64 + 0.5)
    }

    /// Every segment's rectangle: a bar is 60 % of its band; unstacked segments share it.
    fn place(&self) -> Vec<Placed> {
        let (start, end) = self.band_extent();
        let band_px = (end - start) / self.bands.len().max(1) as f64;
        let mut placed = Vec::new();
        for (band_index, band) in self.bands.iter().enumerate() {
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
                let (length, thickness) = ((high - low).max(1.0), (lane_px - 1.0).max(1.0));
                let rect = if self.horizontal {
                    Rect {
                        left: low,
                        top: across,
                        right: low + length,
                        bottom: across + thickness,
                    }
                } else {
                    Rect {
                        left: across,
                        top: low,
                        right: across + thickness,
                        bottom: low + length,
                    }
                };
                placed.push(Placed {
                    rect,
                    band: band_index,
                    segment: segment_index,
                });
            }
        }
        placed
    }

    /// The bands' names (cut to `label_room`) and the values at the ends of lone bars that
    /// fit inside the plot.
    fn labels(&self, label_room: f64, measure: &dyn Fn(&str) -> f64) -> (Vec<Label>, Vec<Label>) {
        let mut categories = Vec::new();
        let mut values = Vec::new();
        for (index, band) in self.bands.iter().enumerate() {
            let middle = self.band_middle(index);
            let text = truncate(&band.label, label_room, measure);
            categories.push(if self.horizontal {
                Label {
                    text,
                    x: self.plot.left - 6.0,
                    y: middle,
                    align: Align::Right,
                }
            } else {
                Label {
                    text,
                    x: middle,
                    y: self.plot.bottom + AXIS_PX / 2.0,
                    align: Align::Center,
                }
            });
            let [segment] = band.segments.as_slice() else {
                continue;
            };
            let Some(text) = &segment.text else {
                continue;
            };
            let end = self.scale.px_from_value(segment.to);
            if self.horizontal && end + 4.0 + measure(text) < self.plot.right {
                values.push(Label {
                    text: text.clone(),
                    x: end + 4.0,
                    y: middle,
                    align: Align::Left,
                });
            } else if !self.horizontal && end - FONT_PX > self.plot.top {
                values.push(Label {
                    text: text.clone(),
                    x: middle,
                    y: end - FONT_PX / 2.0 - 2.0,
                    align: Align::Center,
                });
            }
        }
        (categories, values)
    }
}

/// The model's bars or groups as bands.
pub fn bands_of(model: &BarModel) -> Vec<Band> {
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
