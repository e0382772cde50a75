//! The tag glossary: each tag with its inherited severity, disposition
//! and team, where its messages go, how it is detected, its macros and
//! the sample messages that get it.

use std::collections::{BTreeMap, HashMap};

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

fn depth(pb: &Playbook, by_id: &HashMap<&str, usize>, i: usize) -> usize {
    let mut depth = 0;
    let mut at = &pb.tags[i];
    while let Some(parent) = &at.parent {
        match by_id.get(parent.as_str()) {
            // A checked playbook has no cycles; the bound keeps an
            // unchecked one from looping.
            Some(&p) if depth < pb.tags.len() => {
                depth += 1;
                at = &pb.tags[p];
            }
            _ => break,
        }
    }
    depth
}

/// For each tag id, what refers to it, found in one pass over each list:
/// a large playbook has thousands of tags, samples and examples, and
/// searching every list once per tag was most of the handbook's data.
struct Uses<'a> {
    /// The first tag with each id, as a parent is looked up.
    by_id: HashMap<&'a str, usize>,
    labelled: HashMap<&'a str, usize>,
    macros: HashMap<&'a str, Vec<String>>,
    /// The first two sample cases with each tag, in sample order.
    examples: HashMap<&'a str, Vec<&'a SampleCase>>,
}

impl<'a> Uses<'a> {
    fn new(pb: &'a Playbook, cases: &'a [SampleCase]) -> Uses<'a> {
        let mut by_id = HashMap::new();
        for (i, t) in pb.tags.iter().enumerate() {
            by_id.entry(t.id.as_str()).or_insert(i);
        }
        // A list that names a tag twice counts once for it.
        let distinct = |ids: &mut Vec<&'a str>| {
            ids.sort_unstable();
            ids.dedup();
        };
        let mut labelled: HashMap<&str, usize> = HashMap::new();
        for e in &pb.examples {
            let mut ids: Vec<&str> = e.tags.iter().map(|t| t.as_str()).collect();
            distinct(&mut ids);
            for id in ids {
                *labelled.entry(id).or_default() += 1;
            }
        }
        let mut macros: HashMap<&str, Vec<String>> = HashMap::new();
        for m in &pb.macros {
            let mut ids: Vec<&str> = m.tags.iter().map(|t| t.as_str()).collect();
            distinct(&mut ids);
            for id in ids {
                macros.entry(id).or_default().push(m.id.to_string());
            }
        }
        let mut examples: HashMap<&str, Vec<&SampleCase>> = HashMap::new();
        for c in cases {
            let mut ids: Vec<&str> = c.tags.iter().map(String::as_str).collect();
            distinct(&mut ids);
            for id in ids {
                let found = examples.entry(id).or_default();
                if found.len() < 2 {
                    found.push(c);
                }
            }
        }
        Uses {
            by_id,
            labelled,
            macros,
            examples,
        }
    }
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
    let uses = Uses::new(pb, cases);
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
                depth: depth(pb, &uses.by_id, i),
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
                labelled: uses.labelled.get(t.id.as_str()).copied().unwrap_or(0),
                macros: uses.macros.get(t.id.as_str()).cloned().unwrap_or_default(),
                examples: uses
                    .examples
                    .get(t.id.as_str())
                    .map(|found| found.iter().map(|&c| c.clone()).collect())
                    .unwrap_or_default(),
            }
        })
        .collect()
}
