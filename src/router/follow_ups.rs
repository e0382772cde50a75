//! The follow-ups one message starts, and when they fall due.
//!
//! A tag trigger fires on the message's tags and a macro trigger on the
//! macros suggested for it. A state trigger needs the conversation's
//! later life (an agent setting it to pending) and never fires from one
//! message. Both clocks start at the message's arrival: for a macro that
//! is the earliest the reply with it can go out.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};

use super::clock::BusinessCalendar;
use super::{FollowUpCause, FollowUpDue, MacroSuggestion};
use crate::ir::{Ir, IrFollowUpTrigger};

/// A day on the wall clock, for business days counted without a calendar
/// (which `validate` rejects; a hand-edited routing file may have one).
const DAY_SECONDS: u64 = 86_400;

/// The follow-up rules with their tag triggers as tag indices.
#[derive(Debug, Default)]
pub(super) struct FollowUpRules {
    /// By rule: for a tag trigger, by tag index whether it fires.
    by_tag: Vec<Option<Vec<bool>>>,
}

impl FollowUpRules {
    pub(super) fn new(ir: &Ir) -> FollowUpRules {
        FollowUpRules {
            by_tag: ir
                .follow_ups
                .iter()
                .map(|f| match &f.when {
                    IrFollowUpTrigger::Tag(ids) => {
                        Some(ir.tags.iter().map(|t| ids.contains(&t.id)).collect())
                    }
                    _ => None,
                })
                .collect(),
        }
    }

    /// The follow-ups `tag_ids` and `macros` start at `at`, in the
    /// playbook's order.
    pub(super) fn due<'r>(
        &self,
        ir: &'r Ir,
        calendars: &BTreeMap<String, BusinessCalendar>,
        tag_ids: &[usize],
        macros: &[MacroSuggestion<'r>],
        at: Timestamp,
    ) -> Vec<FollowUpDue<'r>> {
        let mut out = Vec::new();
        for (rule, by_tag) in ir.follow_ups.iter().zip(&self.by_tag) {
            let because = match (&rule.when, by_tag) {
                (IrFollowUpTrigger::Tag(_), Some(fires)) => tag_ids
                    .iter()
                    .find(|&&t| fires.get(t) == Some(&true))
                    .map(|&t| FollowUpCause::Tag(&ir.tags[t].id)),
                (IrFollowUpTrigger::Macro(id), _) => macros
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| FollowUpCause::Macro(m.id)),
                _ => None,
            };
            let Some(because) = because else {
                continue;
            };
            let calendar = rule.calendar.as_ref().and_then(|c| calendars.get(c));
            let due = match (calendar, rule.after_business_days) {
                (Some(cal), 0) => cal.add(at, rule.after_seconds),
                (Some(cal), days) => cal.add_business_days(at, days),
                (None, 0) => wall_clock(at, rule.after_seconds),
                (None, days) => wall_clock(at, u64::from(days) * DAY_SECONDS),
            };
            out.push(FollowUpDue {
                id: &rule.id,
                because,
                action: rule.action,
                due,
            });
        }
        out
    }
}

fn wall_clock(at: Timestamp, seconds: u64) -> Option<Timestamp> {
    let seconds = i64::try_from(seconds).ok()?;
    at.checked_add(SignedDuration::from_secs(seconds)).ok()
}
