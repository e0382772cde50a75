//! The bot in front of the queues: for one message, whether it may answer,
//! must hand over to a person (and why), holds the conversation until
//! someone who speaks the language is on shift, or leaves the message to
//! the team's routes.
//!
//! One message is all the router sees, so `after_turns` never fires here:
//! every message is read as the first of its conversation.

use jiff::Timestamp;

use super::matcher::{Hit, Owner};
use super::{Author, BotAction, BotDecision, BotReason, Coverage, ResponseReason, Router};
use crate::ir::Ir;
use crate::model::{Audience, Unstaffed};

/// The bot's rules with its tags, severities and queue looked up once.
#[derive(Debug)]
pub(super) struct BotRules {
    /// By tag index: one of the bot's intents (descendants included).
    intent: Vec<bool>,
    /// By tag index: a hand-off tag (descendants included).
    handoff_tag: Vec<bool>,
    /// By severity index: handed over at once.
    handoff_severity: Vec<bool>,
    personal_data: bool,
    audience: Vec<Audience>,
    languages: Vec<String>,
    queue: String,
    /// The hand-off queue's team, for who is on shift.
    team: Option<usize>,
    unstaffed: Unstaffed,
}

/// What the bot looks at in a message, from the phases before it.
struct Seen<'a> {
    tag_ids: &'a [usize],
    severity: usize,
    audience: Audience,
    language: &'a str,
    response_reason: &'a ResponseReason<'a>,
    hits: &'a [Hit],
}

impl BotRules {
    /// `queue_team` gives each of the IR's queues its team.
    pub(super) fn new(ir: &Ir, queue_team: &[usize]) -> Option<BotRules> {
        let bot = ir.bot.as_ref()?;
        let h = &bot.handoff;
        let of_tags = |ids: &[String]| ir.tags.iter().map(|t| ids.contains(&t.id)).collect();
        Some(BotRules {
            intent: of_tags(&bot.intents),
            handoff_tag: of_tags(&h.tags),
            handoff_severity: ir
                .severities
                .iter()
                .map(|s| h.severities.contains(&s.id))
                .collect(),
            personal_data: h.personal_data,
            audience: h.audience.clone(),
            languages: bot.languages.clone(),
            queue: h.queue.clone(),
            team: ir
                .queues
                .iter()
                .position(|q| q.id == h.queue)
                .and_then(|q| queue_team.get(q).copied()),
            unstaffed: h.unstaffed,
        })
    }

    /// The hand-off conditions first (any message, the bot's questions or
    /// not, goes to a person when one holds), then whether the message is
    /// the bot's to answer. `covered` says who is on shift for a team in
    /// the message's language.
    fn decide<'r>(
        &'r self,
        ir: &'r Ir,
        seen: &Seen,
        keyword: impl Fn(&Hit) -> (&'r str, &'r str),
        covered: impl Fn(usize) -> Coverage<'r>,
    ) -> BotDecision<'r> {
        let reasons = self.handoff_reasons(ir, seen, keyword);
        if !reasons.is_empty() {
            let unstaffed = self
                .team
                .is_none_or(|t| matches!(covered(t), Coverage::Uncovered));
            let urgent = reasons
                .iter()
                .any(|r| matches!(r, BotReason::Severity { .. }));
            let action = if unstaffed && !urgent && self.unstaffed == Unstaffed::Hold {
                BotAction::Holds
            } else {
                BotAction::HandsOff
            };
            return BotDecision {
                action,
                reasons,
                queue: Some(&self.queue),
                unstaffed,
            };
        }
        let outside = if !self.languages.iter().any(|l| l == seen.language) {
            Some(BotReason::Language)
        } else if seen.tag_ids.is_empty() {
            Some(BotReason::Untagged)
        } else {
            seen.tag_ids
                .iter()
                .find(|&&t| !self.intent[t])
                .map(|&t| BotReason::NotAnIntent {
                    tag: &ir.tags[t].id,
                })
        };
        match outside {
            Some(reason) => BotDecision {
                action: BotAction::Passes,
                reasons: vec![reason],
                queue: None,
                unstaffed: false,
            },
            None => BotDecision {
                action: BotAction::Answers,
                reasons: Vec::new(),
                queue: None,
                unstaffed: false,
            },
        }
    }

    fn handoff_reasons<'r>(
        &self,
        ir: &'r Ir,
        seen: &Seen,
        keyword: impl Fn(&Hit) -> (&'r str, &'r str),
    ) -> Vec<BotReason<'r>> {
        let mut reasons = Vec::new();
        if self.handoff_severity.get(seen.severity) == Some(&true) {
            reasons.push(BotReason::Severity {
                severity: &ir.severities[seen.severity].id,
            });
        }
        reasons.extend(
            seen.tag_ids
                .iter()
                .filter(|&&t| self.handoff_tag[t])
                .map(|&t| BotReason::Tag {
                    tag: &ir.tags[t].id,
                }),
        );
        if self.personal_data
            && matches!(
                seen.response_reason,
                ResponseReason::ContainsPersonalData | ResponseReason::TagNeedsPersonalData { .. }
            )
        {
            reasons.push(BotReason::PersonalData);
        }
        if self.audience.contains(&seen.audience) {
            reasons.push(BotReason::Audience {
                audience: seen.audience,
            });
        }
        if let Some(hit) = seen
            .hits
            .iter()
            .find(|h| matches!(h.owner, Owner::AsksForPerson))
        {
            let (keyword, lang) = keyword(hit);
            reasons.push(BotReason::AsksForPerson {
                keyword,
                lang,
                start: hit.start,
                end: hit.end,
            });
        }
        reasons
    }
}

impl Router {
    /// The bot's part of a decision, when the playbook has a bot.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn bot_decision(
        &self,
        tag_ids: &[usize],
        severity: usize,
        author: &Author,
        lang: &str,
        response_reason: &ResponseReason,
        hits: &[Hit],
        at: Timestamp,
    ) -> Option<BotDecision<'_>> {
        let rules = self.bot.as_ref()?;
        let seen = Seen {
            tag_ids,
            severity,
            audience: author.audience,
            language: lang,
            response_reason,
            hits,
        };
        Some(rules.decide(
            &self.ir,
            &seen,
            |hit| (self.keyword(hit), self.matcher.language(hit.lang)),
            |team| self.coverage(team, lang, at),
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Author, MessageKind, Unstaffed};
    use crate::router::{BotAction, BotReason, DecideOptions, Message, Router};

    fn bundled_ir() -> crate::ir::Ir {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let validated = crate::validate(&dir, &Default::default()).expect("bundled playbook");
        crate::ir::lower(validated.valid().expect("valid"))
    }

    fn message(text: &str, lang: &str, at: jiff::Timestamp, vip: bool) -> Message {
        Message {
            id: "m".into(),
            channel: "x".into(),
            kind: MessageKind::Public,
            text: text.into(),
            received_at: at,
            lang: Some(lang.into()),
            author: vip.then_some(Author {
                handle: None,
                followers: 0,
                vip: true,
            }),
        }
    }

    /// A VIP waits with the bot while nobody on shift for the hand-off
    /// queue speaks the language; a critical message never waits.
    #[test]
    fn hold_keeps_what_nobody_on_shift_can_take_but_never_a_hand_off_severity() {
        let mut ir = bundled_ir();
        let bot = ir.bot.as_mut().expect("the bundled playbook has a bot");
        bot.handoff.queue = "care-et".into();
        bot.handoff.unstaffed = Unstaffed::Hold;
        let router = Router::new(&ir).expect("router");
        let start: jiff::Timestamp = "2026-03-02T00:00:00Z".parse().expect("instant");
        let at = (0..24 * 7)
            .map(|h| start + jiff::SignedDuration::from_hours(h))
            .find(|&t| !router.staffed("care-tallinn", "ja", t))
            .expect("an hour without a Japanese speaker in Tallinn or Dublin");
        let options = DecideOptions::default();

        let question = message("荷物の持ち込みについて質問があります", "ja", at, true);
        let d = router.decide(&question, &options);
        let bot = d.bot.expect("a bot decision");
        assert_eq!(bot.action, BotAction::Holds, "{bot:?}");
        assert!(bot.unstaffed);
        assert_eq!(bot.queue, Some("care-et"));

        let storm = message(
            "吹雪で空港に足止めされています、フライトが欠航になりました",
            "ja",
            at,
            true,
        );
        let d = router.decide(&storm, &options);
        let bot = d.bot.expect("a bot decision");
        assert_eq!(d.severity, "critical");
        assert_eq!(bot.action, BotAction::HandsOff, "{bot:?}");
        assert!(bot.unstaffed);
    }

    /// The words asking for a person fold as keywords do: a Polish
    /// customer typing without diacritics is heard.
    #[test]
    fn asking_for_a_person_matches_without_diacritics() {
        let router = Router::new(&bundled_ir()).expect("router");
        let at: jiff::Timestamp = "2026-03-03T10:00:00Z".parse().expect("instant");
        let m = message("Czy moge rozmawiac z kims? Mam pytanie", "pl", at, false);
        let d = router.decide(&m, &DecideOptions::default());
        let bot = d.bot.expect("a bot decision");
        assert_eq!(bot.action, BotAction::HandsOff, "{bot:?}");
        assert!(
            bot.reasons.iter().any(|r| matches!(
                r,
                BotReason::AsksForPerson {
                    lang: "pl",
                    start: 9,
                    ..
                }
            )),
            "{:?}",
            bot.reasons
        );
    }
}
