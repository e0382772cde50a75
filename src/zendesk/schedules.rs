//! Schedules from the business-hours calendars that SLA targets count
//! in (a calendar nothing in Zendesk refers to would only be clutter an
//! admin has to wonder about): weekly intervals as minutes from Sunday
//! 00:00 (Zendesk's week starts on Sunday; the playbook's on Monday),
//! never crossing midnight, and dated holidays.

use super::fidelity::Notes;
use super::{Holiday, Schedule};
use crate::ir::{Ir, IrCalendar};
use crate::load::Playbook;
use crate::tz::zendesk as time_zones;

const DAY: u32 = 1440;

pub fn plan(pb: &Playbook, ir: &Ir, notes: &mut Notes) -> Vec<Schedule> {
    let counted = super::sla::counted_calendars(ir);
    ir.calendars
        .iter()
        .filter(|c| counted.contains(&c.id.as_str()))
        .map(|c| {
            // The IR keeps ids only; people pick a schedule by its name.
            let name = pb
                .calendars
                .iter()
                .find(|x| x.id.as_str() == c.id)
                .map_or_else(|| c.id.clone(), |x| x.name.clone());
            schedule(c, name, notes)
        })
        .collect()
}

fn schedule(c: &IrCalendar, name: String, notes: &mut Notes) -> Schedule {
    let time_zone = match time_zones::zendesk_name(&c.timezone) {
        Some(name) => name.to_string(),
        None => {
            // `validate` refuses this (CB501); kept as written so the
            // body still says which zone was meant.
            notes.add(
                format!("schedule `{}`", c.id),
                format!(
                    "Zendesk has no name for time zone `{}`; the body keeps the IANA name, which Zendesk rejects",
                    c.timezone
                ),
            );
            c.timezone.clone()
        }
    };
    Schedule {
        key: c.id.clone(),
        name,
        time_zone,
        intervals: week_intervals(c),
        holidays: c
            .holidays
            .iter()
            .map(|h| Holiday {
                name: h.name.clone(),
                start_date: h.from.clone(),
                end_date: h.until.clone(),
            })
            .collect(),
    }
}

/// The calendar's hours as Zendesk intervals: overlapping hours on one
/// day merged (Zendesk refuses overlaps; the router counts shared time
/// once), sorted from Sunday.
pub fn week_intervals(c: &IrCalendar) -> Vec<(u32, u32)> {
    let mut days: [Vec<(u32, u32)>; 7] = Default::default();
    for h in &c.hours {
        let start = u32::from(h.start);
        let end = u32::from(h.end).min(DAY);
        if end <= start {
            continue;
        }
        // Monday is day 0 in the playbook, day 1 in Zendesk's week.
        days[(usize::from(h.day) + 1) % 7].push((start, end));
    }
    let mut out = Vec::new();
    for (sunday_offset, day) in days.iter_mut().enumerate() {
        day.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::new();
        for &(s, e) in day.iter() {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let base = sunday_offset as u32 * DAY;
        out.extend(merged.into_iter().map(|(s, e)| (base + s, base + e)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::IrWeeklyInterval;

    #[test]
    fn monday_first_hours_become_minutes_from_sunday() {
        let c = IrCalendar {
            id: "office".into(),
            timezone: "Europe/Dublin".into(),
            hours: vec![
                IrWeeklyInterval {
                    day: 0,
                    start: 480,
                    end: 1200,
                },
                IrWeeklyInterval {
                    day: 6,
                    start: 0,
                    end: 1440,
                },
                IrWeeklyInterval {
                    day: 0,
                    start: 600,
                    end: 1260,
                },
            ],
            holidays: vec![],
        };
        // Sunday whole day first, then Monday 08:00-21:00 merged.
        assert_eq!(week_intervals(&c), vec![(0, 1440), (1920, 2700)]);
    }
}
