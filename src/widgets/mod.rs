//! Small PatternFly-style controls shared by the toolbar and the variable bar.

mod select;
mod select_menu;

pub use select::{Select, SelectOption};
pub use select_menu::{MenuParts, SelectMenu};
