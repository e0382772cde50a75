//! The bot: the questions it may answer, and when it hands the
//! conversation to a person.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, Id, Keyword, Lang, PerLang, RefTarget};

/// A bot that answers a few repetitive questions before any agent sees
/// them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bot {
    /// The tags the bot may answer (with their descendants): a message
    /// whose tags are all among them, and that meets no hand-off
    /// condition, stays with the bot.
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub intents: Vec<Id>,
    /// The languages it answers in; empty: every language of the
    /// playbook. A message in any other language goes to a person.
    #[serde(default)]
    pub languages: Vec<Lang>,
    pub handoff: Handoff,
    /// The reply per language while the bot keeps a conversation that
    /// nobody on shift can take (`handoff.unstaffed: hold`).
    #[serde(default)]
    pub holding_reply: PerLang<String>,
}

/// When the bot hands a conversation to a person, and where it goes.
/// Any one condition is enough.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    /// The queue handed-off conversations land in.
    #[schemars(extend("x-carebook-ref" = RefTarget::Queue))]
    pub queue: Id,
    /// Messages of these severities go to a person at once, whoever is
    /// on shift: they never wait with the bot.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Severity))]
    pub severities: Vec<Id>,
    /// Messages with any of these tags (or their descendants).
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags: Vec<Id>,
    /// Messages that hold or ask for personal data.
    #[serde(default)]
    pub personal_data: bool,
    /// Messages from these authors.
    #[serde(default)]
    pub audience: Vec<Audience>,
    /// Words per language by which a customer asks for a person
    /// ("agent", "human"). They are written and match as tag keywords
    /// are, with or without diacritics, as an incident mode's triggers.
    #[serde(default)]
    pub asks_for_person: PerLang<Vec<Keyword>>,
    /// After this many bot replies in one conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub after_turns: Option<u32>,
    /// While nobody who speaks the customer's language is on shift for
    /// the queue: hand off anyway, or keep the conversation with the
    /// holding reply until someone is.
    #[serde(default)]
    pub unstaffed: Unstaffed,
}

/// What the bot does with a hand-off nobody on shift can take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unstaffed {
    /// Hand off at once; the conversation waits in the queue.
    #[default]
    HandOff,
    /// Keep the conversation, send the holding reply, and hand off when
    /// someone who speaks the language comes on shift. Hand-offs for
    /// `severities` never wait.
    Hold,
}
