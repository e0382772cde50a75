//! Severities and their SLA targets, business-hours calendars, the routing
//! matrix, escalation chains, after-hours hand-over and incident modes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Bot, Date, Duration, FollowUp, Id, Keyword, Lang, PerLang, Priority, RefTarget, TimeOfDay,
    TimeZoneName, Weekday,
};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationFile {
    /// Severity levels, most severe first.
    #[serde(default)]
    pub severities: Vec<Severity>,
    #[serde(default)]
    pub calendars: Vec<Calendar>,
    #[serde(default)]
    pub queues: Vec<Queue>,
    /// The routing matrix, tried in order: the first route that matches
    /// decides.
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boosts: Option<Boosts>,
    #[serde(default)]
    pub chains: Vec<Chain>,
    /// Who takes a team's queues while it is off shift.
    #[serde(default)]
    pub handovers: Vec<Handover>,
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Conversations that come back to the team a set time after a tag,
    /// a macro or a state.
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    /// The bot in front of the queues: what it may answer and when it
    /// hands over to a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot: Option<Bot>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Severity {
    pub id: Id,
    pub name: String,
    /// The help-desk priority messages of this severity get.
    pub priority: Priority,
    /// Target for the first reply.
    pub first_response: Duration,
    /// Target for resolution.
    pub resolution: Duration,
    /// Whether the targets run around the clock or only in business hours.
    pub hours: Hours,
    /// The business-hours calendar, when `hours` is `business`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Calendar))]
    pub calendar: Option<Id>,
    /// The escalation chain for messages of this severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Chain))]
    pub escalation: Option<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Hours {
    /// Around the clock.
    #[serde(rename = "24/7")]
    Always,
    /// Only within the severity's calendar.
    #[serde(rename = "business")]
    Business,
}

/// Business hours in one time zone, with dated holidays that deadlines
/// and coverage skip.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub id: Id,
    pub name: String,
    pub timezone: TimeZoneName,
    pub hours: Vec<WeeklyHours>,
    #[serde(default)]
    pub holidays: Vec<Holiday>,
}

impl Calendar {
    /// The open minutes of its most common open day (its weekdays,
    /// usually): how long one business day is, where a length is needed.
    pub fn usual_day_minutes(&self) -> u32 {
        let mut per_day = [0u32; 7];
        for h in &self.hours {
            let minutes = u32::from(h.end.minutes.saturating_sub(h.start.minutes));
            for d in &h.days {
                per_day[d.to_jiff().to_monday_zero_offset() as usize] += minutes;
            }
        }
        usual_day(per_day)
    }
}

/// Of seven days' open minutes, the most common non-zero value (the
/// longer on a tie).
pub fn usual_day(per_day: [u32; 7]) -> u32 {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for &m in per_day.iter().filter(|&&m| m > 0) {
        match counts.iter_mut().find(|(x, _)| *x == m) {
            Some((_, n)) => *n += 1,
            None => counts.push((m, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(m, n)| (n, m))
        .map_or(0, |(m, _)| m)
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklyHours {
    pub days: Vec<Weekday>,
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    pub date: Date,
    /// Last day of a holiday that spans several days (Golden Week).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// A help-desk queue, worked by one team.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Queue {
    pub id: Id,
    pub name: String,
    #[schemars(extend("x-carebook-ref" = RefTarget::Team))]
    pub team: Id,
    /// The business hours of this queue's market (a Tokyo desk's office
    /// hours): a business-hours severity's deadlines, and the hours
    /// someone must be on shift, count in this calendar instead of the
    /// severity's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Calendar))]
    pub calendar: Option<Id>,
}

/// One row of the routing matrix.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: Id,
    /// Conditions; every one given must hold. An empty `when` matches all.
    #[serde(default)]
    pub when: RouteCondition,
    #[schemars(extend("x-carebook-ref" = RefTarget::Queue))]
    pub queue: Id,
    /// Overrides the severity's escalation chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Chain))]
    pub escalation: Option<Id>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RouteCondition {
    /// The deciding tag is one of these or a descendant of one.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags: Vec<Id>,
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Severity))]
    pub severities: Vec<Id>,
    #[serde(default)]
    pub audience: Vec<Audience>,
    #[serde(default)]
    pub languages: Vec<Lang>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Vip,
    Influencer,
    Regular,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Vip, Audience::Influencer, Audience::Regular];

    /// The name as written in a playbook.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Vip => "vip",
            Audience::Influencer => "influencer",
            Audience::Regular => "regular",
        }
    }
}

/// Raises a message's priority beyond its severity's.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boosts {
    /// Steps a VIP's message is raised.
    #[serde(default)]
    pub vip: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influencer: Option<InfluencerBoost>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency: Option<EmergencyBoost>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InfluencerBoost {
    pub min_followers: u64,
    pub raise: u8,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencyBoost {
    pub keywords: PerLang<Vec<Keyword>>,
    pub raise: u8,
}

/// Who is told, and when, while a message waits.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chain {
    pub id: Id,
    pub rungs: Vec<Rung>,
    /// The chain that continues after the last rung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Chain))]
    pub then: Option<Id>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rung {
    /// Time-out since the previous rung (or since the message arrived).
    pub after: Duration,
    /// An automated step (auto-acknowledgement, bot reply), not a person.
    #[serde(default)]
    pub automated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Role))]
    pub role: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Team))]
    pub team: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// The team going off shift.
    #[schemars(extend("x-carebook-ref" = RefTarget::Team))]
    pub team: Id,
    /// The team that covers its queues meanwhile, or several in the order
    /// they take over: the first with someone on shift who speaks the
    /// message's language.
    #[schemars(extend("x-carebook-ref" = RefTarget::Team))]
    pub to: Teams,
}

/// One team, or several in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Teams {
    One(Id),
    InOrder(Vec<Id>),
}

impl Teams {
    pub fn iter(&self) -> std::slice::Iter<'_, Id> {
        match self {
            Teams::One(id) => std::slice::from_ref(id).iter(),
            Teams::InOrder(list) => list.iter(),
        }
    }

    pub fn contains(&self, id: &Id) -> bool {
        self.iter().any(|t| t == id)
    }

    /// Written as a list (its items have places of their own).
    pub fn is_list(&self) -> bool {
        matches!(self, Teams::InOrder(_))
    }
}

/// A mode switched on during an outage or crisis.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: Id,
    pub name: String,
    /// Keywords per language that mark a message as about the incident.
    pub triggers: PerLang<Vec<Keyword>>,
    /// Tag added to matching messages.
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tag: Id,
    /// Queue matching messages go to.
    #[schemars(extend("x-carebook-ref" = RefTarget::Queue))]
    pub queue: Id,
    /// The one approved holding statement per language.
    pub holding_statements: PerLang<String>,
    #[serde(default)]
    pub sla_overrides: Vec<SlaOverride>,
    /// Public posts that go out on the brand's own accounts when the mode
    /// is switched on, before the flood of messages, and are updated
    /// while it lasts.
    #[serde(default)]
    pub proactive_posts: Vec<ProactivePost>,
}

/// One public post of an incident mode, on some channels, in every
/// language those channels carry.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProactivePost {
    /// The channels it is posted on; empty: every channel.
    #[serde(default)]
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channels: Vec<Id>,
    /// How soon after the mode is switched on it goes out.
    pub within: Duration,
    /// How often it is updated (or posted again) while the mode is on.
    pub update_every: Duration,
    /// The post per language, within each channel's length rule for
    /// public messages.
    pub text: PerLang<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaOverride {
    #[schemars(extend("x-carebook-ref" = RefTarget::Severity))]
    pub severity: Id,
    pub first_response: Duration,
    pub resolution: Duration,
}
