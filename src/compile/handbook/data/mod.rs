//! The data the handbook templates get. Everything is plain and ordered
//! (vectors in playbook order, languages in the manifest's order, no hash
//! maps), and values that need wording (durations, money, shift times)
//! arrive worded, so a template only lays them out. Playbook text is data
//! here, never template source: a macro's `{{first_name}}` reaches the
//! reader as the playbook writes it.
//!
//! Where the playbook has no field for something a handbook needs, the
//! data derives it from what the playbook does hold: the onboarding
//! worksheet is the role's limits, approvals and macros; the 1:1s are with
//! the people on the same shift in the role one escalates to; the quiz is
//! the sample messages with the router's decisions as the answer key.

mod bot;
mod people;
mod routing;
mod samples;
mod scenarios;
mod tags;
mod voice;

pub use bot::*;
pub use people::*;
pub use routing::*;
pub use samples::*;
pub use scenarios::*;
pub use tags::*;
pub use voice::*;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::clock;
use super::flow::{self, Flow};
use crate::ir::Ir;
use crate::load::{At, Playbook};
use crate::model::{Audience, Disposition, Macro, MessageKind, PerLang};
use crate::router::Router;

/// One handbook: the whole team's, or one role's.
#[derive(Debug, Clone, Serialize)]
pub struct Handbook {
    /// `Aurora Air care handbook` or `Aurora Air care handbook: Agent`.
    pub title: String,
    pub playbook: String,
    pub brand: String,
    pub description: Option<String>,
    pub effective_from: String,
    pub default_timezone: String,
    pub default_language: String,
    /// The role this handbook is for; `None` for the full handbook.
    pub role: Option<RoleRef>,
    pub languages: Vec<LanguageRow>,
    pub channels: Vec<ChannelRow>,
    pub voice: Option<VoiceGuide>,
    pub macros: Vec<MacroEntry>,
    pub tags: Vec<TagEntry>,
    pub routing: Routing,
    /// What the bot answers, when agents take over, and the follow-ups.
    pub bot_and_follow_ups: BotAndFollowUps,
    /// The roles this handbook covers: all, or the one it is for.
    pub roles: Vec<RoleEntry>,
    /// The teams this handbook covers: all, or those with a member in the role.
    pub teams: Vec<TeamEntry>,
    /// The weeks shift times are converted for (`YYYY-MM-DD`, Mondays).
    pub shift_weeks: Vec<String>,
    pub scenarios: Scenarios,
    pub onboarding: Vec<Checklist>,
    pub quiz: Quiz,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageRow {
    pub code: String,
    pub name: String,
}

/// Words per language (keywords, accepted greetings).
#[derive(Debug, Clone, Serialize)]
pub struct LangWords {
    pub lang: String,
    pub words: Vec<String>,
}

/// A text in one language (a macro, a holding statement).
#[derive(Debug, Clone, Serialize)]
pub struct LangText {
    pub lang: String,
    pub lang_name: String,
    pub text: String,
}

/// Everything that is the same in every handbook of one playbook, built
/// once per compile.
pub struct Common {
    base: Handbook,
    all_roles: Vec<RoleEntry>,
    all_teams: Vec<TeamEntry>,
    all_checklists: Vec<Checklist>,
    cases: Vec<SampleCase>,
    /// Team ids with a member in each role.
    role_teams: BTreeMap<String, BTreeSet<String>>,
}

impl Common {
    /// Builds the shared data: every role, team, tag and sample decision.
    pub fn build(pb: &Playbook, ir: &Ir, router: &Router) -> Common {
        let names = Names { pb };
        let cases = samples::sample_cases(pb, router, &names);
        let macros: Vec<MacroEntry> = pb
            .macros
            .iter()
            .map(|m| voice::macro_entry(m, &names))
            .collect();
        // The flow asks the router for every route and the glossary reads
        // every tag's samples: on a large playbook each takes a tenth of a
        // second, so they share the cores.
        let (flow, tags) = std::thread::scope(|scope| {
            let flow = scope.spawn(|| {
                let chain_lines = |id: &str| -> Vec<String> {
                    find(&pb.chains, |c| c.id.as_str() == id)
                        .map(|c| {
                            routing::rungs(c, &names)
                                .into_iter()
                                .map(|r| format!("{} {}", r.at, r.who))
                                .collect()
                        })
                        .unwrap_or_default()
                };
                let tag_label = |i: usize| names.tag_label(i);
                let queue_name = |id: &str| names.queue(id);
                flow::build(
                    router,
                    &flow::Names {
                        tag_label: &tag_label,
                        queue_name: &queue_name,
                        chain_lines: &chain_lines,
                    },
                )
            });
            let tags = tags::tags(pb, ir, router, &cases, &names);
            let flow = flow
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (flow, tags)
        });
        let weeks = clock::weeks(pb.manifest.effective_from.0);
        let all_teams: Vec<TeamEntry> = pb
            .teams
            .iter()
            .map(|t| people::team_entry(pb, t, &weeks, &names))
            .collect();
        let mut role_teams: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for t in &pb.teams {
            for m in &t.members {
                role_teams
                    .entry(m.role.to_string())
                    .or_default()
                    .insert(t.id.to_string());
            }
        }
        let all_roles: Vec<RoleEntry> = pb
            .roles
            .iter()
            .map(|r| people::role_entry(pb, r, &names))
            .collect();
        let questions = samples::quiz(&cases, |_| true).len();
        let all_checklists = pb
            .roles
            .iter()
            .zip(&all_roles)
            .map(|(r, entry)| people::checklist(pb, r, entry, questions, &names))
            .collect();
        let voice = pb
            .voice
            .first()
            .map(|v| voice::voice_guide(pb, &v.value, &names));
        let scenarios = scenarios::scenarios(pb, router, &tags, &macros, &cases, &names);
        let routing = routing::routing(pb, flow, &names);

        let base = Handbook {
            title: format!("{} care handbook", pb.manifest.brand),
            playbook: pb.manifest.name.clone(),
            brand: pb.manifest.brand.clone(),
            description: pb.manifest.description.clone(),
            effective_from: pb.manifest.effective_from.0.to_string(),
            default_timezone: pb.manifest.default_timezone.to_string(),
            default_language: pb.manifest.default_language.to_string(),
            role: None,
            languages: pb
                .languages
                .iter()
                .map(|l| LanguageRow {
                    code: l.code.to_string(),
                    name: l.name.clone(),
                })
                .collect(),
            channels: pb.channels.iter().map(|c| voice::channel_row(c)).collect(),
            voice,
            macros,
            tags,
            routing,
            bot_and_follow_ups: bot::bot_and_follow_ups(pb, &names),
            roles: Vec::new(),
            teams: Vec::new(),
            shift_weeks: weeks.iter().map(|w| w.to_string()).collect(),
            scenarios,
            onboarding: Vec::new(),
            quiz: Quiz {
                questions: Vec::new(),
                for_role: false,
            },
        };
        Common {
            base,
            all_roles,
            all_teams,
            all_checklists,
            cases,
            role_teams,
        }
    }

    /// The tag → queue → chain flow, for drawing.
    pub fn flow(&self) -> &Flow {
        &self.base.routing.flow
    }

    /// Every role's id, in playbook order.
    pub fn role_ids(&self) -> Vec<String> {
        self.all_roles.iter().map(|r| r.id.clone()).collect()
    }

    /// The full handbook: every role and team.
    pub fn full(&self) -> Handbook {
        let mut hb = self.base.clone();
        hb.roles = self.all_roles.clone();
        hb.teams = self.all_teams.clone();
        hb.onboarding = self.all_checklists.clone();
        hb.quiz = Quiz {
            questions: samples::quiz(&self.cases, |_| true),
            for_role: false,
        };
        hb
    }

    /// The handbook of one role; `None` when the playbook has no such role.
    pub fn for_role(&self, role: &str) -> Option<Handbook> {
        let index = self.all_roles.iter().position(|r| r.id == role)?;
        let entry = &self.all_roles[index];
        let teams = self.role_teams.get(role).cloned().unwrap_or_default();
        let mut hb = self.base.clone();
        hb.title = format!("{}: {}", hb.title, entry.name);
        hb.role = Some(RoleRef {
            id: entry.id.clone(),
            name: entry.name.clone(),
        });
        hb.roles = vec![entry.clone()];
        hb.teams = self
            .all_teams
            .iter()
            .filter(|t| teams.contains(&t.id))
            .cloned()
            .map(|mut t| {
                for m in &mut t.members {
                    m.in_role = m.role == role;
                }
                t
            })
            .collect();
        // The quiz keeps to messages the role's teams answer or cover; a
        // role nobody holds yet gets the whole playbook's.
        let relevant = |c: &SampleCase| {
            c.team.as_ref().is_some_and(|t| teams.contains(t))
                || c.covered_by.as_ref().is_some_and(|t| teams.contains(t))
        };
        let questions = samples::quiz(&self.cases, relevant);
        hb.quiz = if questions.is_empty() {
            Quiz {
                questions: samples::quiz(&self.cases, |_| true),
                for_role: false,
            }
        } else {
            Quiz {
                questions,
                for_role: true,
            }
        };
        let mut checklist = self.all_checklists[index].clone();
        checklist.quiz_questions = hb.quiz.questions.len();
        hb.onboarding = vec![checklist];
        Some(hb)
    }
}

/// Looks names up in the playbook; an id that is missing (only in an
/// unchecked playbook) stands for its own name.
pub(super) struct Names<'a> {
    pb: &'a Playbook,
}

impl Names<'_> {
    fn team(&self, id: &str) -> String {
        find(&self.pb.teams, |t| t.id.as_str() == id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    }

    fn role(&self, id: &str) -> String {
        find(&self.pb.roles, |r| r.id.as_str() == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    fn calendar(&self, id: &str) -> String {
        find(&self.pb.calendars, |c| c.id.as_str() == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    fn queue(&self, id: &str) -> String {
        find(&self.pb.queues, |q| q.id.as_str() == id)
            .map_or_else(|| id.to_string(), |q| q.name.clone())
    }

    fn channel(&self, id: &str) -> String {
        find(&self.pb.channels, |c| c.id.as_str() == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    fn language(&self, code: &str) -> String {
        find(&self.pb.languages, |l| l.code.as_str() == code)
            .map_or_else(|| code.to_string(), |l| l.name.clone())
    }

    fn severity(&self, id: &str) -> String {
        find(&self.pb.severities, |s| s.id.as_str() == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    /// A tag's label in the default language, else its first, else its id.
    fn tag_label(&self, i: usize) -> String {
        let Some(tag) = self.pb.tags.get(i) else {
            return String::new();
        };
        tag.label
            .get(self.pb.manifest.default_language.as_str())
            .or_else(|| tag.label.values().next())
            .cloned()
            .unwrap_or_else(|| tag.id.to_string())
    }

    /// Where a language sorts: the manifest's order, unknown codes last.
    fn language_rank(&self, code: &str) -> usize {
        self.pb
            .languages
            .iter()
            .position(|l| l.code.as_str() == code)
            .unwrap_or(usize::MAX)
    }

    /// The entries of a per-language map in the manifest's language order
    /// (ties, unknown codes, alphabetically).
    fn by_language<'m, T>(&self, map: &'m PerLang<T>) -> Vec<(&'m str, &'m T)> {
        let mut entries: Vec<(&str, &T)> = map.iter().map(|(l, v)| (l.as_str(), v)).collect();
        entries.sort_by_key(|(l, _)| (self.language_rank(l), *l));
        entries
    }

    /// Keywords or forms per language, languages in the manifest's order.
    fn lang_words<W: std::fmt::Display>(&self, map: &PerLang<Vec<W>>) -> Vec<LangWords> {
        self.by_language(map)
            .into_iter()
            .filter(|(_, words)| !words.is_empty())
            .map(|(lang, words)| LangWords {
                lang: lang.to_string(),
                words: words.iter().map(ToString::to_string).collect(),
            })
            .collect()
    }

    /// Texts per language, languages in the manifest's order.
    fn lang_texts(&self, map: &PerLang<String>) -> Vec<LangText> {
        self.by_language(map)
            .into_iter()
            .map(|(lang, text)| LangText {
                lang: lang.to_string(),
                lang_name: self.language(lang),
                text: text.clone(),
            })
            .collect()
    }
}

fn find<T>(items: &[At<T>], pred: impl Fn(&T) -> bool) -> Option<&T> {
    items.iter().map(|a| &a.value).find(|v| pred(v))
}

/// `EUR 50`, `JPY 150,000`, `EUR 12.50`.
pub fn money(amount: f64, currency: &str) -> String {
    let whole = amount.trunc();
    let cents = ((amount - whole) * 100.0).round();
    let digits = format!("{whole:.0}");
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if cents > 0.0 {
        format!("{currency} {grouped}.{cents:02.0}")
    } else {
        format!("{currency} {grouped}")
    }
}

fn duration(seconds: u64) -> String {
    crate::model::Duration::from_secs(seconds).to_string()
}

fn kind_names(kinds: &[MessageKind]) -> Vec<&'static str> {
    kinds.iter().map(|k| k.as_str()).collect()
}

fn disposition(d: Disposition) -> &'static str {
    match d {
        Disposition::Reply => "reply",
        Disposition::Noise => "noise",
        Disposition::Spam => "spam",
    }
}

fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Vip => "vip",
        Audience::Influencer => "influencer",
        Audience::Regular => "regular",
    }
}

/// Whether `role` may send `m`.
fn may_send(m: &Macro, role: &str) -> bool {
    m.roles.is_empty() || m.roles.iter().any(|r| r.as_str() == role)
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_groups_thousands_and_keeps_cents() {
        assert_eq!(money(50.0, "EUR"), "EUR 50");
        assert_eq!(money(150000.0, "JPY"), "JPY 150,000");
        assert_eq!(money(1600000.0, "JPY"), "JPY 1,600,000");
        assert_eq!(money(12.5, "EUR"), "EUR 12.50");
    }
}
