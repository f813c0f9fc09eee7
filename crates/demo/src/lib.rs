//! Demo workloads (work in progress).
