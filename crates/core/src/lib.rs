//! The pure core of the ODH observability plugin.
//!
//! Everything here is plain Rust with no browser and no I/O, so it runs under native
//! `cargo test` and is shared by the plugin (compiled to wasm32), the development backend
//! and the CLI. Start with [`dashboard::load_document`]: it turns one parsed document
//! (JSON or YAML, see [`source`]) into validated [`dashboard::Dashboard`]s plus the
//! [`diagnostic::Diagnostic`]s that say, by path, what was wrong. The page reads through
//! [`dashboard::read_found`] instead, which leaves some panel kinds' options for the chunks
//! that draw them ([`dashboard::Pending`]).
//!
//! Architecture invariant: nothing in this crate touches a browser API, the network or the
//! file system. The web layer and the native tools do I/O and call in here.

pub mod calculation;
pub mod case;
pub mod catalog;
pub mod chart;
pub mod dashboard;
pub mod decode;
pub mod diagnostic;
pub mod duration;
pub mod envelope;
pub mod float_text;
pub mod format;
pub mod histogram;
pub mod interpolate;
pub mod json_tree;
pub mod mappings;
pub mod markdown;
pub mod math;
pub mod pacing;
pub mod panels;
pub mod plan;
pub mod prometheus;
pub mod scope;
pub mod sort;
pub mod source;
pub mod spec;
pub mod step;
pub mod thresholds;
pub mod time_range;
pub mod url_state;
pub mod variable_state;
