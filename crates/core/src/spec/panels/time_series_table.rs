//! `TimeSeriesTable` options. Its only options (`selection`, `actions`) are for interactive
//! workflows that a read-only viewer does not offer, so nothing is kept.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeSeriesTableSpec {}
