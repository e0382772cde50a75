//! SLA policies from the severities' targets. Zendesk keys a policy's
//! targets on the ticket's priority, and carebook's router gives a message
//! the targets of the first severity with its final priority, so one
//! policy per priority (that severity's targets) matches the router. An
//! incident's relaxed targets come first, filtered on the tag its
//! incident-mode trigger adds.

use super::fidelity::Notes;
use super::triggers::incident_marker;
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

    let mut policies = Vec::new();
    for inc in &ir.incidents {
        let mut filter = Conditions {
            all: vec![Condition::tags_include(&[incident_marker(&inc.id)])],
            any: Vec::new(),
        };
        let mut metrics = Vec::new();
        for (severity, &(first, resolution)) in &inc.sla_overrides {
            let Some(s) = firsts.iter().find(|f| &f.id == severity) else {
                notes.add(
                    format!("sla_policy `{}`", keys::of("incident", &inc.id)),
                    format!(
                        "the override for severity `{severity}` is not exported: its priority's targets come from an earlier severity"
                    ),
                );
                continue;
            };
            let object = format!("sla_policy `{}`", keys::of("incident", &inc.id));
            filter.any.push(Condition::priority_is(s.priority));
            metrics.extend(targets(s, first, resolution, &object, notes));
        }
        if metrics.is_empty() {
            continue;
        }
        policies.push(SlaPolicy {
            key: keys::of("incident", &inc.id),
            title: format!("carebook incident mode: {}", inc.name),
            description: format!(
                "Relaxed targets while incident mode `{}` is on (its trigger adds the tag `{}`).",
                inc.id,
                incident_marker(&inc.id)
            ),
            filter,
            metrics,
        });
    }
    for s in firsts {
        let object = format!("sla_policy `{}`", keys::of("severity", &s.id));
        let hours = match &s.calendar {
            Some(c) => format!("business hours of calendar `{c}`"),
            None => "around the clock".to_string(),
        };
        policies.push(SlaPolicy {
            key: keys::of("severity", &s.id),
            title: format!("carebook: {}", s.name),
            description: format!(
                "Severity `{}`: priority {}, {hours}.",
                s.id,
                s.priority.as_str()
            ),
            filter: Conditions {
                all: vec![Condition::priority_is(s.priority)],
                any: Vec::new(),
            },
            metrics: targets(
                s,
                s.first_response_seconds,
                s.resolution_seconds,
                &object,
                notes,
            ),
        });
    }
    policies
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

fn targets(
    s: &IrSeverity,
    first_response: u64,
    resolution: u64,
    object: &str,
    notes: &mut Notes,
) -> Vec<PolicyMetric> {
    [
        ("first_reply_time", first_response),
        ("total_resolution_time", resolution),
    ]
    .into_iter()
    .map(|(metric, seconds)| {
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
