//! Small PatternFly-style controls shared by the toolbar and the variable bar.

mod select;

pub use select::{Select, SelectOption};
