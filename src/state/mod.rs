//! The page's state: the URL, the catalog of projects and dashboards, time and variables.

pub mod catalog;
pub mod load;
pub mod storage;
pub mod time;
pub mod url;
pub mod variables;
