//! The tag taxonomy and how each tag is detected.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, MessageKind, PerLang};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagsFile {
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: Id,
    /// The parent tag; a tag inherits severity, disposition and team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Display name per language.
    #[serde(default)]
    pub label: PerLang<String>,
    pub description: String,
    /// Severity of messages with this tag (inherited from the parent when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Id>,
    /// Whether messages with this tag need a reply (inherited when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<Disposition>,
    /// Replies move to private messages: handling the case needs personal
    /// data (a booking reference, an account), even when the customer has
    /// not posted any. Inherited when unset; `false` on a child turns it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_privately: Option<bool>,
    /// The team that owns the tag (inherited when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Id>,
    #[serde(default)]
    pub detect: Detection,
}

/// What the team does with a tagged message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Disposition {
    /// A person answers.
    Reply,
    /// Tagged for reporting; no reply.
    Noise,
    /// Dropped before it reaches anyone.
    Spam,
}

/// When a message gets the tag.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    /// Keywords per language; any one matches.
    #[serde(default)]
    pub keywords: PerLang<Vec<String>>,
    /// Regular expressions (Rust `regex` syntax) over the message text.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Keywords that cancel a match, per language.
    #[serde(default)]
    pub exclude: PerLang<Vec<String>>,
    /// Only on these channels; empty means all.
    #[serde(default)]
    pub channels: Vec<Id>,
    /// Only for these message kinds; empty means both.
    #[serde(default)]
    pub kinds: Vec<MessageKind>,
    /// Match keywords with or without diacritics (`obsługa` = `obsluga`).
    #[serde(default)]
    pub ignore_diacritics: bool,
}
