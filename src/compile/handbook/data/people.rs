//! The people: each role's empowerment (limits, actions, exceptions,
//! approvals, macros, the rungs that reach it), each team's members and
//! shifts in its own time zone with its hand-overs, and each role's
//! onboarding checklist.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::Serialize;

use super::routing::{holidays, rungs};
use super::{Names, find, may_send, money};
use crate::compile::handbook::clock::{self, ShiftTimes};
use crate::load::{At, Playbook};
use crate::model::{Macro, Role, Shift, Team};

#[derive(Debug, Clone, Serialize)]
pub struct RoleEntry {
    pub id: String,
    pub name: String,
    /// `EUR 50`, by currency.
    pub limits: Vec<String>,
    pub actions: Vec<String>,
    pub exceptions: Vec<String>,
    pub approvals: Vec<ApprovalRow>,
    /// Approvals other roles ask of this one.
    pub approves: Vec<ApprovalRow>,
    pub escalates_to: Option<String>,
    pub escalates_to_name: Option<String>,
    /// Macros this role may send.
    pub macros: Vec<String>,
    /// Of those, the ones that give compensation: `voucher-50 (EUR 50)`.
    pub compensation_macros: Vec<String>,
    /// Escalation rungs that reach this role.
    pub rungs: Vec<RoleRung>,
    /// How many members of the teams have this role.
    pub members: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApprovalRow {
    pub action: String,
    /// The role asking (in `approves`) or approving (in `approvals`).
    pub role: String,
    pub role_name: String,
    /// `EUR 50`; `None` means always.
    pub above: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleRung {
    pub chain: String,
    pub n: usize,
    pub at: String,
    pub team: Option<String>,
    /// Severities whose messages use this chain.
    pub severities: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamEntry {
    pub id: String,
    pub name: String,
    pub function: &'static str,
    pub timezone: String,
    pub calendar: Option<String>,
    pub holidays: Vec<String>,
    pub queues: Vec<String>,
    pub members: Vec<MemberRow>,
    pub shifts: Vec<ShiftRow>,
    /// Teams that take this team's queues while it is off shift, with
    /// their shifts in this team's zone.
    pub hands_over_to: Vec<HandoverShifts>,
    /// Teams whose queues this team takes while they are off.
    pub takes_over_from: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub name: String,
    pub role: String,
    pub role_name: String,
    pub languages: Vec<String>,
    pub shifts: Vec<String>,
    /// Whether the member has the handbook's role.
    pub in_role: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShiftRow {
    pub id: String,
    /// The shift's own zone and times, as written in the playbook.
    pub timezone: String,
    pub written: ShiftTimes,
    /// The same hours in the reading team's zone, per week where they differ.
    pub local: Vec<ShiftTimes>,
    /// Whether the shift's zone is the reading team's zone.
    pub same_zone: bool,
    pub members: Vec<String>,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HandoverShifts {
    pub team: String,
    pub team_name: String,
    pub timezone: String,
    pub shifts: Vec<ShiftRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub role: String,
    pub role_name: String,
    /// Phrases of the voice guide to rewrite.
    pub phrases: usize,
    pub limits: Vec<String>,
    pub approvals: Vec<ApprovalRow>,
    /// The macros to practise: id and placeholders.
    pub macros: Vec<MacroDrill>,
    pub escalates_to_name: Option<String>,
    /// Roles that approve this role's requests, and the one it escalates to.
    pub reviewers: Vec<String>,
    pub one_to_ones: Vec<OneToOne>,
    pub quiz_questions: usize,
    pub channels: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MacroDrill {
    pub id: String,
    pub title: String,
    pub placeholders: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OneToOne {
    pub team_name: String,
    pub shift: String,
    /// Members on that shift in the role this role escalates to.
    pub people: Vec<String>,
}

pub(super) fn role_entry(pb: &Playbook, r: &At<Role>, names: &Names) -> RoleEntry {
    let id = r.id.as_str();
    let approval = |action: &str, role: &str, above: Option<&crate::model::Money>| ApprovalRow {
        action: action.to_string(),
        role: role.to_string(),
        role_name: names.role(role),
        above: above.map(|m| money(m.amount, m.currency.as_str())),
    };
    let mut rung_rows = Vec::new();
    for c in &pb.chains {
        for rung in rungs(c, names) {
            if rung.role.as_deref() == Some(id) {
                rung_rows.push(RoleRung {
                    chain: c.id.to_string(),
                    n: rung.n,
                    at: rung.at.clone(),
                    team: rung.team.clone(),
                    severities: pb
                        .severities
                        .iter()
                        .filter(|s| s.escalation.as_ref() == Some(&c.id))
                        .map(|s| s.id.to_string())
                        .collect(),
                });
            }
        }
    }
    let sendable: Vec<&Macro> = pb
        .macros
        .iter()
        .map(|m| &m.value)
        .filter(|m| may_send(m, id))
        .collect();
    RoleEntry {
        id: id.to_string(),
        name: r.name.clone(),
        limits: r
            .limits
            .iter()
            .map(|(currency, amount)| money(*amount, currency.as_str()))
            .collect(),
        actions: r.actions.clone(),
        exceptions: r.exceptions.clone(),
        approvals: r
            .approvals
            .iter()
            .map(|a| approval(&a.action, a.from.as_str(), a.above.as_ref()))
            .collect(),
        approves: pb
            .roles
            .iter()
            .flat_map(|other| {
                other
                    .approvals
                    .iter()
                    .filter(|a| a.from.as_str() == id)
                    .map(|a| approval(&a.action, other.id.as_str(), a.above.as_ref()))
            })
            .collect(),
        escalates_to: r.escalates_to.as_ref().map(|e| e.to_string()),
        escalates_to_name: r.escalates_to.as_ref().map(|e| names.role(e.as_str())),
        macros: sendable.iter().map(|m| m.id.to_string()).collect(),
        compensation_macros: sendable
            .iter()
            .filter_map(|m| {
                let c = m.compensation.as_ref()?;
                Some(format!(
                    "{} ({})",
                    m.id,
                    money(c.amount, c.currency.as_str())
                ))
            })
            .collect(),
        rungs: rung_rows,
        members: pb
            .teams
            .iter()
            .flat_map(|t| &t.members)
            .filter(|m| m.role.as_str() == id)
            .count(),
    }
}

fn shift_row(
    shift: &Shift,
    zone: &str,
    weeks: &[Date],
    members: Vec<String>,
    languages: Vec<String>,
) -> ShiftRow {
    let written = clock::as_written(shift, weeks[0]);
    ShiftRow {
        id: shift.id.to_string(),
        timezone: shift.timezone.to_string(),
        local: clock::in_zone(shift, zone, weeks).unwrap_or_else(|| vec![written.clone()]),
        written,
        same_zone: shift.timezone.as_str() == zone,
        members,
        languages,
    }
}

pub(super) fn team_entry(
    pb: &Playbook,
    t: &At<Team>,
    weeks: &[Date; 2],
    names: &Names,
) -> TeamEntry {
    let zone = t.timezone.as_str();
    // The shifts of a team's members, in the order members name them.
    let rows_of = |team: &Team, zone: &str| -> Vec<ShiftRow> {
        let mut ids: Vec<&str> = Vec::new();
        for m in &team.members {
            for s in &m.shifts {
                if !ids.contains(&s.as_str()) {
                    ids.push(s.as_str());
                }
            }
        }
        ids.into_iter()
            .filter_map(|id| find(&pb.shifts, |s| s.id.as_str() == id))
            .map(|s| {
                let on: Vec<&crate::model::Member> = team
                    .members
                    .iter()
                    .filter(|m| m.shifts.contains(&s.id))
                    .collect();
                let languages: BTreeSet<String> = on
                    .iter()
                    .flat_map(|m| m.languages.iter().map(|l| l.to_string()))
                    .collect();
                shift_row(
                    s,
                    zone,
                    weeks,
                    on.iter().map(|m| m.name.clone()).collect(),
                    languages.into_iter().collect(),
                )
            })
            .collect()
    };
    let calendar = t
        .calendar
        .as_ref()
        .and_then(|c| find(&pb.calendars, |x| x.id == *c));
    TeamEntry {
        id: t.id.to_string(),
        name: t.name.clone(),
        function: match t.function {
            crate::model::TeamFunction::Social => "social",
            crate::model::TeamFunction::Care => "care",
            crate::model::TeamFunction::Sales => "sales",
            crate::model::TeamFunction::Product => "product",
            crate::model::TeamFunction::Marketing => "marketing",
            crate::model::TeamFunction::Communications => "communications",
        },
        timezone: zone.to_string(),
        calendar: calendar.map(|c| c.name.clone()),
        holidays: calendar.map(|c| holidays(&c.holidays)).unwrap_or_default(),
        queues: pb
            .queues
            .iter()
            .filter(|q| q.team == t.id)
            .map(|q| q.id.to_string())
            .collect(),
        members: t
            .members
            .iter()
            .map(|m| MemberRow {
                name: m.name.clone(),
                role: m.role.to_string(),
                role_name: names.role(m.role.as_str()),
                languages: m.languages.iter().map(|l| l.to_string()).collect(),
                shifts: m.shifts.iter().map(|s| s.to_string()).collect(),
                in_role: false,
            })
            .collect(),
        shifts: rows_of(&t.value, zone),
        hands_over_to: pb
            .handovers
            .iter()
            .filter(|h| h.team == t.id)
            .flat_map(|h| h.to.iter())
            .filter_map(|to| find(&pb.teams, |x| &x.id == to))
            .map(|to| HandoverShifts {
                team: to.id.to_string(),
                team_name: to.name.clone(),
                timezone: to.timezone.to_string(),
                shifts: rows_of(to, zone),
            })
            .collect(),
        takes_over_from: pb
            .handovers
            .iter()
            .filter(|h| h.to.contains(&t.id))
            .map(|h| h.team.to_string())
            .collect(),
    }
}

/// The onboarding checklist of `role`, made from the playbook: its
/// worksheet is the role's limits, approvals and macros; its reviewers the
/// roles it escalates to and asks approval of; its 1:1s the people on the
/// same shift in the role it escalates to.
pub(super) fn checklist(
    pb: &Playbook,
    role: &At<Role>,
    entry: &RoleEntry,
    quiz_questions: usize,
    names: &Names,
) -> Checklist {
    let id = role.id.as_str();
    let mut reviewers: Vec<String> = Vec::new();
    if let Some(to) = &role.escalates_to {
        reviewers.push(names.role(to.as_str()));
    }
    for a in &role.approvals {
        let name = names.role(a.from.as_str());
        if !reviewers.contains(&name) {
            reviewers.push(name);
        }
    }
    let mut one_to_ones = Vec::new();
    if let Some(up) = &role.escalates_to {
        for team in &pb.teams {
            let mut shifts: Vec<&str> = Vec::new();
            for m in team.members.iter().filter(|m| m.role.as_str() == id) {
                for s in &m.shifts {
                    if !shifts.contains(&s.as_str()) {
                        shifts.push(s.as_str());
                    }
                }
            }
            for shift in shifts {
                let people: Vec<String> = team
                    .members
                    .iter()
                    .filter(|m| m.role == *up && m.shifts.iter().any(|s| s.as_str() == shift))
                    .map(|m| m.name.clone())
                    .collect();
                one_to_ones.push(OneToOne {
                    team_name: team.name.clone(),
                    shift: shift.to_string(),
                    people,
                });
            }
        }
    }
    Checklist {
        role: id.to_string(),
        role_name: role.name.clone(),
        phrases: pb.voice.first().map_or(0, |v| v.phrases.len()),
        limits: entry.limits.clone(),
        approvals: entry.approvals.clone(),
        macros: pb
            .macros
            .iter()
            .filter(|m| may_send(m, id))
            .map(|m| MacroDrill {
                id: m.id.to_string(),
                title: m.title.clone(),
                placeholders: m.placeholders.keys().cloned().collect(),
            })
            .collect(),
        escalates_to_name: role.escalates_to.as_ref().map(|r| names.role(r.as_str())),
        reviewers,
        one_to_ones,
        quiz_questions,
        channels: pb.channels.iter().map(|c| c.id.to_string()).collect(),
    }
}
