//! A sample's expectations of the bot and the follow-ups.

use crate::model::{
    BotOutcome, Expectation, FollowUpExpectation, HandoffCondition, HandoffExpectation,
};
use crate::router::{BotAction, BotReason, Decision};

/// Checks `expect.bot`, `expect.handoff` and `expect.follow_ups`,
/// reporting each that does not hold through `check`.
pub(super) fn compare(
    e: &Expectation,
    d: &Decision,
    check: &mut impl FnMut(&'static str, bool, String, String),
) {
    let action = d.bot.as_ref().map(|b| b.action);
    if let Some(want) = e.bot {
        check(
            "bot",
            action == Some(action_of(want)),
            outcome_name(want).to_string(),
            action.map_or("(no bot)", action_name).to_string(),
        );
    }
    if let Some(want) = &e.handoff {
        let reasons: Vec<HandoffCondition> = d
            .bot
            .iter()
            .filter(|b| matches!(b.action, BotAction::HandsOff | BotAction::Holds))
            .flat_map(|b| b.reasons.iter().filter_map(condition))
            .collect();
        let actual = if reasons.is_empty() {
            "false".to_string()
        } else {
            let names: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
            format!("true ({})", names.join(", "))
        };
        match want {
            HandoffExpectation::Whether(yes) => check(
                "handoff",
                *yes != reasons.is_empty(),
                yes.to_string(),
                actual,
            ),
            HandoffExpectation::Because(why) => check(
                "handoff",
                reasons.contains(why),
                format!("true ({})", why.as_str()),
                actual,
            ),
        }
    }
    if let Some(want) = &e.follow_ups {
        let mut expected: Vec<String> = want.iter().map(follow_up_text).collect();
        // An expectation without an instant takes whatever is due.
        let mut got: Vec<String> = d
            .follow_ups
            .iter()
            .map(|f| {
                let timed = want
                    .iter()
                    .any(|w| w.id() == f.id && matches!(w, FollowUpExpectation::Due { .. }));
                match (timed, f.due) {
                    (true, Some(due)) => format!("{} due {due}", f.id),
                    (true, None) => format!("{} due never", f.id),
                    (false, _) => f.id.to_string(),
                }
            })
            .collect();
        expected.sort();
        got.sort();
        check(
            "follow_ups",
            expected == got,
            super::list(&expected),
            super::list(&got),
        );
    }
}

fn follow_up_text(f: &FollowUpExpectation) -> String {
    match f {
        FollowUpExpectation::Id(id) => id.to_string(),
        FollowUpExpectation::Due { id, due } => format!("{id} due {}", due.0),
    }
}

fn condition(reason: &BotReason) -> Option<HandoffCondition> {
    match reason {
        BotReason::Severity { .. } => Some(HandoffCondition::Severity),
        BotReason::Tag { .. } => Some(HandoffCondition::Tag),
        BotReason::PersonalData => Some(HandoffCondition::PersonalData),
        BotReason::Audience { .. } => Some(HandoffCondition::Audience),
        BotReason::AsksForPerson { .. } => Some(HandoffCondition::AsksForPerson),
        BotReason::NotAnIntent { .. } | BotReason::Untagged | BotReason::Language => None,
    }
}

fn action_of(outcome: BotOutcome) -> BotAction {
    match outcome {
        BotOutcome::Answers => BotAction::Answers,
        BotOutcome::HandsOff => BotAction::HandsOff,
        BotOutcome::Holds => BotAction::Holds,
        BotOutcome::Passes => BotAction::Passes,
    }
}

fn outcome_name(outcome: BotOutcome) -> &'static str {
    action_name(action_of(outcome))
}

/// The action as a sample writes it.
fn action_name(action: BotAction) -> &'static str {
    match action {
        BotAction::Answers => "answers",
        BotAction::HandsOff => "hands-off",
        BotAction::Holds => "holds",
        BotAction::Passes => "passes",
    }
}
