//! The time series chart's geometry: where the plot, axes, ticks and decimated paths go for a
//! box of a given size (`geometry`), and what a pointer at a point or time reads off them
//! (`hover`). The web layer paints the one and positions the cursor from the other.

pub mod geometry;
pub mod hover;
#[cfg(test)]
mod tests;
