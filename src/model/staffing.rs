//! Teams, members, shifts and the volume forecast.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Duration, Id, Lang, RefTarget, TimeOfDay, TimeZoneName, Weekday};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffingFile {
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub shifts: Vec<Shift>,
    #[serde(default)]
    pub forecast: Vec<Forecast>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_level: Option<ServiceLevel>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub id: Id,
    pub name: String,
    pub function: TeamFunction,
    pub timezone: TimeZoneName,
    /// Holidays of this calendar are days off for the whole team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Calendar))]
    pub calendar: Option<Id>,
    #[serde(default)]
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TeamFunction {
    Social,
    Care,
    Sales,
    Product,
    Marketing,
    Communications,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    #[schemars(extend("x-carebook-ref" = RefTarget::Role))]
    pub role: Id,
    pub languages: Vec<Lang>,
    #[schemars(extend("x-carebook-ref" = RefTarget::Shift))]
    pub shifts: Vec<Id>,
}

/// A weekly working pattern in a named time zone. A shift whose end is
/// not after its start runs past midnight.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    pub id: Id,
    pub timezone: TimeZoneName,
    pub days: Vec<Weekday>,
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

/// Expected inbound volume on one channel in one language.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forecast {
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channel: Id,
    pub lang: Lang,
    /// Messages per day.
    #[schemars(range(min = 0.0))]
    pub daily_volume: f64,
    /// Share of messages that need a reply (the rest need only an action
    /// such as tagging).
    #[schemars(range(min = 0.0, max = 1.0))]
    pub reply_share: f64,
    /// Average handling time of a message that needs a reply.
    pub reply_aht: Duration,
    /// Average handling time of a message that needs only an action.
    pub action_aht: Duration,
    /// Relative volume per hour of day (24 weights, midnight first) in the
    /// manifest's default time zone; flat when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_profile: Option<Vec<f64>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevel {
    /// Share of messages answered within `within`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub target: f64,
    pub within: Duration,
    #[serde(default)]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub shrinkage: f64,
    #[serde(default = "full")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub max_occupancy: f64,
}

fn full() -> f64 {
    1.0
}
