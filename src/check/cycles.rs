//! Cycles (CB203, CB204): tag parents and escalation chains must end.

use std::collections::BTreeMap;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{At, Loc};
use crate::model::Id;

/// Reports each cycle of tag parents; returns whether there is none.
pub fn check_tags(cx: &mut Context) -> bool {
    let links = links(
        &cx.pb.tags,
        |t| t.id.as_str(),
        |t| t.parent.as_ref().map(Id::as_str),
        "parent",
    );
    report(
        cx,
        &links,
        Code::TagCycle,
        "tag parents form a cycle",
        "this parent link closes the cycle",
        "a tag's ancestors must end at a tag without `parent`",
    )
}

pub fn check_roles(cx: &mut Context) {
    let links = links(
        &cx.pb.roles,
        |r| r.id.as_str(),
        |r| r.escalates_to.as_ref().map(Id::as_str),
        "escalates_to",
    );
    report(
        cx,
        &links,
        Code::RoleCycle,
        "roles escalate to each other in a cycle",
        "this `escalates_to` closes the cycle",
        "a case beyond everyone's authority must end with a role that has no `escalates_to`",
    );
}

pub fn check_chains(cx: &mut Context) {
    let links = links(
        &cx.pb.chains,
        |c| c.id.as_str(),
        |c| c.then.as_ref().map(Id::as_str),
        "then",
    );
    report(
        cx,
        &links,
        Code::ChainCycle,
        "escalation chains continue into each other forever",
        "this `then` closes the cycle",
        "end one of the chains without `then`",
    );
}

type Link<'a> = (&'a str, Option<&'a str>, Loc);

fn links<'a, T>(
    items: &'a [At<T>],
    id: impl Fn(&'a T) -> &'a str,
    next: impl Fn(&'a T) -> Option<&'a str>,
    field: &str,
) -> Vec<Link<'a>> {
    items
        .iter()
        .map(|i| (id(&i.value), next(&i.value), i.loc.child(field)))
        .collect()
}

/// Reports each cycle once, at the link that closes it; true when there
/// is none.
fn report(
    cx: &mut Context,
    links: &[Link],
    code: Code,
    what: &str,
    note: &str,
    help: &str,
) -> bool {
    let found = cycles(links);
    for (members, loc) in &found {
        let label = cx.label(loc).with_message(note);
        cx.push(
            Diagnostic::new(code, format!("{what}: {}", members.join(" → ")))
                .at(label)
                .help(help),
        );
    }
    found.is_empty()
}

/// Cycles in a graph where each node has at most one successor. Each
/// cycle is returned once: its members from the first in input order back
/// to it, and the location of the link that closes it. Linear time.
fn cycles<'a>(links: &[Link<'a>]) -> Vec<(Vec<&'a str>, Loc)> {
    let next: BTreeMap<&str, (Option<&str>, &Loc)> =
        links.iter().map(|(id, n, loc)| (*id, (*n, loc))).collect();
    // 0 unvisited, 1 on the current walk, 2 done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let mut out = Vec::new();
    for (start, _, _) in links {
        let mut walk: Vec<&str> = Vec::new();
        let mut node = Some(*start);
        while let Some(n) = node {
            match state.get(n).copied().unwrap_or(0) {
                2 => break,
                1 => {
                    let from = walk.iter().position(|w| *w == n).unwrap_or(0);
                    let mut members: Vec<&str> = walk[from..].to_vec();
                    // Start the cycle at its first member in file order.
                    let first = links
                        .iter()
                        .position(|(id, _, _)| members.contains(id))
                        .map(|i| links[i].0)
                        .unwrap_or(n);
                    let rot = members.iter().position(|m| *m == first).unwrap_or(0);
                    members.rotate_left(rot);
                    let closing = members.last().copied().unwrap_or(n);
                    members.push(first);
                    let loc = next.get(closing).map(|(_, l)| (*l).clone());
                    if let Some(loc) = loc {
                        out.push((members, loc));
                    }
                    break;
                }
                _ => {
                    state.insert(n, 1);
                    walk.push(n);
                    node = next
                        .get(n)
                        .and_then(|(nx, _)| *nx)
                        .filter(|nx| next.contains_key(nx));
                }
            }
        }
        for w in walk {
            state.insert(w, 2);
        }
    }
    out
}
