//! The follow-ups one message starts, and when they fall due.
//!
//! A tag trigger fires on the message's tags and a macro trigger on the
//! macros suggested for it. A state trigger needs the conversation's
//! later life (an agent setting it to pending) and never fires from one
//! message. Both clocks start at the message's arrival: for a macro that
//! is the earliest the reply with it can go out.

use jiff::{SignedDuration, Timestamp};

use super::clock::BusinessCalendar;
use super::{FollowUpCause, FollowUpDue, MacroSuggestion};
use crate::ir::{Ir, IrFollowUpTrigger};

/// A day on the wall clock, for business days counted without a calendar
/// (which `validate` rejects; a hand-edited routing file may have one).
const DAY_SECONDS: u64 = 86_400;

/// The follow-up rules with their tag triggers as tag indices and their
/// calendars as positions.
#[derive(Debug, Default)]
pub(super) struct FollowUpRules {
    /// By rule: for a tag trigger, by tag index whether it fires.
    by_tag: Vec<Option<Vec<bool>>>,
    /// By rule: the position of its calendar among the IR's calendars.
    calendar: Vec<Option<usize>>,
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
            calendar: ir
                .follow_ups
                .iter()
                .map(|f| {
                    let id = f.calendar.as_ref()?;
                    ir.calendars.iter().position(|c| c.id == *id)
                })
                .collect(),
        }
    }

    /// The follow-ups `tag_ids` and `macros` start at `at`, in the
    /// playbook's order. `calendars` are the IR's, in its order.
    pub(super) fn due<'r>(
        &self,
        ir: &'r Ir,
        calendars: &[BusinessCalendar],
        tag_ids: &[usize],
        macros: &[MacroSuggestion<'r>],
        at: Timestamp,
    ) -> Vec<FollowUpDue<'r>> {
        let mut out = Vec::new();
        for ((rule, by_tag), calendar) in ir.follow_ups.iter().zip(&self.by_tag).zip(&self.calendar)
        {
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
            let calendar = calendar.and_then(|i| calendars.get(i));
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

#[cfg(test)]
mod tests {
    use crate::ir::{IrFollowUp, IrFollowUpTrigger};
    use crate::model::{FollowUpAction, MessageKind};
    use crate::router::{DecideOptions, FollowUpCause, Message, Router};

    /// A tag follow-up fires on a child of its tag, counted on the wall
    /// clock; the state follow-up never fires from one message.
    #[test]
    fn a_tag_follow_up_fires_on_its_descendants_on_the_wall_clock() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let validated = crate::validate(&dir, &Default::default()).expect("bundled playbook");
        let mut ir = crate::ir::lower(validated.valid().expect("valid"));
        let baggage: Vec<String> = ir
            .tags
            .iter()
            .filter(|t| t.id == "baggage" || t.parent.as_deref() == Some("baggage"))
            .map(|t| t.id.clone())
            .collect();
        ir.follow_ups.push(IrFollowUp {
            id: "bag-traced".into(),
            when: IrFollowUpTrigger::Tag(baggage),
            after_seconds: 3 * 3600,
            after_business_days: 0,
            calendar: None,
            action: FollowUpAction::Reopen,
            send: None,
        });
        let router = Router::new(&ir).expect("router");
        let at: jiff::Timestamp = "2026-03-03T10:00:00Z".parse().expect("instant");
        let m = Message {
            id: "m".into(),
            channel: "x".into(),
            kind: MessageKind::Private,
            text: "My suitcase never arrived in Dublin, lost luggage".into(),
            received_at: at,
            lang: Some("en".into()),
            author: None,
        };
        let d = router.decide(&m, &DecideOptions::default());
        let ids: Vec<&str> = d.follow_ups.iter().map(|f| f.id).collect();
        assert_eq!(ids, ["bag-traced"], "{:?}", d.tags);
        let f = &d.follow_ups[0];
        assert!(matches!(f.because, FollowUpCause::Tag(_)));
        assert_eq!(
            f.due,
            Some("2026-03-03T13:00:00Z".parse().expect("instant"))
        );
    }
}
