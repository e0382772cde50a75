//! Routing a stream of messages: reading them (JSONL, CSV, YAML), and the
//! per-run summary.

pub mod input;
pub mod summary;
