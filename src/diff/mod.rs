//! What a change to the playbook means: items added, removed or changed
//! in every part (tags and keywords, routes, severities and SLA targets,
//! escalation chains, empowerment limits, shifts and staffed hours,
//! macros), the sample messages that now route differently, and, when
//! given a message history, what changes on that traffic ([`replay`]).
//!
//! Both revisions are compared in their compiled form where one exists
//! (so a re-indented file or a moved comment is no change), item by item
//! by id, field by field.

pub mod git;
pub mod replay;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::ir::Ir;
use crate::load::Playbook;
use crate::router::{DecideOptions, Router};
use crate::sampletest::message_of;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// One item that changed.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub id: String,
    pub kind: Kind,
    /// For changed items: one line per field, `field: before → after`.
    pub details: Vec<String>,
}

/// A part of the playbook and its changes.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub part: &'static str,
    pub changes: Vec<Change>,
}

/// One sample message that routes differently.
#[derive(Debug, Clone, Serialize)]
pub struct Rerouted {
    pub sample: String,
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub sections: Vec<Section>,
    pub rerouted: Vec<Rerouted>,
    pub samples: usize,
    /// The replayed message history, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub traffic: Option<replay::Traffic>,
}

impl Report {
    pub fn changed(&self) -> bool {
        !self.rerouted.is_empty()
            || self.sections.iter().any(|s| !s.changes.is_empty())
            || self.traffic.as_ref().is_some_and(replay::Traffic::changed)
    }
}

/// The items of one part of a playbook, by id, as JSON for comparison.
type PartItems = fn(&Playbook, &Ir) -> BTreeMap<String, Value>;

/// Compares two checked playbooks.
pub fn compare(base: &Playbook, head: &Playbook) -> Result<Report, crate::router::RouterError> {
    let (ir_base, ir_head) = (crate::ir::lower(base), crate::ir::lower(head));
    let mut sections = Vec::new();
    let parts: [(&'static str, PartItems); 14] = [
        ("tags", |_, ir| {
            items(ir.tags.iter().map(|t| (t.id.clone(), t)))
        }),
        ("severities and SLA targets", |_, ir| {
            items(
                ir.severities
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.clone(), with_position(s, i))),
            )
        }),
        ("calendars", |_, ir| {
            items(ir.calendars.iter().map(|c| (c.id.clone(), c)))
        }),
        ("queues", |_, ir| {
            items(ir.queues.iter().map(|q| (q.id.clone(), q)))
        }),
        ("routes", |_, ir| {
            items(
                ir.routes
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.id.clone(), with_position(r, i))),
            )
        }),
        ("priority boosts", |_, ir| {
            items([("boosts".to_string(), &ir.boosts)])
        }),
        ("escalation chains", |_, ir| {
            items(ir.chains.iter().map(|c| (c.id.clone(), c)))
        }),
        ("incident modes", |_, ir| {
            items(ir.incidents.iter().map(|i| (i.id.clone(), i)))
        }),
        ("empowerment", |pb, _| {
            items(pb.roles.iter().map(|r| (r.id.0.clone(), &r.value)))
        }),
        ("teams and staffed hours", |_, ir| {
            items(ir.teams.iter().map(|t| (t.id.clone(), t)))
        }),
        ("shifts", |_, ir| {
            items(ir.shifts.iter().map(|s| (s.id.clone(), s)))
        }),
        ("macros", |pb, _| {
            items(pb.macros.iter().map(|m| (m.id.0.clone(), &m.value)))
        }),
        ("labelled examples", |_, ir| learning_summary(ir)),
        ("channels and languages", |_, ir| {
            let mut m = items(ir.channels.iter().map(|c| (format!("channel {}", c.id), c)));
            m.extend(items([("languages".to_string(), &ir.languages)]));
            m
        }),
    ];
    for (part, get) in parts {
        let before = get(base, &ir_base);
        let after = get(head, &ir_head);
        sections.push(Section {
            part,
            changes: diff_items(&before, &after),
        });
    }

    let (router_base, router_head) = (
        Router::for_samples(&ir_base)?,
        Router::for_samples(&ir_head)?,
    );
    // Every sample of either revision, each in its newest form.
    let mut samples: BTreeMap<&str, &crate::model::Sample> = BTreeMap::new();
    for s in base.samples.iter().chain(&head.samples) {
        samples.insert(s.id.as_str(), &s.value);
    }
    let mut rerouted = Vec::new();
    for (id, sample) in &samples {
        let message = message_of(sample);
        let options = DecideOptions {
            incident: sample.incident.as_ref().map(|i| i.as_str()),
            at: None,
        };
        let (a, b) = (
            router_base.decide(&message, &options),
            router_head.decide(&message, &options),
        );
        let mut changes = Vec::new();
        let mut field = |field: &'static str, before: String, after: String| {
            if before != after {
                changes.push(FieldChange {
                    field,
                    before,
                    after,
                });
            }
        };
        let tags = |d: &crate::router::Decision| {
            let set: BTreeSet<&str> = d.tags.iter().map(|t| t.tag).collect();
            set.into_iter().collect::<Vec<_>>().join(", ")
        };
        let text = |v: Option<&str>| v.unwrap_or("-").to_string();
        let time = |t: Option<jiff::Timestamp>| t.map_or("-".to_string(), |t| t.to_string());
        field("tags", tags(&a), tags(&b));
        field("team", text(a.team), text(b.team));
        field("queue", text(a.queue), text(b.queue));
        field(
            "priority",
            crate::router::explain::priority(&a).into(),
            crate::router::explain::priority(&b).into(),
        );
        field(
            "response mode",
            crate::router::explain::mode(&a).into(),
            crate::router::explain::mode(&b).into(),
        );
        field(
            "first response due",
            time(a.first_response_due),
            time(b.first_response_due),
        );
        field(
            "resolution due",
            time(a.resolution_due),
            time(b.resolution_due),
        );
        if !changes.is_empty() {
            rerouted.push(Rerouted {
                sample: id.to_string(),
                changes,
            });
        }
    }
    Ok(Report {
        sections,
        rerouted,
        samples: samples.len(),
        traffic: None,
    })
}

/// What the router learns from, as one item: the thresholds, how many
/// examples, how many carry each tag, and a digest of the labelled texts.
/// The texts themselves are too many to list; a changed count or digest
/// says where to look, and the samples below show what it does.
fn learning_summary(ir: &Ir) -> BTreeMap<String, Value> {
    let Some(l) = &ir.learning else {
        return BTreeMap::new();
    };
    let mut summary = serde_json::Map::new();
    summary.insert("keep_at".into(), l.keep_at.into());
    summary.insert("add_at".into(), l.add_at.into());
    for (tag, own) in &l.tags {
        summary.insert(format!("keep_at {tag}"), own.keep_at.into());
        summary.insert(format!("add_at {tag}"), own.add_at.into());
    }
    summary.insert("examples".into(), l.examples.len().into());
    // FNV-1a over each text, its tags and its language, in order: the
    // language teaches the identifier too.
    let digest = l.examples.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, e| {
        let bytes = e
            .text
            .bytes()
            .chain(e.tags.iter().flat_map(|t| t.bytes().chain([0])))
            .chain(
                e.lang
                    .iter()
                    .flat_map(|l| [0xfe].into_iter().chain(l.bytes())),
            );
        bytes
            .chain([0xff])
            .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    });
    summary.insert(
        "texts, labels and languages".into(),
        format!("{digest:016x}").into(),
    );
    let mut per_tag: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &l.examples {
        for t in &e.tags {
            *per_tag.entry(t.as_str()).or_default() += 1;
        }
    }
    for (tag, n) in per_tag {
        summary.insert(format!("labelled {tag}"), n.into());
    }
    BTreeMap::from([("learning".to_string(), Value::Object(summary))])
}

fn items<'a, T: Serialize + 'a>(
    list: impl IntoIterator<Item = (String, T)>,
) -> BTreeMap<String, Value> {
    list.into_iter()
        .map(|(id, v)| (id, serde_json::to_value(v).unwrap_or(Value::Null)))
        .collect()
}

/// An item with its place in an ordered list, where order means something
/// (routes: first match wins; severities: most severe first).
fn with_position<T: Serialize>(item: &T, index: usize) -> Value {
    let mut v = serde_json::to_value(item).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("position".into(), Value::from(index + 1));
    }
    v
}

fn diff_items(before: &BTreeMap<String, Value>, after: &BTreeMap<String, Value>) -> Vec<Change> {
    let ids: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut out = Vec::new();
    for id in ids {
        match (before.get(id), after.get(id)) {
            (None, Some(_)) => out.push(Change {
                id: id.clone(),
                kind: Kind::Added,
                details: Vec::new(),
            }),
            (Some(_), None) => out.push(Change {
                id: id.clone(),
                kind: Kind::Removed,
                details: Vec::new(),
            }),
            (Some(b), Some(a)) if a != b => out.push(Change {
                id: id.clone(),
                kind: Kind::Changed,
                details: field_changes("", b, a),
            }),
            _ => {}
        }
    }
    out
}

/// Field by field; lists as what was added and removed.
fn field_changes(path: &str, before: &Value, after: &Value) -> Vec<String> {
    let name = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            let keys: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
            keys.into_iter()
                .flat_map(|k| {
                    let (x, y) = (
                        b.get(k).unwrap_or(&Value::Null),
                        a.get(k).unwrap_or(&Value::Null),
                    );
                    if x == y {
                        Vec::new()
                    } else {
                        field_changes(&name(k), x, y)
                    }
                })
                .collect()
        }
        (Value::Array(b), Value::Array(a)) => {
            let bs: Vec<String> = b.iter().map(compact).collect();
            let as_: Vec<String> = a.iter().map(compact).collect();
            let added: Vec<&String> = as_.iter().filter(|x| !bs.contains(x)).collect();
            let removed: Vec<&String> = bs.iter().filter(|x| !as_.contains(x)).collect();
            let label = if path.is_empty() {
                "items".to_string()
            } else {
                path.to_string()
            };
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("+ {}", join(&added)));
            }
            if !removed.is_empty() {
                parts.push(format!("− {}", join(&removed)));
            }
            if parts.is_empty() {
                parts.push("reordered".to_string());
            }
            vec![format!("{label}: {}", parts.join("; "))]
        }
        // Durations read as a care team writes them: `1h` → `45m`.
        (Value::Number(b), Value::Number(a)) if path.ends_with("_seconds") => {
            let d = |v: &serde_json::Number| {
                v.as_u64().map_or(v.to_string(), |s| {
                    crate::model::Duration::from_secs(s).to_string()
                })
            };
            vec![format!(
                "{}: {} → {}",
                path.trim_end_matches("_seconds"),
                d(b),
                d(a)
            )]
        }
        _ => vec![format!(
            "{}: {} → {}",
            if path.is_empty() { "value" } else { path },
            compact(before),
            compact(after)
        )],
    }
}

fn join(items: &[&String]) -> String {
    items
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn compact(v: &Value) -> String {
    match v {
        Value::Null => "(none)".to_string(),
        Value::String(s) => s.clone(),
        Value::Object(map) if map.contains_key("text") => map["text"]
            .as_str()
            .map_or_else(|| v.to_string(), String::from),
        other => other.to_string(),
    }
}
