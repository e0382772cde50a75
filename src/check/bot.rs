//! The bot's scope: no tag it may answer is critical, needs personal
//! data or is one it must hand off on (CB316); its holding reply and
//! the words by which customers ask for a person exist in every
//! language it answers (CB318), and the holding reply passes the voice
//! checks of `lint-reply` (CB401-CB410).

use super::voice::{Sent, lint};
use super::{Context, TagFacts};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::At;
use crate::model::{Bot, Channel, MessageKind, Unstaffed};
use crate::voice::{Linter, default_voice};

pub fn check(cx: &mut Context, facts: &TagFacts) {
    let Some(bot) = cx.pb.bots.first() else {
        return;
    };
    unsafe_intents(cx, facts, bot);
    texts(cx, bot);
}

/// The languages the bot answers in, as the manifest orders them.
pub fn languages<'a>(cx: &Context<'a>, bot: &'a Bot) -> Vec<&'a str> {
    cx.pb
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .filter(|code| {
            bot.languages.is_empty() || bot.languages.iter().any(|l| l.as_str() == *code)
        })
        .collect()
}

fn unsafe_intents(cx: &mut Context, facts: &TagFacts, bot: &At<Bot>) {
    let pb = cx.pb;
    let handoff_severities: Vec<usize> = bot
        .handoff
        .severities
        .iter()
        .filter_map(|id| pb.severities.iter().position(|s| s.id == *id))
        .collect();
    let handoff_tags = facts.expand(&bot.handoff.tags);
    let lowest = pb.severities.len().checked_sub(1);
    let mut found = Vec::new();
    for (i, intent) in bot.intents.iter().enumerate() {
        // Each kind of problem with the tags it covers, in file order.
        let mut most_severe = Vec::new();
        let mut handed_off_severity = Vec::new();
        let mut private = Vec::new();
        let mut handed_off_tag = Vec::new();
        for t in facts.expand(std::slice::from_ref(intent)) {
            let name = format!("`{}`", facts.ids[t]);
            match facts.severity[t].or(lowest) {
                Some(0) => most_severe.push(name.clone()),
                Some(s) if handoff_severities.contains(&s) => {
                    handed_off_severity.push(name.clone())
                }
                _ => {}
            }
            if facts.reply_privately[t] {
                private.push(name.clone());
            }
            if handoff_tags.contains(&t) {
                handed_off_tag.push(name);
            }
        }
        let most_severe_level = pb.severities.first().map_or("", |s| s.id.as_str());
        let problems: Vec<String> = [
            (
                most_severe,
                format!("of `{most_severe_level}`, the most severe level"),
            ),
            (
                handed_off_severity,
                "of a severity the bot hands off on".to_string(),
            ),
            (
                private,
                "that need personal data (`reply_privately`)".to_string(),
            ),
            (handed_off_tag, "the bot hands off on".to_string()),
        ]
        .into_iter()
        .filter(|(tags, _)| !tags.is_empty())
        .map(|(tags, what)| format!("{what}: {}", tags.join(", ")))
        .collect();
        if problems.is_empty() {
            continue;
        }
        let label = cx
            .label(&bot.loc.child(format!("intents/{i}")))
            .with_message("the bot may not answer this");
        found.push(
            Diagnostic::new(
                Code::BotAnswersUnsafeTag,
                format!(
                    "the bot may answer `{intent}`, which covers tags {}",
                    problems.join("; tags ")
                ),
            )
            .at(label)
            .help("list only the question tags the bot can answer safely in public, or correct the tag's severity or `reply_privately`"),
        );
    }
    cx.out.extend(found);
}

fn texts(cx: &mut Context, bot: &At<Bot>) {
    let pb = cx.pb;
    let langs = languages(cx, bot);
    let mut out = Vec::new();
    // A holding reply left out altogether is pointed at by what needs it.
    let holding_at = if bot.holding_reply.is_empty() {
        "handoff/unstaffed"
    } else {
        "holding_reply"
    };
    let mut missing = |field: &str, what: &str, has: &dyn Fn(&str) -> bool| {
        let lacking: Vec<String> = langs
            .iter()
            .filter(|l| !has(l))
            .map(|l| format!("`{l}`"))
            .collect();
        if lacking.is_empty() {
            return;
        }
        let label = cx
            .key_label(&bot.loc.child(field))
            .with_message(format!("nothing in {}", lacking.join(", ")));
        out.push(
            Diagnostic::new(
                Code::TextMissingLanguage,
                format!(
                    "the bot's {what} has nothing in {}, which the bot answers in",
                    lacking.join(", ")
                ),
            )
            .at(label)
            .help("write it in those languages, or take them out of `bot.languages`"),
        );
    };
    if bot.handoff.unstaffed == Unstaffed::Hold {
        missing(holding_at, "holding reply", &|l| {
            bot.holding_reply.keys().any(|k| k.as_str() == l)
        });
    }
    if !bot.handoff.asks_for_person.is_empty() {
        missing(
            "handoff/asks_for_person",
            "list of words that ask for a person",
            &|l| {
                bot.handoff
                    .asks_for_person
                    .iter()
                    .any(|(k, words)| k.as_str() == l && !words.is_empty())
            },
        );
    }
    let fallback = default_voice();
    let voice = pb.voice.first().map_or(&fallback, |v| &v.value);
    let linter = Linter::new(voice);
    let channels: Vec<&Channel> = pb.channels.iter().map(|c| &c.value).collect();
    for (lang, text) in &bot.holding_reply {
        let sent = Sent {
            what: "the bot's holding reply".to_string(),
            at: bot.loc.child(format!("holding_reply/{lang}")),
            lang: lang.as_str(),
            text,
            tags: &bot.intents,
            placeholders: None,
        };
        out.extend(lint(
            cx,
            &linter,
            &sent,
            &channels,
            &[MessageKind::Public, MessageKind::Private],
        ));
    }
    cx.out.extend(out);
}
