//! A decision as lines a person reads: which rule set which tag, which tag
//! decided, which route, shift and hand-over, and why the deadlines are
//! what they are.

use super::{
    Boost, BotAction, BotDecision, BotReason, Clock, Coverage, Decision, FollowUpCause,
    LanguageSource, Message, ResponseReason, Rule,
};
use crate::detect::language::Identified;
use crate::model::ExclusionScope;

fn rule_text(rule: &Rule) -> String {
    match rule {
        Rule::Keyword { keyword, lang } => format!("keyword \"{keyword}\" ({lang})"),
        Rule::Pattern { pattern } => format!("pattern /{pattern}/"),
        Rule::Incident { incident, keyword } => {
            format!("incident `{incident}` trigger \"{keyword}\"")
        }
        Rule::Learned { probability } => format!(
            "no keyword, but the examples make it {:.0}% likely",
            probability * 100.0
        ),
    }
}

pub fn explain(d: &Decision, message: &Message) -> Vec<String> {
    let mut out = Vec::new();
    if d.tags.is_empty() {
        out.push(format!(
            "tags: none matched; the least severe level `{}` applies",
            d.severity
        ));
    }
    for t in &d.tags {
        let found = message.text.get(t.start..t.end).unwrap_or("");
        let rule = rule_text(&t.rule);
        if let Rule::Learned { .. } = t.rule {
            // The whole message is the evidence: no span to quote.
            out.push(format!("tag {}: {rule}", t.tag));
            continue;
        }
        out.push(format!(
            "tag {}: {rule} matched \"{found}\" at bytes {}..{}",
            t.tag, t.start, t.end
        ));
    }
    for t in &d.without_context {
        let found = message.text.get(t.start..t.end).unwrap_or("");
        let rule = rule_text(&t.rule);
        out.push(format!(
            "not tag {}: {rule} matched \"{found}\" at bytes {}..{}, but none of the tag's context words is in the message",
            t.tag, t.start, t.end
        ));
    }
    for x in &d.doubted {
        let t = &x.hit;
        let found = message.text.get(t.start..t.end).unwrap_or("");
        out.push(format!(
            "not tag {}: {} matched \"{found}\" at bytes {}..{}, but the examples make it only {:.0}% likely",
            t.tag,
            rule_text(&t.rule),
            t.start,
            t.end,
            x.probability * 100.0
        ));
    }
    for x in &d.exclusions {
        let found = message.text.get(x.start..x.end).unwrap_or("");
        let effect = match x.scope {
            ExclusionScope::Message => format!("cancels tag {} in the whole message", x.tag),
            ExclusionScope::Keyword => {
                format!("cancels the matches of tag {} that it overlaps", x.tag)
            }
        };
        out.push(format!(
            "exclusion \"{}\" ({}) matched \"{found}\" at bytes {}..{}: {effect}",
            x.keyword, x.lang, x.start, x.end
        ));
    }
    if let Some(tag) = d.deciding_tag {
        out.push(format!(
            "severity {}: the most severe tag is {tag}",
            d.severity
        ));
    }
    let boosts: Vec<&str> = d
        .boosts
        .iter()
        .map(|b| match b {
            Boost::Vip => "VIP author",
            Boost::Influencer => "influencer author",
            Boost::Emergency => "emergency keyword",
        })
        .collect();
    if boosts.is_empty() {
        out.push(format!(
            "priority {}: from severity {}",
            priority(d),
            d.severity
        ));
    } else {
        out.push(format!(
            "priority {}: severity {} raised by {}",
            priority(d),
            d.severity,
            boosts.join(", ")
        ));
    }
    let source = match d.language_source {
        LanguageSource::Message => "given on the message",
        LanguageSource::Channel => "the channel's language",
        LanguageSource::Detected => match d.detected_by {
            Some(Identified::Script) => "detected from the text (its script)",
            Some(Identified::Evidence) => {
                "detected from the text (its keywords, words and letters)"
            }
            _ => "detected from the text (trigram statistics)",
        },
        LanguageSource::Default => {
            "the playbook default: the text did not decide between the playbook's languages"
        }
    };
    out.push(format!("language {}: {source}", d.language));
    match (d.route, d.queue) {
        (_, Some(q)) if d.incident.is_some() => out.push(format!(
            "queue {q}: incident mode `{}`",
            d.incident.unwrap_or_default()
        )),
        (Some(r), Some(q)) => out.push(format!(
            "route {r} → queue {q} (team {})",
            d.team.unwrap_or("?")
        )),
        _ => out.push("route: none matched; the message reaches no queue".to_string()),
    }
    match &d.coverage {
        Coverage::OnShift { team, shift } => {
            out.push(format!("covered by {team} on shift {shift}"))
        }
        Coverage::Handover { team, shift, from } => out.push(format!(
            "{from} is off shift; handed over to {team} on shift {shift}"
        )),
        Coverage::Uncovered => out.push(format!(
            "UNCOVERED: nobody who speaks {} is on shift",
            d.language
        )),
        Coverage::NoQueue => {}
    }
    let clock = match &d.clock {
        Clock::Always => "24/7".to_string(),
        Clock::Business { calendar } => format!("business hours of {calendar}"),
    };
    let due = |t: &Option<jiff::Timestamp>| {
        t.map_or("never (no open hours)".to_string(), |t| t.to_string())
    };
    out.push(format!(
        "first response due {}, resolution due {} ({clock})",
        due(&d.first_response_due),
        due(&d.resolution_due)
    ));
    for (i, rung) in d.escalation.iter().enumerate() {
        let who = match (rung.automated, rung.role, rung.team) {
            (true, _, _) => "automated step".to_string(),
            (_, Some(role), Some(team)) => format!("{role} in {team}"),
            (_, Some(role), None) => role.to_string(),
            (_, None, Some(team)) => team.to_string(),
            _ => "?".to_string(),
        };
        out.push(format!(
            "escalation {} ({}): {who} by {}",
            i + 1,
            rung.chain,
            due(&rung.due)
        ));
    }
    let reason = match &d.response_reason {
        ResponseReason::PrivateMessage => "it is a private message".to_string(),
        ResponseReason::ContainsPersonalData => {
            let kinds: Vec<String> = d.personal_data.iter().map(|f| f.kind.id()).collect();
            format!("it contains personal data ({})", kinds.join(", "))
        }
        ResponseReason::TagNeedsPersonalData { tag } => format!("tag {tag} needs personal data"),
        ResponseReason::General => "nothing calls for privacy".to_string(),
    };
    out.push(format!("reply {}: {reason}", mode(d)));
    if !d.macros.is_empty() {
        let m: Vec<String> = d
            .macros
            .iter()
            .map(|m| format!("{} ({})", m.id, m.lang))
            .collect();
        out.push(format!("macros: {}", m.join(", ")));
    }
    if let Some(bot) = &d.bot {
        out.push(bot_line(bot, d, message));
    }
    for f in &d.follow_ups {
        let because = match f.because {
            FollowUpCause::Tag(tag) => format!("tag {tag}"),
            FollowUpCause::Macro(m) => format!("macro {m} (if sent at once)"),
        };
        out.push(format!(
            "follow-up {}: {because} starts it; {} due {}",
            f.id,
            follow_up_action(f.action),
            due(&f.due)
        ));
    }
    out
}

fn follow_up_action(action: crate::model::FollowUpAction) -> &'static str {
    match action {
        crate::model::FollowUpAction::Reopen => "re-open",
        crate::model::FollowUpAction::Remind => "reminder",
        crate::model::FollowUpAction::Close => "close",
    }
}

/// The bot's decision and every reason for it.
fn bot_line(bot: &BotDecision, d: &Decision, message: &Message) -> String {
    let reasons: Vec<String> = bot
        .reasons
        .iter()
        .map(|r| match r {
            BotReason::AsksForPerson {
                keyword,
                lang,
                start,
                end,
            } => format!(
                "asks for a person (\"{keyword}\" ({lang}) matched \"{}\" at bytes {start}..{end})",
                message.text.get(*start..*end).unwrap_or("")
            ),
            BotReason::Language => format!("the bot does not answer in {}", d.language),
            other => bot_reason(other, false),
        })
        .collect();
    let why = reasons.join(", ");
    let queue = bot.queue.unwrap_or("?");
    match bot.action {
        BotAction::Answers => {
            "bot answers: one of its intents, and no hand-off condition holds".to_string()
        }
        BotAction::Passes => format!("bot passes it to the team's route: {why}"),
        BotAction::HandsOff if bot.unstaffed => format!(
            "bot hands off to {queue}: {why}; nobody who speaks {} is on shift there, it waits in the queue",
            d.language
        ),
        BotAction::HandsOff => format!("bot hands off to {queue}: {why}"),
        BotAction::Holds => format!(
            "bot holds it with its holding reply: {why}; nobody who speaks {} is on shift for {queue} yet",
            d.language
        ),
    }
}

/// One reason of the bot's, in a few words (`short`, for the table) or
/// a phrase.
pub fn bot_reason(reason: &BotReason, short: bool) -> String {
    match (reason, short) {
        (BotReason::Severity { severity }, true) => severity.to_string(),
        (BotReason::Severity { severity }, false) => format!("severity {severity}"),
        (BotReason::Tag { tag }, true) => format!("tag {tag}"),
        (BotReason::Tag { tag }, false) => format!("hand-off tag {tag}"),
        (BotReason::PersonalData, _) => "personal data".to_string(),
        (BotReason::Audience { audience }, true) => audience.as_str().to_string(),
        (BotReason::Audience { audience }, false) => format!("{} author", audience.as_str()),
        (BotReason::AsksForPerson { .. }, _) => "asks for a person".to_string(),
        (BotReason::NotAnIntent { tag }, true) => format!("tag {tag}"),
        (BotReason::NotAnIntent { tag }, false) => format!("tag {tag} is none of its intents"),
        (BotReason::Untagged, true) => "no tag".to_string(),
        (BotReason::Untagged, false) => "no tag matched".to_string(),
        (BotReason::Language, _) => "language".to_string(),
    }
}

pub fn priority(d: &Decision) -> &'static str {
    d.priority.as_str()
}

pub fn mode(d: &Decision) -> &'static str {
    d.response_mode.as_str()
}
