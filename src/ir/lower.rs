//! Lowering a checked playbook into the IR: resolve inheritance, expand
//! route tag sets, fold keywords, drop positions.

use std::collections::BTreeMap;

use super::*;
use crate::detect::fold::{fold_keyword, needs_word_boundaries, umlauts_spelled_out};
use crate::load::Playbook;
use crate::model::{Holiday, Keyword, PerLang, TagFacts};

/// Lowers a playbook that `check::run` found free of errors. On a playbook
/// with errors the result is unspecified but never a panic.
pub fn lower(pb: &Playbook) -> Ir {
    let facts = TagFacts::new(&pb.tags, &pb.severities);
    let go_private = pb.voice.first().map(|v| &v.go_private);
    Ir {
        schema_version: SCHEMA_VERSION,
        tzdb_version: crate::tz::version().to_string(),
        playbook: pb.manifest.name.clone(),
        brand: pb.manifest.brand.clone(),
        effective_from: pb.manifest.effective_from.0.to_string(),
        default_language: pb.manifest.default_language.0.clone(),
        default_timezone: pb.manifest.default_timezone.0.clone(),
        languages: pb.languages.iter().map(|l| l.code.0.clone()).collect(),
        channels: channels(pb),
        severities: severities(pb),
        calendars: calendars(pb),
        tags: tags(pb, &facts),
        queues: queues(pb),
        routes: routes(pb, &facts),
        boosts: boosts(pb),
        chains: chains(pb),
        teams: teams(pb),
        shifts: shifts(pb),
        incidents: incidents(pb),
        macros: macros(pb),
        go_private: go_private.map_or_else(Vec::new, |g| g.personal_data.clone()),
        own_personal_data: go_private.map_or_else(Vec::new, |g| g.own_kinds.clone()),
        brand_domains: go_private.map_or_else(Vec::new, |g| g.brand_domains.clone()),
        follow_ups: follow_ups(pb, &facts),
        bot: bot(pb, &facts),
        learning: learning(pb),
    }
}

/// The examples in file order, when the playbook has any.
fn learning(pb: &Playbook) -> Option<IrLearning> {
    if pb.examples.is_empty() {
        return None;
    }
    let trust = pb.manifest.learning.clone().unwrap_or_default();
    Some(IrLearning {
        keep_at: trust.keep_at,
        add_at: trust.add_at,
        tags: trust
            .tags
            .iter()
            .map(|(tag, own)| {
                let both = IrTrust {
                    keep_at: own.keep_at.unwrap_or(trust.keep_at),
                    add_at: own.add_at.unwrap_or(trust.add_at),
                };
                (tag.0.clone(), both)
            })
            .collect(),
        examples: pb
            .examples
            .iter()
            .map(|e| IrExample {
                text: e.text.clone(),
                tags: e.tags.iter().map(|t| t.0.clone()).collect(),
                lang: e.lang.as_ref().map(|l| l.0.clone()),
            })
            .collect(),
    })
}

/// Follow-ups with a tag trigger expanded to the tag's descendants.
fn follow_ups(pb: &Playbook, facts: &TagFacts) -> Vec<IrFollowUp> {
    pb.follow_ups
        .iter()
        .map(|f| {
            let when = match (&f.when.tag, &f.when.sent, f.when.state) {
                (Some(tag), _, _) => {
                    IrFollowUpTrigger::Tag(tag_ids(pb, facts, std::slice::from_ref(tag)))
                }
                (None, Some(m), _) => IrFollowUpTrigger::Macro(m.0.clone()),
                (None, None, Some(state)) => IrFollowUpTrigger::State(state),
                // A trigger without a field fails the schema before here.
                (None, None, None) => IrFollowUpTrigger::Tag(Vec::new()),
            };
            IrFollowUp {
                id: f.id.0.clone(),
                when,
                after_seconds: f.after.seconds,
                after_business_days: f.after.business_days,
                calendar: f.calendar.as_ref().map(|c| c.0.clone()),
                action: f.action,
                send: f.send.as_ref().map(|m| m.0.clone()),
            }
        })
        .collect()
}

/// The bot with its tag lists expanded to descendants and its languages
/// spelled out.
fn bot(pb: &Playbook, facts: &TagFacts) -> Option<IrBot> {
    let b = pb.bots.first()?;
    let h = &b.handoff;
    let languages = if b.languages.is_empty() {
        pb.languages.iter().map(|l| l.code.0.clone()).collect()
    } else {
        b.languages.iter().map(|l| l.0.clone()).collect()
    };
    Some(IrBot {
        intents: tag_ids(pb, facts, &b.intents),
        languages,
        handoff: IrHandoff {
            queue: h.queue.0.clone(),
            severities: h.severities.iter().map(|s| s.0.clone()).collect(),
            tags: tag_ids(pb, facts, &h.tags),
            personal_data: h.personal_data,
            audience: h.audience.clone(),
            asks_for_person: keywords(&h.asks_for_person, true),
            after_turns: h.after_turns,
            unstaffed: h.unstaffed,
        },
        holding_reply: b
            .holding_reply
            .iter()
            .map(|(l, s)| (l.0.clone(), s.clone()))
            .collect(),
    })
}

/// Tag ids with their descendants, in file order.
fn tag_ids(pb: &Playbook, facts: &TagFacts, ids: &[crate::model::Id]) -> Vec<String> {
    facts
        .expand(ids)
        .into_iter()
        .map(|i| pb.tags[i].id.0.clone())
        .collect()
}

/// Each tag with what it inherits, and its keywords folded.
fn tags(pb: &Playbook, facts: &TagFacts) -> Vec<IrTag> {
    pb.tags
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let d = &t.detect;
            IrTag {
                id: t.id.0.clone(),
                parent: t.parent.as_ref().map(|p| p.0.clone()),
                severity: facts.severity[i],
                disposition: facts.disposition[i],
                team: facts.team[i].clone(),
                reply_privately: facts.reply_privately[i],
                keywords: keywords(&d.keywords, d.ignore_diacritics),
                patterns: d.patterns.clone(),
                exclude: keywords(&d.exclude, d.ignore_diacritics),
                context: keywords(&d.context, d.ignore_diacritics),
                channels: d.channels.iter().map(|c| c.0.clone()).collect(),
                kinds: d.kinds.clone(),
            }
        })
        .collect()
}

/// Opening hours as sorted weekly intervals.
fn calendars(pb: &Playbook) -> Vec<IrCalendar> {
    pb.calendars
        .iter()
        .map(|c| {
            let mut hours: Vec<IrWeeklyInterval> = c
                .hours
                .iter()
                .flat_map(|h| {
                    h.days.iter().map(move |d| IrWeeklyInterval {
                        day: d.to_jiff().to_monday_zero_offset() as u8,
                        start: h.start.minutes,
                        end: h.end.minutes,
                    })
                })
                .collect();
            hours.sort_by_key(|h| (h.day, h.start, h.end));
            IrCalendar {
                id: c.id.0.clone(),
                timezone: c.timezone.0.clone(),
                hours,
                holidays: holidays(&c.holidays),
            }
        })
        .collect()
}

/// Routes with their tag sets expanded to every descendant.
fn routes(pb: &Playbook, facts: &TagFacts) -> Vec<IrRoute> {
    pb.routes
        .iter()
        .map(|r| {
            let w = &r.when;
            let tags: Vec<String> = facts
                .expand(&w.tags)
                .into_iter()
                .map(|i| pb.tags[i].id.0.clone())
                .collect();
            IrRoute {
                id: r.id.0.clone(),
                tags,
                untagged: w.takes_untagged(),
                severities: w.severities.iter().map(|s| s.0.clone()).collect(),
                audience: w.audience.clone(),
                languages: w.languages.iter().map(|l| l.0.clone()).collect(),
                queue: r.queue.0.clone(),
                escalation: r.escalation.as_ref().map(|e| e.0.clone()),
            }
        })
        .collect()
}

/// The first boosts entry, or none.
fn boosts(pb: &Playbook) -> IrBoosts {
    pb.boosts
        .first()
        .map_or_else(IrBoosts::default, |b| IrBoosts {
            vip: b.vip,
            influencer_min_followers: b.influencer.as_ref().map(|i| i.min_followers),
            influencer: b.influencer.as_ref().map_or(0, |i| i.raise),
            emergency_keywords: b
                .emergency
                .as_ref()
                .map_or_else(Vec::new, |e| keywords(&e.keywords, true)),
            emergency: b.emergency.as_ref().map_or(0, |e| e.raise),
        })
}

/// Teams with their rota (members with the same shift and languages
/// are one line), holidays and hand-over teams.
fn teams(pb: &Playbook) -> Vec<IrTeam> {
    let calendar_holidays: BTreeMap<&str, Vec<IrHoliday>> = pb
        .calendars
        .iter()
        .map(|c| (c.id.as_str(), holidays(&c.holidays)))
        .collect();
    let mut handovers: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for h in &pb.handovers {
        handovers
            .entry(h.team.as_str())
            .or_default()
            .extend(h.to.iter().map(|t| t.0.clone()));
    }
    pb.teams
        .iter()
        .map(|t| {
            // Members with the same shift and languages are one rota line.
            let mut rota: BTreeMap<(String, Vec<String>), u32> = BTreeMap::new();
            for m in &t.members {
                let mut langs: Vec<String> = m.languages.iter().map(|l| l.0.clone()).collect();
                langs.sort();
                for s in &m.shifts {
                    *rota.entry((s.0.clone(), langs.clone())).or_default() += 1;
                }
            }
            IrTeam {
                id: t.id.0.clone(),
                name: t.name.clone(),
                timezone: t.timezone.0.clone(),
                holidays: t
                    .calendar
                    .as_ref()
                    .and_then(|c| calendar_holidays.get(c.as_str()).cloned())
                    .unwrap_or_default(),
                rota: rota
                    .into_iter()
                    .map(|((shift, languages), members)| IrRota {
                        shift,
                        members,
                        languages,
                    })
                    .collect(),
                handover_to: handovers.get(t.id.as_str()).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

fn channels(pb: &Playbook) -> Vec<IrChannel> {
    pb.channels
        .iter()
        .map(|c| IrChannel {
            id: c.id.0.clone(),
            language: c.language.as_ref().map(|l| l.0.clone()),
        })
        .collect()
}

fn severities(pb: &Playbook) -> Vec<IrSeverity> {
    pb.severities
        .iter()
        .map(|s| IrSeverity {
            id: s.id.0.clone(),
            name: s.name.clone(),
            priority: s.priority,
            first_response_seconds: s.first_response.seconds,
            resolution_seconds: s.resolution.seconds,
            first_response_business_days: s.first_response.business_days,
            resolution_business_days: s.resolution.business_days,
            calendar: match s.hours {
                crate::model::Hours::Always => None,
                crate::model::Hours::Business => s.calendar.as_ref().map(|c| c.0.clone()),
            },
            escalation: s.escalation.as_ref().map(|c| c.0.clone()),
        })
        .collect()
}

fn queues(pb: &Playbook) -> Vec<IrQueue> {
    pb.queues
        .iter()
        .map(|q| IrQueue {
            id: q.id.0.clone(),
            name: q.name.clone(),
            team: q.team.0.clone(),
            calendar: q.calendar.as_ref().map(|c| c.0.clone()),
        })
        .collect()
}

fn chains(pb: &Playbook) -> Vec<IrChain> {
    pb.chains
        .iter()
        .map(|c| IrChain {
            id: c.id.0.clone(),
            rungs: c
                .rungs
                .iter()
                .map(|r| IrRung {
                    after_seconds: r.after.seconds,
                    automated: r.automated,
                    role: r.role.as_ref().map(|x| x.0.clone()),
                    team: r.team.as_ref().map(|x| x.0.clone()),
                    note: r.note.clone(),
                })
                .collect(),
            then: c.then.as_ref().map(|t| t.0.clone()),
        })
        .collect()
}

/// Shifts with their days sorted, without repeats.
fn shifts(pb: &Playbook) -> Vec<IrShift> {
    pb.shifts
        .iter()
        .map(|s| {
            let mut days: Vec<u8> = s
                .days
                .iter()
                .map(|d| d.to_jiff().to_monday_zero_offset() as u8)
                .collect();
            days.sort_unstable();
            days.dedup();
            IrShift {
                id: s.id.0.clone(),
                timezone: s.timezone.0.clone(),
                days,
                start: s.start.minutes,
                end: s.end.minutes,
            }
        })
        .collect()
}

fn incidents(pb: &Playbook) -> Vec<IrIncident> {
    pb.incidents
        .iter()
        .map(|i| IrIncident {
            id: i.id.0.clone(),
            name: i.name.clone(),
            triggers: keywords(&i.triggers, true),
            tag: i.tag.0.clone(),
            queue: i.queue.0.clone(),
            holding_statements: i
                .holding_statements
                .iter()
                .map(|(l, s)| (l.0.clone(), s.clone()))
                .collect(),
            sla_overrides: i
                .sla_overrides
                .iter()
                .map(|o| {
                    (
                        o.severity.0.clone(),
                        (o.first_response.seconds, o.resolution.seconds),
                    )
                })
                .collect(),
            proactive_posts: i
                .proactive_posts
                .iter()
                .map(|p| IrProactivePost {
                    channels: p.channels.iter().map(|c| c.0.clone()).collect(),
                    within_seconds: p.within.seconds,
                    update_every_seconds: p.update_every.seconds,
                    text: p
                        .text
                        .iter()
                        .map(|(l, s)| (l.0.clone(), s.clone()))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn macros(pb: &Playbook) -> Vec<IrMacro> {
    pb.macros
        .iter()
        .map(|m| IrMacro {
            id: m.id.0.clone(),
            title: m.title.clone(),
            tags: m.tags.iter().map(|t| t.0.clone()).collect(),
            channels: m.channels.iter().map(|c| c.0.clone()).collect(),
            kinds: m.kinds.clone(),
            languages: m.text.keys().map(|l| l.0.clone()).collect(),
        })
        .collect()
}

/// The keywords of one list, folded; `ignore_diacritics` is the list's
/// default, which a keyword may override.
fn keywords(per_lang: &PerLang<Vec<Keyword>>, ignore_diacritics: bool) -> Vec<IrKeyword> {
    let mut out: Vec<IrKeyword> = per_lang
        .iter()
        .flat_map(|(lang, words)| {
            words.iter().flat_map(move |w| {
                let rule = w.rule();
                let ignore_diacritics = w.ignores_diacritics(ignore_diacritics);
                // German typed without umlauts is written `ae`, `oe`, `ue`
                // (Kuendigung), not only `a`, `o`, `u`: both forms match.
                let transliterated = (ignore_diacritics && lang.as_str() == "de")
                    .then(|| umlauts_spelled_out(rule.text))
                    .flatten();
                std::iter::once(rule.text.to_string())
                    .chain(transliterated)
                    .filter_map(move |text| {
                        Some(IrKeyword {
                            text: fold_keyword(&text, ignore_diacritics)?,
                            lang: lang.0.clone(),
                            ignore_diacritics,
                            whole_word: needs_word_boundaries(&text),
                            form: rule.form,
                            scope: rule.scope,
                        })
                    })
            })
        })
        .collect();
    out.dedup();
    out
}

fn holidays(list: &[Holiday]) -> Vec<IrHoliday> {
    list.iter()
        .map(|h| IrHoliday {
            name: h.name.clone(),
            from: h.date.0.to_string(),
            until: h.until.unwrap_or(h.date).0.to_string(),
        })
        .collect()
}
