//! What each tag inherits from its ancestors: the one reading of the
//! tag hierarchy that the checks and the lowering to the IR share.

use std::collections::BTreeMap;
use std::ops::Deref;

use super::{Disposition, Id, Severity, Tag};

/// Each tag's effective severity, disposition and team after inheritance,
/// by tag index in file order. Built only on a cycle-free hierarchy whose
/// references all resolve.
pub struct TagFacts {
    pub ids: Vec<String>,
    pub index: BTreeMap<String, usize>,
    /// Index into the playbook's severities (0 = most severe).
    pub severity: Vec<Option<usize>>,
    pub disposition: Vec<Disposition>,
    pub team: Vec<Option<String>>,
    pub reply_privately: Vec<bool>,
    pub children: Vec<Vec<usize>>,
}

impl TagFacts {
    /// On a playbook whose tag parents may still form a cycle, inheritance
    /// stops after as many steps as there are tags.
    pub fn new(
        tags: &[impl Deref<Target = Tag>],
        severities: &[impl Deref<Target = Severity>],
    ) -> Self {
        let index: BTreeMap<String, usize> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.0.clone(), i))
            .collect();
        let severity_rank: BTreeMap<&str, usize> = severities
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let parent: Vec<Option<usize>> = tags
            .iter()
            .map(|t| {
                t.parent
                    .as_ref()
                    .and_then(|p| index.get(p.as_str()).copied())
            })
            .collect();
        let mut children = vec![Vec::new(); tags.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        // Walk up to the nearest ancestor that sets the field.
        let inherit = |i: usize, get: &dyn Fn(usize) -> bool| -> Option<usize> {
            let mut at = Some(i);
            let mut steps = 0;
            while let Some(n) = at {
                if get(n) {
                    return Some(n);
                }
                at = parent[n];
                steps += 1;
                if steps > tags.len() {
                    return None;
                }
            }
            None
        };
        let mut severity = Vec::with_capacity(tags.len());
        let mut disposition = Vec::with_capacity(tags.len());
        let mut team = Vec::with_capacity(tags.len());
        let mut reply_privately = Vec::with_capacity(tags.len());
        for i in 0..tags.len() {
            reply_privately.push(
                inherit(i, &|n| tags[n].reply_privately.is_some())
                    .and_then(|n| tags[n].reply_privately)
                    .unwrap_or(false),
            );
            severity.push(
                inherit(i, &|n| tags[n].severity.is_some())
                    .and_then(|n| tags[n].severity.as_ref())
                    .and_then(|s| severity_rank.get(s.as_str()).copied()),
            );
            disposition.push(
                inherit(i, &|n| tags[n].disposition.is_some())
                    .and_then(|n| tags[n].disposition)
                    .unwrap_or(Disposition::Reply),
            );
            team.push(
                inherit(i, &|n| tags[n].team.is_some())
                    .and_then(|n| tags[n].team.as_ref())
                    .map(|t| t.0.clone()),
            );
        }
        TagFacts {
            ids: tags.iter().map(|t| t.id.0.clone()).collect(),
            index,
            severity,
            disposition,
            team,
            reply_privately,
            children,
        }
    }

    /// The tags a route's `tags` condition names, with their descendants,
    /// sorted; unknown ids are skipped.
    pub fn expand(&self, ids: &[Id]) -> Vec<usize> {
        let set: std::collections::BTreeSet<usize> = ids
            .iter()
            .filter_map(|t| self.index.get(t.as_str()))
            .flat_map(|&t| self.subtree(t))
            .collect();
        set.into_iter().collect()
    }

    /// The tag and all its descendants (each once, even on a cycle).
    pub fn subtree(&self, root: usize) -> Vec<usize> {
        let mut out = vec![root];
        let mut seen = vec![false; self.children.len()];
        seen[root] = true;
        let mut i = 0;
        while i < out.len() {
            for &c in &self.children[out[i]] {
                if !std::mem::replace(&mut seen[c], true) {
                    out.push(c);
                }
            }
            i += 1;
        }
        out
    }
}
