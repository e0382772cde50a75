//! The compiled playbook: one normalized, plain-data form that every
//! output is made from. The router decides from it, `compile` will write
//! it as `routing.json`, so a route in the simulator is exactly the route
//! in the exported config.
//!
//! Plain data only (`Vec`, `BTreeMap`, strings and numbers): no compiled
//! automata and no source positions, so editing a comment in the YAML
//! changes nothing here. Inherited fields are resolved, route tag sets are
//! expanded to descendants, keywords are folded.

mod config;
mod lower;

pub use config::ConfigError;
pub use lower::lower;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Audience, Disposition, MessageKind, PersonalData, Priority};
pub use crate::model::{ExclusionScope, KeywordForm};

/// Version of this format; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ir {
    /// The format's version; this carebook reads only its own.
    #[schemars(range(min = 2, max = 2))]
    pub schema_version: u32,
    /// IANA time-zone database release the playbook was checked against.
    pub tzdb_version: String,
    pub playbook: String,
    pub brand: String,
    pub effective_from: String,
    pub default_language: String,
    pub default_timezone: String,
    pub languages: Vec<String>,
    pub channels: Vec<IrChannel>,
    /// Most severe first.
    pub severities: Vec<IrSeverity>,
    pub calendars: Vec<IrCalendar>,
    /// In file order: ties between equally severe tags go to the earlier.
    pub tags: Vec<IrTag>,
    pub queues: Vec<IrQueue>,
    /// First match wins.
    pub routes: Vec<IrRoute>,
    pub boosts: IrBoosts,
    pub chains: Vec<IrChain>,
    pub teams: Vec<IrTeam>,
    pub shifts: Vec<IrShift>,
    pub incidents: Vec<IrIncident>,
    pub macros: Vec<IrMacro>,
    /// Personal data that moves a conversation to private messages.
    pub go_private: Vec<PersonalData>,
    /// The playbook's own kinds of personal data, which always do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_personal_data: Vec<crate::model::OwnDataKind>,
    /// The brand's own mail domains, whose addresses are no personal data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brand_domains: Vec<String>,
    /// Conversations that come back to the team a set time after a tag,
    /// a macro or a help-desk state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<IrFollowUp>,
    /// The bot in front of the queues: what it answers, when it hands
    /// over to a person, and where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot: Option<IrBot>,
    /// The labelled examples the router learns tags from, and how far it
    /// trusts what it learns. A runtime tool that cannot learn routes on
    /// keywords alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning: Option<IrLearning>,
}

/// Tags learned from labelled messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrLearning {
    /// Keyword tags below this probability are dropped.
    pub keep_at: f64,
    /// Tags at or above this probability are added.
    pub add_at: f64,
    /// Tags with thresholds of their own, both given (the playbook's
    /// where a tag sets only one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, IrTrust>,
    pub examples: Vec<IrExample>,
}

/// One tag's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrTrust {
    pub keep_at: f64,
    pub add_at: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrExample {
    pub text: String,
    pub tags: Vec<String>,
    /// The language it is written in, where the playbook says: the
    /// router learns from it which words mark each language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrChannel {
    pub id: String,
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrSeverity {
    pub id: String,
    pub name: String,
    pub priority: Priority,
    pub first_response_seconds: u64,
    pub resolution_seconds: u64,
    /// Business days (`1bd`) instead of seconds, when written so: the
    /// same time of day on the Nth next business day.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub first_response_business_days: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub resolution_business_days: u32,
    /// The business-hours calendar; `None` means 24/7.
    pub calendar: Option<String>,
    pub escalation: Option<String>,
}

/// Weekly opening hours in one zone, as local wall-clock intervals; turned
/// into instants only when a deadline is computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrCalendar {
    pub id: String,
    pub timezone: String,
    pub hours: Vec<IrWeeklyInterval>,
    pub holidays: Vec<IrHoliday>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrWeeklyInterval {
    /// 0 = Monday … 6 = Sunday.
    pub day: u8,
    /// Minutes after local midnight; `end` may be 1440.
    pub start: u16,
    pub end: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrHoliday {
    pub name: String,
    /// First and last day, inclusive (`YYYY-MM-DD`).
    pub from: String,
    pub until: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrTag {
    pub id: String,
    pub parent: Option<String>,
    /// Index into `severities`, inherited.
    pub severity: Option<usize>,
    pub disposition: Disposition,
    pub team: Option<String>,
    pub reply_privately: bool,
    pub keywords: Vec<IrKeyword>,
    pub patterns: Vec<String>,
    pub exclude: Vec<IrKeyword>,
    /// One of these must also be in the message for the tag to count
    /// (empty: the keywords count alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<IrKeyword>,
    pub channels: Vec<String>,
    pub kinds: Vec<MessageKind>,
}

/// A keyword as matched: folded (NFKC, lowercase, and without diacritics
/// when `ignore_diacritics`), with how it must sit in the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrKeyword {
    pub text: String,
    /// The language it is listed under: evidence for the message's
    /// language, and the stemmer of a `stem` keyword.
    pub lang: String,
    pub ignore_diacritics: bool,
    /// Match at word boundaries as `form` says (scripts written with
    /// spaces); `false` matches anywhere.
    pub whole_word: bool,
    /// How it sits in a word (absent: the whole word).
    #[serde(default, skip_serializing_if = "is_default")]
    pub form: KeywordForm,
    /// For an exclusion: what it cancels (absent: the whole tag).
    #[serde(default, skip_serializing_if = "is_default")]
    pub scope: ExclusionScope,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrQueue {
    pub id: String,
    pub name: String,
    pub team: String,
    /// Replaces a business-hours severity's calendar for this queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrRoute {
    pub id: String,
    /// Deciding tags that match, descendants included; empty matches all.
    pub tags: Vec<String>,
    /// Whether the route also takes messages that match no tag.
    pub untagged: bool,
    pub severities: Vec<String>,
    pub audience: Vec<Audience>,
    pub languages: Vec<String>,
    pub queue: String,
    pub escalation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrBoosts {
    pub vip: u8,
    pub influencer_min_followers: Option<u64>,
    pub influencer: u8,
    pub emergency_keywords: Vec<IrKeyword>,
    pub emergency: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrChain {
    pub id: String,
    pub rungs: Vec<IrRung>,
    pub then: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrRung {
    pub after_seconds: u64,
    pub automated: bool,
    pub role: Option<String>,
    pub team: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrTeam {
    pub id: String,
    pub name: String,
    pub timezone: String,
    /// Days off for the whole team (its calendar's holidays).
    pub holidays: Vec<IrHoliday>,
    /// Who is on which shift, by language.
    pub rota: Vec<IrRota>,
    /// Teams that take its queues while it is off shift, in order.
    pub handover_to: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrRota {
    pub shift: String,
    pub members: u32,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrShift {
    pub id: String,
    pub timezone: String,
    /// 0 = Monday … 6 = Sunday.
    pub days: Vec<u8>,
    pub start: u16,
    /// Not after `start` means the shift runs past midnight.
    pub end: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrIncident {
    pub id: String,
    pub name: String,
    pub triggers: Vec<IrKeyword>,
    pub tag: String,
    pub queue: String,
    pub holding_statements: BTreeMap<String, String>,
    /// Severity id → (first response, resolution) seconds.
    pub sla_overrides: BTreeMap<String, (u64, u64)>,
    /// Public posts on the brand's own accounts when the mode is switched
    /// on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proactive_posts: Vec<IrProactivePost>,
}

/// One public post of an incident mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrProactivePost {
    /// The channels it goes out on; empty: every channel.
    pub channels: Vec<String>,
    /// Seconds after the mode is switched on by which it is out.
    pub within_seconds: u64,
    /// Seconds between updates while the mode is on.
    pub update_every_seconds: u64,
    /// Language → text.
    pub text: BTreeMap<String, String>,
}

/// A follow-up rule: what starts its clock, how long it waits, what it
/// does then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrFollowUp {
    pub id: String,
    pub when: IrFollowUpTrigger,
    /// The wait: seconds (business seconds with a calendar), or business
    /// days when `after_business_days` is set.
    pub after_seconds: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub after_business_days: u32,
    /// Counts in this calendar's open hours; `None`: the wall clock.
    pub calendar: Option<String>,
    pub action: crate::model::FollowUpAction,
    /// The macro it sends (close) or reminds the agent to send (remind).
    #[serde(rename = "macro")]
    pub send: Option<String>,
}

/// What starts a follow-up's clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum IrFollowUpTrigger {
    /// The conversation is given one of these tags (the rule's tag with
    /// its descendants).
    Tag(Vec<String>),
    /// An agent sends this macro.
    Macro(String),
    /// The conversation is put in this help-desk state.
    State(crate::model::ConversationState),
}

/// The bot as a bot platform reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrBot {
    /// The tags it may answer, descendants included: a message whose
    /// tags are all among them and that meets no hand-off condition.
    pub intents: Vec<String>,
    /// The languages it answers in.
    pub languages: Vec<String>,
    pub handoff: IrHandoff,
    /// Language → the reply while a hand-off waits for someone who
    /// speaks the language (`unstaffed: hold`).
    pub holding_reply: BTreeMap<String, String>,
}

/// When the bot hands over to a person, and where. Any one condition is
/// enough.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrHandoff {
    pub queue: String,
    /// Severities that go to a person at once, whoever is on shift.
    pub severities: Vec<String>,
    /// Tags (descendants included) that go to a person.
    pub tags: Vec<String>,
    pub personal_data: bool,
    pub audience: Vec<Audience>,
    /// Words by which a customer asks for a person, folded as keywords
    /// are.
    pub asks_for_person: Vec<IrKeyword>,
    /// After this many bot replies in one conversation.
    pub after_turns: Option<u32>,
    pub unstaffed: crate::model::Unstaffed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrMacro {
    pub id: String,
    pub title: String,
    pub tags: Vec<String>,
    pub channels: Vec<String>,
    pub kinds: Vec<MessageKind>,
    pub languages: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The file name of the routing config's schema in `schemas/`.
pub const ROUTING_SCHEMA_FILE: &str = "routing.schema.json";

/// The JSON Schema of `routing.json`, the compiled routing config. Unset
/// fields are written as `null` there, so the schema keeps null allowed.
pub fn routing_schema() -> serde_json::Value {
    crate::schema::generate_raw::<Ir>(ROUTING_SCHEMA_FILE, "carebook compiled routing config")
}

/// The routing schema as `schemas/` holds it.
pub fn routing_schema_text() -> String {
    crate::json::pretty(&routing_schema())
}
