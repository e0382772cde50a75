//! The brand-voice linter: checks a reply (a draft from an agent, or a
//! macro from the playbook) against the voice guide and the channel's
//! length rule. `validate` runs it on every macro; `lint-reply` on a draft.

pub mod length;
pub mod twitter;
