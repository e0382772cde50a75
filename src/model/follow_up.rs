//! Follow-ups ("boomerang" reminders): a conversation comes back to the
//! team a set time after something happened to it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Duration, Id, RefTarget};

/// One follow-up rule: what starts its clock, how long it waits, and what
/// it does then.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    // Closing sends a macro; business days count in a calendar.
    "allOf" = [
        {
            "if": {"properties": {"action": {"const": "close"}}, "required": ["action"]},
            "then": {"required": ["macro"]}
        },
        {
            "if": {"properties": {"after": {"pattern": "bd$"}}, "required": ["after"]},
            "then": {"required": ["calendar"]}
        }
    ]
))]
pub struct FollowUp {
    pub id: Id,
    /// What starts the clock: a tag given to the conversation, a macro
    /// sent in it, or a state it is put in. Exactly one.
    pub when: FollowUpTrigger,
    /// How long after the trigger the rule acts.
    pub after: Duration,
    /// Count `after` in this calendar's open hours (business time);
    /// without one it counts on the wall clock. Business days (`2bd`)
    /// need a calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Calendar))]
    pub calendar: Option<Id>,
    /// What happens when the time is up.
    pub action: FollowUpAction,
    /// The macro the rule sends: required to close, and with `remind` the
    /// reply the agent is reminded to send.
    #[serde(default, rename = "macro", skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Macro))]
    pub send: Option<Id>,
    /// Why the delay may run past the resolution target of the messages
    /// it follows (a check-back days after the fix): with a reason,
    /// `validate` accepts it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What starts a follow-up's clock. Exactly one field.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1, "maxProperties" = 1))]
pub struct FollowUpTrigger {
    /// The conversation is given this tag (or one of its descendants).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tag: Option<Id>,
    /// An agent sends this macro in the conversation.
    #[serde(default, rename = "macro", skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Macro))]
    pub sent: Option<Id>,
    /// The conversation is put in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ConversationState>,
}

/// The help-desk states a follow-up can wait on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConversationState {
    /// The team asked the customer something and waits for the answer
    /// (Zendesk: pending).
    WaitingForCustomer,
    /// The team waits on someone else: a department, a partner airline
    /// (Zendesk: on-hold).
    OnHold,
    /// The team has answered and considers the case done.
    Solved,
}

impl ConversationState {
    /// The name as written in a playbook.
    pub fn as_str(self) -> &'static str {
        match self {
            ConversationState::WaitingForCustomer => "waiting-for-customer",
            ConversationState::OnHold => "on-hold",
            ConversationState::Solved => "solved",
        }
    }
}

/// What a follow-up does when its time is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpAction {
    /// Re-open the conversation in the queue it was in.
    Reopen,
    /// Remind the agent it is assigned to.
    Remind,
    /// Close it, sending `macro` to the customer.
    Close,
}
