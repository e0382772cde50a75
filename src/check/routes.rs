//! The routing matrix as a table of message classes, and the checks on it:
//! tags that need a reply but reach no queue (CB305), routes that can never
//! fire (CB306) or match nothing (CB307).
//!
//! A message is routed by its deciding tag (whose severity is fixed by the
//! playbook), its author's audience and its language. The classes are
//! those some message can have: an audience no author is in (influencers
//! without an influencer boost) has none. Every such class is painted with the first route that matches it, in one pass over the
//! routes; a route that paints nothing is shadowed. Whether a route matches
//! a class is the router's own rule ([`RouteRule`]), asked of each part of
//! the class in turn: the cost is linear in the classes the routes cover,
//! with no comparison of route pairs.

use std::collections::BTreeSet;

use super::{Context, TagFacts};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{At, Playbook};
use crate::model::{Audience, Disposition, Route, RouteRule};

/// The tag index of messages that match no tag: they have no severity and
/// are caught only by routes without tag or severity conditions.
pub const UNTAGGED: usize = usize::MAX;

pub struct RouteTable {
    pub tags: usize,
    pub languages: Vec<String>,
    /// Each route's conditions, as the router tests them.
    rules: Vec<RouteRule>,
    /// Each tag's severity id (its own or inherited).
    severity: Vec<Option<String>>,
    /// Per audience (as in `Audience::ALL`), whether some author is in it:
    /// classes of the others are no message's, and are left unpainted.
    pub audiences: Vec<bool>,
    /// Winner route index per class, `None` when no route matches.
    winner: Vec<Option<usize>>,
    /// Route indices whose conditions match at least one class.
    pub reachable: Vec<bool>,
    /// The classes each route wins, as (tag, audience, language).
    won: Vec<Vec<(usize, usize, usize)>>,
}

impl RouteTable {
    /// The tag index of messages that match no tag.
    pub const UNTAGGED: usize = UNTAGGED;

    fn slot(&self, tag: usize, audience: usize, lang: usize) -> usize {
        let tag = if tag == UNTAGGED { self.tags } else { tag };
        (tag * Audience::ALL.len() + audience) * self.languages.len() + lang
    }

    /// The route that takes messages whose deciding tag is `tag` (or
    /// [`UNTAGGED`]) from authors of `Audience::ALL[audience]` in the
    /// `lang`th language of the playbook.
    pub fn winner(&self, tag: usize, audience: usize, lang: usize) -> Option<usize> {
        self.winner[self.slot(tag, audience, lang)]
    }

    pub fn build(cx: &Context, facts: &TagFacts) -> Self {
        Self::for_playbook(cx.pb, facts)
    }

    /// The table of a playbook whose tag references resolve and whose tag
    /// hierarchy has no cycle.
    pub fn for_playbook(pb: &Playbook, facts: &TagFacts) -> Self {
        let languages: Vec<String> = pb.languages.iter().map(|l| l.code.0.clone()).collect();
        let min_followers = pb
            .boosts
            .first()
            .and_then(|b| b.influencer.as_ref())
            .map(|i| i.min_followers);
        let mut table = RouteTable {
            audiences: Audience::ALL
                .iter()
                .map(|a| a.possible(min_followers))
                .collect(),
            tags: facts.ids.len(),
            rules: pb
                .routes
                .iter()
                .map(|r| RouteRule::from_condition(&r.when, |ids| facts.expand(ids)))
                .collect(),
            severity: facts
                .severity
                .iter()
                .map(|s| s.map(|s| pb.severities[s].id.0.clone()))
                .collect(),
            winner: vec![None; (facts.ids.len() + 1) * Audience::ALL.len() * languages.len()],
            reachable: vec![false; pb.routes.len()],
            won: vec![Vec::new(); pb.routes.len()],
            languages,
        };
        for r in 0..pb.routes.len() {
            let (tags, audiences, langs) = table.classes(r);
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

    /// The classes of messages that route `r`'s conditions match, as the
    /// tags, audiences and languages whose product they are.
    fn classes(&self, r: usize) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let rule = &self.rules[r];
        let tags: Vec<usize> = rule
            .candidate_tags(self.tags)
            .filter(|&t| rule.takes_tag(t, t.and_then(|t| self.severity[t].as_deref())))
            .map(|t| t.unwrap_or(UNTAGGED))
            .collect();
        let audiences: Vec<usize> = (0..Audience::ALL.len())
            .filter(|&a| self.audiences[a] && rule.takes_audience(Audience::ALL[a]))
            .collect();
        let langs: Vec<usize> = (0..self.languages.len())
            .filter(|&l| rule.takes_language(&self.languages[l]))
            .collect();
        (tags, audiences, langs)
    }

    /// The audiences route `r`'s conditions take that no author is in.
    fn impossible_audiences(&self, r: usize) -> Vec<Audience> {
        (0..Audience::ALL.len())
            .filter(|&a| !self.audiences[a] && self.rules[r].takes_audience(Audience::ALL[a]))
            .map(|a| Audience::ALL[a])
            .collect()
    }

    /// The classes a route wins: (tag, audience, language) indices.
    pub fn won_by(&self, route: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.won[route].iter().copied()
    }

    /// CB305, CB306 and CB307 on this table, into `cx`: what `check::run`
    /// reports of the routing matrix.
    pub fn check(&self, cx: &mut Context, facts: &TagFacts) {
        check(cx, facts, self)
    }
}

pub fn check(cx: &mut Context, facts: &TagFacts, table: &RouteTable) {
    let pb = cx.pb;
    for (r, route) in pb.routes.iter().enumerate() {
        if !table.reachable[r] {
            let (tags, audiences, _) = table.classes(r);
            let impossible = table.impossible_audiences(r);
            if !tags.is_empty() && audiences.is_empty() && !impossible.is_empty() {
                cx.push(no_author(cx, route, &impossible));
                continue;
            }
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
            let (tags, audiences, langs) = table.classes(r);
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
        let possible = (0..Audience::ALL.len()).filter(|&a| table.audiences[a]);
        for a in possible {
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
            && missing_audiences.len() == table.audiences.iter().filter(|&&p| p).count();
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

/// CB307 for a route that takes only authors no one is: influencers
/// without an influencer boost, regular authors when every author who is
/// not a VIP counts as an influencer.
fn no_author(cx: &Context, route: &At<Route>, impossible: &[Audience]) -> Diagnostic {
    let influencer = impossible.contains(&Audience::Influencer);
    let at = route
        .when
        .audience
        .iter()
        .position(|a| impossible.contains(a))
        .unwrap_or(0);
    let (why, help) = if influencer {
        (
            "no author is an influencer without an `influencer` boost",
            "add `boosts.influencer` with the `min_followers` that make an influencer, or take `influencer` out of the route's `audience`",
        )
    } else {
        (
            "with `min_followers: 0` every author who is not a VIP is an influencer, and none is regular",
            "raise the influencer boost's `min_followers`, or take `regular` out of the route's `audience`",
        )
    };
    Diagnostic::new(
        Code::RouteUnreachable,
        format!("route `{}` matches no message: {why}", route.id),
    )
    .at(cx
        .label(&route.loc.child(format!("when/audience/{at}")))
        .with_message("no author is one"))
    .help(help)
}

fn audience_name(a: usize) -> &'static str {
    match Audience::ALL[a] {
        Audience::Vip => "VIP",
        Audience::Influencer => "influencer",
        Audience::Regular => "regular",
    }
}
