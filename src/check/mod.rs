//! Semantic checks over a loaded playbook. Each family lives in its own
//! module; all share one [`Context`] holding the symbol tables, built once.
//! No check modifies the playbook.

mod authority;
mod bot;
mod coverage;
mod cycles;
mod examples;
mod follow_ups;
mod handoff;
mod ids;
mod keywords;
mod macros;
mod patterns;
mod proactive;
mod references;
mod routes;
mod schedule;
mod sla;
mod tags;
mod understaffing;
mod values;
mod voice;
mod zendesk;

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic, Label, did_you_mean};
use crate::load::{Loc, Playbook};
use crate::model::*;
use crate::source::Sources;

pub use crate::model::TagFacts;
pub use ids::Ids;
pub use routes::RouteTable;

/// What every check reads, and where findings go.
pub struct Context<'a> {
    pub pb: &'a Playbook,
    pub sources: &'a Sources,
    pub ids: Ids<'a>,
    pub out: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub fn label(&self, loc: &Loc) -> Label {
        loc.label(self.sources)
    }

    pub fn key_label(&self, loc: &Loc) -> Label {
        loc.key_label(self.sources)
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// Reports `id` at `loc` unless `table` defines it.
    pub fn reference<T>(&mut self, what: &str, table: &BTreeMap<&str, T>, id: &str, loc: Loc) {
        if table.contains_key(id) {
            return;
        }
        let help = did_you_mean(id, table.keys().copied());
        let label = self.label(&loc).with_message(format!("no {what} `{id}`"));
        self.push(
            Diagnostic::new(Code::UnknownReference, format!("unknown {what} `{id}`"))
                .at(label)
                .help_opt(help.or_else(|| {
                    (!table.is_empty() && table.len() <= 12).then(|| {
                        format!(
                            "known {}: {}",
                            plural(what),
                            table.keys().copied().collect::<Vec<_>>().join(", ")
                        )
                    })
                })),
        );
    }
}

fn plural(what: &str) -> String {
    match what.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{what}s"),
    }
}

/// A severity's target as time on its clock, for comparing targets:
/// business days at the length of its calendar's usual open day (`1bd`
/// is 8 business hours at a 9-to-5 office, not 24).
pub fn target_seconds(pb: &Playbook, s: &crate::model::Severity, d: crate::model::Duration) -> u64 {
    if d.business_days == 0 {
        return d.seconds;
    }
    let day = s
        .calendar
        .as_ref()
        .and_then(|c| pb.calendars.iter().find(|x| x.id == *c))
        .map_or(86_400, |c| u64::from(c.usual_day_minutes()) * 60);
    u64::from(d.business_days) * day
}

/// How many steps an audience's boost raises a message.
pub fn audience_steps(pb: &Playbook, audience: crate::model::Audience) -> u8 {
    let boosts = pb.boosts.first();
    match audience {
        crate::model::Audience::Vip => boosts.map_or(0, |b| b.vip),
        crate::model::Audience::Influencer => boosts
            .and_then(|b| b.influencer.as_ref())
            .map_or(0, |i| i.raise),
        crate::model::Audience::Regular => 0,
    }
}

/// The severity whose targets (and clock, and chain) a message of
/// severity `s` ends with after `steps` of boost, as in the router: its
/// own, or the first with the raised priority when one has it.
pub fn boosted_severity(pb: &Playbook, s: usize, steps: u8) -> usize {
    let p = pb.severities[s].priority;
    let raised = p.raised(steps);
    if raised == p {
        return s;
    }
    pb.severities
        .iter()
        .position(|x| x.priority == raised)
        .unwrap_or(s)
}

/// Where the `i`th team a hand-over goes to is written.
pub fn handover_target(h: &crate::load::At<crate::model::Handover>, i: usize) -> Loc {
    if h.to.is_list() {
        h.loc.child(format!("to/{i}"))
    } else {
        h.loc.child("to")
    }
}

/// A playbook directory loaded and checked: what `carebook validate`
/// reports, and what every command that needs a valid playbook starts
/// from.
pub struct Validated {
    /// The model, when the files parsed into one (it may still have errors).
    pub playbook: Option<Playbook>,
    pub sources: Sources,
    /// Every problem found loading and checking, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    pub load_timings: crate::load::LoadTimings,
    /// Wall time of loading, and of the checks.
    pub load_time: std::time::Duration,
    pub check_time: std::time::Duration,
}

impl Validated {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.level == crate::diagnostic::Level::Error)
    }

    /// The playbook, if it parsed and has no errors.
    pub fn valid(&self) -> Option<&Playbook> {
        self.playbook
            .as_ref()
            .filter(|_| self.errors().next().is_none())
    }
}

/// Loads the playbook in `dir` and runs every check: the one way in for
/// the commands and for library users, so they all see the same problems.
/// `Err` only when there is no playbook to look at (no directory, no
/// manifest); everything else is a diagnostic.
pub fn validate(
    dir: &std::path::Path,
    options: &crate::load::LoadOptions,
) -> Result<Validated, crate::load::LoadError> {
    let started = std::time::Instant::now();
    let (loaded, load_timings) = crate::load::load_timed(dir, options)?;
    let load_time = started.elapsed();
    let started = std::time::Instant::now();
    let mut diagnostics = loaded.diagnostics;
    if let Some(pb) = &loaded.playbook {
        diagnostics.extend(run(pb, &loaded.sources));
        crate::diagnostic::sort(&mut diagnostics);
    }
    Ok(Validated {
        playbook: loaded.playbook,
        sources: loaded.sources,
        diagnostics,
        load_timings,
        load_time,
        check_time: started.elapsed(),
    })
}

/// Runs every semantic check; the result is sorted and free of repeats.
pub fn run(pb: &Playbook, sources: &Sources) -> Vec<Diagnostic> {
    // The voice checks lint every macro on every channel and kind: about
    // as much work as all the other checks together, and they read only
    // the playbook. They run beside the rest, and their findings go where
    // running them in turn would have put them, so the order, and with it
    // the output, is the same.
    std::thread::scope(|scope| {
        let voice = scope.spawn(|| {
            let mut cx = Context {
                pb,
                sources,
                ids: Ids::default(),
                out: Vec::new(),
            };
            voice::check(&mut cx);
            cx.out
        });
        run_with(pb, sources, || {
            voice.join().expect("the voice checks do not panic")
        })
    })
}

/// Every check but the voice checks, whose findings `voice` gives.
fn run_with(
    pb: &Playbook,
    sources: &Sources,
    voice: impl FnOnce() -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut cx = Context {
        pb,
        sources,
        ids: Ids::default(),
        out: Vec::new(),
    };
    cx.ids = ids::collect(&mut cx);
    references::check(&mut cx);
    let tag_cycle_free = cycles::check_tags(&mut cx);
    cycles::check_chains(&mut cx);
    cycles::check_roles(&mut cx);
    patterns::check(&mut cx);
    keywords::check(&mut cx);
    values::check(&mut cx);
    let zones_ok = schedule::check(&mut cx);
    sla::check(&mut cx);
    authority::check(&mut cx);
    macros::check(&mut cx);
    // The checks below read `cx.out` only for reference and cycle codes,
    // which the voice checks never give.
    let voice_at = cx.out.len();
    proactive::check(&mut cx);
    // The checks below follow parent links and routes; a broken reference
    // would only echo as noise there.
    let references_ok = !cx.out.iter().any(|d| {
        matches!(
            d.code,
            Code::UnknownReference | Code::DuplicateId | Code::TagCycle
        )
    });
    if tag_cycle_free && references_ok {
        let facts = TagFacts::new(&cx.pb.tags, &cx.pb.severities);
        tags::check(&mut cx, &facts);
        examples::check(&mut cx);
        let table = RouteTable::build(&cx, &facts);
        routes::check(&mut cx, &facts, &table);
        sla::check_first_human(&mut cx, &facts, &table);
        sla::check_incident_overrides(&mut cx);
        follow_ups::check(&mut cx, &facts);
        bot::check(&mut cx, &facts);
        // One roster of who is on shift for both coverage checks.
        if zones_ok && let Some(mut roster) = coverage::Roster::new(&cx) {
            coverage::check(&mut cx, &mut roster, &facts, &table);
            handoff::check(&mut cx, &mut roster);
        }
    }
    if zones_ok && references_ok {
        understaffing::check(&mut cx);
    }
    zendesk::check(&mut cx);
    let mut out = cx.out;
    out.splice(voice_at..voice_at, voice());
    crate::diagnostic::sort(&mut out);
    out
}

/// The id of an item, for tables.
pub trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty => $f:ident),* $(,)?) => {
        $(impl HasId for $t {
            fn id(&self) -> &str {
                self.$f.as_str()
            }
        })*
    };
}

has_id!(
    Tag => id, Macro => id, Severity => id, Calendar => id, Queue => id, Route => id,
    Chain => id, Incident => id, Role => id, Team => id, Shift => id, Sample => id,
    Channel => id, Language => code, FollowUp => id,
);
