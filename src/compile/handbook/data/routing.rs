//! Routing and escalation: severities and their targets, business-hours
//! calendars, queues, the routes in order, escalation chains with the time
//! each rung is reached, priority boosts, hand-overs, and the flow drawn
//! from them.

use serde::Serialize;

use super::{LangWords, Names, audience, duration, find};
use crate::compile::handbook::clock;
use crate::compile::handbook::flow::Flow;
use crate::load::Playbook;
use crate::model::{Chain, Hours};

#[derive(Debug, Clone, Serialize)]
pub struct Routing {
    pub severities: Vec<SeverityRow>,
    pub calendars: Vec<CalendarRow>,
    pub queues: Vec<QueueRow>,
    pub routes: Vec<RouteRow>,
    pub chains: Vec<ChainRow>,
    pub boosts: BoostRows,
    pub handovers: Vec<HandoverRow>,
    pub flow: Flow,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeverityRow {
    pub id: String,
    pub name: String,
    pub priority: &'static str,
    pub first_response: String,
    pub resolution: String,
    /// `24/7`, or the calendar's name.
    pub hours: String,
    pub business_hours: bool,
    pub chain: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarRow {
    pub id: String,
    pub name: String,
    pub timezone: String,
    /// `Mon–Fri 08:00–20:00`.
    pub hours: Vec<String>,
    /// `2026-04-29 to 2026-05-06 Golden Week`.
    pub holidays: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QueueRow {
    pub id: String,
    pub name: String,
    pub team: String,
    pub team_name: String,
    /// The name of the queue's own business calendar, if it has one.
    pub calendar: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteRow {
    /// 1-based: the order routes are tried in.
    pub n: usize,
    pub id: String,
    pub tags: Vec<String>,
    pub severities: Vec<String>,
    pub audience: Vec<&'static str>,
    pub languages: Vec<String>,
    pub queue: String,
    pub queue_name: String,
    pub team: String,
    pub escalation: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChainRow {
    pub id: String,
    pub rungs: Vec<RungRow>,
    pub then: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RungRow {
    pub n: usize,
    /// Time-out since the previous rung.
    pub after: String,
    /// Time since the message arrived.
    pub at: String,
    pub automated: bool,
    pub role: Option<String>,
    pub role_name: Option<String>,
    pub team: Option<String>,
    /// Who is reached, worded: `Senior agent (care-dublin)`.
    pub who: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoostRows {
    pub vip: u8,
    pub influencer_min_followers: Option<u64>,
    pub influencer: u8,
    pub emergency: u8,
    pub emergency_keywords: Vec<LangWords>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HandoverRow {
    pub team: String,
    pub team_name: String,
    pub to: String,
    pub to_name: String,
}

/// A chain's rungs with the time since arrival each one is reached.
pub(super) fn rungs(chain: &Chain, names: &Names) -> Vec<RungRow> {
    let mut at = 0u64;
    chain
        .rungs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            at = at.saturating_add(r.after.seconds);
            let role_name = r.role.as_ref().map(|x| names.role(x.as_str()));
            let who = match (r.automated, &role_name, &r.team) {
                (true, _, _) => "automated step".to_string(),
                (false, Some(role), Some(team)) => format!("{role} ({team})"),
                (false, Some(role), None) => role.clone(),
                (false, None, Some(team)) => format!("team {team}"),
                (false, None, None) => "the queue's team".to_string(),
            };
            RungRow {
                n: i + 1,
                after: r.after.to_string(),
                at: duration(at),
                automated: r.automated,
                role: r.role.as_ref().map(|x| x.to_string()),
                role_name,
                team: r.team.as_ref().map(|t| t.to_string()),
                who,
                note: r.note.clone(),
            }
        })
        .collect()
}

pub(super) fn routing(pb: &Playbook, flow: Flow, names: &Names) -> Routing {
    let calendar_name = |id: &str| {
        find(&pb.calendars, |c| c.id.as_str() == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let queue_team = |id: &str| {
        find(&pb.queues, |q| q.id.as_str() == id).map_or_else(String::new, |q| q.team.to_string())
    };
    let boosts = pb.boosts.first();
    Routing {
        severities: pb
            .severities
            .iter()
            .map(|s| SeverityRow {
                id: s.id.to_string(),
                name: s.name.clone(),
                priority: s.priority.as_str(),
                first_response: s.first_response.to_string(),
                resolution: s.resolution.to_string(),
                hours: match (s.hours, &s.calendar) {
                    (Hours::Business, Some(c)) => calendar_name(c.as_str()),
                    (Hours::Business, None) => "business hours".to_string(),
                    (Hours::Always, _) => "24/7".to_string(),
                },
                business_hours: s.hours == Hours::Business,
                chain: s.escalation.as_ref().map(|c| c.to_string()),
            })
            .collect(),
        calendars: pb
            .calendars
            .iter()
            .map(|c| CalendarRow {
                id: c.id.to_string(),
                name: c.name.clone(),
                timezone: c.timezone.to_string(),
                hours: c
                    .hours
                    .iter()
                    .map(|h| {
                        let days: Vec<u8> = h
                            .days
                            .iter()
                            .map(|d| d.to_jiff().to_monday_zero_offset() as u8)
                            .collect();
                        format!("{} {}–{}", clock::days(&days), h.start, h.end)
                    })
                    .collect(),
                holidays: holidays(&c.holidays),
            })
            .collect(),
        queues: pb
            .queues
            .iter()
            .map(|q| QueueRow {
                id: q.id.to_string(),
                name: q.name.clone(),
                team: q.team.to_string(),
                team_name: names.team(q.team.as_str()),
                calendar: q.calendar.as_ref().map(|c| names.calendar(c.as_str())),
            })
            .collect(),
        routes: pb
            .routes
            .iter()
            .enumerate()
            .map(|(i, r)| RouteRow {
                n: i + 1,
                id: r.id.to_string(),
                tags: r.when.tags.iter().map(|t| t.to_string()).collect(),
                severities: r.when.severities.iter().map(|s| s.to_string()).collect(),
                audience: r.when.audience.iter().map(|a| audience(*a)).collect(),
                languages: r.when.languages.iter().map(|l| l.to_string()).collect(),
                queue: r.queue.to_string(),
                queue_name: names.queue(r.queue.as_str()),
                team: queue_team(r.queue.as_str()),
                escalation: r.escalation.as_ref().map(|c| c.to_string()),
            })
            .collect(),
        chains: pb
            .chains
            .iter()
            .map(|c| ChainRow {
                id: c.id.to_string(),
                rungs: rungs(c, names),
                then: c.then.as_ref().map(|t| t.to_string()),
            })
            .collect(),
        boosts: BoostRows {
            vip: boosts.map_or(0, |b| b.vip),
            influencer_min_followers: boosts
                .and_then(|b| b.influencer.as_ref())
                .map(|i| i.min_followers),
            influencer: boosts
                .and_then(|b| b.influencer.as_ref())
                .map_or(0, |i| i.raise),
            emergency: boosts
                .and_then(|b| b.emergency.as_ref())
                .map_or(0, |e| e.raise),
            emergency_keywords: boosts
                .and_then(|b| b.emergency.as_ref())
                .map(|e| names.lang_words(&e.keywords))
                .unwrap_or_default(),
        },
        handovers: pb
            .handovers
            .iter()
            .flat_map(|h| {
                h.to.iter().map(|to| HandoverRow {
                    team: h.team.to_string(),
                    team_name: names.team(h.team.as_str()),
                    to: to.to_string(),
                    to_name: names.team(to.as_str()),
                })
            })
            .collect(),
        flow,
    }
}

pub(super) fn holidays(list: &[crate::model::Holiday]) -> Vec<String> {
    list.iter()
        .map(|h| match &h.until {
            Some(until) => format!("{} to {} {}", h.date.0, until.0, h.name),
            None => format!("{} {}", h.date.0, h.name),
        })
        .collect()
}
