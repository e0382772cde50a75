//! The IR's references by id resolved to positions once, when the router
//! is built, so that deciding a message compares no ids: which team and
//! business hours a queue has, which chain a severity or route escalates
//! to and its rungs in order, who is on which shift in which language,
//! and which macros a tag may be answered with.

use std::collections::BTreeMap;

use super::RouterError;
use super::clock::{BusinessCalendar, Holidays, ShiftRule};
use crate::ir::Ir;

/// One rung of a chain as the router walks it: the chain and rung it
/// is, and its time from arrival, the rungs before it included.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rung {
    pub chain: usize,
    pub rung: usize,
    pub after: u64,
}

/// Who may cover a team's queues: its own rota, then the teams it hands
/// over to.
#[derive(Debug)]
pub(super) struct Cover {
    pub holidays: Holidays,
    /// Each rota line: its position in the team's rota, its shift (if it
    /// exists) and the languages (positions in [`Index::languages`]).
    pub rota: Vec<(usize, Option<usize>, Vec<usize>)>,
    /// The teams it hands over to that exist, in order.
    pub handover: Vec<usize>,
}

#[derive(Debug)]
pub(super) struct Index {
    pub calendars: Vec<BusinessCalendar>,
    pub shifts: Vec<ShiftRule>,
    /// By queue: its team and its own business hours.
    pub queue_team: Vec<usize>,
    pub queue_calendar: Vec<Option<usize>>,
    pub route_queue: Vec<usize>,
    pub incident_queue: Vec<usize>,
    /// By severity: its business hours and chain.
    pub severity_calendar: Vec<Option<usize>>,
    pub severity_chain: Vec<Option<usize>>,
    pub route_chain: Vec<Option<usize>>,
    /// By chain: its rungs, then those of the chains it continues with.
    pub chain_rungs: Vec<Vec<Rung>>,
    pub teams: Vec<Cover>,
    /// The playbook's languages, then any other a rota names.
    pub languages: Vec<String>,
    /// By tag: the macros for it or one of its ancestors, in file order.
    pub tag_macros: Vec<Vec<usize>>,
}

/// Each id's position; the first item wins where an id repeats (which
/// only a hand-edited routing file can have), as a search would find it.
fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> BTreeMap<&str, usize> {
    let mut at = BTreeMap::new();
    for (i, x) in items.iter().enumerate() {
        at.entry(id(x)).or_insert(i);
    }
    at
}

impl Index {
    /// `ancestors` holds each tag's ancestors, itself first.
    pub fn new(ir: &Ir, ancestors: &[Vec<usize>]) -> Result<Index, RouterError> {
        let calendar_at = positions(&ir.calendars, |c| &c.id);
        let shift_at = positions(&ir.shifts, |s| &s.id);
        let team_at = positions(&ir.teams, |t| &t.id);
        let queue_at = positions(&ir.queues, |q| &q.id);
        let chain_at = positions(&ir.chains, |c| &c.id);
        let missing = |what: &'static str, id: &str| RouterError::Missing {
            what,
            id: id.to_string(),
        };
        let queue = |id: &str| {
            queue_at
                .get(id)
                .copied()
                .ok_or_else(|| missing("queue", id))
        };
        let calendar =
            |id: &Option<String>| id.as_deref().and_then(|c| calendar_at.get(c).copied());
        let chain = |id: &Option<String>| id.as_deref().and_then(|c| chain_at.get(c).copied());

        // Built first, so that a routing file with several problems gets
        // the same first error as before positions were resolved.
        let calendars = ir
            .calendars
            .iter()
            .map(BusinessCalendar::new)
            .collect::<Result<_, _>>()?;
        let shifts = ir
            .shifts
            .iter()
            .map(ShiftRule::new)
            .collect::<Result<_, _>>()?;
        let mut languages = ir.languages.clone();
        for rota in ir.teams.iter().flat_map(|t| &t.rota) {
            for l in &rota.languages {
                if !languages.contains(l) {
                    languages.push(l.clone());
                }
            }
        }
        let language_at = |l: &String| languages.iter().position(|x| x == l);
        let teams = ir
            .teams
            .iter()
            .map(|t| {
                Ok(Cover {
                    holidays: Holidays::new(&t.holidays)?,
                    rota: t
                        .rota
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let langs = r.languages.iter().filter_map(language_at).collect();
                            (i, shift_at.get(r.shift.as_str()).copied(), langs)
                        })
                        .collect(),
                    handover: t
                        .handover_to
                        .iter()
                        .filter_map(|h| team_at.get(h.as_str()).copied())
                        .collect(),
                })
            })
            .collect::<Result<_, RouterError>>()?;

        let chain_rungs = (0..ir.chains.len())
            .map(|start| {
                let mut rungs = Vec::new();
                let mut total = 0u64;
                let mut seen = Vec::new();
                let mut current = Some(start);
                while let Some(c) = current {
                    if seen.contains(&c) {
                        break;
                    }
                    seen.push(c);
                    for (r, rung) in ir.chains[c].rungs.iter().enumerate() {
                        total = total.saturating_add(rung.after_seconds);
                        rungs.push(Rung {
                            chain: c,
                            rung: r,
                            after: total,
                        });
                    }
                    current = chain(&ir.chains[c].then);
                }
                rungs
            })
            .collect();

        let tag_macros = ancestors
            .iter()
            .map(|chain| {
                ir.macros
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| {
                        m.tags
                            .iter()
                            .any(|t| chain.iter().any(|&a| ir.tags[a].id == *t))
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();

        Ok(Index {
            calendars,
            shifts,
            queue_team: ir
                .queues
                .iter()
                .map(|q| {
                    team_at
                        .get(q.team.as_str())
                        .copied()
                        .ok_or_else(|| missing("team", &q.team))
                })
                .collect::<Result<_, _>>()?,
            queue_calendar: ir.queues.iter().map(|q| calendar(&q.calendar)).collect(),
            route_queue: ir
                .routes
                .iter()
                .map(|r| queue(&r.queue))
                .collect::<Result<_, _>>()?,
            incident_queue: ir
                .incidents
                .iter()
                .map(|i| queue(&i.queue))
                .collect::<Result<_, _>>()?,
            severity_calendar: ir
                .severities
                .iter()
                .map(|s| calendar(&s.calendar))
                .collect(),
            severity_chain: ir.severities.iter().map(|s| chain(&s.escalation)).collect(),
            route_chain: ir.routes.iter().map(|r| chain(&r.escalation)).collect(),
            chain_rungs,
            teams,
            languages,
            tag_macros,
        })
    }

    /// The position of a message's language among [`Index::languages`].
    pub fn language(&self, lang: &str) -> Option<usize> {
        self.languages.iter().position(|l| l == lang)
    }
}
