//! The sample messages with the router's decision on each: examples for
//! the tag glossary and the scenarios, and the quiz with its answer key.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Names, find};
use crate::load::Playbook;
use crate::model::Audience;
use crate::router::{Coverage, DecideOptions, ResponseReason, Router};

#[derive(Debug, Clone, Serialize)]
pub struct Quiz {
    pub questions: Vec<SampleCase>,
    /// Whether the questions were chosen for the handbook's role (else the
    /// whole playbook).
    pub for_role: bool,
}

/// A sample message and what the playbook does with it, from the router.
#[derive(Debug, Clone, Serialize)]
pub struct SampleCase {
    pub n: usize,
    pub id: String,
    pub channel: String,
    pub channel_name: String,
    pub kind: &'static str,
    pub lang: String,
    /// `a VIP`, `an influencer (120000 followers)`.
    pub author: Option<String>,
    /// The incident mode switched on, by name.
    pub incident: Option<String>,
    /// In the playbook's default zone: `Thu 2026-01-08 23:40`.
    pub received: String,
    pub text: String,
    pub tags: Vec<String>,
    pub deciding_tag: Option<String>,
    pub severity: String,
    pub priority: &'static str,
    pub queue: Option<String>,
    pub queue_name: Option<String>,
    pub team: Option<String>,
    /// The team that covers the queue when the message arrives.
    pub covered_by: Option<String>,
    pub needs_reply: bool,
    /// `public`, `private` or `no reply`.
    pub reply: &'static str,
    pub reply_reason: String,
    pub first_response_due: Option<String>,
    pub macros: Vec<String>,
    /// Personal data the router found in the text, worded.
    pub personal_data: Vec<String>,
}

/// Every sample through the router, as the playbook's tests run it.
pub(super) fn sample_cases(pb: &Playbook, router: &Router, names: &Names) -> Vec<SampleCase> {
    let zone = crate::tz::db()
        .get(pb.manifest.default_timezone.as_str())
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let when = |ts: jiff::Timestamp| {
        ts.to_zoned_datetime(zone.clone())
            .strftime("%a %Y-%m-%d %H:%M")
            .to_string()
    };
    // Routing thousands of samples is a large playbook's biggest share of
    // the handbook data: the cores share it.
    crate::parallel::map(&pb.samples, |i, sample| {
        let message = crate::sampletest::message_of(sample);
        let options = DecideOptions {
            incident: sample.incident.as_ref().map(|i| i.as_str()),
            at: None,
        };
        let d = router.decide(&message, &options);
        let covered_by = match d.coverage {
            Coverage::OnShift { team, .. } | Coverage::Handover { team, .. } => {
                Some(team.to_string())
            }
            Coverage::Uncovered | Coverage::NoQueue => None,
        };
        let reply = if !d.needs_reply {
            "no reply"
        } else {
            d.response_mode.as_str()
        };
        let reply_reason = match d.response_reason {
            ResponseReason::PrivateMessage => "it came as a private message".to_string(),
            ResponseReason::ContainsPersonalData => "it contains personal data".to_string(),
            ResponseReason::TagNeedsPersonalData { tag } => {
                format!("tag {tag} needs personal data")
            }
            ResponseReason::General => "nothing in it needs privacy".to_string(),
        };
        let author = sample.author.as_ref().and_then(|a| {
            if a.vip {
                Some("a VIP".to_string())
            } else if d.audience == Audience::Influencer {
                Some(format!("an influencer ({} followers)", a.followers))
            } else {
                None
            }
        });
        SampleCase {
            n: i + 1,
            id: sample.id.to_string(),
            channel: sample.channel.to_string(),
            channel_name: names.channel(sample.channel.as_str()),
            kind: sample.kind.as_str(),
            lang: d.language.clone(),
            author,
            incident: sample.incident.as_ref().map(|id| {
                find(&pb.incidents, |x| x.id == *id)
                    .map_or_else(|| id.to_string(), |x| x.name.clone())
            }),
            received: when(message.received_at),
            text: sample.text.clone(),
            tags: d.tags.iter().map(|t| t.tag.to_string()).collect(),
            deciding_tag: d.deciding_tag.map(str::to_string),
            severity: d.severity.to_string(),
            priority: d.priority.as_str(),
            queue: d.queue.map(str::to_string),
            queue_name: d.queue.map(|q| names.queue(q)),
            team: d.team.map(str::to_string),
            covered_by,
            needs_reply: d.needs_reply,
            reply,
            reply_reason,
            first_response_due: d.first_response_due.map(when),
            macros: d.macros.iter().map(|m| m.id.to_string()).collect(),
            personal_data: {
                let mut found: Vec<String> = Vec::new();
                for f in &d.personal_data {
                    let what = f.kind.description().to_string();
                    if !found.contains(&what) {
                        found.push(what);
                    }
                }
                found
            },
        }
    })
}

/// The quiz: of the samples `keep` accepts, the first decided by each tag
/// and the first that matches no tag, in the samples' order, numbered
/// from 1.
pub(super) fn quiz(cases: &[SampleCase], keep: impl Fn(&SampleCase) -> bool) -> Vec<SampleCase> {
    let mut seen: BTreeSet<Option<&str>> = BTreeSet::new();
    let mut out: Vec<SampleCase> = Vec::new();
    for c in cases.iter().filter(|c| keep(c)) {
        if seen.insert(c.deciding_tag.as_deref()) {
            let mut q = c.clone();
            q.n = out.len() + 1;
            out.push(q);
        }
    }
    out
}
