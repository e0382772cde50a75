//! Shift times as a team reads them: a shift's wall-clock hours in its own
//! zone, shown in the zone of the team that reads the handbook page.
//!
//! Zones move against each other when one of them changes its clocks, so
//! a conversion is only true for a given week. The handbook converts for
//! the week of the playbook's `effective_from` and for the week half a
//! year later, and shows both only when they differ: Manila's night shift
//! starts at 19:30 in Dublin in winter and at 20:30 in summer.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{ToSpan, ZonedDateTime as Zoned};
use serde::Serialize;

use crate::model::{Shift, TimeOfDay, Weekday};

/// A shift's days and hours in one zone, for one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShiftTimes {
    /// The Monday of the week the conversion holds for (`YYYY-MM-DD`).
    pub week_of: String,
    /// `Mon–Fri`, `Mon–Sun`, `Sat`.
    pub days: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`; `24:00` when the shift ends at midnight.
    pub end: String,
    /// Whether the shift ends on the day after it starts.
    pub overnight: bool,
    /// All of it worded: `Mon–Sun 21:30–07:30 (next day)`.
    pub text: String,
}

impl ShiftTimes {
    fn new(week_of: Date, days: String, start: String, end: String, overnight: bool) -> Self {
        let next = if overnight { " (next day)" } else { "" };
        ShiftTimes {
            week_of: week_of.to_string(),
            text: format!("{days} {start}–{end}{next}"),
            days,
            start,
            end,
            overnight,
        }
    }
}

/// The weeks a conversion is shown for: the week of `effective_from` and,
/// half a year on, the other side of any daylight-saving change.
pub fn weeks(effective_from: Date) -> [Date; 2] {
    let monday = monday_of(effective_from);
    let later = monday.checked_add(26.weeks()).unwrap_or(monday);
    [monday, later]
}

fn monday_of(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

/// The shift's times in its own zone, as the playbook writes them.
pub fn as_written(shift: &Shift, week_of: Date) -> ShiftTimes {
    ShiftTimes::new(
        week_of,
        days(&shift.days.iter().map(|d| day_index(*d)).collect::<Vec<_>>()),
        shift.start.to_string(),
        shift.end.to_string(),
        shift.end.minutes <= shift.start.minutes,
    )
}

/// The shift's times in `zone`, for each of `weeks`; one entry when every
/// week gives the same times. `None` when a zone is unknown (a checked
/// playbook names only known zones).
pub fn in_zone(shift: &Shift, zone: &str, weeks: &[Date]) -> Option<Vec<ShiftTimes>> {
    let from = crate::tz::db().get(shift.timezone.as_str()).ok()?;
    let to = crate::tz::db().get(zone).ok()?;
    let mut out: Vec<ShiftTimes> = Vec::new();
    for &monday in weeks {
        let times = convert(shift, &from, &to, monday)?;
        let same = out.last().is_some_and(|last| {
            (&last.days, &last.start, &last.end, last.overnight)
                == (&times.days, &times.start, &times.end, times.overnight)
        });
        if !same {
            out.push(times);
        }
    }
    Some(out)
}

fn convert(shift: &Shift, from: &TimeZone, to: &TimeZone, monday: Date) -> Option<ShiftTimes> {
    // Anchor on the shift's first day in the week; every day of a weekly
    // pattern moves by the same number of days.
    let first = shift.days.iter().map(|d| day_index(*d)).min()?;
    let date = monday.checked_add(i64::from(first).days()).ok()?;
    let start = at(date, shift.start, from)?;
    let end_date = if shift.end.minutes <= shift.start.minutes {
        date.checked_add(1.days()).ok()?
    } else {
        date
    };
    let end = at(end_date, shift.end, from)?;
    let (start, end) = (
        start.with_time_zone(to.clone()),
        end.with_time_zone(to.clone()),
    );
    let shift_days = (start.date() - date).get_days();
    let days_in_zone: Vec<u8> = shift
        .days
        .iter()
        .map(|d| (i64::from(day_index(*d)) + i64::from(shift_days)).rem_euclid(7) as u8)
        .collect();
    let ends_next_day = end.date() > start.date();
    let end_text = if ends_next_day && end.time() == Time::midnight() {
        // Midnight at the end of the start day reads as 24:00, as written.
        let days_after = (end.date() - start.date()).get_days();
        if days_after == 1 {
            "24:00".to_string()
        } else {
            hhmm(&end)
        }
    } else {
        hhmm(&end)
    };
    let overnight = ends_next_day && end_text != "24:00";
    Some(ShiftTimes::new(
        monday,
        days(&days_in_zone),
        hhmm(&start),
        end_text,
        overnight,
    ))
}

fn at(date: Date, time: TimeOfDay, zone: &TimeZone) -> Option<Zoned> {
    let (date, minutes) = if time.minutes >= 24 * 60 {
        (date.checked_add(1.days()).ok()?, time.minutes - 24 * 60)
    } else {
        (date, time.minutes)
    };
    let time = Time::new((minutes / 60) as i8, (minutes % 60) as i8, 0, 0).ok()?;
    DateTime::from_parts(date, time)
        .to_zoned_datetime(zone.clone())
        .ok()
}

fn hhmm(z: &Zoned) -> String {
    format!("{:02}:{:02}", z.hour(), z.minute())
}

fn day_index(d: Weekday) -> u8 {
    d.to_jiff().to_monday_zero_offset() as u8
}

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Weekdays (0 = Monday) as a reader writes them: runs of three or more
/// days as `Mon–Fri`, others listed.
pub fn days(list: &[u8]) -> String {
    let mut sorted: Vec<u8> = list.iter().copied().filter(|&d| d < 7).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!(
                "{}–{}",
                DAY_NAMES[sorted[i] as usize], DAY_NAMES[sorted[j] as usize]
            ));
        } else {
            parts.extend((i..=j).map(|k| DAY_NAMES[sorted[k] as usize].to_string()));
        }
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, TimeZoneName};

    fn shift(zone: &str, days: Vec<Weekday>, start: &str, end: &str) -> Shift {
        Shift {
            id: Id("s".into()),
            timezone: TimeZoneName(zone.into()),
            days,
            start: TimeOfDay::parse(start).expect("time"),
            end: TimeOfDay::parse(end).expect("time"),
        }
    }

    const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    #[test]
    fn day_runs_read_as_ranges() {
        assert_eq!(days(&[0, 1, 2, 3, 4]), "Mon–Fri");
        assert_eq!(days(&[5]), "Sat");
        assert_eq!(days(&[0, 1, 3]), "Mon, Tue, Thu");
        assert_eq!(days(&[6, 0, 1, 2]), "Mon–Wed, Sun");
    }

    #[test]
    fn manila_night_in_dublin_moves_with_dublin_summer_time() {
        let s = shift("Asia/Manila", ALL.to_vec(), "03:30", "12:00");
        let weeks = weeks(Date::constant(2026, 1, 5));
        let times = in_zone(&s, "Europe/Dublin", &weeks).expect("zones");
        assert_eq!(times.len(), 2);
        assert_eq!(
            (times[0].start.as_str(), times[0].end.as_str()),
            ("19:30", "04:00")
        );
        assert!(times[0].overnight);
        assert_eq!(times[0].days, "Mon–Sun");
        assert_eq!(
            (times[1].start.as_str(), times[1].end.as_str()),
            ("20:30", "05:00")
        );
        assert_eq!(times[1].week_of, "2026-07-06");
    }

    #[test]
    fn weekday_shift_that_starts_the_day_before_moves_its_days() {
        // 09:00-18:00 Tokyo, Mon-Fri, is 00:00-09:00 Dublin in winter:
        // still Mon-Fri. 07:00 Tokyo would be Sun-Thu 22:00 in Dublin.
        let s = shift(
            "Asia/Tokyo",
            vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            "07:00",
            "16:00",
        );
        let times = in_zone(&s, "Europe/Dublin", &[Date::constant(2026, 1, 5)]).expect("zones");
        assert_eq!(times[0].days, "Mon–Thu, Sun");
        assert_eq!(
            (times[0].start.as_str(), times[0].end.as_str()),
            ("22:00", "07:00")
        );
        assert!(times[0].overnight);
    }

    #[test]
    fn same_zone_and_midnight_end_read_as_written() {
        let s = shift("Europe/Dublin", ALL.to_vec(), "00:00", "24:00");
        let times = in_zone(&s, "Europe/Dublin", &[Date::constant(2026, 1, 5)]).expect("zones");
        assert_eq!(
            (times[0].start.as_str(), times[0].end.as_str()),
            ("00:00", "24:00")
        );
        assert!(!times[0].overnight);
        assert_eq!(as_written(&s, Date::constant(2026, 1, 5)).end, "24:00");
    }
}
