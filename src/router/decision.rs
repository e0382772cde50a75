//! What the router decided for one message, and why.

use serde::Serialize;

use crate::detect::personal_data::Finding;
use crate::model::{Audience, MessageKind, Priority};

#[derive(Debug, Clone, Serialize)]
pub struct Decision<'r> {
    pub id: String,
    pub tags: Vec<TagHit<'r>>,
    /// Exclusions found beside a keyword of their tag: what cancelled a
    /// tag (or some of its matches).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<ExclusionHit<'r>>,
    /// Tags whose keyword (or pattern) matched without any of the tag's
    /// context words in the message, so they were not given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub without_context: Vec<TagHit<'r>>,
    /// Tags a keyword found but the playbook's examples make unlikely
    /// (below the `keep_at` of the tag that judges them: its own under
    /// `learning.tags`, or the playbook's), so they were not given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doubted: Vec<Doubted<'r>>,
    pub needs_reply: bool,
    /// The highest severity among the tags; the least severe level when no
    /// tag matched (its targets still apply).
    pub severity: &'r str,
    /// The tag whose severity decided the route.
    pub deciding_tag: Option<&'r str>,
    pub priority: Priority,
    /// What raised the priority above the severity's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub boosts: Vec<Boost>,
    pub language: String,
    pub language_source: LanguageSource,
    /// For a detected language: what decided it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detected_by: Option<crate::detect::language::Identified>,
    pub audience: Audience,
    pub route: Option<&'r str>,
    pub queue: Option<&'r str>,
    pub team: Option<&'r str>,
    pub coverage: Coverage<'r>,
    pub first_response_due: Option<jiff::Timestamp>,
    pub resolution_due: Option<jiff::Timestamp>,
    /// Business hours or around the clock, for the deadlines above.
    pub clock: Clock<'r>,
    pub escalation: Vec<RungDue<'r>>,
    pub response_mode: MessageKind,
    pub response_reason: ResponseReason<'r>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub personal_data: Vec<Finding>,
    pub macros: Vec<MacroSuggestion<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incident: Option<&'r str>,
    /// What the bot does with it; absent when the playbook has no bot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bot: Option<BotDecision<'r>>,
    /// The follow-ups the message starts, with when they fall due.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUpDue<'r>>,
}

/// The bot's part: it answers, hands over to a person, holds the
/// conversation until someone who speaks the language is on shift, or
/// leaves the message to the team.
#[derive(Debug, Clone, Serialize)]
pub struct BotDecision<'r> {
    pub action: BotAction,
    /// Every hand-off condition that holds, or why the bot leaves the
    /// message to the team.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<BotReason<'r>>,
    /// Where a hand-off lands (a held conversation, once someone is on
    /// shift).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<&'r str>,
    /// Nobody who speaks the message's language is on shift for the
    /// hand-off queue when it arrives.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unstaffed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BotAction {
    /// The bot answers: the message is one of its intents and meets no
    /// hand-off condition.
    Answers,
    /// A person takes over, in the hand-off queue.
    HandsOff,
    /// The bot keeps the conversation with its holding reply until
    /// someone who speaks the language is on shift (`unstaffed: hold`).
    Holds,
    /// Not a question the bot answers: the message goes its route.
    Passes,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum BotReason<'r> {
    /// Its severity is one the bot hands over at once.
    Severity { severity: &'r str },
    /// It has a hand-off tag.
    Tag { tag: &'r str },
    /// It holds personal data, or a tag of it needs some.
    PersonalData,
    /// Its author is one the bot hands over.
    Audience { audience: Audience },
    /// The customer asks for a person: the words found, as a byte range
    /// of the text.
    AsksForPerson {
        keyword: &'r str,
        lang: &'r str,
        start: usize,
        end: usize,
    },
    /// A tag of it is none of the bot's intents.
    NotAnIntent { tag: &'r str },
    /// It matched no tag, so it is no question the bot knows.
    Untagged,
    /// The bot does not answer in the message's language.
    Language,
}

/// A follow-up the message starts, and when it falls due.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUpDue<'r> {
    pub id: &'r str,
    /// What started it: the tag or the suggested macro.
    pub because: FollowUpCause<'r>,
    pub action: crate::model::FollowUpAction,
    /// Counted from the message's arrival; `None` when the calendar has
    /// no open hours left.
    pub due: Option<jiff::Timestamp>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpCause<'r> {
    Tag(&'r str),
    Macro(&'r str),
}

/// A tag and the rule that set it.
#[derive(Debug, Clone, Serialize)]
pub struct TagHit<'r> {
    pub tag: &'r str,
    pub rule: Rule<'r>,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

/// A keyword tag dropped on the examples' word.
#[derive(Debug, Clone, Serialize)]
pub struct Doubted<'r> {
    #[serde(flatten)]
    pub hit: TagHit<'r>,
    /// How likely the examples make the tag, in hundredths.
    pub probability: f64,
}

/// An exclusion keyword found in the message.
#[derive(Debug, Clone, Serialize)]
pub struct ExclusionHit<'r> {
    pub tag: &'r str,
    pub keyword: &'r str,
    pub lang: &'r str,
    /// The whole tag (`message`) or the keyword matches it overlaps.
    pub scope: crate::model::ExclusionScope,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule<'r> {
    Keyword {
        keyword: &'r str,
        lang: &'r str,
    },
    Pattern {
        pattern: &'r str,
    },
    Incident {
        incident: &'r str,
        keyword: &'r str,
    },
    /// No keyword: messages like this one were labelled with the tag
    /// (`probability` at least the tag's `add_at`: its own under
    /// `learning.tags`, or the playbook's).
    Learned {
        probability: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Boost {
    Vip,
    Influencer,
    Emergency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageSource {
    Message,
    Channel,
    Detected,
    Default,
}

/// Who covers the queue when the message arrives.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Coverage<'r> {
    /// The queue's own team, on shift with someone who speaks the language.
    OnShift { team: &'r str, shift: &'r str },
    /// The team it hands over to after hours.
    Handover {
        team: &'r str,
        shift: &'r str,
        from: &'r str,
    },
    /// Nobody who speaks the language is on shift: flagged.
    Uncovered,
    /// The message reaches no queue.
    NoQueue,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "hours", rename_all = "snake_case")]
pub enum Clock<'r> {
    #[serde(rename = "24/7")]
    Always,
    Business {
        calendar: &'r str,
    },
}

/// One rung of the escalation chain with its deadline.
#[derive(Debug, Clone, Serialize)]
pub struct RungDue<'r> {
    pub chain: &'r str,
    pub due: Option<jiff::Timestamp>,
    pub automated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'r str>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ResponseReason<'r> {
    /// A private message is answered privately.
    PrivateMessage,
    /// The message contains personal data.
    ContainsPersonalData,
    /// Handling this tag needs personal data.
    TagNeedsPersonalData { tag: &'r str },
    /// Nothing calls for privacy: answer in public, where it helps others.
    General,
}

#[derive(Debug, Clone, Serialize)]
pub struct MacroSuggestion<'r> {
    pub id: &'r str,
    pub lang: &'r str,
}
