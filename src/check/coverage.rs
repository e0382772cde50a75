//! Coverage (CB310): for every hour of the 53 weeks from `effective_from`,
//! each route that carries a 24/7 severity has someone on shift, in the
//! queue's team or its hand-over team, who speaks the language of the
//! messages the route receives.
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
use crate::model::{Calendar, Disposition, Hours, Shift};

/// How far ahead coverage is checked.
pub const WEEKS: i64 = 53;

type Interval = (i64, i64);

pub fn check(cx: &mut Context, facts: &TagFacts, table: &RouteTable) {
    let pb = cx.pb;
    let Ok(home) = crate::tz::db().get(pb.manifest.default_timezone.as_str()) else {
        return;
    };
    let first_day = pb.manifest.effective_from.0;
    let Some(window) = window(first_day, &home) else {
        return;
    };

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

    // Many routes share a queue's team: compute each team set's gaps once.
    let mut gap_cache: HashMap<(Vec<&str>, &str), Vec<Interval>> = HashMap::new();
    let mut found = Vec::new();
    for (r, route) in pb.routes.iter().enumerate() {
        let Some(queue) = cx.ids.queues.get(route.queue.as_str()) else {
            continue;
        };
        let mut needed: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for (tag, _, lang) in table.won_by(r) {
            if tag == UNTAGGED || facts.disposition[tag] != Disposition::Reply {
                continue;
            }
            if let Some(s) = facts.severity[tag]
                && pb.severities[s].hours == Hours::Always
            {
                needed.entry(lang).or_default().insert(s);
            }
        }
        let mut teams = vec![queue.team.as_str()];
        teams.extend(
            handover
                .get(queue.team.as_str())
                .into_iter()
                .flatten()
                .copied(),
        );
        for (lang, severities) in needed {
            let code = table.languages[lang].as_str();
            let gaps = gap_cache.entry((teams.clone(), code)).or_insert_with(|| {
                let mut intervals: Vec<Interval> = teams
                    .iter()
                    .filter_map(|t| on_shift.get(&(*t, code)))
                    .flatten()
                    .copied()
                    .collect();
                gaps(&mut intervals, window)
            });
            let Some(&(first_start, first_end)) = gaps.first() else {
                continue;
            };
            let hours: i64 = gaps.iter().map(|(s, e)| e - s).sum::<i64>() / 3600;
            let severity_names: Vec<String> = severities
                .iter()
                .map(|&s| format!("`{}`", pb.severities[s].id))
                .collect();
            let label = cx.label(&route.loc.child("queue")).with_message(format!(
                "nobody speaking `{code}` on shift in {}",
                teams
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ));
            found.push(
                Diagnostic::new(
                    Code::CoverageGap,
                    format!(
                        "route `{}` takes 24/7 messages ({}) in `{code}` but nobody who speaks it is on shift for {} in the 53 weeks from {}; first gap {} to {} ({})",
                        route.id,
                        severity_names.join(", "),
                        plural_hours(hours, gaps.len()),
                        first_day,
                        local(first_start, &home),
                        local(first_end, &home),
                        pb.manifest.default_timezone
                    ),
                )
                .at(label)
                .help(format!(
                    "add `{code}` speakers to a shift covering those hours in `{}`, or hand the queue over to a team that has them",
                    queue.team
                )),
            );
        }
    }
    cx.out.extend(found);
}

fn plural_hours(hours: i64, gaps: usize) -> String {
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

/// Every instance of a shift around the checked period, as instants,
/// skipping the holidays of the team's calendar.
pub fn shift_intervals(
    shift: &Shift,
    calendar: Option<&Calendar>,
    first_day: Date,
) -> Vec<Interval> {
    let Ok(tz) = crate::tz::db().get(shift.timezone.as_str()) else {
        return Vec::new();
    };
    let mut days = [false; 7];
    for d in &shift.days {
        days[d.to_jiff().to_monday_zero_offset() as usize] = true;
    }
    let holiday = |d: Date| {
        calendar.is_some_and(|c| {
            c.holidays
                .iter()
                .any(|h| d >= h.date.0 && d <= h.until.map_or(h.date.0, |u| u.0))
        })
    };
    let mut out = Vec::new();
    // A day either side, so a shift starting the evening before the window
    // (or in another zone's yesterday) is counted.
    let total_days = WEEKS * 7 + 2;
    let Ok(mut day) = first_day.yesterday() else {
        return out;
    };
    for _ in 0..total_days {
        if days[day.weekday().to_monday_zero_offset() as usize] && !holiday(day) {
            // The same reading of a shift as the router's, so a shift
            // starting inside a skipped hour covers what the router says.
            if let Some((s, e)) =
                crate::tz::shift_span(&tz, day, shift.start.minutes, shift.end.minutes)
                && e > s
            {
                out.push((s.as_second(), e.as_second()));
            }
        }
        match day.tomorrow() {
            Ok(d) => day = d,
            Err(_) => break,
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
    fn finds_gaps_between_and_around_intervals() {
        let mut iv = vec![(5, 10), (0, 3), (8, 12)];
        assert_eq!(gaps(&mut iv, (0, 20)), vec![(3, 5), (12, 20)]);
        let mut none: Vec<Interval> = vec![];
        assert_eq!(gaps(&mut none, (0, 5)), vec![(0, 5)]);
        let mut full = vec![(-5, 30)];
        assert!(gaps(&mut full, (0, 20)).is_empty());
    }

    /// Coverage and the router must agree on when a shift is on, minute by
    /// minute, across both of the year's clock changes, whatever the shift.
    #[test]
    fn coverage_and_router_agree_across_clock_changes() {
        use crate::router::clock::{Holidays, ShiftRule};
        let none = Holidays::new(&[]).unwrap();
        let first_day = jiff::civil::date(2026, 1, 5);
        for (start, end) in [
            ("01:30", "09:00"),
            ("22:00", "01:30"),
            ("00:00", "24:00"),
            ("02:00", "06:15"),
            ("23:45", "02:30"),
        ] {
            let shift: Shift = serde_json::from_value(serde_json::json!({
                "id": "s", "timezone": "Europe/Dublin",
                "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                "start": start, "end": end,
            }))
            .unwrap();
            let intervals = shift_intervals(&shift, None, first_day);
            let rule = ShiftRule::new(&crate::ir::IrShift {
                id: "s".into(),
                timezone: "Europe/Dublin".into(),
                days: (0..7).collect(),
                start: shift.start.minutes,
                end: shift.end.minutes,
            })
            .unwrap();
            for day in [
                "2026-03-28T00:00:00Z",
                "2026-10-24T00:00:00Z",
                "2026-06-01T00:00:00Z",
            ] {
                let from: jiff::Timestamp = day.parse().unwrap();
                for minute in (0..3 * 1440).step_by(5) {
                    let at = from.as_second() + minute * 60;
                    let by_coverage = intervals.iter().any(|&(s, e)| s <= at && at < e);
                    let by_router = rule.covers(jiff::Timestamp::from_second(at).unwrap(), &none);
                    assert_eq!(
                        by_coverage,
                        by_router,
                        "{start}-{end} at {}",
                        jiff::Timestamp::from_second(at).unwrap()
                    );
                }
            }
        }
    }
}
