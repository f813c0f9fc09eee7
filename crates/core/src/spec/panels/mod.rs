//! Options of every panel kind this plugin draws, one module per kind
//! (perses/plugins `<plugin>/schemas/*.cue`).

pub mod bar;
pub mod gauge;
pub mod heatmap;
pub mod histogram;
pub mod markdown;
pub mod pie;
pub mod stat;
pub mod status_history;
pub mod table;
pub mod time_series;
pub mod time_series_table;
