//! Running the playbook's own tests: every sample message through the
//! router, compared with what the sample expects, like `promtool test
//! rules`. [`render`] turns the outcomes into reports.

mod bot;
pub mod render;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::load::{At, Playbook};
use crate::model::Sample;
use crate::router::{DecideOptions, Decision, Message, Router};

/// One expectation that did not hold.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    pub field: &'static str,
    pub expected: String,
    pub actual: String,
}

pub struct Outcome<'a> {
    pub sample: &'a At<Sample>,
    pub message: Message,
    pub decision: Decision<'a>,
    pub mismatches: Vec<Mismatch>,
}

impl Outcome<'_> {
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// The message a sample describes.
pub fn message_of(sample: &Sample) -> Message {
    Message {
        id: sample.id.0.clone(),
        channel: sample.channel.0.clone(),
        kind: sample.kind,
        text: sample.text.clone(),
        received_at: sample.received_at.0,
        lang: sample.lang.as_ref().map(|l| l.0.clone()),
        author: sample.author.clone(),
    }
}

pub fn run<'a>(pb: &'a Playbook, router: &'a Router) -> Vec<Outcome<'a>> {
    // Thousands of samples in a large playbook: the cores share them.
    crate::parallel::map(&pb.samples, |_, sample| {
        let message = message_of(sample);
        let options = DecideOptions {
            incident: sample.incident.as_ref().map(|i| i.as_str()),
            at: None,
        };
        let decision = router.decide(&message, &options);
        let mismatches = compare(sample, &decision);
        Outcome {
            sample,
            message,
            decision,
            mismatches,
        }
    })
}

fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let v: Vec<String> = items.into_iter().map(|s| s.as_ref().to_string()).collect();
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(", ")
    }
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or("(none)").to_string()
}

fn compare(sample: &Sample, d: &Decision) -> Vec<Mismatch> {
    let e = &sample.expect;
    let mut out = Vec::new();
    let mut check = |field: &'static str, ok: bool, expected: String, actual: String| {
        if !ok {
            out.push(Mismatch {
                field,
                expected,
                actual,
            });
        }
    };
    let actual: BTreeSet<&str> = d.tags.iter().map(|t| t.tag).collect();
    if let Some(tags) = &e.tags {
        let want: BTreeSet<&str> = tags.iter().map(|t| t.as_str()).collect();
        check("tags", want == actual, list(&want), list(&actual));
    }
    let missing: Vec<&str> = e
        .tags_include
        .iter()
        .map(|t| t.as_str())
        .filter(|t| !actual.contains(t))
        .collect();
    check(
        "tags_include",
        missing.is_empty(),
        format!(
            "includes {}",
            list(e.tags_include.iter().map(|t| t.as_str()))
        ),
        format!("{} (missing {})", list(&actual), list(&missing)),
    );
    let unwanted: Vec<&str> = e
        .tags_exclude
        .iter()
        .map(|t| t.as_str())
        .filter(|t| actual.contains(t))
        .collect();
    check(
        "tags_exclude",
        unwanted.is_empty(),
        format!(
            "none of {}",
            list(e.tags_exclude.iter().map(|t| t.as_str()))
        ),
        list(&unwanted),
    );
    if let Some(v) = e.needs_reply {
        check(
            "needs_reply",
            v == d.needs_reply,
            v.to_string(),
            d.needs_reply.to_string(),
        );
    }
    if let Some(v) = &e.severity {
        check(
            "severity",
            v.as_str() == d.severity,
            v.to_string(),
            d.severity.to_string(),
        );
    }
    if let Some(v) = e.priority {
        check(
            "priority",
            v == d.priority,
            v.as_str().into(),
            d.priority.as_str().into(),
        );
    }
    if let Some(v) = &e.queue {
        check(
            "queue",
            Some(v.as_str()) == d.queue,
            v.to_string(),
            opt(d.queue),
        );
    }
    if let Some(v) = &e.team {
        check(
            "team",
            Some(v.as_str()) == d.team,
            v.to_string(),
            opt(d.team),
        );
    }
    if let Some(v) = e.response_mode {
        check(
            "response_mode",
            v == d.response_mode,
            v.as_str().into(),
            d.response_mode.as_str().into(),
        );
    }
    let due = |t: Option<jiff::Timestamp>| t.map_or("(none)".to_string(), |t| t.to_string());
    if let Some(v) = e.first_response_due {
        check(
            "first_response_due",
            Some(v.0) == d.first_response_due,
            v.0.to_string(),
            due(d.first_response_due),
        );
    }
    if let Some(v) = e.resolution_due {
        check(
            "resolution_due",
            Some(v.0) == d.resolution_due,
            v.0.to_string(),
            due(d.resolution_due),
        );
    }
    if let Some(v) = &e.escalation {
        let got: Vec<&str> = d
            .escalation
            .iter()
            .map(|r| {
                if r.automated {
                    "automated"
                } else {
                    r.role.or(r.team).unwrap_or("?")
                }
            })
            .collect();
        check(
            "escalation",
            v.iter().map(String::as_str).eq(got.iter().copied()),
            list(v),
            list(&got),
        );
    }
    bot::compare(e, d, &mut check);
    out
}

/// What the samples exercise, and what they leave untested.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub tags: Vec<String>,
    pub routes: Vec<String>,
    /// `chain#rung` (1-based) never reached by any sample's chain.
    pub rungs: Vec<String>,
    pub exercised: usize,
    pub total: usize,
}

impl Coverage {
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.exercised as f64 / self.total as f64
        }
    }
}

/// Whether tag `id` has `ancestor` above it. Cycles are refused by
/// validate (CB203); the walk stops after as many steps as there are tags.
fn descends_from(ir: &crate::ir::Ir, id: &str, ancestor: &str) -> bool {
    let parent_of = |t: &str| {
        ir.tags
            .iter()
            .find(|x| x.id == t)
            .and_then(|x| x.parent.as_deref())
    };
    let mut up = parent_of(id);
    for _ in 0..ir.tags.len() {
        match up {
            Some(p) if p == ancestor => return true,
            Some(p) => up = parent_of(p),
            None => return false,
        }
    }
    false
}

pub fn coverage(router: &Router, outcomes: &[Outcome]) -> Coverage {
    let ir = router.ir();
    let tags: BTreeSet<&str> = outcomes
        .iter()
        .flat_map(|o| o.decision.tags.iter().map(|t| t.tag))
        .collect();
    let routes: BTreeSet<&str> = outcomes.iter().filter_map(|o| o.decision.route).collect();
    let chains: BTreeSet<&str> = outcomes
        .iter()
        .flat_map(|o| o.decision.escalation.iter().map(|r| r.chain))
        .collect();
    // A parent that only groups its children (no keywords or patterns of
    // its own) is exercised through them: no sample can set it alone.
    let grouping_only = |t: &crate::ir::IrTag| t.keywords.is_empty() && t.patterns.is_empty();
    let exercised_below = |id: &str| {
        ir.tags
            .iter()
            .any(|child| tags.contains(child.id.as_str()) && descends_from(ir, &child.id, id))
    };
    let untested_tags: Vec<String> = ir
        .tags
        .iter()
        .filter(|t| !tags.contains(t.id.as_str()))
        .filter(|t| !(grouping_only(t) && exercised_below(&t.id)))
        .map(|t| t.id.clone())
        .collect();
    let untested_routes: Vec<String> = ir
        .routes
        .iter()
        .filter(|r| !routes.contains(r.id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    let mut untested_rungs = Vec::new();
    let mut rung_total = 0;
    for c in &ir.chains {
        rung_total += c.rungs.len();
        if !chains.contains(c.id.as_str()) {
            untested_rungs.extend((1..=c.rungs.len()).map(|i| format!("{}#{i}", c.id)));
        }
    }
    let total = ir.tags.len() + ir.routes.len() + rung_total;
    let missed = untested_tags.len() + untested_routes.len() + untested_rungs.len();
    Coverage {
        tags: untested_tags,
        routes: untested_routes,
        rungs: untested_rungs,
        exercised: total - missed,
        total,
    }
}
