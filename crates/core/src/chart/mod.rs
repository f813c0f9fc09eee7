//! Chart geometry that does not need a canvas: series colours, scales, axis ticks and the
//! decimation that keeps drawing fast. The web layer only turns the results into pixels.

pub mod bar;
pub mod contrast;
pub mod decimate;
pub mod frame;
pub mod gauge;
pub mod heatmap;
pub mod histogram;
pub mod legend_markup;
pub mod palette;
pub mod pie;
pub mod scale;
pub mod sparkline;
pub mod status_history;
pub mod ticks;
pub mod time_series;
pub mod tooltip;
