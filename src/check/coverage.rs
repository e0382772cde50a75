//! Coverage (CB310): for every hour of the 53 weeks from `effective_from`
//! in which messages can arrive and their clock runs, every queue a
//! message class can reach (each route's, after boosts; each incident
//! mode's) has someone on shift, in the queue's team or a hand-over team,
//! who speaks the language of those messages. 24/7 severities need every
//! hour; business-hours ones their calendar's open hours.
//!
//! Shifts are turned into instants in their own time zones, day by day, so
//! DST changes fall where they really do; the union of everyone's shifts is
//! then searched for gaps, rather than sampling hours.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::routes::UNTAGGED;
use super::{Context, RouteTable, TagFacts};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Audience, Calendar, Disposition, Hours};

use crate::staffing::shifts::{Interval, WEEKS, day_spans, shift_intervals};

/// The teams tried in order, the language, and the calendar whose hours
/// need someone (none: every hour).
type GapKey<'a> = (Vec<&'a str>, &'a str, Option<&'a str>);

pub fn check<'a: 'r, 'r>(
    cx: &mut Context<'a>,
    roster: &mut Roster<'r>,
    facts: &TagFacts,
    table: &'r RouteTable,
) {
    let pb = cx.pb;
    let demands = demands(cx, facts, table);
    let mut found = Vec::new();
    for d in demands {
        let teams = roster.teams(d.team);
        let code = d.lang;
        let gaps = roster.gaps(cx, &teams, code, d.calendar);
        let Some(&(first_start, first_end)) = gaps.first() else {
            continue;
        };
        let hours: i64 = gaps.iter().map(|(s, e)| e - s).sum::<i64>() / 3600;
        let severity_names: Vec<String> = d
            .severities
            .iter()
            .map(|&s| format!("`{}`", pb.severities[s].id))
            .collect();
        let who = teams
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let label = cx
            .label(&d.at)
            .with_message(format!("nobody speaking `{code}` on shift in {who}"));
        let when = match d.calendar {
            None => "24/7".to_string(),
            Some(c) => format!("business-hours (calendar `{c}`)"),
        };
        let hours_of = match d.calendar {
            None => String::new(),
            Some(c) => format!(" of `{c}`'s business hours"),
        };
        found.push(
            Diagnostic::new(
                Code::CoverageGap,
                format!(
                    "{} takes {when} messages ({}) in `{code}` but nobody who speaks it is on shift for {}{hours_of} in the 53 weeks from {}; first gap {} to {} ({})",
                    d.what,
                    severity_names.join(", "),
                    plural_hours(hours, gaps.len()),
                    roster.first_day,
                    roster.local(first_start),
                    roster.local(first_end),
                    pb.manifest.default_timezone
                ),
            )
            .at(label)
            .help(format!(
                "add `{code}` speakers to a shift covering those hours in `{}`, or hand the queue over to a team that has them",
                d.team
            )),
        );
    }
    cx.out.extend(found);
}

/// Who speaks what when, over the 53 weeks from `effective_from`: every
/// team's shifts per language, and the hand-overs between teams. The
/// coverage of routes and incident modes here, and of the bot's hand-off
/// queue, ask it the same question.
pub struct Roster<'a> {
    pub first_day: Date,
    home: TimeZone,
    window: Interval,
    on_shift: BTreeMap<(&'a str, &'a str), Vec<Interval>>,
    handover: BTreeMap<&'a str, Vec<&'a str>>,
    // Many questions share a team set, language and hours: answer once.
    gap_cache: HashMap<GapKey<'a>, Vec<Interval>>,
    open_cache: HashMap<&'a str, Vec<Interval>>,
}

impl<'a> Roster<'a> {
    /// `None` when the playbook's default time zone or first day cannot
    /// be placed in time (CB206's and the schema's to report).
    pub fn new(cx: &Context<'a>) -> Option<Roster<'a>> {
        let pb = cx.pb;
        let home = crate::tz::db()
            .get(pb.manifest.default_timezone.as_str())
            .ok()?;
        let first_day = pb.manifest.effective_from.0;
        let window = window(first_day, &home)?;

        let mut per_shift: HashMap<(&str, Option<&str>), Vec<Interval>> = HashMap::new();
        let mut on_shift: BTreeMap<(&str, &str), Vec<Interval>> = BTreeMap::new();
        for team in &pb.teams {
            let calendar = team
                .calendar
                .as_ref()
                .and_then(|c| cx.ids.calendars.get(c.as_str()).copied());
            for member in &team.members {
                for shift_id in &member.shifts {
                    let Some(shift) = cx.ids.shifts.get(shift_id.as_str()) else {
                        continue;
                    };
                    let key = (shift.id.as_str(), calendar.map(|c| c.id.as_str()));
                    let intervals = per_shift.entry(key).or_insert_with(|| {
                        shift_intervals(shift, calendar.map(|c| &c.value), first_day)
                    });
                    for lang in &member.languages {
                        on_shift
                            .entry((team.id.as_str(), lang.as_str()))
                            .or_default()
                            .extend(intervals.iter().copied());
                    }
                }
            }
        }
        let mut handover: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for h in &pb.handovers {
            handover
                .entry(h.team.as_str())
                .or_default()
                .extend(h.to.iter().map(|t| t.as_str()));
        }
        Some(Roster {
            first_day,
            home,
            window,
            on_shift,
            handover,
            gap_cache: HashMap::new(),
            open_cache: HashMap::new(),
        })
    }

    /// A queue's team, then the teams it hands over to, in order.
    pub fn teams(&self, team: &'a str) -> Vec<&'a str> {
        let mut teams = vec![team];
        teams.extend(self.handover.get(team).into_iter().flatten().copied());
        teams
    }

    /// The hours in which none of `teams` has someone on shift who
    /// speaks `lang`: all of them, or only those in `calendar`'s business
    /// hours.
    pub fn gaps(
        &mut self,
        cx: &Context<'a>,
        teams: &[&'a str],
        lang: &'a str,
        calendar: Option<&'a str>,
    ) -> &[Interval] {
        let Roster {
            first_day,
            window,
            on_shift,
            gap_cache,
            open_cache,
            ..
        } = self;
        gap_cache
            .entry((teams.to_vec(), lang, calendar))
            .or_insert_with(|| {
                let mut intervals: Vec<Interval> = teams
                    .iter()
                    .filter_map(|t| on_shift.get(&(*t, lang)))
                    .flatten()
                    .copied()
                    .collect();
                let all = gaps(&mut intervals, *window);
                match calendar {
                    None => all,
                    Some(id) => {
                        let open = open_cache.entry(id).or_insert_with(|| {
                            let mut open = cx
                                .ids
                                .calendars
                                .get(id)
                                .map(|c| calendar_intervals(&c.value, *first_day))
                                .unwrap_or_default();
                            open.sort_unstable();
                            open
                        });
                        intersect(&all, open)
                    }
                }
            })
    }

    /// Whether `gaps` is the whole checked period: nobody at all.
    pub fn never(&self, gaps: &[Interval]) -> bool {
        gaps == [self.window]
    }

    /// An instant as local time in the playbook's default time zone.
    pub fn local(&self, second: i64) -> String {
        local(second, &self.home)
    }
}

/// Someone must be on shift for a queue: its team (or a team it hands
/// over to) must have a speaker of `lang` on shift whenever messages of
/// these severities can arrive and their clock runs: always, or in the
/// business hours of `calendar`.
struct Demand<'a> {
    /// `route `vip``, `incident mode `storm``.
    what: String,
    at: crate::load::Loc,
    team: &'a str,
    lang: &'a str,
    calendar: Option<&'a str>,
    severities: BTreeSet<usize>,
}

/// Every queue a message class can reach, in every mode: each route's
/// classes (tag, audience, language), with the severity whose clock the
/// message runs on after its audience's boost, and each incident mode's
/// queue in every language its keywords are written in.
fn demands<'a>(cx: &Context<'a>, facts: &TagFacts, table: &'a RouteTable) -> Vec<Demand<'a>> {
    let pb = cx.pb;
    let lowest = pb.severities.len().checked_sub(1);
    let steps = |audience: usize| super::audience_steps(pb, Audience::ALL[audience]);
    let target = |s: usize, raise: u8| super::boosted_severity(pb, s, raise);
    // Any message may hold an emergency keyword on top of its audience.
    let emergency = pb
        .boosts
        .first()
        .and_then(|b| b.emergency.as_ref())
        .map_or(0, |e| e.raise);
    let raises = |audience: usize| {
        let by_audience = steps(audience);
        let mut out = vec![by_audience];
        if emergency > 0 {
            out.push(by_audience.saturating_add(emergency));
        }
        out
    };
    let clock = |s: usize| -> Option<Option<&'a str>> {
        let sev = &pb.severities[s];
        match sev.hours {
            Hours::Always => Some(None),
            // A business severity without a calendar is CB207's to report.
            Hours::Business => sev.calendar.as_ref().map(|c| Some(c.as_str())),
        }
    };
    let mut by_key: BTreeMap<(usize, usize, Option<&str>), Demand> = BTreeMap::new();
    for (r, route) in pb.routes.iter().enumerate() {
        let Some(queue) = cx.ids.queues.get(route.queue.as_str()) else {
            continue;
        };
        for (tag, audience, lang) in table.won_by(r) {
            let own = if tag == UNTAGGED {
                lowest
            } else if facts.disposition[tag] != Disposition::Reply {
                None
            } else {
                facts.severity[tag].or(lowest)
            };
            let Some(own) = own else { continue };
            for raise in raises(audience) {
                let s = target(own, raise);
                let Some(calendar) = clock(s) else { continue };
                let calendar = calendar.map(|c| queue.calendar.as_ref().map_or(c, |q| q.as_str()));
                by_key
                    .entry((r, lang, calendar))
                    .or_insert_with(|| Demand {
                        what: format!("route `{}`", route.id),
                        at: route.loc.child("queue"),
                        team: queue.team.as_str(),
                        lang: table.languages[lang].as_str(),
                        calendar,
                        severities: BTreeSet::new(),
                    })
                    .severities
                    .insert(s);
            }
        }
    }
    let mut out: Vec<Demand> = by_key.into_values().collect();
    // An incident mode's keywords match in any language, and its
    // messages carry its tag's severity or a more severe co-tag's, raised
    // by any boost.
    for inc in &pb.incidents {
        let Some(queue) = cx.ids.queues.get(inc.queue.as_str()) else {
            continue;
        };
        let Some(tag_severity) = facts
            .index
            .get(inc.tag.as_str())
            .and_then(|&t| facts.severity[t])
            .or(lowest)
        else {
            continue;
        };
        let mut by_clock: BTreeMap<Option<&str>, BTreeSet<usize>> = BTreeMap::new();
        for own in 0..=tag_severity {
            for audience in 0..Audience::ALL.len() {
                for raise in raises(audience) {
                    let s = target(own, raise);
                    let Some(calendar) = clock(s) else { continue };
                    let calendar =
                        calendar.map(|c| queue.calendar.as_ref().map_or(c, |q| q.as_str()));
                    by_clock.entry(calendar).or_default().insert(s);
                }
            }
        }
        for (calendar, severities) in by_clock {
            for code in &table.languages {
                out.push(Demand {
                    what: format!("incident mode `{}` (queue `{}`)", inc.id, inc.queue),
                    at: inc.loc.child("queue"),
                    team: queue.team.as_str(),
                    lang: code.as_str(),
                    calendar,
                    severities: severities.clone(),
                });
            }
        }
    }
    out
}

/// Every opening of a calendar around the checked period, as instants,
/// skipping its holidays.
fn calendar_intervals(calendar: &Calendar, first_day: Date) -> Vec<Interval> {
    day_spans(
        calendar.timezone.as_str(),
        &calendar.holidays,
        first_day,
        |day| {
            calendar
                .hours
                .iter()
                .filter(|h| h.days.iter().any(|d| d.to_jiff() == day))
                .map(|h| (h.start.minutes, h.end.minutes))
                .collect()
        },
    )
}

pub fn plural_hours(hours: i64, gaps: usize) -> String {
    let h = if hours == 1 {
        "hour".to_string()
    } else {
        "hours".to_string()
    };
    let g = if gaps == 1 { "gap" } else { "gaps" };
    format!("{hours} {h} ({gaps} {g})")
}

fn local(second: i64, tz: &TimeZone) -> String {
    jiff::Timestamp::from_second(second)
        .map(|t| {
            t.to_zoned_datetime(tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| second.to_string())
}

/// [start, end) of the checked period, in Unix seconds.
fn window(first_day: Date, tz: &TimeZone) -> Option<Interval> {
    let start = tz.to_timestamp(first_day.at(0, 0, 0, 0)).ok()?.as_second();
    let last = first_day.checked_add(jiff::Span::new().weeks(WEEKS)).ok()?;
    let end = tz.to_timestamp(last.at(0, 0, 0, 0)).ok()?.as_second();
    Some((start, end))
}

/// Where two sorted lists of disjoint intervals overlap.
fn intersect(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let start = a[i].0.max(b[j].0);
        let end = a[i].1.min(b[j].1);
        if start < end {
            out.push((start, end));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The parts of `window` no interval covers.
pub fn gaps(intervals: &mut [Interval], window: Interval) -> Vec<Interval> {
    intervals.sort_unstable();
    let (mut cursor, end) = window;
    let mut out = Vec::new();
    for &(s, e) in intervals.iter() {
        if e <= cursor {
            continue;
        }
        if s >= end {
            break;
        }
        if s > cursor {
            out.push((cursor, s));
        }
        cursor = cursor.max(e);
        if cursor >= end {
            break;
        }
    }
    if cursor < end {
        out.push((cursor, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersects_sorted_interval_lists() {
        assert_eq!(
            intersect(&[(0, 5), (8, 12)], &[(3, 9), (11, 20)]),
            vec![(3, 5), (8, 9), (11, 12)]
        );
        assert!(intersect(&[(0, 5)], &[(5, 9)]).is_empty());
    }

    #[test]
    fn finds_gaps_between_and_around_intervals() {
        let mut iv = vec![(5, 10), (0, 3), (8, 12)];
        assert_eq!(gaps(&mut iv, (0, 20)), vec![(3, 5), (12, 20)]);
        let mut none: Vec<Interval> = vec![];
        assert_eq!(gaps(&mut none, (0, 5)), vec![(0, 5)]);
        let mut full = vec![(-5, 30)];
        assert!(gaps(&mut full, (0, 20)).is_empty());
    }
}
