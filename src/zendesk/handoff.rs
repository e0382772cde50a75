//! The bot's hand-off as Zendesk triggers: a new ticket that meets a
//! hand-off condition Zendesk can see goes to the hand-off queue's group,
//! tagged `carebook_handoff` and with the condition, whatever its route
//! said. They come after the routes, so the hand-off wins, as it does in
//! carebook's router.
//!
//! Zendesk sees tags, the severity the decide triggers set and the
//! integration's VIP and influencer tags; the bot platform, which reads
//! `routing.json`, decides the rest (personal data, asking for a person,
//! bot turns, holding overnight).

use super::fidelity::Notes;
use super::triggers::{INFLUENCER, VIP, severity_marker};
use super::{Action, Condition, Conditions, Ref, Text, Trigger, keys};
use crate::ir::Ir;
use crate::model::{Audience, Unstaffed};

/// Added by the first hand-off trigger that fires.
pub const HANDED_OFF: &str = "carebook_handoff";

fn reason_marker(reason: &str) -> String {
    format!("carebook_handoff_{reason}")
}

pub fn plan(ir: &Ir, notes: &mut Notes) -> Vec<Trigger> {
    let Some(bot) = &ir.bot else {
        return Vec::new();
    };
    let h = &bot.handoff;
    let object = "the bot's hand-off";
    let mut out = Vec::new();
    let team = ir
        .queues
        .iter()
        .find(|q| q.id == h.queue)
        .map(|q| q.team.clone());
    let mut push = |reason: &str, what: String, tags: Vec<String>| {
        if tags.is_empty() {
            return;
        }
        let mut actions = Vec::new();
        if let Some(team) = &team {
            actions.push(Action {
                field: Text::lit("group_id"),
                value: Text::of(Ref::Group(team.clone())),
            });
        }
        actions.push(Action::add_tags(&[
            HANDED_OFF.to_string(),
            reason_marker(reason),
        ]));
        out.push(Trigger {
            key: keys::of("handoff", reason),
            title: format!("carebook: the bot hands {what} to {}", h.queue),
            description: format!(
                "The bot hands {what} to a person: the ticket goes to queue `{}`.",
                h.queue
            ),
            active: true,
            conditions: Conditions {
                all: vec![
                    Condition::on_create(),
                    Condition::tags_exclude(&[HANDED_OFF.to_string()]),
                    Condition::tags_include(&tags),
                ],
                any: Vec::new(),
            },
            actions,
        });
    };
    push(
        "severity",
        format!("severities {}", h.severities.join(", ")),
        h.severities.iter().map(|s| severity_marker(s)).collect(),
    );
    push("tag", format!("tags {}", h.tags.join(", ")), h.tags.clone());
    let audience: Vec<String> = h
        .audience
        .iter()
        .filter_map(|a| match a {
            Audience::Vip => Some(VIP.to_string()),
            Audience::Influencer => Some(INFLUENCER.to_string()),
            Audience::Regular => None,
        })
        .collect();
    push(
        "audience",
        "VIP and influencer authors".to_string(),
        audience,
    );
    if h.audience.contains(&Audience::Regular) {
        notes.add(
            object,
            "regular authors are handed off by the bot platform only: every ticket without a VIP or influencer tag is one",
        );
    }
    if h.personal_data {
        notes.add(
            object,
            "personal data in the message is not exported: the bot platform hands off on it, Zendesk has no detector",
        );
    }
    if !h.asks_for_person.is_empty() {
        notes.add(
            object,
            "the words by which a customer asks for a person are for the bot platform (routing.json), which reads the conversation before Zendesk does",
        );
    }
    if h.after_turns.is_some() {
        notes.add(
            object,
            "the number of bot replies is known to the bot platform only",
        );
    }
    if h.unstaffed == Unstaffed::Hold {
        notes.add(
            object,
            "holding a conversation until someone who speaks the language is on shift is the bot platform's: a ticket in Zendesk is already handed off",
        );
    }
    out
}
