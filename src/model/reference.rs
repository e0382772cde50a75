//! Which fields name other items. A reference field says what it names in
//! its JSON Schema, so the unknown-reference check (CB201) can find every
//! one by walking a file with its schema instead of by a list kept apart
//! from the types:
//!
//! - a field marked `#[schemars(extend("x-carebook-ref" = RefTarget::Tag))]`
//!   holds ids of that kind: one, a list, or one or a list;
//! - a type whose schema carries the mark (`Lang`) is a reference wherever
//!   it is used, and the keys of a map keyed by it (`PerLang`) are too,
//!   so neither needs an attribute;
//! - `x-carebook-defines` on a field of such a type says it is where the
//!   item is defined (a language's `code`), not a reference to it.
//!
//! The marks are for carebook alone: the published schemas leave them out.

use serde::{Deserialize, Serialize};

/// The schema keyword on a value whose strings name items.
pub const REF_KEYWORD: &str = "x-carebook-ref";
/// The schema keyword on a map whose keys name items.
pub const REF_KEYS_KEYWORD: &str = "x-carebook-ref-keys";
/// The schema keyword on the field that defines an item of a kind whose
/// type is otherwise a reference.
pub const DEFINES_KEYWORD: &str = "x-carebook-defines";
/// What every carebook keyword starts with, to leave them all out of the
/// published schemas.
pub const KEYWORD_PREFIX: &str = "x-carebook-";

/// The kind of item a reference names: each has its own table of ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefTarget {
    Language,
    Channel,
    Macro,
    Tag,
    Severity,
    Calendar,
    Queue,
    Chain,
    Incident,
    Role,
    Team,
    Shift,
    FollowUp,
}

impl RefTarget {
    /// What the item is called in findings: "no escalation chain `x`".
    pub fn noun(self) -> &'static str {
        match self {
            RefTarget::Language => "language",
            RefTarget::Channel => "channel",
            RefTarget::Macro => "macro",
            RefTarget::Tag => "tag",
            RefTarget::Severity => "severity",
            RefTarget::Calendar => "calendar",
            RefTarget::Queue => "queue",
            RefTarget::Chain => "escalation chain",
            RefTarget::Incident => "incident mode",
            RefTarget::Role => "role",
            RefTarget::Team => "team",
            RefTarget::Shift => "shift",
            RefTarget::FollowUp => "follow-up",
        }
    }

    /// The target a schema keyword's value names, if it names one.
    pub fn from_keyword(value: &serde_json::Value) -> Option<RefTarget> {
        RefTarget::deserialize(value).ok()
    }
}
