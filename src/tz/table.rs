//! A time zone's offsets as a table, for arithmetic done once per message.
//!
//! Asking jiff for an instant's offset, or a wall-clock time's instant,
//! walks the zone's rules each time; the router asks several times for
//! every message. The table holds each offset change from 1970 to 2100,
//! so an instant's local day and time is a binary search and an addition,
//! and a wall-clock time on a day with no clock change near it is one
//! subtraction. Days next to a change, and instants outside the table,
//! are left to jiff ([`super::wall_clock_instant`]), so the answers are
//! the same as before by construction.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Days from 1970-01-01 (day 0); negative before it.
pub type Day = i64;

/// The first and last instant (Unix seconds) the table answers for.
const FROM: i64 = 0;
const UNTIL: i64 = 4_102_444_800; // 2100-01-01T00:00:00Z

#[derive(Debug, Clone)]
pub struct ZoneTable {
    tz: TimeZone,
    /// Instants the offset changes, each with the offset from then on,
    /// sorted by instant.
    changes: Vec<(i64, i32)>,
    /// The offset before the first change.
    initial: i32,
    /// For each UTC day of the table, the offset that holds from a day
    /// before it to a day after it, or [`CHANGING`]: most instants then
    /// need no search.
    day_offsets: Vec<i32>,
    /// One bit per local day of the table: set on and next to a day the
    /// clocks change, when a wall-clock time may be skipped, repeated or
    /// read two ways.
    unsteady: Vec<u64>,
}

/// In `day_offsets`: the offset changes within a day of this one.
const CHANGING: i32 = i32::MIN;

/// Days in the table.
const DAYS: usize = ((UNTIL - FROM) / 86_400) as usize;

impl ZoneTable {
    pub fn new(tz: TimeZone) -> ZoneTable {
        let offset = |t: Timestamp| tz.to_offset(t).seconds();
        let (Ok(from), Ok(until)) = (Timestamp::from_second(FROM), Timestamp::from_second(UNTIL))
        else {
            unreachable!("both instants are in jiff's range")
        };
        let initial = offset(from);
        let mut changes = Vec::new();
        let mut unsteady = vec![0u64; DAYS.div_ceil(64)];
        let mut mark = |day: Day| {
            if let Ok(d) = usize::try_from(day - FROM / 86_400)
                && d < DAYS
            {
                unsteady[d / 64] |= 1 << (d % 64);
            }
        };
        let mut before = initial;
        for transition in tz.following(from) {
            let at = transition.timestamp();
            if at >= until {
                break;
            }
            let after = offset(at);
            let second = at.as_second();
            changes.push((second, after));
            for o in [before, after] {
                let day = local_day(second, o);
                for d in day - 1..=day + 1 {
                    mark(d);
                }
            }
            before = after;
        }
        let mut table = ZoneTable {
            tz,
            changes,
            initial,
            day_offsets: Vec::new(),
            unsteady,
        };
        // One sweep: `next` is the first change after the window's start.
        let mut next = 0;
        table.day_offsets = (0..DAYS as i64)
            .map(|d| {
                let midnight = FROM + d * 86_400;
                let (from, until) = (midnight - 86_400, midnight + 2 * 86_400);
                while next < table.changes.len() && table.changes[next].0 <= from {
                    next += 1;
                }
                match table.changes.get(next) {
                    Some(&(at, _)) if at <= until => CHANGING,
                    _ => match next {
                        0 => table.initial,
                        n => table.changes[n - 1].1,
                    },
                }
            })
            .collect();
        table
    }

    /// The offset at `t` by binary search over the changes.
    fn search(&self, t: i64) -> i32 {
        match self.changes.partition_point(|&(at, _)| at <= t) {
            0 => self.initial,
            n => self.changes[n - 1].1,
        }
    }

    pub fn zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The offset from UTC in seconds at `t`, when `t` is in the table.
    fn offset(&self, t: i64) -> Option<i32> {
        if !(FROM..UNTIL).contains(&t) {
            return None;
        }
        let day = ((t - FROM) / 86_400) as usize;
        Some(match self.day_offsets[day] {
            CHANGING => self.search(t),
            offset => offset,
        })
    }

    /// The local day of `t` and the seconds since its local midnight.
    pub fn local(&self, t: Timestamp) -> (Day, i64) {
        // Whole seconds rounded down: an instant a fraction of a second
        // before 1970 is in 1969.
        let second = t.as_second() - i64::from(t.subsec_nanosecond() < 0);
        match self.offset(second) {
            Some(offset) => {
                let local = second + i64::from(offset);
                (local.div_euclid(86_400), local.rem_euclid(86_400))
            }
            None => {
                let civil = self.tz.to_datetime(t);
                let time = civil.time();
                (
                    day_of(civil.date()),
                    i64::from(time.hour()) * 3600
                        + i64::from(time.minute()) * 60
                        + i64::from(time.second()),
                )
            }
        }
    }

    /// Whether no clock change falls on `day` or a day next to it.
    pub fn steady(&self, day: Day) -> bool {
        match usize::try_from(day - FROM / 86_400) {
            Ok(d) if d < DAYS => self.unsteady[d / 64] & (1 << (d % 64)) == 0,
            // Outside the table jiff answers, by `instant`'s fallback.
            _ => true,
        }
    }

    /// [`super::wall_clock_instant`] on a day counted from 1970.
    pub fn instant(&self, day: Day, minutes: u32) -> Option<Timestamp> {
        let last = day + i64::from(minutes / 1440);
        // The two checks cover every day from `day` to `last` only while
        // they are at most three days apart (each covers its neighbours).
        if last - day <= 3 && self.steady(day) && self.steady(last) {
            let midnight = day * 86_400;
            if let Some(offset) = self.offset(midnight) {
                let local = midnight + i64::from(minutes) * 60;
                return Timestamp::from_second(local - i64::from(offset)).ok();
            }
        }
        super::wall_clock_instant(&self.tz, date_of(day)?, minutes)
    }
}

fn local_day(second: i64, offset: i32) -> Day {
    (second + i64::from(offset)).div_euclid(86_400)
}

/// Monday 0 to Sunday 6.
pub fn weekday(day: Day) -> usize {
    // 1970-01-01 was a Thursday.
    (day + 3).rem_euclid(7) as usize
}

/// The day number of a date.
pub fn day_of(date: Date) -> Day {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    // Howard Hinnant's `days_from_civil`.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, when jiff can hold it (years -9999 to 9999).
pub fn date_of(day: Day) -> Option<Date> {
    let (y, m, d) = civil_from_days(day);
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// The proleptic Gregorian (year, month, day) of a day number, by Howard
/// Hinnant's `civil_from_days`.
pub fn civil_from_days(days: Day) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_with_jiff_dates() {
        let epoch = jiff::civil::date(1970, 1, 1);
        for day in (-800_000..800_000).step_by(97) {
            let date = epoch
                .checked_add(jiff::ToSpan::days(day))
                .expect("in range");
            assert_eq!(day_of(date), day, "{date}");
            assert_eq!(date_of(day), Some(date));
            assert_eq!(
                weekday(day),
                date.weekday().to_monday_zero_offset() as usize
            );
        }
    }

    #[test]
    fn edges_of_the_table_agree_with_jiff() {
        let utc = ZoneTable::new(crate::tz::db().get("UTC").expect("UTC"));
        let before: Timestamp = "1969-12-31T23:59:59.5Z".parse().expect("an instant");
        assert_eq!(utc.local(before), (-1, 86_399));
        let dublin = crate::tz::db().get("Europe/Dublin").expect("a zone");
        let table = ZoneTable::new(dublin.clone());
        let day = day_of(jiff::civil::date(2026, 3, 26));
        for minutes in (0..10 * 1440).step_by(97) {
            assert_eq!(
                table.instant(day, minutes),
                crate::tz::wall_clock_instant(&dublin, jiff::civil::date(2026, 3, 26), minutes),
                "{minutes}"
            );
        }
    }

    /// Every zone a playbook is likely to name, every 37 minutes from
    /// 1969 to 2101, and every minute of the days the clocks change:
    /// the table gives what jiff gives.
    #[test]
    fn the_table_agrees_with_jiff() {
        for name in [
            "Europe/Dublin",
            "Europe/Warsaw",
            "Europe/Helsinki",
            "Asia/Tokyo",
            "Asia/Bangkok",
            "America/New_York",
            "America/Sao_Paulo",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Pacific/Apia",
            "Asia/Kolkata",
            "UTC",
        ] {
            let tz = crate::tz::db().get(name).expect("a zone");
            let table = ZoneTable::new(tz.clone());
            let mut t = -40_000_000i64;
            while t < UNTIL + 40_000_000 {
                let at = Timestamp::from_second(t).expect("in range");
                let civil = tz.to_datetime(at);
                let (day, seconds) = table.local(at);
                assert_eq!(date_of(day), Some(civil.date()), "{name} {at}");
                let time = civil.time();
                assert_eq!(
                    seconds,
                    i64::from(time.hour()) * 3600
                        + i64::from(time.minute()) * 60
                        + i64::from(time.second()),
                    "{name} {at}"
                );
                t += 37 * 60 * 60 + 11;
            }
            for day in (0..47_482).step_by(7) {
                let date = date_of(day).expect("a date");
                let minutes_to_try: Vec<u32> = if table.steady(day) {
                    vec![0, 9 * 60, 1439, 1440, 1440 + 360]
                } else {
                    (0..2900).step_by(10).collect()
                };
                for minutes in minutes_to_try {
                    assert_eq!(
                        table.instant(day, minutes),
                        crate::tz::wall_clock_instant(&tz, date, minutes),
                        "{name} {date} {minutes}"
                    );
                }
            }
        }
    }
}
