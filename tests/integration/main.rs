//! carebook's integration tests, one module per feature, in one test
//! binary: each drives the real `carebook` binary (or the library) on the
//! bundled playbook and the fixtures under `tests/fixtures/`. One binary
//! links carebook, insta and jsonschema once instead of once per file.
//!
//! Run one feature with `cargo test --test integration checks::`.

mod common;

mod accuracy;
mod checks;
mod ci_formats;
mod compile;
mod compile_kill;
mod decisions_digest;
mod diff;
mod docs;
mod fuzz;
mod handbook;
mod hostile;
mod init;
mod keyword_forms;
mod layers;
mod learning;
mod limits;
mod lint_reply;
mod router;
mod routes_agree;
mod sampletest;
mod simulate;
mod staffing;
mod twitter_text;
mod validate;
mod voice;
mod zendesk;
mod zendesk_api;
