//! Follow-up delays against resolution targets (CB315): a follow-up
//! that fires after the messages it follows were due to be resolved
//! cannot help meet the target, unless it says why it comes later.

use std::collections::BTreeSet;

use super::{Context, TagFacts};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Duration, FollowUp};

pub fn check(cx: &mut Context, facts: &TagFacts) {
    let pb = cx.pb;
    let mut found = Vec::new();
    for rule in &pb.follow_ups {
        if rule.reason.is_some() {
            continue;
        }
        let delay = delay_seconds(cx, rule);
        // The tightest resolution target the delay overruns.
        let overrun = severities(cx, facts, rule)
            .into_iter()
            .map(|s| {
                let sev = &pb.severities[s];
                (super::target_seconds(pb, sev, sev.resolution), s)
            })
            .filter(|&(target, _)| delay > target)
            .min();
        let Some((_, s)) = overrun else { continue };
        let sev = &pb.severities[s];
        let label = cx
            .label(&rule.loc.child("after"))
            .with_message(format!("past `{}`'s resolution target", sev.id));
        found.push(
            Diagnostic::new(
                Code::FollowUpPastResolution,
                format!(
                    "follow-up `{}` waits {} after {}, longer than the {} resolution target of severity `{}`",
                    rule.id,
                    rule.after,
                    trigger(rule),
                    sev.resolution,
                    sev.id
                ),
            )
            .at(label)
            .help(format!(
                "shorten `after` to at most {}, or say in `reason` why the follow-up comes after resolution",
                sev.resolution
            )),
        );
    }
    cx.out.extend(found);
}

/// The delay on its own clock: business days at the length of its
/// calendar's usual open day, as severities' targets are compared.
fn delay_seconds(cx: &Context, rule: &FollowUp) -> u64 {
    let Duration {
        seconds,
        business_days,
        ..
    } = rule.after;
    if business_days == 0 {
        return seconds;
    }
    let day = rule
        .calendar
        .as_ref()
        .and_then(|c| cx.ids.calendars.get(c.as_str()))
        .map_or(86_400, |c| u64::from(c.usual_day_minutes()) * 60);
    u64::from(business_days) * day
}

/// The severities (by index) a message the rule follows can have: its
/// trigger tag's subtree, its trigger macro's tags' subtrees, or every
/// severity when the trigger says nothing of tags.
fn severities(cx: &Context, facts: &TagFacts, rule: &FollowUp) -> BTreeSet<usize> {
    let all = || (0..cx.pb.severities.len()).collect();
    let lowest = cx.pb.severities.len().checked_sub(1);
    let tags = if let Some(tag) = &rule.when.tag {
        facts.expand(std::slice::from_ref(tag))
    } else if let Some(mac) = &rule.when.sent {
        match cx.ids.macros.get(mac.as_str()) {
            Some(m) if !m.tags.is_empty() => facts.expand(&m.tags),
            _ => return all(),
        }
    } else {
        return all();
    };
    tags.into_iter()
        .filter_map(|t| facts.severity[t].or(lowest))
        .collect()
}

/// The trigger in words: "tag `x`", "macro `y` is sent".
fn trigger(rule: &FollowUp) -> String {
    let when = &rule.when;
    if let Some(tag) = &when.tag {
        format!("tag `{tag}`")
    } else if let Some(mac) = &when.sent {
        format!("macro `{mac}` is sent")
    } else if let Some(state) = when.state {
        format!("the state `{}`", state.as_str())
    } else {
        "its trigger".to_string()
    }
}
