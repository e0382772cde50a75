//! Cycles (CB203, CB204): tag parents and escalation chains must end.

use std::collections::BTreeMap;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;

/// Reports each cycle once, at its first member in file order. Returns
/// whether the tag hierarchy is free of cycles.
pub fn check_tags(cx: &mut Context) -> bool {
    let links: Vec<(&str, Option<&str>, Loc)> = cx
        .pb
        .tags
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.parent.as_ref().map(|p| p.as_str()),
                t.loc.child("parent"),
            )
        })
        .collect();
    let found = cycles(&links);
    for (members, loc) in &found {
        let label = cx
            .label(loc)
            .with_message("this parent link closes the cycle");
        cx.push(
            Diagnostic::new(
                Code::TagCycle,
                format!("tag parents form a cycle: {}", members.join(" → ")),
            )
            .at(label)
            .help("a tag's ancestors must end at a tag without `parent`"),
        );
    }
    found.is_empty()
}

pub fn check_roles(cx: &mut Context) {
    let links: Vec<(&str, Option<&str>, Loc)> = cx
        .pb
        .roles
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.escalates_to.as_ref().map(|p| p.as_str()),
                r.loc.child("escalates_to"),
            )
        })
        .collect();
    for (members, loc) in cycles(&links) {
        let label = cx
            .label(&loc)
            .with_message("this `escalates_to` closes the cycle");
        cx.push(
            Diagnostic::new(
                Code::RoleCycle,
                format!("roles escalate to each other in a cycle: {}", members.join(" → ")),
            )
            .at(label)
            .help("a case beyond everyone's authority must end with a role that has no `escalates_to`"),
        );
    }
}

pub fn check_chains(cx: &mut Context) {
    let links: Vec<(&str, Option<&str>, Loc)> = cx
        .pb
        .chains
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.then.as_ref().map(|p| p.as_str()),
                c.loc.child("then"),
            )
        })
        .collect();
    for (members, loc) in cycles(&links) {
        let label = cx.label(&loc).with_message("this `then` closes the cycle");
        cx.push(
            Diagnostic::new(
                Code::ChainCycle,
                format!(
                    "escalation chains continue into each other forever: {}",
                    members.join(" → ")
                ),
            )
            .at(label)
            .help("end one of the chains without `then`"),
        );
    }
}

/// Cycles in a graph where each node has at most one successor. Each
/// cycle is returned once: its members from the first in input order back
/// to it, and the location of the link that closes it. Linear time.
fn cycles<'a>(links: &[(&'a str, Option<&'a str>, Loc)]) -> Vec<(Vec<&'a str>, Loc)> {
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
