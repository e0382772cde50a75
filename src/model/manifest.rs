//! The manifest (`carebook.yaml`): what the playbook is, for whom, on which
//! channels, and which files make it up.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Id, Lang, Learning, MessageKind, RefTarget, TimeZoneName};

/// The playbook's root file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Human name of the playbook.
    pub name: String,
    /// The brand whose voice the playbook speaks in.
    pub brand: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The first day the playbook is in force. Every time-dependent check
    /// (coverage, staffing weeks) starts here, never at today's date.
    pub effective_from: Date,
    /// Time zone for dates written without one.
    pub default_timezone: TimeZoneName,
    /// Language assumed when a message's language is unknown.
    pub default_language: Lang,
    /// Languages the team serves.
    pub languages: Vec<Language>,
    /// Social channels the team answers on.
    pub channels: Vec<Channel>,
    /// The files making up the playbook, relative to this file's directory.
    pub files: PlaybookFiles,
    /// Runtime tools the playbook is compiled for.
    #[serde(default)]
    pub targets: Targets,
    /// How far the router trusts what it learns from `files.examples`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning: Option<Learning>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    #[schemars(extend("x-carebook-defines" = RefTarget::Language))]
    pub code: Lang,
    pub name: String,
}

/// A social channel and its length rules.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: Id,
    pub name: String,
    /// Language of every message on this channel (a market-specific
    /// account); unset for channels that carry several languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// How many private conversations one agent handles at once here.
    #[serde(default = "one")]
    pub concurrency: u32,
    /// Length rule per message kind.
    #[serde(default)]
    pub length: LengthRules,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LengthRules {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<LengthRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<LengthRule>,
}

impl LengthRules {
    pub fn for_kind(&self, kind: MessageKind) -> Option<&LengthRule> {
        match kind {
            MessageKind::Public => self.public.as_ref(),
            MessageKind::Private => self.private.as_ref(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LengthRule {
    pub unit: LengthUnit,
    #[schemars(range(min = 1))]
    pub limit: u32,
}

/// How a channel counts length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LengthUnit {
    /// Unicode scalar values.
    Chars,
    /// User-perceived characters.
    Graphemes,
    /// UTF-16 code units.
    Utf16,
    /// X/Twitter's weighted count (CJK counts 2, URLs 23, emoji 2).
    TwitterWeighted,
}

/// The files of each playbook part. Each part may be split across several
/// files; ids must stay unique across all of them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaybookFiles {
    pub voice: Vec<String>,
    pub tags: Vec<String>,
    pub escalation: Vec<String>,
    pub empowerment: Vec<String>,
    pub staffing: Vec<String>,
    #[serde(default)]
    pub samples: Vec<String>,
    /// Labelled example messages the router learns tags from.
    #[serde(default)]
    pub examples: Vec<String>,
    /// The Zendesk id mapping, read when `targets.zendesk` is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zendesk: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Compile Zendesk exports (REST request bodies and Terraform) and
    /// check what they need; account ids come from `files.zendesk`.
    #[serde(default)]
    pub zendesk: bool,
}
