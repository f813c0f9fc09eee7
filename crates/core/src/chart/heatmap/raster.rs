//! The heat map's cells as one small image: one row of device pixels per bucket, each cell
//! filled across its columns in its count's colour, and where each row is stretched to on the
//! canvas. Twenty thousand cells drawn as rectangles cost a canvas call and a colour string
//! each (about 65 ms for 720 × 30); a full-size image of the plot cost a megabyte to copy into
//! the browser and put, most of a frame on the first paint. A bucket's band is the same colour
//! all the way down, so one pixel row of it is enough: the canvas stretches it (without
//! smoothing) to the band's height, a few dozen calls.

use super::{HeatmapLayout, color_fraction, heat_color, smallest_count};
use crate::panels::heatmap::HeatmapModel;

/// Shades of the colour scale looked up instead of computed per cell.
const SHADES: usize = 256;

/// The cells' image: `bands.len()` rows of `width_px` RGBA pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    /// The image's left edge on the canvas, in device pixels.
    pub left_px: u32,
    pub width_px: u32,
    /// Row by row, four bytes a pixel; empty cells stay transparent.
    pub rgba: Vec<u8>,
    /// Where the image's rows go, in its order: row `n` fills `bands[n]`.
    pub bands: Vec<Band>,
}

/// The device pixel rows one image row is stretched over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub top_px: u32,
    pub height_px: u32,
}

impl Raster {
    /// The colour the canvas shows at a device pixel once the image is drawn: `None` outside
    /// the image, transparent (all zeros) for an empty cell.
    pub fn pixel_at(&self, x_px: u32, y_px: u32) -> Option<[u8; 4]> {
        let x = x_px
            .checked_sub(self.left_px)
            .filter(|x| *x < self.width_px)? as usize;
        let row = self
            .bands
            .iter()
            .position(|band| y_px >= band.top_px && y_px - band.top_px < band.height_px)?;
        let start = (row * self.width_px as usize + x) * 4;
        let pixel = self.rgba.get(start..start + 4)?;
        Some([pixel[0], pixel[1], pixel[2], pixel[3]])
    }
}

/// The cells of `model` as laid out, at `ratio` device pixels per CSS pixel, coloured for
/// `background`. Cell edges are rounded to whole device pixels, so neighbours meet without a
/// gap or an overlap; a bucket thinner than half a device pixel has no band.
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
    let width = right.checked_sub(left)?;
    if width == 0 || bottom <= top {
        return None;
    }
    let smallest = smallest_count(model);
    // Sixty thousand cells each mixing their colour and reading the background would cost
    // more than filling their pixels.
    let shades: Vec<[u8; 4]> = (0..SHADES)
        .map(|shade| {
            let [r, g, b] = heat_color(shade as f64 / (SHADES - 1) as f64, background);
            [r, g, b, 255]
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
    let mut rgba = Vec::new();
    let mut bands = Vec::new();
    for (bucket, (row_top, row_bottom)) in geometry.rows.iter().enumerate() {
        let band_top = device(*row_top).clamp(top, bottom);
        let band_bottom = device(*row_bottom).clamp(top, bottom);
        if band_bottom <= band_top {
            continue;
        }
        bands.push(Band {
            top_px: band_top,
            height_px: band_bottom - band_top,
        });
        let first = rgba.len();
        rgba.resize(first + row_bytes, 0);
        let row = &mut rgba[first..];
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
    }
    if bands.is_empty() {
        return None;
    }
    Some(Raster {
        left_px: left,
        width_px: width,
        rgba,
        bands,
    })
}
