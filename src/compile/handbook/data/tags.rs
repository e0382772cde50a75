//! The tag glossary: each tag with its inherited severity, disposition
//! and team, where its messages go, how it is detected, its macros and
//! the sample messages that get it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{LangWords, Names, SampleCase, disposition};
use crate::ir::Ir;
use crate::load::Playbook;
use crate::model::{Audience, Disposition};
use crate::router::Router;

#[derive(Debug, Clone, Serialize)]
pub struct TagEntry {
    pub id: String,
    /// The label in the default language, else the id.
    pub label: String,
    pub description: String,
    pub parent: Option<String>,
    /// 0 for a top-level tag.
    pub depth: usize,
    pub severity: Option<String>,
    pub severity_name: Option<String>,
    /// `reply`, `noise` or `spam`, inherited.
    pub disposition: &'static str,
    pub team: Option<String>,
    pub team_name: Option<String>,
    pub reply_privately: bool,
    /// Queues a regular customer's message decided by this tag reaches.
    pub queues: Vec<String>,
    pub keywords: Vec<LangWords>,
    /// Words of which one must also be in the message.
    pub context: Vec<LangWords>,
    pub patterns: usize,
    /// Labelled example messages with this tag that the router learns
    /// from.
    pub labelled: usize,
    pub macros: Vec<String>,
    /// Sample messages that get this tag.
    pub examples: Vec<SampleCase>,
}

fn depth(pb: &Playbook, i: usize) -> usize {
    let mut depth = 0;
    let mut at = &pb.tags[i];
    while let Some(parent) = &at.parent {
        match pb.tags.iter().find(|t| t.id == *parent) {
            // A checked playbook has no cycles; the bound keeps an
            // unchecked one from looping.
            Some(p) if depth < pb.tags.len() => {
                depth += 1;
                at = p;
            }
            _ => break,
        }
    }
    depth
}

/// The queues a regular customer's message decided by each tag (and by
/// none) reaches, over every language, in route order.
pub(super) fn tag_queues(router: &Router) -> BTreeMap<Option<usize>, Vec<String>> {
    let ir = router.ir();
    let mut out: BTreeMap<Option<usize>, Vec<String>> = BTreeMap::new();
    for tag in (0..ir.tags.len()).map(Some).chain([None]) {
        let mut routes: Vec<usize> = ir
            .languages
            .iter()
            .filter_map(|l| router.route_index(tag, Audience::Regular, l))
            .collect();
        routes.sort_unstable();
        routes.dedup();
        let mut queues: Vec<String> = Vec::new();
        for r in routes {
            let q = &ir.routes[r].queue;
            if !queues.contains(q) {
                queues.push(q.clone());
            }
        }
        out.insert(tag, queues);
    }
    out
}

/// The glossary, in playbook order.
pub(super) fn tags(
    pb: &Playbook,
    ir: &Ir,
    router: &Router,
    cases: &[SampleCase],
    names: &Names,
) -> Vec<TagEntry> {
    let tag_queues = tag_queues(router);
    pb.tags
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // Inherited facts come from the IR, which resolved them.
            let facts = ir.tags.get(i);
            let severity = facts
                .and_then(|f| f.severity)
                .and_then(|s| ir.severities.get(s))
                .map(|s| s.id.clone());
            let team = facts.and_then(|f| f.team.clone());
            TagEntry {
                id: t.id.to_string(),
                label: names.tag_label(i),
                description: t.description.clone(),
                parent: t.parent.as_ref().map(|p| p.to_string()),
                depth: depth(pb, i),
                severity_name: severity.as_deref().map(|s| names.severity(s)),
                severity,
                disposition: disposition(facts.map_or(Disposition::Reply, |f| f.disposition)),
                team_name: team.as_deref().map(|t| names.team(t)),
                team,
                reply_privately: facts.is_some_and(|f| f.reply_privately),
                queues: tag_queues.get(&Some(i)).cloned().unwrap_or_default(),
                keywords: names.lang_words(&t.detect.keywords),
                context: names.lang_words(&t.detect.context),
                patterns: t.detect.patterns.len(),
                labelled: pb
                    .examples
                    .iter()
                    .filter(|e| e.tags.iter().any(|x| *x == t.id))
                    .count(),
                macros: pb
                    .macros
                    .iter()
                    .filter(|m| m.tags.iter().any(|x| x == &t.id))
                    .map(|m| m.id.to_string())
                    .collect(),
                examples: cases
                    .iter()
                    .filter(|c| c.tags.iter().any(|x| x == t.id.as_str()))
                    .take(2)
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}
