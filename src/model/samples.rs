//! Sample messages with the outcomes the playbook promises for them: the
//! playbook's own tests.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Instant, Lang, MessageKind, Priority, RefTarget};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SamplesFile {
    pub samples: Vec<Sample>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    pub id: Id,
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channel: Id,
    pub kind: MessageKind,
    pub text: String,
    pub received_at: Instant,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
    /// Incident mode switched on for this sample.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Incident))]
    pub incident: Option<Id>,
    pub expect: Expectation,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    #[serde(default)]
    pub followers: u64,
    #[serde(default)]
    pub vip: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// Exactly these tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags: Option<Vec<Id>>,
    /// At least these tags.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags_include: Vec<Id>,
    /// None of these tags.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags_exclude: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_reply: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Severity))]
    pub severity: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Queue))]
    pub queue: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Team))]
    pub team: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_mode: Option<MessageKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_due: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_due: Option<Instant>,
    /// Who each escalation rung reaches, in order: its role, or its team
    /// when it names no role (`automated` for automated rungs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Vec<String>>,
    /// What the bot does with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot: Option<BotOutcome>,
    /// Whether the bot hands the message to a person (`true`: it hands
    /// off, or holds it until someone is on shift; `false`: no hand-off
    /// condition holds), or a reason that must be among the hand-off's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handoff: Option<HandoffExpectation>,
    /// Exactly these follow-ups start, each by its id or with the instant
    /// it falls due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_ups: Option<Vec<FollowUpExpectation>>,
}

/// What the bot does with a message, as a sample expects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BotOutcome {
    /// It answers: one of its intents, no hand-off condition.
    Answers,
    /// A person takes over in the hand-off queue.
    HandsOff,
    /// It keeps the conversation with its holding reply until someone who
    /// speaks the language is on shift.
    Holds,
    /// Not its question: the message goes its route.
    Passes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum HandoffExpectation {
    Whether(bool),
    Because(HandoffCondition),
}

/// A hand-off condition, as a sample names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HandoffCondition {
    /// A severity in `handoff.severities`.
    Severity,
    /// A tag in `handoff.tags`.
    Tag,
    PersonalData,
    /// An author in `handoff.audience`.
    Audience,
    AsksForPerson,
}

impl HandoffCondition {
    /// The name as written in a sample.
    pub fn as_str(self) -> &'static str {
        match self {
            HandoffCondition::Severity => "severity",
            HandoffCondition::Tag => "tag",
            HandoffCondition::PersonalData => "personal-data",
            HandoffCondition::Audience => "audience",
            HandoffCondition::AsksForPerson => "asks-for-person",
        }
    }
}

/// A follow-up a sample expects: its id, or its id and due instant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FollowUpExpectation {
    Id(#[schemars(extend("x-carebook-ref" = RefTarget::FollowUp))] Id),
    Due {
        #[schemars(extend("x-carebook-ref" = RefTarget::FollowUp))]
        id: Id,
        due: Instant,
    },
}

impl FollowUpExpectation {
    pub fn id(&self) -> &str {
        match self {
            FollowUpExpectation::Id(id) | FollowUpExpectation::Due { id, .. } => id.as_str(),
        }
    }
}
