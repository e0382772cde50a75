//! Triggers: the routing matrix as Zendesk ticket triggers, all in one
//! category, every one guarded by `update_type is Create` so a customer's
//! follow-up never re-routes a ticket. Zendesk runs every trigger whose
//! conditions hold, so carebook's "most severe tag decides, first route
//! wins" is kept with marker tags, in this order of positions:
//!
//! 1. `language-*`: a market channel's language into the language field;
//! 2. `tag-*`: each tag's keywords add the tag (incident modes' keywords
//!    too, exported inactive);
//! 3. `decide-*`: most severe tag first, the first one present adds
//!    `carebook_decided` and sets the severity's priority;
//! 4. `boost-*`: VIP, influencer and emergency raise the priority, each once;
//! 5. `schedule-*`: the business-hours schedule of the final priority,
//!    which the SLA policy counts in;
//! 6. `incident-*_queue` (inactive): an incident's queue overrides routes;
//! 7. `route-*`: in the playbook's order, each requires `carebook_routed`
//!    absent and adds it, so the first match wins.

use std::collections::BTreeSet;

use super::fidelity::Notes;
use super::sla::first_of_each_priority;
use super::{Action, Condition, Conditions, Ref, Text, Trigger, keys};
use crate::detect::fold::{needs_word_boundaries, typed_form, umlauts_spelled_out};
use crate::detect::stem::{WordStemmer, shared_start};
use crate::ir::{Ir, IrRoute};
use crate::load::Playbook;
use crate::model::{Audience, ExclusionScope, Keyword, KeywordForm, PerLang, Priority};

/// Added by the first route (or incident queue) that fires.
pub const ROUTED: &str = "carebook_routed";
/// Added by the first decide trigger that fires.
pub const DECIDED: &str = "carebook_decided";
/// Tags a social integration adds for authors carebook would treat as
/// VIPs or influencers: Zendesk knows neither.
pub const VIP: &str = "carebook_vip";
pub const INFLUENCER: &str = "carebook_influencer";

pub fn deciding_marker(tag: &str) -> String {
    format!("carebook_deciding_{tag}")
}
pub fn severity_marker(severity: &str) -> String {
    format!("carebook_severity_{severity}")
}
pub fn incident_marker(incident: &str) -> String {
    format!("carebook_incident_{incident}")
}
pub fn route_marker(route: &str) -> String {
    format!("carebook_route_{route}")
}
/// The escalation chain a ticket follows, for the automations.
pub fn chain_marker(chain: &str) -> String {
    format!("carebook_chain_{chain}")
}
pub fn queue_marker(queue: &str) -> String {
    format!("carebook_queue_{queue}")
}

fn field(r: Ref) -> Text {
    Text::custom_field(r)
}

pub fn plan(pb: &Playbook, ir: &Ir, notes: &mut Notes) -> Vec<Trigger> {
    let mut out = Vec::new();
    languages(ir, &mut out);
    let settable = tags(pb, ir, notes, &mut out);
    incidents_tagging(pb, ir, notes, &mut out);
    decide(ir, &settable, &mut out);
    boosts(pb, ir, notes, &mut out);
    schedules(ir, &mut out);
    incidents_queue(ir, &mut out);
    routes(ir, notes, &mut out);
    not_exported(ir, notes);
    out
}

fn languages(ir: &Ir, out: &mut Vec<Trigger>) {
    for c in &ir.channels {
        let Some(lang) = &c.language else { continue };
        out.push(Trigger {
            key: keys::of("language", &c.id),
            title: format!("carebook: messages on {} are in {lang}", c.id),
            description: format!(
                "Channel `{}` carries one language; a language the integration already set wins.",
                c.id
            ),
            active: true,
            conditions: Conditions {
                all: vec![
                    Condition::on_create(),
                    Condition {
                        field: field(Ref::ChannelField),
                        operator: "is",
                        value: Text::lit(&c.id),
                    },
                    Condition {
                        field: field(Ref::LanguageField),
                        operator: "not_present",
                        value: Text::lit(""),
                    },
                ],
                any: Vec::new(),
            },
            actions: vec![Action {
                field: field(Ref::LanguageField),
                value: Text::lit(lang),
            }],
        });
    }
}

/// A list of keywords as Zendesk conditions: whole words in one
/// "contains at least one of the words" condition; phrases, word parts and
/// words of unspaced scripts (Japanese, Thai) each in a "contains the
/// string" one. Keywords go in the form customers type (NFC): Zendesk does
/// no folding of its own.
struct Keywords {
    words: Vec<String>,
    strings: Vec<String>,
    /// Whole-word phrases that Zendesk matches as substrings.
    phrases: Vec<String>,
    /// Prefixes and word ends that Zendesk matches anywhere in a word.
    parts: Vec<String>,
    /// Stem keywords, exported as their stem: (keyword, stem).
    stems: Vec<(String, String)>,
    /// Exclusions that cancel only the keyword matches they overlap.
    scoped: Vec<String>,
    /// Forms added without diacritics (or with), beyond those written.
    variants: bool,
}

/// The Zendesk form of a keyword list; `ignore_diacritics` is the list's
/// default, which a keyword may override.
fn keywords(list: Option<&PerLang<Vec<Keyword>>>, ignore_diacritics: bool) -> Keywords {
    let mut k = Keywords {
        words: Vec::new(),
        strings: Vec::new(),
        phrases: Vec::new(),
        parts: Vec::new(),
        stems: Vec::new(),
        scoped: Vec::new(),
        variants: false,
    };
    let mut words = BTreeSet::new();
    let mut strings = BTreeSet::new();
    for (lang, keyword) in list
        .into_iter()
        .flatten()
        .flat_map(|(l, ws)| ws.iter().map(move |w| (l, w)))
    {
        let rule = keyword.rule();
        let Some(typed) = typed_form(rule.text, false) else {
            continue;
        };
        if rule.scope == ExclusionScope::Keyword {
            k.scoped.push(keyword.written().to_string());
        }
        let mut forms = vec![typed.clone()];
        if keyword.ignores_diacritics(ignore_diacritics) {
            // The same spellings the router accepts: without diacritics,
            // and German with its umlauts spelled out.
            let spelled = (lang.as_str() == "de")
                .then(|| umlauts_spelled_out(rule.text))
                .flatten();
            for variant in [Some(rule.text.to_string()), spelled]
                .into_iter()
                .flatten()
                .filter_map(|v| typed_form(&v, true))
            {
                if !forms.contains(&variant) {
                    k.variants = true;
                    forms.push(variant);
                }
            }
        }
        let spaced = needs_word_boundaries(&typed);
        for form in forms {
            let form = match rule.form {
                KeywordForm::Stem if spaced && !form.contains(char::is_whitespace) => {
                    match WordStemmer::for_language(lang.as_str()) {
                        // What the router searches for before it compares
                        // stems: the start the word shares with its stem.
                        Some(s) => {
                            let shared = shared_start(&form, &s.stem(&form));
                            k.stems.push((form, shared.clone()));
                            shared
                        }
                        None => form,
                    }
                }
                KeywordForm::Prefix | KeywordForm::Suffix if spaced => {
                    k.parts.push(keyword.written().to_string());
                    form
                }
                KeywordForm::Word if spaced && !form.contains(char::is_whitespace) => {
                    words.insert(form);
                    continue;
                }
                KeywordForm::Word if spaced => {
                    k.phrases.push(form.clone());
                    form
                }
                _ => form,
            };
            strings.insert(form);
        }
    }
    k.words = words.into_iter().collect();
    k.strings = strings.into_iter().collect();
    for list in [&mut k.phrases, &mut k.parts] {
        list.sort();
        list.dedup();
    }
    k.stems.sort();
    k.stems.dedup();
    k
}

impl Keywords {
    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.strings.is_empty()
    }

    /// Conditions that hold when any keyword is in the message.
    fn any(&self) -> Vec<Condition> {
        let mut c = Vec::new();
        if !self.words.is_empty() {
            c.push(Condition::new(
                "comment_includes_word",
                "includes",
                self.words.join(" "),
            ));
        }
        c.extend(
            self.strings
                .iter()
                .map(|s| Condition::new("comment_includes_word", "is", s)),
        );
        c
    }

    /// Conditions that hold when no keyword is in the message.
    fn none(&self) -> Vec<Condition> {
        let mut c = Vec::new();
        if !self.words.is_empty() {
            c.push(Condition::new(
                "comment_includes_word",
                "not_includes",
                self.words.join(" "),
            ));
        }
        c.extend(
            self.strings
                .iter()
                .map(|s| Condition::new("comment_includes_word", "is_not", s)),
        );
        c
    }

    fn report(&self, object: &str, what: &str, notes: &mut Notes) {
        if self.variants {
            notes.add(
                object,
                format!(
                    "{what} match with or without diacritics in carebook; Zendesk gets each one as written and without diacritics, so a spelling with only some of them removed does not match"
                ),
            );
        }
        if !self.phrases.is_empty() {
            notes.add(
                object,
                format!(
                    "{what} that are whole-word phrases ({}) match anywhere in the text in Zendesk, also inside longer words",
                    quoted(&self.phrases)
                ),
            );
        }
        if !self.parts.is_empty() {
            notes.add(
                object,
                format!(
                    "{what} that are word starts or ends ({}) match anywhere inside a word in Zendesk",
                    quoted(&self.parts)
                ),
            );
        }
        if !self.scoped.is_empty() {
            notes.add(
                object,
                format!(
                    "{what} that cancel only the keyword matches they overlap in carebook ({}) cancel the whole tag in Zendesk",
                    quoted(&self.scoped)
                ),
            );
        }
        if !self.stems.is_empty() {
            let stems: Vec<String> = self
                .stems
                .iter()
                .map(|(k, s)| format!("{k} → {s}"))
                .collect();
            notes.add(
                object,
                format!(
                    "{what} matched by stem in carebook go to Zendesk as their stem, matched anywhere ({}), so a word that merely contains the stem matches too",
                    quoted(&stems)
                ),
            );
        }
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One trigger per tag that keywords can set (one per channel when the
/// tag is limited to several); returns the indices of tags a trigger sets.
fn tags(pb: &Playbook, ir: &Ir, notes: &mut Notes, out: &mut Vec<Trigger>) -> BTreeSet<usize> {
    let mut settable = BTreeSet::new();
    for (i, tag) in ir.tags.iter().enumerate() {
        let object = format!("trigger `{}`", keys::of("tag", &tag.id));
        let detect = pb.tags.get(i).map(|t| &t.detect);
        let ignore = detect.is_some_and(|d| d.ignore_diacritics);
        let words = keywords(detect.map(|d| &d.keywords), ignore);
        let excluded = keywords(detect.map(|d| &d.exclude), ignore);
        let context = keywords(detect.map(|d| &d.context), ignore);
        if !tag.patterns.is_empty() {
            notes.add(
                &object,
                format!(
                    "regular expressions are not exported ({}): Zendesk conditions cannot match a pattern{}",
                    quoted(&tag.patterns),
                    if words.is_empty() {
                        "; nothing sets this tag in Zendesk"
                    } else {
                        ", only the keywords set the tag"
                    }
                ),
            );
        }
        if words.is_empty() {
            continue;
        }
        words.report(&object, "keywords", notes);
        excluded.report(&object, "exclusions", notes);
        context.report(&object, "context words", notes);
        if !tag.kinds.is_empty() {
            notes.add(
                &object,
                format!(
                    "only {} messages get this tag in carebook; Zendesk cannot tell a public post from a private message, so the trigger ignores the kind",
                    tag.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" and ")
                ),
            );
        }
        settable.insert(i);
        let channels: Vec<Option<&String>> = if tag.channels.is_empty() {
            vec![None]
        } else {
            tag.channels.iter().map(Some).collect()
        };
        let split = channels.len() > 1;
        // Zendesk cannot put alternatives among the conditions that must
        // all hold: a tag with context words is set when any keyword
        // condition and any context condition hold (the single words in
        // one condition, each other string in its own). One side goes in
        // the trigger's `any`, and each condition of the other side gets a
        // trigger of its own: the side with fewer conditions, so there are
        // as few triggers as can be.
        let keyword_any = words.any();
        let context_any = context.any();
        let (any, alternatives, alternative_name) = if context_any.is_empty() {
            (keyword_any, vec![None], "")
        } else if keyword_any.len() < context_any.len() {
            (
                context_any,
                keyword_any.into_iter().map(Some).collect(),
                "keyword",
            )
        } else {
            (
                keyword_any,
                context_any.into_iter().map(Some).collect(),
                "context",
            )
        };
        let split_alternatives = alternatives.len() > 1;
        for (channel, (n, alternative)) in channels
            .iter()
            .flat_map(|ch| alternatives.iter().enumerate().map(move |c| (*ch, c)))
        {
            let mut all = vec![Condition::on_create()];
            all.extend(alternative.clone());
            if let Some(ch) = channel {
                all.push(Condition {
                    field: field(Ref::ChannelField),
                    operator: "is",
                    value: Text::lit(ch),
                });
            }
            all.extend(excluded.none());
            let (key, title) = match channel {
                Some(ch) if split => (
                    keys::variant(&keys::of("tag", &tag.id), &keys::of("on", ch)),
                    format!("carebook: tag {} on {ch}", tag.id),
                ),
                Some(ch) => (
                    keys::of("tag", &tag.id),
                    format!("carebook: tag {} on {ch}", tag.id),
                ),
                None => (
                    keys::of("tag", &tag.id),
                    format!("carebook: tag {}", tag.id),
                ),
            };
            let (key, title) = if split_alternatives {
                (
                    keys::variant(&key, &format!("{alternative_name}{}", n + 1)),
                    format!(
                        "{title} ({alternative_name} {} of {})",
                        n + 1,
                        alternatives.len()
                    ),
                )
            } else {
                (key, title)
            };
            out.push(Trigger {
                key,
                title,
                description: format!(
                    "A keyword of tag `{}` in the first message adds the tag.",
                    tag.id
                ),
                active: true,
                conditions: Conditions {
                    all,
                    any: any.clone(),
                },
                actions: vec![Action::add_tags(std::slice::from_ref(&tag.id))],
            });
        }
    }
    settable
}

/// Incident modes are switched on by hand: their keyword triggers are
/// exported inactive, and activating them is switching the mode on.
fn incidents_tagging(pb: &Playbook, ir: &Ir, notes: &mut Notes, out: &mut Vec<Trigger>) {
    for (i, inc) in ir.incidents.iter().enumerate() {
        let object = format!("trigger `{}`", keys::of("incident", &inc.id));
        let words = keywords(pb.incidents.get(i).map(|x| &x.triggers), true);
        words.report(&object, "incident keywords", notes);
        let mut all = vec![Condition::on_create()];
        // The incident's tag keeps its exclusions in incident mode too.
        if let Some(t) = ir.tags.iter().position(|t| t.id == inc.tag) {
            let detect = pb.tags.get(t).map(|x| &x.detect);
            let excluded = keywords(
                detect.map(|d| &d.exclude),
                detect.is_some_and(|d| d.ignore_diacritics),
            );
            all.extend(excluded.none());
        }
        out.push(Trigger {
            key: keys::of("incident", &inc.id),
            title: format!("carebook incident mode: {} (keywords)", inc.name),
            description: format!(
                "Incident mode `{}`: activate this trigger and `{}` together to switch it on.",
                inc.id,
                incident_queue_key(&inc.id)
            ),
            active: false,
            conditions: Conditions {
                all,
                any: words.any(),
            },
            actions: vec![Action::add_tags(&[
                inc.tag.clone(),
                incident_marker(&inc.id),
            ])],
        });
    }
}

/// The most severe tag decides: one trigger per tag, most severe first
/// (ties to the earlier tag in the file, tags without severity last).
fn decide(ir: &Ir, settable: &BTreeSet<usize>, out: &mut Vec<Trigger>) {
    let incident_tags: BTreeSet<&str> = ir.incidents.iter().map(|i| i.tag.as_str()).collect();
    let mut order: Vec<usize> = (0..ir.tags.len())
        .filter(|i| settable.contains(i) || incident_tags.contains(ir.tags[*i].id.as_str()))
        .collect();
    order.sort_by_key(|&t| (ir.tags[t].severity.unwrap_or(usize::MAX), t));
    let lowest = ir.severities.last();
    for t in order {
        let tag = &ir.tags[t];
        let severity = tag.severity.and_then(|s| ir.severities.get(s));
        let mut markers = vec![DECIDED.to_string(), deciding_marker(&tag.id)];
        markers.extend(severity.map(|s| severity_marker(&s.id)));
        markers.extend(
            severity
                .or(lowest)
                .and_then(|s| s.escalation.as_deref())
                .map(chain_marker),
        );
        let mut actions = vec![Action::add_tags(&markers)];
        actions.extend(
            severity
                .or(lowest)
                .map(|s| Action::new("priority", s.priority.as_str())),
        );
        out.push(Trigger {
            key: keys::of("decide", &tag.id),
            title: format!("carebook: tag {} decides the priority", tag.id),
            description: format!(
                "The most severe tag decides severity and route; `{}` is severity `{}`.",
                tag.id,
                severity.or(lowest).map_or("(none)", |s| s.id.as_str())
            ),
            active: true,
            conditions: Conditions {
                all: vec![
                    Condition::on_create(),
                    Condition::tags_include(std::slice::from_ref(&tag.id)),
                    Condition::tags_exclude(&[DECIDED.to_string()]),
                ],
                any: Vec::new(),
            },
            actions,
        });
    }
    let mut markers = vec![DECIDED.to_string(), "carebook_untagged".to_string()];
    markers.extend(
        lowest
            .and_then(|s| s.escalation.as_deref())
            .map(chain_marker),
    );
    let mut actions = vec![Action::add_tags(&markers)];
    actions.extend(lowest.map(|s| Action::new("priority", s.priority.as_str())));
    out.push(Trigger {
        key: keys::variant("decide", "untagged"),
        title: "carebook: a message with no tag gets the lowest severity".to_string(),
        description: "No keyword matched: the least severe level's priority and targets apply."
            .to_string(),
        active: true,
        conditions: Conditions {
            all: vec![
                Condition::on_create(),
                Condition::tags_exclude(&[DECIDED.to_string()]),
            ],
            any: Vec::new(),
        },
        actions,
    });
}

fn boosts(pb: &Playbook, ir: &Ir, notes: &mut Notes, out: &mut Vec<Trigger>) {
    let b = &ir.boosts;
    let written = pb
        .boosts
        .first()
        .and_then(|x| x.emergency.as_ref())
        .map(|e| &e.keywords);
    let emergency = keywords(written, true);
    emergency.report("trigger `boost-emergency`", "emergency keywords", notes);
    let kinds: [(&str, u8, Vec<Condition>, Vec<Condition>); 3] = [
        (
            "vip",
            b.vip,
            vec![Condition::tags_include(&[VIP.into()])],
            vec![],
        ),
        (
            "influencer",
            b.influencer,
            vec![Condition::tags_include(&[INFLUENCER.into()])],
            vec![],
        ),
        ("emergency", b.emergency, vec![], emergency.any()),
    ];
    if b.vip > 0 {
        notes.add(
            "trigger `boost-vip`",
            format!(
                "Zendesk does not know who is a VIP: the boost applies to tickets your integration tags `{VIP}`"
            ),
        );
    }
    if let Some(min) = b.influencer_min_followers.filter(|_| b.influencer > 0) {
        notes.add(
            "trigger `boost-influencer`",
            format!(
                "Zendesk does not know follower counts: the boost applies to tickets your integration tags `{INFLUENCER}` (authors with {min} followers or more)"
            ),
        );
    }
    for (kind, steps, all, any) in kinds {
        if steps == 0 || (kind == "emergency" && any.is_empty()) {
            continue;
        }
        let marker = format!("carebook_boost_{kind}");
        for from in Priority::ALL {
            let to = from.raised(steps);
            if to == from {
                continue;
            }
            let mut conditions = vec![
                Condition::on_create(),
                Condition::priority_is(from),
                Condition::tags_exclude(std::slice::from_ref(&marker)),
            ];
            conditions.extend(all.iter().cloned());
            out.push(Trigger {
                key: format!("boost-{kind}-from-{}", from.as_str()),
                title: format!(
                    "carebook: {kind} raises priority {} to {}",
                    from.as_str(),
                    to.as_str()
                ),
                description: format!(
                    "A {kind} message is raised {steps} step(s) once; the tag `{marker}` keeps it from firing twice."
                ),
                active: true,
                conditions: Conditions {
                    all: conditions,
                    any: any.clone(),
                },
                actions: {
                    let (remove, chain) = chain_swap(ir, to);
                    let mut actions = vec![Action::new("priority", to.as_str())];
                    actions.extend(remove);
                    let mut tags = vec![marker.clone()];
                    tags.extend(chain);
                    actions.push(Action::add_tags(&tags));
                    actions
                },
            });
        }
    }
}

/// A boosted ticket takes its new priority's targets and, with them, that
/// severity's escalation chain, as in the router: the other chains' tags
/// go, its own comes. A priority no severity has leaves the chain as it
/// is (the router keeps the message's own targets then).
/// Returns the removal and the tag to add.
fn chain_swap(ir: &Ir, to: Priority) -> (Option<Action>, Option<String>) {
    match ir.severities.iter().find(|s| s.priority == to) {
        Some(target) => swap_to_chain(ir, target.escalation.as_deref()),
        None => (None, None),
    }
}

/// A ticket's chain becomes `chain` (or none): the removal of every other
/// chain's tag, and the tag to add.
fn swap_to_chain(ir: &Ir, chain: Option<&str>) -> (Option<Action>, Option<String>) {
    let others: Vec<String> = ir
        .chains
        .iter()
        .filter(|c| Some(c.id.as_str()) != chain)
        .map(|c| chain_marker(&c.id))
        .collect();
    let remove = (!others.is_empty()).then(|| Action::new("remove_tags", others.join(" ")));
    (remove, chain.map(chain_marker))
}

/// Business-hours targets count in the ticket's schedule: set it from the
/// final priority, whose first severity the router takes targets from.
fn schedules(ir: &Ir, out: &mut Vec<Trigger>) {
    for s in first_of_each_priority(ir) {
        let Some(calendar) = &s.calendar else {
            continue;
        };
        out.push(Trigger {
            key: format!("schedule-{}", s.priority.as_str()),
            title: format!(
                "carebook: {} priority counts business hours of {calendar}",
                s.priority.as_str()
            ),
            description: format!(
                "Severity `{}` runs in the business hours of calendar `{calendar}`.",
                s.id
            ),
            active: true,
            conditions: Conditions {
                all: vec![Condition::on_create(), Condition::priority_is(s.priority)],
                any: Vec::new(),
            },
            actions: vec![Action {
                field: Text::lit("set_schedule"),
                value: Text::of(Ref::Schedule(calendar.clone())),
            }],
        });
    }
}

/// Sending a ticket to a queue: its team's group and, when the queue has
/// business hours of its own, its schedule (replacing the one the
/// priority set, as the router counts in the queue's calendar).
fn queue_actions(ir: &Ir, queue: &str) -> Vec<Action> {
    let Some(q) = ir.queues.iter().find(|q| q.id == queue) else {
        return Vec::new();
    };
    let mut out = vec![Action {
        field: Text::lit("group_id"),
        value: Text::of(Ref::Group(q.team.clone())),
    }];
    if let Some(calendar) = &q.calendar
        && ir.severities.iter().any(|s| s.calendar.is_some())
    {
        out.push(Action {
            field: Text::lit("set_schedule"),
            value: Text::of(Ref::Schedule(calendar.clone())),
        });
    }
    out
}

/// `incident-ID_queue`: the incident's second trigger, which the first
/// one's description names.
fn incident_queue_key(incident: &str) -> String {
    keys::variant(&keys::of("incident", incident), "queue")
}

fn incidents_queue(ir: &Ir, out: &mut Vec<Trigger>) {
    for inc in &ir.incidents {
        let mut actions = Vec::new();
        actions.extend(queue_actions(ir, &inc.queue));
        actions.push(Action::add_tags(&[
            ROUTED.to_string(),
            queue_marker(&inc.queue),
        ]));
        out.push(Trigger {
            key: incident_queue_key(&inc.id),
            title: format!("carebook incident mode: {} (queue)", inc.name),
            description: format!(
                "Incident mode `{}` sends its messages to queue `{}` before any route.",
                inc.id, inc.queue
            ),
            active: false,
            conditions: Conditions {
                all: vec![
                    Condition::on_create(),
                    Condition::tags_include(&[incident_marker(&inc.id)]),
                    Condition::tags_exclude(&[ROUTED.to_string()]),
                ],
                any: Vec::new(),
            },
            actions,
        });
    }
}

/// The audience condition: VIP is the tag `carebook_vip`; influencer is
/// `carebook_influencer` without it; regular is neither. Returns the
/// conditions for `all` and, for "VIP or regular", for `any`.
fn audience(route: &IrRoute) -> (Vec<Condition>, Vec<Condition>) {
    let has = |a: Audience| route.audience.contains(&a);
    let (v, i, r) = (
        has(Audience::Vip),
        has(Audience::Influencer),
        has(Audience::Regular),
    );
    let vip = || vec![VIP.to_string()];
    let infl = || vec![INFLUENCER.to_string()];
    let both = || vec![VIP.to_string(), INFLUENCER.to_string()];
    match (v, i, r) {
        (false, false, false) | (true, true, true) => (vec![], vec![]),
        (true, false, false) => (vec![Condition::tags_include(&vip())], vec![]),
        (false, true, false) => (
            vec![
                Condition::tags_include(&infl()),
                Condition::tags_exclude(&vip()),
            ],
            vec![],
        ),
        (false, false, true) => (vec![Condition::tags_exclude(&both())], vec![]),
        (true, true, false) => (vec![Condition::tags_include(&both())], vec![]),
        (false, true, true) => (vec![Condition::tags_exclude(&vip())], vec![]),
        (true, false, true) => (
            vec![],
            vec![
                Condition::tags_include(&vip()),
                Condition::tags_exclude(&infl()),
            ],
        ),
    }
}

fn routes(ir: &Ir, notes: &mut Notes, out: &mut Vec<Trigger>) {
    for route in &ir.routes {
        let mut all = vec![
            Condition::on_create(),
            Condition::tags_exclude(&[ROUTED.to_string()]),
        ];
        if !route.tags.is_empty() {
            let deciding: Vec<String> = route.tags.iter().map(|t| deciding_marker(t)).collect();
            all.push(Condition::tags_include(&deciding));
        }
        if !route.severities.is_empty() {
            let severities: Vec<String> = route
                .severities
                .iter()
                .map(|s| severity_marker(s))
                .collect();
            all.push(Condition::tags_include(&severities));
        }
        let (audience_all, audience_any) = audience(route);
        all.extend(audience_all);
        if !route.audience.is_empty() && route.audience.len() < 3 {
            notes.add(
                format!("trigger `{}`", keys::of("route", &route.id)),
                format!(
                    "the audience comes from the tags `{VIP}` and `{INFLUENCER}`, which your social integration must add: Zendesk knows neither VIPs nor follower counts"
                ),
            );
        }
        let language = |lang: &String| Condition {
            field: field(Ref::LanguageField),
            operator: "is",
            value: Text::lit(lang),
        };
        let mut actions = Vec::new();
        actions.extend(queue_actions(ir, &route.queue));
        let mut markers = vec![
            ROUTED.to_string(),
            route_marker(&route.id),
            queue_marker(&route.queue),
        ];
        // The route's chain replaces the severity's.
        if route.escalation.is_some() {
            let (remove, chain) = swap_to_chain(ir, route.escalation.as_deref());
            actions.extend(remove);
            markers.extend(chain);
        }
        actions.push(Action::add_tags(&markers));
        let title = format!("carebook route {} to queue {}", route.id, route.queue);
        let description = format!(
            "Route `{}` of the routing matrix (first match wins).",
            route.id
        );
        // Zendesk has one `any` list: when the audience needs it, each
        // language gets a trigger of its own.
        let split = route.languages.len() > 1 && !audience_any.is_empty();
        if split {
            for lang in &route.languages {
                let mut all = all.clone();
                all.push(language(lang));
                out.push(Trigger {
                    key: keys::variant(&keys::of("route", &route.id), lang),
                    title: format!("{title} ({lang})"),
                    description: description.clone(),
                    active: true,
                    conditions: Conditions {
                        all,
                        any: audience_any.clone(),
                    },
                    actions: actions.clone(),
                });
            }
            continue;
        }
        let mut any = audience_any;
        match route.languages.as_slice() {
            [] => {}
            [one] => all.push(language(one)),
            many => any.extend(many.iter().map(language)),
        }
        out.push(Trigger {
            key: keys::of("route", &route.id),
            title,
            description,
            active: true,
            conditions: Conditions { all, any },
            actions,
        });
    }
}

/// What the playbook says that no trigger does.
fn not_exported(ir: &Ir, notes: &mut Notes) {
    if ir.languages.len() > 1 {
        notes.add(
            "language",
            "carebook detects a message's language from its text when the message and channel do not say; Zendesk routes on the language field alone, which your social integration must fill",
        );
    }
    if !ir.incidents.is_empty() {
        for r in ir.routes.iter().filter(|r| r.escalation.is_some()) {
            notes.add(
                format!("trigger `{}`", keys::of("route", &r.id)),
                format!(
                    "in an incident mode the incident's queue trigger routes first, so its tickets keep their severity's chain; carebook gives the ones that match this route its chain `{}`",
                    r.escalation.as_deref().unwrap_or_default()
                ),
            );
        }
    }
    for t in &ir.teams {
        if !t.handover_to.is_empty() {
            notes.add(
                format!("group `{}`", t.id),
                format!(
                    "after-hours hand-over to {} is not exported: Zendesk does not know shifts, so the group keeps its tickets off shift",
                    t.handover_to.join(", ")
                ),
            );
        }
    }
    if let Some(learning) = &ir.learning {
        notes.add(
            "learning",
            format!(
                "carebook also decides tags from {} labelled examples: it drops a keyword tag they make less than {:.0}% likely and adds a tag they make at least {:.0}% likely{}; Zendesk triggers match keywords only, so they tag as carebook would without the examples",
                learning.examples.len(),
                learning.keep_at * 100.0,
                learning.add_at * 100.0,
                if learning.tags.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({} with thresholds of their own)",
                        learning.tags.keys().cloned().collect::<Vec<_>>().join(", ")
                    )
                }
            ),
        );
    }
    if !ir.go_private.is_empty() {
        notes.add(
            "go private",
            "carebook moves a reply to private messages when the message holds personal data; Zendesk has no such detector, so agents decide",
        );
    }
    for tag in &ir.tags {
        if tag.disposition == crate::model::Disposition::Spam {
            notes.add(
                format!("trigger `{}`", keys::of("tag", &tag.id)),
                "spam is tagged, not dropped: deleting tickets by trigger would also delete a real customer's mistake",
            );
        }
    }
}
