//! The routing matrix as a table of message classes, and the checks on it:
//! tags that need a reply but reach no queue (CB305), routes that can never
//! fire (CB306) or match nothing (CB307).
//!
//! A message is routed by its deciding tag (whose severity is fixed by the
//! playbook), its author's audience and its language. Every such class is
//! painted with the first route that matches it, in one pass over the
//! routes; a route that paints nothing is shadowed. The cost is linear in
//! the classes the routes cover, with no comparison of route pairs.

use std::collections::BTreeSet;

use super::{Context, TagFacts};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Audience, Disposition};

/// The tag index of messages that match no tag: they have no severity and
/// are caught only by routes without tag or severity conditions.
pub const UNTAGGED: usize = usize::MAX;

pub struct RouteTable {
    pub tags: usize,
    pub languages: Vec<String>,
    /// Winner route index per class, `None` when no route matches.
    winner: Vec<Option<usize>>,
    /// Route indices whose conditions match at least one class.
    pub reachable: Vec<bool>,
    /// The classes each route wins, as (tag, audience, language).
    won: Vec<Vec<(usize, usize, usize)>>,
}

impl RouteTable {
    fn slot(&self, tag: usize, audience: usize, lang: usize) -> usize {
        let tag = if tag == UNTAGGED { self.tags } else { tag };
        (tag * Audience::ALL.len() + audience) * self.languages.len() + lang
    }

    pub fn winner(&self, tag: usize, audience: usize, lang: usize) -> Option<usize> {
        self.winner[self.slot(tag, audience, lang)]
    }

    pub fn build(cx: &Context, facts: &TagFacts) -> Self {
        let pb = cx.pb;
        let languages: Vec<String> = pb.languages.iter().map(|l| l.code.0.clone()).collect();
        let mut table = RouteTable {
            tags: facts.ids.len(),
            winner: vec![None; (facts.ids.len() + 1) * Audience::ALL.len() * languages.len()],
            reachable: vec![false; pb.routes.len()],
            won: vec![Vec::new(); pb.routes.len()],
            languages,
        };
        for r in 0..pb.routes.len() {
            let (tags, audiences, langs) = table.classes(cx, facts, r);
            for &t in &tags {
                for &a in &audiences {
                    for &l in &langs {
                        table.reachable[r] = true;
                        let slot = table.slot(t, a, l);
                        if table.winner[slot].is_none() {
                            table.winner[slot] = Some(r);
                            table.won[r].push((t, a, l));
                        }
                    }
                }
            }
        }
        table
    }

    /// The classes whose messages route `r`'s conditions match, as the
    /// tags, audiences and languages whose product they are.
    fn classes(
        &self,
        cx: &Context,
        facts: &TagFacts,
        r: usize,
    ) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let pb = cx.pb;
        let w = &pb.routes[r].when;
        let severity_ok = |tag: usize| {
            w.severities.is_empty()
                || facts.severity[tag]
                    .is_some_and(|s| w.severities.iter().any(|id| pb.severities[s].id == *id))
        };
        let mut tags: Vec<usize> = if w.tags.is_empty() {
            (0..facts.ids.len()).collect()
        } else {
            facts.expand(&w.tags)
        };
        tags.retain(|&t| severity_ok(t));
        if w.tags.is_empty() && w.severities.is_empty() {
            tags.push(UNTAGGED);
        }
        let audiences: Vec<usize> = (0..Audience::ALL.len())
            .filter(|&a| w.audience.is_empty() || w.audience.contains(&Audience::ALL[a]))
            .collect();
        let langs: Vec<usize> = (0..self.languages.len())
            .filter(|&l| {
                w.languages.is_empty() || w.languages.iter().any(|x| x.0 == self.languages[l])
            })
            .collect();
        (tags, audiences, langs)
    }

    /// The classes a route wins: (tag, audience, language) indices.
    pub fn won_by(&self, route: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.won[route].iter().copied()
    }
}

pub fn check(cx: &mut Context, facts: &TagFacts, table: &RouteTable) {
    let pb = cx.pb;
    for (r, route) in pb.routes.iter().enumerate() {
        if !table.reachable[r] {
            let label = cx
                .label(&route.loc.child("id"))
                .with_message("matches nothing");
            cx.push(
                Diagnostic::new(
                    Code::RouteUnreachable,
                    format!(
                        "route `{}` matches no tag: its conditions exclude each other",
                        route.id
                    ),
                )
                .at(label)
                .help("check that the listed tags have the listed severities"),
            );
        } else if table.won[r].is_empty() {
            // Name the routes that take its messages, in file order.
            let (tags, audiences, langs) = table.classes(cx, facts, r);
            let mut before: BTreeSet<usize> = BTreeSet::new();
            for &t in &tags {
                for &a in &audiences {
                    for &l in &langs {
                        before.extend(table.winner(t, a, l));
                    }
                }
            }
            let names: Vec<String> = before
                .iter()
                .map(|&x| format!("`{}`", pb.routes[x].id))
                .collect();
            let mut d = Diagnostic::new(
                Code::RouteShadowed,
                format!(
                    "route `{}` can never fire: {} {} all its messages first",
                    route.id,
                    names.join(", "),
                    if names.len() == 1 { "catches" } else { "catch" }
                ),
            )
            .at(cx
                .label(&route.loc.child("id"))
                .with_message("never reached"));
            for &x in before.iter().take(3) {
                d = d.related(
                    cx.label(&pb.routes[x].loc.child("id"))
                        .with_message("matches first"),
                );
            }
            cx.push(d.help("move the more specific route above the general one, or remove it"));
        }
    }

    for (t, tag) in pb.tags.iter().enumerate() {
        if facts.disposition[t] != Disposition::Reply || facts.team[t].is_some() {
            continue;
        }
        let mut missing_langs: BTreeSet<&str> = BTreeSet::new();
        let mut missing_audiences: BTreeSet<usize> = BTreeSet::new();
        for a in 0..Audience::ALL.len() {
            for l in 0..table.languages.len() {
                if table.winner(t, a, l).is_none() {
                    missing_audiences.insert(a);
                    missing_langs.insert(&table.languages[l]);
                }
            }
        }
        if missing_langs.is_empty() {
            continue;
        }
        let all = missing_langs.len() == table.languages.len()
            && missing_audiences.len() == Audience::ALL.len();
        let which = if all {
            "no route at all".to_string()
        } else {
            let audiences: Vec<&str> = missing_audiences
                .iter()
                .map(|&a| audience_name(a))
                .collect();
            let langs: Vec<String> = missing_langs.iter().map(|l| format!("`{l}`")).collect();
            format!(
                "no route for {} authors writing in {}",
                audiences.join("/"),
                langs.join(", ")
            )
        };
        let label = cx
            .label(&tag.loc.child("id"))
            .with_message("reaches no queue");
        cx.push(
            Diagnostic::new(
                Code::ReplyTagUnrouted,
                format!("tag `{}` needs a reply but has no owning team and {which}", tag.id),
            )
            .at(label)
            .help("give the tag a `team`, add a route for it, or end the routing matrix with a catch-all route"),
        );
    }
}

fn audience_name(a: usize) -> &'static str {
    match Audience::ALL[a] {
        Audience::Vip => "VIP",
        Audience::Influencer => "influencer",
        Audience::Regular => "regular",
    }
}
