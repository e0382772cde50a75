//! SLA targets: they tighten with severity (CB301), and a person is reached
//! before the first-response target passes (CB302).

use std::collections::{BTreeMap, BTreeSet};

use super::routes::UNTAGGED;
use super::{Context, RouteTable, TagFacts};
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::load::{At, Loc};
use crate::model::{Audience, Chain, Duration, Severity};

pub fn check(cx: &mut Context) {
    let severities = &cx.pb.severities;
    for (field, get) in [
        (
            "first_response",
            (|s: &Severity| s.first_response) as fn(&Severity) -> Duration,
        ),
        ("resolution", |s: &Severity| s.resolution),
    ] {
        // The loosest target among the more severe levels so far; a less
        // severe level may not be tighter than it.
        let mut loosest: Option<usize> = None;
        for (i, s) in severities.iter().enumerate() {
            let length = |s: &Severity| super::target_seconds(cx.pb, s, get(s));
            if let Some(j) = loosest
                && length(s) < length(&severities[j])
            {
                let earlier = &severities[j];
                let here = cx.label(&s.loc.child(field)).with_message(format!(
                    "{} for `{}`",
                    get(s),
                    s.id
                ));
                let there = cx.label(&earlier.loc.child(field)).with_message(format!(
                    "{} for the more severe `{}`",
                    get(earlier),
                    earlier.id
                ));
                cx.push(
                    Diagnostic::new(
                        Code::SlaNotTightening,
                        format!(
                            "severity `{}` has a shorter {} target ({}) than the more severe `{}` ({})",
                            s.id,
                            field.replace('_', " "),
                            get(s),
                            earlier.id,
                            get(earlier)
                        ),
                    )
                    .at(here)
                    .related(there)
                    .help("list severities most severe first, each with targets at least as long as the one above"),
                );
            }
            if loosest.is_none_or(|j| length(s) >= length(&severities[j])) {
                loosest = Some(i);
            }
        }
    }
}

/// Time from a message's arrival to the first rung that reaches a person,
/// following `then` into later chains; `None` when no rung ever does.
fn time_to_first_human<'a>(
    cx: &Context<'a>,
    chain: &'a At<Chain>,
) -> Option<(Duration, &'a At<Chain>, usize)> {
    let mut total = 0u64;
    let mut current = chain;
    let mut seen = BTreeSet::new();
    loop {
        if !seen.insert(current.id.as_str()) {
            return None;
        }
        for (i, rung) in current.rungs.iter().enumerate() {
            total = total.saturating_add(rung.after.seconds);
            if !rung.automated {
                return Some((Duration::from_secs(total), current, i));
            }
        }
        current = cx.ids.chains.get(current.then.as_ref()?.as_str())?;
    }
}

pub fn check_first_human(cx: &mut Context, facts: &TagFacts, table: &RouteTable) {
    let pb = cx.pb;
    // (severity whose targets apply, chain id) -> how messages get both;
    // empty for the severity's own chain.
    let mut pairs: BTreeMap<(usize, String), BTreeSet<String>> = BTreeMap::new();
    for (i, s) in pb.severities.iter().enumerate() {
        if let Some(c) = &s.escalation {
            pairs.entry((i, c.0.clone())).or_default();
        }
    }
    // Every class a route wins, as written and after each boost that can
    // reach it: the targets and the chain come from one severity, or the
    // chain from the route.
    let lowest = pb.severities.len().checked_sub(1);
    let emergency = pb
        .boosts
        .first()
        .and_then(|b| b.emergency.as_ref())
        .map_or(0, |e| e.raise);
    for (r, route) in pb.routes.iter().enumerate() {
        for (tag, audience, _) in table.won_by(r) {
            let own = if tag == UNTAGGED {
                lowest
            } else {
                facts.severity[tag].or(lowest)
            };
            let Some(own) = own else { continue };
            let who = Audience::ALL[audience];
            let by_audience = super::audience_steps(pb, who);
            let mut ways = vec![(by_audience, format!("{} message", who.as_str()))];
            if emergency > 0 {
                ways.push((
                    by_audience.saturating_add(emergency),
                    format!("{} emergency", who.as_str()),
                ));
            }
            for (steps, how) in ways {
                let s = super::boosted_severity(pb, own, steps);
                let chain = route
                    .escalation
                    .as_ref()
                    .or(pb.severities[s].escalation.as_ref());
                let Some(chain) = chain else { continue };
                let boosted = s != own;
                let via_route = route.escalation.is_some();
                if !boosted && !via_route {
                    continue;
                }
                let mut via = Vec::new();
                if boosted {
                    via.push(format!("a {how} boosted from `{}`", pb.severities[own].id));
                }
                if via_route {
                    via.push(format!("via route `{}`", route.id));
                }
                pairs
                    .entry((s, chain.0.clone()))
                    .or_default()
                    .insert(via.join(", "));
            }
        }
    }
    for ((s, chain_id), ways) in pairs {
        let via = if ways.is_empty() {
            String::new()
        } else {
            format!(" ({})", ways.into_iter().collect::<Vec<_>>().join("; "))
        };
        let severity = &pb.severities[s];
        let Some(chain) = cx.ids.chains.get(chain_id.as_str()).copied() else {
            continue;
        };
        match time_to_first_human(cx, chain) {
            Some((t, c, i))
                if t.seconds > super::target_seconds(pb, severity, severity.first_response) =>
            {
                let (here, rung) = late_labels(
                    cx,
                    &severity.loc.child("first_response"),
                    severity.first_response,
                    (c, i, t),
                );
                cx.push(
                    Diagnostic::new(
                        Code::FirstResponseBeforeHuman,
                        format!(
                            "severity `{}`{via} must be answered within {}, but chain `{}` reaches its first person only after {t}",
                            severity.id, severity.first_response, chain.id
                        ),
                    )
                    .at(here)
                    .related(rung)
                    .help("shorten the automated rungs' time-outs, or put a person earlier in the chain"),
                );
            }
            None => {
                let here = cx.label(&chain.loc.child("rungs"));
                cx.push(
                    Diagnostic::new(
                        Code::FirstResponseBeforeHuman,
                        format!(
                            "chain `{}` used by severity `{}`{via} never reaches a person: every rung is automated",
                            chain.id, severity.id
                        ),
                    )
                    .at(here)
                    .help("add a rung with a `role` or `team` and no `automated: true`"),
                );
            }
            _ => {}
        }
    }
}

/// What CB302 points at: the first-response target at `at`, and the rung
/// (of chain `c`, index `i`) that first reaches a person, after `t`.
fn late_labels(
    cx: &Context,
    at: &Loc,
    first_response: Duration,
    (c, i, t): (&At<Chain>, usize, Duration),
) -> (Label, Label) {
    let here = cx
        .label(at)
        .with_message(format!("first response due after {first_response}"));
    let rung = cx
        .label(&c.loc.child(format!("rungs/{i}/after")))
        .with_message(format!("first person reached after {t}"));
    (here, rung)
}

/// An incident mode's relaxed (or tightened) first response against the
/// chain its severity's messages follow (CB302 too).
pub fn check_incident_overrides(cx: &mut Context) {
    let pb = cx.pb;
    let mut found = Vec::new();
    for inc in &pb.incidents {
        for (i, o) in inc.sla_overrides.iter().enumerate() {
            let Some(severity) = cx.ids.severities.get(o.severity.as_str()).copied() else {
                continue;
            };
            let Some(chain) = severity
                .escalation
                .as_ref()
                .and_then(|c| cx.ids.chains.get(c.as_str()).copied())
            else {
                continue;
            };
            if let Some((t, c, r)) = time_to_first_human(cx, chain)
                && t.seconds > super::target_seconds(pb, severity, o.first_response)
            {
                let (here, rung) = late_labels(
                    cx,
                    &inc.loc.child(format!("sla_overrides/{i}/first_response")),
                    o.first_response,
                    (c, r, t),
                );
                found.push(
                    Diagnostic::new(
                        Code::FirstResponseBeforeHuman,
                        format!(
                            "in incident mode `{}`, severity `{}` must be answered within {}, but chain `{}` reaches its first person only after {t}",
                            inc.id, severity.id, o.first_response, chain.id
                        ),
                    )
                    .at(here)
                    .related(rung)
                    .help("give the incident mode a first response the chain can meet, or put a person earlier in the chain"),
                );
            }
        }
    }
    cx.out.extend(found);
}
