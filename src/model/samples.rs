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
}
