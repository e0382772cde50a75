//! Follow-ups as Zendesk automations. Like the escalation rungs, they run
//! at Zendesk's hourly check and count whole hours, so each one acts up to
//! an hour after it is due, which the fidelity notes say rule by rule.
//!
//! What starts the clock, as Zendesk can see it:
//! - a tag: the ticket carries it, counted from creation;
//! - a macro: the exported macro adds [`sent_marker`], counted from the
//!   assignee's last update (sending the macro is one);
//! - a state: the ticket's status, counted from when it took it.
//!
//! A tag or macro follow-up adds [`done_marker`], so it acts once; a state
//! follow-up changes the status it waits on, so it can act again the next
//! time the ticket takes that state.

use super::automations::span;
use super::fidelity::Notes;
use super::sla::usual_day_minutes;
use super::{Action, Condition, Conditions, Trigger, keys};
use crate::ir::{Ir, IrFollowUp, IrFollowUpTrigger};
use crate::model::{ConversationState, FollowUpAction};

/// An automation has a trigger's fields.
pub type Automation = Trigger;

const HOUR: u64 = 3600;

/// The tag an exported macro adds when it starts a follow-up.
pub fn sent_marker(macro_id: &str) -> String {
    format!("carebook_sent_{macro_id}")
}

/// The tag a follow-up adds when it acts, so it acts once.
fn done_marker(id: &str) -> String {
    format!("carebook_followed_up_{id}")
}

/// The tag a reminder leaves for the agent's view.
fn remind_marker(id: &str) -> String {
    format!("carebook_remind_{id}")
}

/// The macros whose sending starts a follow-up.
pub fn started_by_macros(ir: &Ir) -> Vec<&str> {
    ir.follow_ups
        .iter()
        .filter_map(|f| match &f.when {
            IrFollowUpTrigger::Macro(m) => Some(m.as_str()),
            _ => None,
        })
        .collect()
}

pub fn plan(ir: &Ir, notes: &mut Notes) -> Vec<Automation> {
    ir.follow_ups
        .iter()
        .filter_map(|f| automation(ir, f, notes))
        .collect()
}

fn automation(ir: &Ir, f: &IrFollowUp, notes: &mut Notes) -> Option<Automation> {
    let key = keys::of("followup", &f.id);
    let object = format!("automation `{key}`");
    let (wait, business) = wait_seconds(ir, f, &object, notes);
    let hours = wait.div_ceil(HOUR).max(1);
    let late = hours * HOUR + HOUR - wait;
    let unit = if business { "business hours" } else { "hours" };
    let operator = if business {
        "greater_than_business_hours"
    } else {
        "greater_than"
    };
    if business {
        notes.add(
            &object,
            format!(
                "business hours count in the ticket's schedule (set by its priority or queue), not necessarily `{}`",
                f.calendar.as_deref().unwrap_or_default()
            ),
        );
    }
    let mut all = Vec::new();
    let mut actions = Vec::new();
    let mut markers = Vec::new();
    let (since, what) = match &f.when {
        IrFollowUpTrigger::Tag(tags) => {
            if tags.is_empty() {
                return None;
            }
            all.push(Condition::new("status", "less_than", "solved"));
            all.push(Condition::tags_include(tags));
            all.push(Condition::tags_exclude(&[done_marker(&f.id)]));
            markers.push(done_marker(&f.id));
            ("NEW", "creation")
        }
        IrFollowUpTrigger::Macro(m) => {
            all.push(Condition::new("status", "less_than", "solved"));
            all.push(Condition::tags_include(&[sent_marker(m)]));
            all.push(Condition::tags_exclude(&[done_marker(&f.id)]));
            markers.push(done_marker(&f.id));
            notes.add(
                &object,
                format!(
                    "counts from the assignee's last update, not from the macro `{m}` itself: a later update by the assignee starts the wait again"
                ),
            );
            ("assignee_updated_at", "the assignee's last update")
        }
        IrFollowUpTrigger::State(state) => {
            let (status, since, what) = match state {
                ConversationState::WaitingForCustomer => {
                    ("pending", "PENDING", "the ticket became pending")
                }
                ConversationState::OnHold => ("hold", "HOLD", "the ticket was put on hold"),
                ConversationState::Solved => ("solved", "SOLVED", "the ticket was solved"),
            };
            all.push(Condition::new("status", "is", status));
            (since, what)
        }
    };
    all.push(Condition::new(since, operator, (hours - 1).to_string()));
    notes.add(
        &object,
        format!(
            "due {} after {what}; Zendesk's hourly check runs it {hours} to {} {unit} after, up to {} late",
            span(wait),
            hours + 1,
            span(late)
        ),
    );
    let description = match f.action {
        FollowUpAction::Reopen => {
            actions.push(Action::new("status", "open"));
            format!("Follow-up `{}`: re-opens the ticket in its group.", f.id)
        }
        FollowUpAction::Remind => {
            actions.push(Action::new("status", "open"));
            markers.push(remind_marker(&f.id));
            notes.add(
                &object,
                format!(
                    "the reminder re-opens the ticket and tags it `{}` for the agent's view: an automation cannot write to the agent directly here",
                    remind_marker(&f.id)
                ),
            );
            match &f.send {
                Some(m) => format!(
                    "Follow-up `{}`: reminds the assigned agent to send macro `{m}`.",
                    f.id
                ),
                None => format!("Follow-up `{}`: reminds the assigned agent.", f.id),
            }
        }
        FollowUpAction::Close => {
            let status = match &f.when {
                IrFollowUpTrigger::State(ConversationState::Solved) => "closed",
                _ => "solved",
            };
            actions.push(Action::new("status", status));
            if let Some(m) = &f.send {
                notes.add(
                    &object,
                    format!(
                        "closes the ticket without sending macro `{m}`: Zendesk automations cannot add a comment"
                    ),
                );
            }
            format!("Follow-up `{}`: closes the ticket.", f.id)
        }
    };
    if !markers.is_empty() {
        actions.push(Action::add_tags(&markers));
    }
    Some(Automation {
        title: format!("carebook: follow-up {}", f.id),
        key,
        description,
        active: true,
        conditions: Conditions {
            all,
            any: Vec::new(),
        },
        actions,
    })
}

/// The wait in seconds and whether they are business seconds. Business
/// days become the calendar's usual open day each, as the SLA targets'.
fn wait_seconds(ir: &Ir, f: &IrFollowUp, object: &str, notes: &mut Notes) -> (u64, bool) {
    let calendar = f
        .calendar
        .as_deref()
        .and_then(|c| ir.calendars.iter().find(|x| x.id == c));
    match (calendar, f.after_business_days) {
        (None, 0) => (f.after_seconds, false),
        (Some(_), 0) => (f.after_seconds, true),
        (None, days) => (u64::from(days) * 24 * HOUR, false),
        (Some(cal), days) => {
            let per_day = u64::from(usual_day_minutes(ir, &cal.id)) * 60;
            let wait = u64::from(days) * per_day;
            notes.add(
                object,
                format!(
                    "{days} business days are exported as {days} × {} of business time (calendar `{}`'s usual day): Zendesk counts business hours, not days",
                    span(per_day),
                    cal.id
                ),
            );
            (wait, true)
        }
    }
}
