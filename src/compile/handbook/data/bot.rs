//! The bot and the follow-ups, for the handbook: what the bot answers and
//! when an agent takes over, and which conversations come back to the
//! team and when.

use serde::Serialize;

use super::{LangText, LangWords, Names};
use crate::load::Playbook;
use crate::model::{Audience, ConversationState, FollowUpAction, TagFacts, Unstaffed};

#[derive(Debug, Clone, Serialize)]
pub struct BotAndFollowUps {
    pub bot: Option<BotGuide>,
    pub follow_ups: Vec<FollowUpRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BotGuide {
    /// The tags it answers, with their descendants: `label` (`id`).
    pub intents: Vec<String>,
    /// The languages' names; every language of the playbook when it
    /// lists none.
    pub languages: Vec<String>,
    pub queue: String,
    pub queue_name: String,
    /// The hand-off conditions, worded, in the playbook's order.
    pub handoff: Vec<String>,
    pub asks_for_person: Vec<LangWords>,
    /// Whether the bot keeps a conversation nobody on shift can take.
    pub holds: bool,
    pub holding_reply: Vec<LangText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpRow {
    pub id: String,
    /// What starts it, worded.
    pub when: String,
    /// `2bd in Dublin office hours`, `24h`.
    pub after: String,
    /// What happens, worded.
    pub then: String,
    pub reason: Option<String>,
}

pub(super) fn bot_and_follow_ups(pb: &Playbook, names: &Names) -> BotAndFollowUps {
    BotAndFollowUps {
        bot: pb.bots.first().map(|b| bot(pb, b, names)),
        follow_ups: pb
            .follow_ups
            .iter()
            .map(|f| {
                let when = match (&f.when.tag, &f.when.sent, f.when.state) {
                    (Some(tag), _, _) => format!("the conversation gets the tag {tag}"),
                    (None, Some(m), _) => format!("an agent sends the macro {m}"),
                    (None, None, Some(state)) => match state {
                        ConversationState::WaitingForCustomer => {
                            "the team waits for the customer's answer".to_string()
                        }
                        ConversationState::OnHold => "the conversation is put on hold".to_string(),
                        ConversationState::Solved => "the conversation is solved".to_string(),
                    },
                    (None, None, None) => String::new(),
                };
                let after = match &f.calendar {
                    Some(c) => {
                        format!("{} in the hours of {}", f.after, names.calendar(c.as_str()))
                    }
                    None => f.after.to_string(),
                };
                let send = f.send.as_ref().map(|m| m.to_string());
                let then = match (f.action, send) {
                    (FollowUpAction::Reopen, _) => {
                        "it comes back to the queue it was in".to_string()
                    }
                    (FollowUpAction::Remind, Some(m)) => {
                        format!("the assigned agent is reminded to send {m}")
                    }
                    (FollowUpAction::Remind, None) => "the assigned agent is reminded".to_string(),
                    (FollowUpAction::Close, Some(m)) => format!("it is closed with {m}"),
                    (FollowUpAction::Close, None) => "it is closed".to_string(),
                };
                FollowUpRow {
                    id: f.id.to_string(),
                    when,
                    after,
                    then,
                    reason: f.reason.clone(),
                }
            })
            .collect(),
    }
}

fn bot(pb: &Playbook, b: &crate::model::Bot, names: &Names) -> BotGuide {
    let facts = TagFacts::new(&pb.tags, &pb.severities);
    let tags = |ids: &[crate::model::Id]| -> Vec<String> {
        facts
            .expand(ids)
            .into_iter()
            .map(|i| format!("{} ({})", names.tag_label(i), pb.tags[i].id))
            .collect()
    };
    let h = &b.handoff;
    let mut handoff = Vec::new();
    if !h.severities.is_empty() {
        let list: Vec<&str> = h.severities.iter().map(|s| s.as_str()).collect();
        handoff.push(format!("a message of severity {}", list.join(" or ")));
    }
    if !h.tags.is_empty() {
        handoff.push(format!("a message tagged {}", tags(&h.tags).join(", ")));
    }
    if h.personal_data {
        handoff.push("a message that holds personal data, or whose tag needs some".to_string());
    }
    if !h.audience.is_empty() {
        let who: Vec<&str> = h
            .audience
            .iter()
            .map(|a| match a {
                Audience::Vip => "a VIP",
                Audience::Influencer => "an influencer",
                Audience::Regular => "a regular customer",
            })
            .collect();
        handoff.push(format!("a message from {}", who.join(" or ")));
    }
    if !h.asks_for_person.is_empty() {
        handoff.push("a customer who asks for a person (the words below)".to_string());
    }
    if let Some(n) = h.after_turns {
        handoff.push(format!(
            "a conversation the bot has answered {n} time{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    let languages = if b.languages.is_empty() {
        pb.languages.iter().map(|l| l.name.clone()).collect()
    } else {
        b.languages
            .iter()
            .map(|l| names.language(l.as_str()))
            .collect()
    };
    BotGuide {
        intents: tags(&b.intents),
        languages,
        queue: h.queue.to_string(),
        queue_name: names.queue(h.queue.as_str()),
        handoff,
        asks_for_person: names.lang_words(&h.asks_for_person),
        holds: h.unstaffed == Unstaffed::Hold,
        holding_reply: names.lang_texts(&b.holding_reply),
    }
}
