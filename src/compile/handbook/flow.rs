//! Where each tag's messages go: the tag → queue → escalation chain flow
//! that the handbook draws (Mermaid in Markdown, an inline SVG in HTML).
//!
//! The flow is asked of the router itself (`Router::route_index`), one
//! class at a time: a regular customer's message decided by each tag, in
//! each language. VIP and influencer routes and incident modes are left to
//! the routes table, so the picture shows the everyday path and stays
//! readable.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::Audience;
use crate::router::Router;

/// One box of the diagram.
#[derive(Debug, Clone, Serialize)]
pub struct FlowNode {
    /// A short key for diagram syntax (`t3`, `q0`, `c1`), never playbook text.
    pub key: String,
    pub id: String,
    /// The name to show beside the id (a tag's label, a queue's name).
    pub label: String,
    /// Escalation rungs, one line each (chains only).
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowEdge {
    pub from: String,
    pub to: String,
}

/// The three columns and the arrows between them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Flow {
    pub tags: Vec<FlowNode>,
    pub queues: Vec<FlowNode>,
    pub chains: Vec<FlowNode>,
    pub edges: Vec<FlowEdge>,
}

/// What a tag, queue or chain is called in the diagram: filled in by the
/// caller, which knows the playbook's names.
pub struct Names<'a> {
    pub tag_label: &'a dyn Fn(usize) -> String,
    pub queue_name: &'a dyn Fn(&str) -> String,
    pub chain_lines: &'a dyn Fn(&str) -> Vec<String>,
}

/// Builds the flow from the router's own routing decisions.
pub fn build(router: &Router, names: &Names) -> Flow {
    let ir = router.ir();
    // (tag row, queue id) and (queue id, chain id) pairs, in first-seen
    // order so the picture follows the playbook.
    let mut tag_queue: Vec<(usize, String)> = Vec::new();
    let mut queue_chain: Vec<(String, String)> = Vec::new();
    // Row per tag in playbook order, then one for messages with no tag.
    let rows: Vec<Option<usize>> = (0..ir.tags.len()).map(Some).chain([None]).collect();
    for (row, &tag) in rows.iter().enumerate() {
        for lang in &ir.languages {
            let Some(r) = router.route_index(tag, Audience::Regular, lang) else {
                continue;
            };
            let queue = ir.routes[r].queue.clone();
            if !tag_queue.iter().any(|(t, q)| *t == row && *q == queue) {
                tag_queue.push((row, queue.clone()));
            }
            if let Some(chain) = router.escalation_chain(tag, Some(r))
                && !queue_chain.iter().any(|(q, c)| *q == queue && c == chain)
            {
                queue_chain.push((queue, chain.to_string()));
            }
        }
    }

    // Rows that lead somewhere, in playbook order.
    let used_rows: Vec<usize> = (0..rows.len())
        .filter(|row| tag_queue.iter().any(|(t, _)| t == row))
        .collect();
    let tags: Vec<FlowNode> = used_rows
        .iter()
        .map(|&row| FlowNode {
            key: format!("t{row}"),
            id: rows[row].map_or_else(|| "(no tag)".to_string(), |t| ir.tags[t].id.clone()),
            label: rows[row].map_or_else(|| "matches no tag".to_string(), names.tag_label),
            lines: Vec::new(),
        })
        .collect();

    // Queues and chains sit level with the mean row of what points at
    // them, which keeps the arrows short and mostly uncrossed.
    let queue_ids = order_by_sources(
        tag_queue
            .iter()
            .filter_map(|(t, q)| Some((used_rows.iter().position(|r| r == t)?, q.clone()))),
        ir.queues.iter().map(|q| q.id.clone()),
    );
    let queues: Vec<FlowNode> = queue_ids
        .iter()
        .enumerate()
        .map(|(i, id)| FlowNode {
            key: format!("q{i}"),
            id: id.clone(),
            label: (names.queue_name)(id),
            lines: Vec::new(),
        })
        .collect();
    let chain_ids = order_by_sources(
        queue_chain
            .iter()
            .filter_map(|(q, c)| Some((queue_ids.iter().position(|x| x == q)?, c.clone()))),
        ir.chains.iter().map(|c| c.id.clone()),
    );
    let chains: Vec<FlowNode> = chain_ids
        .iter()
        .enumerate()
        .map(|(i, id)| FlowNode {
            key: format!("c{i}"),
            id: id.clone(),
            label: String::new(),
            lines: (names.chain_lines)(id),
        })
        .collect();

    let key_of = |nodes: &[FlowNode], id: &str| -> Option<String> {
        nodes.iter().find(|n| n.id == id).map(|n| n.key.clone())
    };
    let mut edges = Vec::new();
    for (row, queue) in &tag_queue {
        if let Some(to) = key_of(&queues, queue) {
            edges.push(FlowEdge {
                from: format!("t{row}"),
                to,
            });
        }
    }
    for (queue, chain) in &queue_chain {
        if let (Some(from), Some(to)) = (key_of(&queues, queue), key_of(&chains, chain)) {
            edges.push(FlowEdge { from, to });
        }
    }
    Flow {
        tags,
        queues,
        chains,
        edges,
    }
}

/// The targets of `edges` (source position, target id), each placed at
/// the mean position of its sources; ties keep the playbook's order.
/// Targets nothing points at are left out.
fn order_by_sources(
    edges: impl Iterator<Item = (usize, String)>,
    playbook_order: impl Iterator<Item = String>,
) -> Vec<String> {
    let edges: Vec<(usize, String)> = edges.collect();
    let targets: BTreeSet<&str> = edges.iter().map(|(_, t)| t.as_str()).collect();
    let mut placed: Vec<(f64, usize, String)> = playbook_order
        .enumerate()
        .filter(|(_, id)| targets.contains(id.as_str()))
        .map(|(order, id)| {
            let sources: Vec<usize> = edges
                .iter()
                .filter(|(_, t)| *t == id)
                .map(|(s, _)| *s)
                .collect();
            let mean = sources.iter().sum::<usize>() as f64 / sources.len().max(1) as f64;
            (mean, order, id)
        })
        .collect();
    placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    placed.into_iter().map(|(_, _, id)| id).collect()
}
