//! The brand-voice linter: checks a reply (a draft from an agent, or a
//! macro from the playbook) against the voice guide and the channel's
//! length rule. `validate` runs it on every macro; `lint-reply` on a draft.
//!
//! Findings are plain data with byte spans of the reply; callers turn them
//! into diagnostics (validate) or character offsets (lint-reply's JSON).

pub mod length;
mod lint;
pub mod readability;
pub mod twitter;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Code, Level};
use crate::model::{Channel, Id, LengthUnit, MessageKind, Placeholder, Voice};

pub use lint::{Linter, lint};

/// `{{ name }}` template slots, as macros declare them (the same pattern
/// as validate's placeholder checks).
pub static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}").expect("valid regex"));

/// A reply to check and where it goes.
#[derive(Debug, Clone, Copy)]
pub struct Reply<'a> {
    pub text: &'a str,
    /// The reply's language, for required forms and readability.
    pub lang: &'a str,
    pub channel: &'a Channel,
    pub kind: MessageKind,
    /// Tags of the conversation (a macro's tags), for the emoji policy.
    pub tags: &'a [Id],
    /// For a macro, its declared placeholders: slots the agent fills, not
    /// leftovers, each counting at its `max_length`. `None` for a final
    /// reply, where any `{{...}}` is a leftover.
    pub placeholders: Option<&'a BTreeMap<String, Placeholder>>,
}

/// One problem with a reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub level: Level,
    pub message: String,
    /// Byte span in the reply, on character boundaries; empty for
    /// something missing (at the start for a greeting, the end for a
    /// sign-off).
    pub start: usize,
    pub end: usize,
    pub suggestion: Option<String>,
    /// Whether the finding depends on the channel or message kind (length,
    /// required elements, going private), so a caller checking one text on
    /// several channels can say where it applies.
    pub per_channel: bool,
}

/// The reply's length in the channel's unit, and the limit if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    pub unit: LengthUnit,
    pub value: u32,
    pub limit: Option<u32>,
}

/// Everything the linter found.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub length: Length,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Level::Error)
    }
    pub fn warnings(&self) -> usize {
        self.count(Level::Warning)
    }
    fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }
}

/// The guide the linter applies; a playbook without a voice section still
/// gets the default casing and emoji policy, length and personal-data checks.
pub fn default_voice() -> Voice {
    Voice {
        tone: Vec::new(),
        summary: String::new(),
        phrases: Vec::new(),
        required: Vec::new(),
        emoji: Default::default(),
        casing: Default::default(),
        go_private: Default::default(),
        readability: None,
        examples: Vec::new(),
    }
}
