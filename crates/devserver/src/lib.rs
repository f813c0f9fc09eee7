//! The development backend (work in progress).
