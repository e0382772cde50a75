//! Routing a stream of messages: reading them (JSONL, CSV, YAML), routing
//! them on a pool of workers with the output in input order, rendering
//! each decision, and the per-run summary.

mod flat_json;
pub mod input;
pub mod jsonl;
pub mod output;
pub mod reorder;
pub mod stream;
pub mod summary;
