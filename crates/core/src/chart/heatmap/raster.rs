//! The heat map's cells as one image: device pixels of the area the cells cover, each cell
//! filled in its count's colour, for the canvas to put in one call. Twenty thousand cells drawn
//! as rectangles cost a canvas call and a colour string each (about 65 ms for 720 × 30);
//! writing their pixels costs a few milliseconds.

use super::{HeatmapLayout, color_fraction, heat_color, smallest_count};

/// Shades of the colour scale looked up instead of computed per cell.
const SHADES: usize = 256;
use crate::panels::heatmap::HeatmapModel;

/// RGBA pixels of a rectangle of the canvas, in device pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    pub left_px: u32,
    pub top_px: u32,
    pub width_px: u32,
    pub height_px: u32,
    /// Row by row, four bytes a pixel; empty cells stay transparent.
    pub rgba: Vec<u8>,
}

/// The cells of `model` as laid out, at `ratio` device pixels per CSS pixel, coloured for
/// `background`. Cell edges are rounded to whole device pixels, so neighbours meet without a
/// gap or an overlap.
pub fn raster(
    model: &HeatmapModel,
    geometry: &HeatmapLayout,
    ratio: f64,
    background: &str,
) -> Option<Raster> {
    let histogram = model.histogram.as_ref()?;
    let device = |css: f64| (css * ratio).round().max(0.0) as u32;
    let top_css = geometry
        .overflow
        .map_or(geometry.plot.top, |band| band.top.min(geometry.plot.top));
    let (left, top) = (device(geometry.plot.left), device(top_css));
    let (right, bottom) = (device(geometry.plot.right), device(geometry.plot.bottom));
    let (width, height) = (right.checked_sub(left)?, bottom.checked_sub(top)?);
    if width == 0 || height == 0 {
        return None;
    }
    let mut rgba = vec![0_u8; width as usize * height as usize * 4];
    let smallest = smallest_count(model);
    // Sixty thousand cells each mixing their colour and reading the background would cost
    // more than filling their pixels.
    let shades: Vec<[u8; 4]> = (0..SHADES)
        .map(|shade| {
            let [r, g, b] = heat_color(shade as f64 / (SHADES - 1) as f64, background);
            [r, g, b, 255]
        })
        .collect();
    let rows: Vec<(u32, u32)> = geometry
        .rows
        .iter()
        .map(|(row_top, row_bottom)| {
            let clamp = |css: f64| device(css).clamp(top, bottom) - top;
            (clamp(*row_top), clamp(*row_bottom))
        })
        .collect();
    let columns: Vec<(usize, usize)> = geometry
        .columns
        .iter()
        .map(|(column_left, column_right)| {
            let x0 = device(*column_left).clamp(left, right) - left;
            let x1 = device(*column_right).clamp(left, right) - left;
            (x0 as usize, x1 as usize)
        })
        .collect();
    let row_bytes = width as usize * 4;
    // Bucket by bucket: paint the first pixel row of its band across every time, then copy
    // that row down the band, so the work per cell is done once, not once per pixel row.
    for (bucket, (y0, y1)) in rows.iter().enumerate() {
        if y1 <= y0 {
            continue;
        }
        let first = *y0 as usize * row_bytes;
        let Some(row) = rgba.get_mut(first..first + row_bytes) else {
            continue;
        };
        for (counts, (x0, x1)) in histogram.counts.iter().zip(&columns) {
            let Some(count) = counts.get(bucket) else {
                continue;
            };
            let fraction = color_fraction(*count, model.max_count, model.count_scale, smallest);
            if fraction.is_nan() || x1 <= x0 {
                continue;
            }
            let pixel = shades[(fraction * (SHADES - 1) as f64).round() as usize % SHADES];
            if let Some(span) = row.get_mut(x0 * 4..x1 * 4) {
                for chunk in span.chunks_exact_mut(4) {
                    chunk.copy_from_slice(&pixel);
                }
            }
        }
        for y in (*y0 + 1)..*y1 {
            let start = y as usize * row_bytes;
            if start + row_bytes <= rgba.len() {
                rgba.copy_within(first..first + row_bytes, start);
            }
        }
    }
    Some(Raster {
        left_px: left,
        top_px: top,
        width_px: width,
        height_px: height,
        rgba,
    })
}
