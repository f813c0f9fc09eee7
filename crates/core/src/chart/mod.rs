//! Chart geometry that does not need a canvas: series colours, scales, axis ticks and the
//! decimation that keeps drawing fast. The web layer only turns the results into pixels.

pub mod decimate;
pub mod frame;
pub mod heatmap;
pub mod histogram;
pub mod palette;
pub mod scale;
pub mod ticks;
