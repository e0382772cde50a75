//! SLA policies from the severities' targets. Zendesk applies the first
//! policy whose filter matches and then picks the target by the ticket's
//! priority; its filters cannot test the priority. So a policy is a set
//! of tickets (an incident mode's, then every ticket carebook decided),
//! each with a target for every priority a ticket can reach: the first
//! severity with that priority, as in carebook's router.

use super::fidelity::Notes;
use super::triggers::{DECIDED, incident_marker};
use super::{Condition, Conditions, PolicyMetric, SlaPolicy, keys};
use crate::ir::{Ir, IrSeverity};
use crate::model::Priority;

pub fn plan(ir: &Ir, notes: &mut Notes) -> Vec<SlaPolicy> {
    let firsts = first_of_each_priority(ir);
    for s in &ir.severities {
        if let Some(first) = firsts
            .iter()
            .find(|f| f.priority == s.priority && f.id != s.id)
        {
            notes.add(
                format!("sla_policy `{}`", keys::of("severity", &first.id)),
                format!(
                    "severity `{}` shares priority `{}` with `{}`; Zendesk sets targets by priority, so its messages get `{}`'s targets",
                    s.id,
                    s.priority.as_str(),
                    first.id,
                    first.id
                ),
            );
        }
    }

    let reachable = reachable_priorities(ir);
    for p in &reachable {
        if !firsts.iter().any(|s| s.priority == *p) {
            notes.add(
                "sla_policy `severities`",
                format!(
                    "a boost can raise a ticket to priority `{}`, which no severity has: carebook keeps the targets of the message's own severity, Zendesk has no target for it",
                    p.as_str()
                ),
            );
        }
    }
    // Targets per priority: the first severity of each reachable one.
    let by_priority: Vec<&IrSeverity> = reachable
        .iter()
        .filter_map(|p| firsts.iter().copied().find(|s| s.priority == *p))
        .collect();

    let mut policies = Vec::new();
    for inc in &ir.incidents {
        let object = format!("sla_policy `{}`", keys::of("incident", &inc.id));
        for severity in inc.sla_overrides.keys() {
            if !by_priority.iter().any(|s| &s.id == severity) {
                notes.add(
                    &object,
                    format!(
                        "the override for severity `{severity}` is not exported: its priority's targets come from an earlier severity"
                    ),
                );
            }
        }
        if !by_priority
            .iter()
            .any(|s| inc.sla_overrides.contains_key(&s.id))
        {
            continue;
        }
        // Every priority gets a target here, relaxed or not: the first
        // matching policy is the only one Zendesk applies.
        let metrics = by_priority
            .iter()
            .flat_map(|s| {
                let (first, resolution) = match inc.sla_overrides.get(&s.id) {
                    // Overrides are times, never business days.
                    Some(&(f, r)) => ((f, 0), (r, 0)),
                    None => own_targets(s),
                };
                targets(ir, s, first, resolution, &object, notes)
            })
            .collect();
        policies.push(SlaPolicy {
            key: keys::of("incident", &inc.id),
            title: format!("carebook incident mode: {}", inc.name),
            description: format!(
                "Targets while incident mode `{}` is on (its trigger adds the tag `{}`): {}.",
                inc.id,
                incident_marker(&inc.id),
                sources(&by_priority, |s| inc.sla_overrides.contains_key(&s.id))
            ),
            filter: Conditions {
                all: vec![Condition::tags_include(&[incident_marker(&inc.id)])],
                any: Vec::new(),
            },
            metrics,
        });
    }
    if !by_priority.is_empty() {
        let object = "sla_policy `severities`";
        policies.push(SlaPolicy {
            key: "severities".to_string(),
            title: "carebook: targets by severity".to_string(),
            description: format!(
                "Every ticket carebook's triggers decided (tag `{DECIDED}`): {}.",
                sources(&by_priority, |_| false)
            ),
            filter: Conditions {
                all: vec![Condition::tags_include(&[DECIDED.to_string()])],
                any: Vec::new(),
            },
            metrics: by_priority
                .iter()
                .flat_map(|s| {
                    let (first, resolution) = own_targets(s);
                    targets(ir, s, first, resolution, object, notes)
                })
                .collect(),
        });
    }
    policies
}

/// Every priority a ticket can end with: a severity's, raised by any mix
/// of the boosts. Most urgent first, the order Zendesk lists targets in.
pub fn reachable_priorities(ir: &Ir) -> Vec<Priority> {
    raised_by_boosts(ir, ir.severities.iter().map(|s| s.priority))
}

/// The given priorities and every one the boosts can raise them to, most
/// urgent first.
pub fn raised_by_boosts(ir: &Ir, from: impl IntoIterator<Item = Priority>) -> Vec<Priority> {
    let b = &ir.boosts;
    let steps: Vec<u8> = [b.vip, b.influencer, b.emergency]
        .into_iter()
        .filter(|&s| s > 0)
        .collect();
    let mut reachable: Vec<Priority> = Vec::new();
    for p in from {
        if !reachable.contains(&p) {
            reachable.push(p);
        }
    }
    let mut i = 0;
    while i < reachable.len() {
        for &n in &steps {
            let up = reachable[i].raised(n);
            if !reachable.contains(&up) {
                reachable.push(up);
            }
        }
        i += 1;
    }
    reachable.sort_unstable_by(|a, b| b.cmp(a));
    reachable
}

/// "urgent from `critical`, high from `major` (relaxed)".
fn sources(by_priority: &[&IrSeverity], relaxed: impl Fn(&IrSeverity) -> bool) -> String {
    by_priority
        .iter()
        .map(|s| {
            format!(
                "{} from severity `{}`{}",
                s.priority.as_str(),
                s.id,
                if relaxed(s) { " (relaxed)" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The calendars an SLA target counts business hours in: those of the
/// severities whose targets Zendesk applies. Only these are exported as
/// schedules; a ticket gets one from the schedule triggers.
pub fn counted_calendars(ir: &Ir) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let firsts = first_of_each_priority(ir);
    for s in &firsts {
        if let Some(c) = s.calendar.as_deref()
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    // A queue's own business hours, which its route trigger sets.
    if firsts.iter().any(|s| s.calendar.is_some()) {
        for q in &ir.queues {
            if let Some(c) = q.calendar.as_deref()
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
    }
    out
}

/// The first severity of each priority, most severe first.
pub fn first_of_each_priority(ir: &Ir) -> Vec<&IrSeverity> {
    let mut seen: Vec<Priority> = Vec::new();
    ir.severities
        .iter()
        .filter(|s| {
            let new = !seen.contains(&s.priority);
            seen.push(s.priority);
            new
        })
        .collect()
}

/// A severity's own targets: (seconds, business days) each.
fn own_targets(s: &IrSeverity) -> ((u64, u32), (u64, u32)) {
    (
        (s.first_response_seconds, s.first_response_business_days),
        (s.resolution_seconds, s.resolution_business_days),
    )
}

fn targets(
    ir: &Ir,
    s: &IrSeverity,
    (first_response, first_days): (u64, u32),
    (resolution, resolution_days): (u64, u32),
    object: &str,
    notes: &mut Notes,
) -> Vec<PolicyMetric> {
    [
        ("first_reply_time", first_response, first_days),
        ("total_resolution_time", resolution, resolution_days),
    ]
    .into_iter()
    .map(|(metric, seconds, business_days)| {
        // Zendesk has no business-day target: a day is the calendar's
        // usual open day, in business minutes.
        let seconds = match (business_days, s.calendar.as_deref()) {
            (0, _) | (_, None) => seconds,
            (days, Some(calendar)) => {
                let day = usual_day_minutes(ir, calendar);
                notes.add(
                    object,
                    format!(
                        "{metric} of {days}bd is exported as {days} × {} of business time (calendar `{calendar}`'s usual day): Zendesk has no business-day target, so a deadline that crosses a day with other hours, or counts in a queue's own schedule with shorter days, moves",
                        hours_and_minutes(day)
                    ),
                );
                u64::from(days) * u64::from(day) * 60
            }
        };
        // Zendesk counts targets in whole minutes.
        let minutes = seconds.div_ceil(60);
        if seconds % 60 != 0 {
            notes.add(
                object,
                format!(
                    "{metric} of {seconds}s is not whole minutes; Zendesk's target is {minutes} minutes"
                ),
            );
        }
        PolicyMetric {
            priority: s.priority,
            metric,
            target_minutes: minutes,
            business_hours: s.calendar.is_some(),
        }
    })
    .collect()
}

/// The open minutes of the calendar's most common open day.
pub fn usual_day_minutes(ir: &Ir, calendar: &str) -> u32 {
    let Some(c) = ir.calendars.iter().find(|c| c.id == calendar) else {
        return 0;
    };
    let mut per_day = [0u32; 7];
    for h in &c.hours {
        if let Some(d) = per_day.get_mut(usize::from(h.day)) {
            *d += u32::from(h.end.saturating_sub(h.start));
        }
    }
    crate::model::usual_day(per_day)
}

fn hours_and_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}
