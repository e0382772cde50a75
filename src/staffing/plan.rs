//! The staffing plan of one week: for every queue (a forecast entry, one
//! channel in one language) and every hour, the forecast volume, the agents
//! Erlang C requires against the playbook's `service_level`, the agents on
//! shift who speak the language, and the gap between them.
//!
//! The week is a [`Week`] in the manifest's default time zone; each
//! queue's needs come from its [`Demand`].
//!
//! A member counts for every queue in every language they speak. When one
//! person covers several queues at once, "scheduled" is an upper bound: a
//! gap is real, a covered hour may not be. A member on shift for part of an
//! hour counts for that part (half an hour is 0.5).

use std::collections::HashMap;

use jiff::civil::Date;

use super::demand::{Demand, DemandError, Requirement};
use super::erlang::{self, ErlangError, Target};
use super::shifts::shift_intervals;
use super::week::{HOUR, Week, WeekError};
use crate::load::Playbook;
use crate::model::Calendar;

/// Instants `[start, end)` in Unix seconds.
type Intervals = Vec<(i64, i64)>;

/// Why a plan cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error(
        "the playbook has no `service_level` in its staffing files: there is no target to plan for"
    )]
    NoServiceLevel,
    #[error("the playbook has no `forecast` in its staffing files: there is no volume to plan for")]
    NoForecast,
    #[error("`service_level`: {0}")]
    ServiceLevel(ErlangError),
    #[error(transparent)]
    Week(#[from] WeekError),
    #[error("forecast for `{channel}`/`{lang}`: {source}")]
    Forecast {
        channel: String,
        lang: String,
        source: DemandError,
    },
}

/// One queue in one interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub need: Requirement,
    /// Seconds members who speak the language are on shift in the slot,
    /// summed over members (exact, so that a gap of 0 is never -1e-16).
    pub scheduled_seconds: i64,
    pub slot_seconds: i64,
}

impl Cell {
    /// Agents on shift: member-time in the slot over the slot's length.
    pub fn scheduled(&self) -> f64 {
        self.scheduled_seconds as f64 / self.slot_seconds as f64
    }

    /// Scheduled minus required (after shrinkage); negative when short.
    pub fn gap(&self) -> f64 {
        self.scheduled() - f64::from(self.need.rostered)
    }

    pub fn understaffed(&self) -> bool {
        self.scheduled_seconds < i64::from(self.need.rostered) * self.slot_seconds
    }
}

/// One queue over the week.
#[derive(Debug, Clone)]
pub struct QueuePlan {
    pub channel: String,
    pub lang: String,
    /// Its entry in [`Playbook::forecast`].
    pub forecast: usize,
    pub demand: Demand,
    /// One per slot of the week.
    pub cells: Vec<Cell>,
}

impl QueuePlan {
    /// `x/en`.
    pub fn name(&self) -> String {
        format!("{}/{}", self.channel, self.lang)
    }

    pub fn understaffed_hours(&self) -> usize {
        self.cells.iter().filter(|c| c.understaffed()).count()
    }

    /// The slot with the smallest gap, the earliest of equals.
    pub fn tightest(&self) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, c) in self.cells.iter().enumerate() {
            if best.is_none_or(|b| c.gap() < self.cells[b].gap()) {
                best = Some(i);
            }
        }
        best
    }

    pub fn total_volume(&self) -> f64 {
        self.cells.iter().map(|c| c.need.volume).sum()
    }

    /// Agent-hours required on shift (after shrinkage).
    pub fn required_hours(&self) -> f64 {
        self.cells
            .iter()
            .map(|c| f64::from(c.need.rostered) * c.slot_seconds as f64 / HOUR as f64)
            .sum()
    }

    /// Agent-hours on shift.
    pub fn scheduled_hours(&self) -> f64 {
        self.cells
            .iter()
            .map(|c| c.scheduled_seconds as f64 / HOUR as f64)
            .sum()
    }
}

/// The tightest queue in one day and local hour of the week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridCell {
    pub queue: usize,
    pub slot: usize,
    pub gap: f64,
    /// Slots in this hour: 2 on the night the clocks go back.
    pub slots: u8,
}

/// The plan of one week.
#[derive(Debug, Clone)]
pub struct Plan {
    pub week: Week,
    pub target: Target,
    pub shrinkage: f64,
    pub queues: Vec<QueuePlan>,
}

impl Plan {
    /// Plans the week containing `date` (Monday to Monday in the manifest's
    /// default time zone) for every forecast entry of `pb`.
    pub fn build(pb: &Playbook, date: Date) -> Result<Plan, PlanError> {
        let sl = pb.service_levels.first().ok_or(PlanError::NoServiceLevel)?;
        let target = Target::new(sl.target, sl.within.seconds as f64, sl.max_occupancy)
            .map_err(PlanError::ServiceLevel)?;
        erlang::with_shrinkage(0, sl.shrinkage).map_err(PlanError::ServiceLevel)?;
        if pb.forecast.is_empty() {
            return Err(PlanError::NoForecast);
        }
        let week = Week::containing(date, pb.manifest.default_timezone.as_str())?;
        let on_shift = scheduled_seconds(pb, &week);
        let mut queues = Vec::with_capacity(pb.forecast.len());
        for (i, f) in pb.forecast.iter().enumerate() {
            let concurrency = pb
                .channels
                .iter()
                .find(|c| c.id == f.channel)
                .map_or(1, |c| c.concurrency);
            let forecast_error = |source: DemandError| PlanError::Forecast {
                channel: f.channel.to_string(),
                lang: f.lang.to_string(),
                source,
            };
            let demand = Demand::from_forecast(f, concurrency).map_err(forecast_error)?;
            let needs = demand
                .requirements(&week, &target, sl.shrinkage)
                .map_err(|e| forecast_error(e.into()))?;
            let present = on_shift.get(f.lang.as_str());
            let cells = needs
                .into_iter()
                .zip(&week.slots)
                .enumerate()
                .map(|(s, (need, slot))| Cell {
                    need,
                    scheduled_seconds: present.map_or(0, |p| p[s]),
                    slot_seconds: slot.seconds(),
                })
                .collect();
            queues.push(QueuePlan {
                channel: f.channel.to_string(),
                lang: f.lang.to_string(),
                forecast: i,
                demand,
                cells,
            });
        }
        Ok(Plan {
            week,
            target,
            shrinkage: sl.shrinkage,
            queues,
        })
    }

    /// Days × local hours, each with its tightest queue; `None` for an
    /// hour the clocks skip.
    pub fn grid(&self) -> [[Option<GridCell>; 24]; 7] {
        let mut grid = [[None; 24]; 7];
        for (s, slot) in self.week.slots.iter().enumerate() {
            let Some((queue, gap)) = self
                .queues
                .iter()
                .enumerate()
                .map(|(q, plan)| (q, plan.cells[s].gap()))
                .reduce(|a, b| if b.1 < a.1 { b } else { a })
            else {
                continue;
            };
            let cell: &mut Option<GridCell> = &mut grid[slot.day][slot.hour()];
            match cell {
                Some(c) => {
                    c.slots += 1;
                    if gap < c.gap {
                        (c.queue, c.slot, c.gap) = (queue, s, gap);
                    }
                }
                None => {
                    *cell = Some(GridCell {
                        queue,
                        slot: s,
                        gap,
                        slots: 1,
                    })
                }
            }
        }
        grid
    }
}

/// Member-seconds on shift per language and slot. Each member's shifts are
/// merged first, so two overlapping shifts of one person count once.
fn scheduled_seconds<'a>(pb: &'a Playbook, week: &Week) -> HashMap<&'a str, Vec<i64>> {
    // Each (shift, team calendar) pair is turned into instants once.
    let mut by_shift: HashMap<(&str, Option<&str>), Intervals> = HashMap::new();
    let mut out: HashMap<&str, Vec<i64>> = HashMap::new();
    for team in &pb.teams {
        let calendar: Option<&Calendar> = team
            .calendar
            .as_ref()
            .and_then(|id| pb.calendars.iter().find(|c| &c.id == id).map(|c| &c.value));
        for member in &team.members {
            let mut mine: Vec<(i64, i64)> = Vec::new();
            for id in &member.shifts {
                let Some(shift) = pb.shifts.iter().find(|s| &s.id == id) else {
                    continue;
                };
                let key = (shift.id.as_str(), calendar.map(|c| c.id.as_str()));
                let intervals = by_shift
                    .entry(key)
                    .or_insert_with(|| shift_intervals(shift, calendar, week.monday));
                mine.extend(
                    intervals
                        .iter()
                        .map(|&(s, e)| (s.max(week.start), e.min(week.end)))
                        .filter(|(s, e)| s < e),
                );
            }
            if mine.is_empty() {
                continue;
            }
            let seconds = week.covered_seconds(&mut mine);
            for lang in &member.languages {
                let total = out
                    .entry(lang.as_str())
                    .or_insert_with(|| vec![0; week.slots.len()]);
                for (t, s) in total.iter_mut().zip(&seconds) {
                    *t += s;
                }
            }
        }
    }
    out
}
