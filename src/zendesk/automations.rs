//! Escalation chains as Zendesk automations. A trigger cannot wait; an
//! automation can, but Zendesk runs automations once an hour and they
//! count whole hours since the ticket was created. So each rung that a
//! person takes is an automation that fires at the first hourly check
//! after the rung is due, never before: up to two hours late for a rung
//! due a few minutes in, which the fidelity notes say rung by rung.
//!
//! A ticket's chain is a tag the triggers add (`carebook_chain_ID`): the
//! deciding severity's chain, replaced by the route's own when the route
//! names one, as in carebook's router.

use super::fidelity::Notes;
use super::sla::{first_of_each_priority, raised_by_boosts};
use super::triggers::chain_marker;
use super::{Action, Condition, Conditions, Ref, Text, Trigger, keys};
use crate::ir::{Ir, IrChain, IrRung};
use crate::model::Priority;

/// An automation has a trigger's fields; it runs on the clock, not on an
/// update.
pub type Automation = Trigger;

const HOUR: u64 = 3600;

pub fn plan(ir: &Ir, notes: &mut Notes) -> Vec<Automation> {
    let mut out = Vec::new();
    for chain in &ir.chains {
        let clocks = clocks(ir, &chain_priorities(ir, &chain.id));
        let object = format!("automation `{}`", keys::of("chain", &chain.id));
        let rungs = walk(ir, chain);
        let roles: Vec<String> = rungs
            .iter()
            .filter_map(|r| r.role.as_deref().map(role_marker))
            .collect();
        let mut due = 0u64;
        for (i, rung) in rungs.into_iter().enumerate() {
            due = due.saturating_add(rung.after_seconds);
            let n = i + 1;
            if rung.automated || (rung.role.is_none() && rung.team.is_none()) {
                notes.add(
                    &object,
                    format!(
                        "rung {n} (automated, {}) is not exported: an automation acts an hour after creation at the earliest; send the acknowledgement from your social integration",
                        span(due)
                    ),
                );
                continue;
            }
            let hours = due.div_ceil(HOUR).max(1);
            let late = hours * HOUR + HOUR - due;
            for clock in &clocks {
                notes.add(
                    &object,
                    format!(
                        "rung {n} is due {} after the message{}; Zendesk's hourly check runs it {hours} to {} {} after creation, up to {} late",
                        span(due),
                        clock.tickets(clocks.len() > 1),
                        hours + 1,
                        clock.unit(),
                        span(late)
                    ),
                );
                let step = Step {
                    chain,
                    rung,
                    n,
                    hours,
                    roles: &roles,
                };
                out.push(automation(ir, &step, clock, clocks.len() > 1));
            }
            if let Some(role) = &rung.role {
                notes.add(
                    &object,
                    format!(
                        "Zendesk does not know carebook roles: rung {n} adds the tag `{}` for a view of the {role}s",
                        role_marker(role)
                    ),
                );
            }
        }
    }
    out
}

/// A chain's rungs, then those of the chains it continues into (`then`),
/// as carebook's router walks them: a ticket keeps its first chain's tag,
/// so the continuation's rungs are that chain's automations too.
fn walk<'a>(ir: &'a Ir, chain: &'a IrChain) -> Vec<&'a IrRung> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut current = Some(chain);
    while let Some(c) = current {
        if seen.contains(&c.id.as_str()) {
            break;
        }
        seen.push(&c.id);
        out.extend(&c.rungs);
        current = c
            .then
            .as_deref()
            .and_then(|next| ir.chains.iter().find(|x| x.id == next));
    }
    out
}

/// One rung of a chain's walk.
struct Step<'a> {
    chain: &'a IrChain,
    rung: &'a IrRung,
    /// Its place in the walk, from 1.
    n: usize,
    /// Whole hours after which it runs.
    hours: u64,
    /// The role tags of every rung of the walk.
    roles: &'a [String],
}

/// One rung on one clock.
fn automation(ir: &Ir, step: &Step, clock: &Clock, split: bool) -> Automation {
    let Step {
        chain,
        rung,
        n,
        hours,
        roles,
    } = *step;
    let done = rung_marker(&chain.id, n);
    let mut key = keys::variant(&keys::of("chain", &chain.id), &n.to_string());
    if split {
        key = keys::variant(&key, clock.word());
    }
    let mut markers = vec![done.clone()];
    let role = rung.role.as_deref().map(role_marker);
    markers.extend(role.clone());
    let mut actions = Vec::new();
    // The rung takes the ticket over: the role before it lets go, so a
    // role's view lists only what is its own now.
    let earlier: Vec<String> = roles
        .iter()
        .filter(|r| role.as_ref() != Some(*r))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if role.is_some() && !earlier.is_empty() {
        actions.push(Action::new("remove_tags", earlier.join(" ")));
    }
    if let Some(team) = &rung.team
        && ir.teams.iter().any(|t| &t.id == team)
    {
        actions.push(Action {
            field: Text::lit("group_id"),
            value: Text::of(Ref::Group(team.clone())),
        });
    }
    actions.push(Action::add_tags(&markers));
    let who = match (&rung.role, &rung.team) {
        (Some(role), Some(team)) => format!("{role} of {team}"),
        (Some(role), None) => role.clone(),
        (None, Some(team)) => team.clone(),
        (None, None) => String::new(),
    };
    let mut all = vec![
        Condition::new("status", "less_than", "solved"),
        Condition::tags_include(&[chain_marker(&chain.id)]),
        Condition::tags_exclude(&[done]),
        Condition::new("NEW", clock.operator(), (hours - 1).to_string()),
    ];
    // When tickets run on two clocks, the priority says which.
    let mut any: Vec<Condition> = Vec::new();
    if split {
        match clock.priorities.as_slice() {
            [one] => all.push(Condition::priority_is(*one)),
            many => any.extend(many.iter().map(|p| Condition::priority_is(*p))),
        }
    }
    Automation {
        key,
        title: format!("carebook: {} rung {n}: {who}", chain.id),
        description: format!(
            "Escalation chain `{}`, rung {n}: {}{}",
            chain.id,
            who,
            rung.note
                .as_deref()
                .map(|note| format!(". {note}"))
                .unwrap_or_default()
        ),
        active: true,
        conditions: Conditions { all, any },
        actions,
    }
}

/// Which hours a rung counts in: the clock of the ticket's targets, set
/// by its final priority as for the SLA policies.
struct Clock {
    business: bool,
    priorities: Vec<Priority>,
}

impl Clock {
    fn operator(&self) -> &'static str {
        if self.business {
            "greater_than_business_hours"
        } else {
            "greater_than"
        }
    }

    fn word(&self) -> &'static str {
        if self.business {
            "business"
        } else {
            "calendar"
        }
    }

    fn unit(&self) -> &'static str {
        if self.business {
            "business hours"
        } else {
            "hours"
        }
    }

    /// Which tickets, when a chain's tickets run on two clocks.
    fn tickets(&self, split: bool) -> String {
        let names: Vec<&str> = self.priorities.iter().map(|p| p.as_str()).collect();
        match (split, self.business) {
            (false, false) => String::new(),
            (false, true) => " in business hours".to_string(),
            (true, false) => format!(" (priority {})", names.join(", ")),
            (true, true) => format!(" in business hours (priority {})", names.join(", ")),
        }
    }
}

/// The priorities a ticket on this chain can end with: those of the
/// severities that name it and of the severities that can reach a route
/// that names it, raised by any boost.
fn chain_priorities(ir: &Ir, chain: &str) -> Vec<Priority> {
    let lowest = ir.severities.len().saturating_sub(1);
    let mut severities: Vec<usize> = (0..ir.severities.len())
        .filter(|&s| ir.severities[s].escalation.as_deref() == Some(chain))
        .collect();
    for route in ir
        .routes
        .iter()
        .filter(|r| r.escalation.as_deref() == Some(chain))
    {
        let mut reach: Vec<usize> = if route.tags.is_empty() {
            (0..ir.severities.len()).collect()
        } else {
            ir.tags
                .iter()
                .filter(|t| route.tags.contains(&t.id))
                .map(|t| t.severity.unwrap_or(lowest))
                .chain(route.untagged.then_some(lowest))
                .collect()
        };
        if !route.severities.is_empty() {
            reach.retain(|&s| {
                ir.severities
                    .get(s)
                    .is_some_and(|x| route.severities.contains(&x.id))
            });
        }
        severities.extend(reach);
    }
    raised_by_boosts(
        ir,
        severities
            .into_iter()
            .filter_map(|s| ir.severities.get(s).map(|x| x.priority)),
    )
}

/// The clocks tickets can be on: around the clock, business hours, or
/// both, each with the priorities whose targets use it.
fn clocks(ir: &Ir, priorities: &[Priority]) -> Vec<Clock> {
    let firsts = first_of_each_priority(ir);
    let mut out: Vec<Clock> = Vec::new();
    for &p in priorities {
        let business = firsts
            .iter()
            .find(|s| s.priority == p)
            .is_some_and(|s| s.calendar.is_some());
        match out.iter_mut().find(|c| c.business == business) {
            Some(c) => c.priorities.push(p),
            None => out.push(Clock {
                business,
                priorities: vec![p],
            }),
        }
    }
    if out.is_empty() {
        out.push(Clock {
            business: false,
            priorities: Vec::new(),
        });
    }
    out.sort_by_key(|c| c.business);
    out
}

fn rung_marker(chain: &str, n: usize) -> String {
    format!("carebook_escalated_{chain}_{n}")
}

fn role_marker(role: &str) -> String {
    format!("carebook_escalate_to_{role}")
}

/// `5m`, `2h`, `1h 55m`.
pub(super) fn span(seconds: u64) -> String {
    let minutes = seconds.div_ceil(60);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_the_playbook_writes_them() {
        assert_eq!(span(300), "5m");
        assert_eq!(span(7200), "2h");
        assert_eq!(span(6900), "1h 55m");
    }
}
