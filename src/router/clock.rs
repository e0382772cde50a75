//! Time: deadlines that count only business hours and skip holidays, and
//! who is on shift at an instant. Wall-clock rules from the IR become
//! instants here, in each rule's own time zone, so DST changes fall where
//! they really do.

use std::sync::OnceLock;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::RouterError;
use crate::ir::{IrCalendar, IrHoliday, IrShift};
use crate::tz::table::{Day, ZoneTable, date_of, day_of, weekday};

/// How far ahead a business-hours deadline is searched before giving up
/// (a calendar whose every day is a holiday has no deadline).
const MAX_DAYS: usize = 3 * 366;

/// 9999-12-31, the last day jiff's dates hold.
const LAST_DAY: Day = 2_932_896;

/// Days off, as inclusive ranges of day numbers.
#[derive(Debug, Clone)]
pub struct Holidays(Vec<(Day, Day)>);

impl Holidays {
    pub fn new(list: &[IrHoliday]) -> Result<Self, RouterError> {
        let parse = |s: &str| {
            s.parse::<Date>()
                .map(day_of)
                .map_err(|e| RouterError::Date(format!("{s}: {e}")))
        };
        Ok(Holidays(
            list.iter()
                .map(|h| Ok((parse(&h.from)?, parse(&h.until)?)))
                .collect::<Result<_, RouterError>>()?,
        ))
    }

    pub fn contains_day(&self, d: Day) -> bool {
        self.0.iter().any(|&(a, b)| d >= a && d <= b)
    }
}

pub fn zone(name: &str) -> Result<TimeZone, RouterError> {
    crate::tz::db()
        .get(name)
        .map_err(|_| RouterError::TimeZone(name.to_string()))
}

/// Business hours in one zone.
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    zone: ZoneTable,
    /// Per weekday (Monday first): open intervals in minutes, sorted.
    hours: [Vec<(u16, u16)>; 7],
    holidays: Holidays,
    /// Each day's open hours as instants, worked out the first time a
    /// deadline reaches its block of days: a deadline walks several days
    /// and every message walks them again.
    blocks: Vec<OnceLock<Block>>,
}

/// Days per block of [`BusinessCalendar::blocks`].
const BLOCK_DAYS: Day = 512;

/// Blocks from 1970 to 2100; days outside them are worked out each time.
const BLOCKS: usize = 93;

/// The open hours of [`BLOCK_DAYS`] days: day `d` of the block has
/// `intervals[first[d]..first[d + 1]]`.
#[derive(Debug, Clone, Default)]
struct Block {
    first: Vec<u32>,
    intervals: Vec<(Timestamp, Timestamp)>,
}

impl BusinessCalendar {
    pub fn new(c: &IrCalendar) -> Result<Self, RouterError> {
        let mut hours: [Vec<(u16, u16)>; 7] = Default::default();
        for h in &c.hours {
            if let Some(day) = hours.get_mut(h.day as usize) {
                day.push((h.start, h.end));
            }
        }
        for day in &mut hours {
            // Overlapping intervals would count the shared time twice.
            day.sort_unstable();
            let mut merged: Vec<(u16, u16)> = Vec::with_capacity(day.len());
            for &(s, e) in day.iter() {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            *day = merged;
        }
        Ok(BusinessCalendar {
            zone: ZoneTable::new(zone(&c.timezone)?),
            hours,
            holidays: Holidays::new(&c.holidays)?,
            blocks: (0..BLOCKS).map(|_| OnceLock::new()).collect(),
        })
    }

    /// The open intervals of `day` as instants (none on a holiday), in
    /// order; an interval whose instants do not exist is left out.
    fn open_on(&self, day: Day, out: &mut Vec<(Timestamp, Timestamp)>) {
        if self.holidays.contains_day(day) {
            return;
        }
        for &(start, end) in &self.hours[weekday(day)] {
            if let (Some(open), Some(close)) = (
                self.zone.instant(day, u32::from(start)),
                self.zone.instant(day, u32::from(end)),
            ) {
                out.push((open, close));
            }
        }
    }

    /// [`open_on`](Self::open_on) from the day's block, or into `scratch`
    /// for a day outside the blocks.
    fn open_hours<'a>(
        &'a self,
        day: Day,
        scratch: &'a mut Vec<(Timestamp, Timestamp)>,
    ) -> &'a [(Timestamp, Timestamp)] {
        let block = usize::try_from(day.div_euclid(BLOCK_DAYS))
            .ok()
            .and_then(|b| self.blocks.get(b));
        let Some(block) = block else {
            scratch.clear();
            self.open_on(day, scratch);
            return scratch;
        };
        let first_day = day.div_euclid(BLOCK_DAYS) * BLOCK_DAYS;
        let block = block.get_or_init(|| {
            let mut b = Block::default();
            for d in first_day..first_day + BLOCK_DAYS {
                b.first.push(b.intervals.len() as u32);
                self.open_on(d, &mut b.intervals);
            }
            b.first.push(b.intervals.len() as u32);
            b
        });
        let d = (day - first_day) as usize;
        &block.intervals[block.first[d] as usize..block.first[d + 1] as usize]
    }

    /// `from` plus `seconds` of open business time; `None` when the
    /// calendar has no open hours within the search horizon.
    pub fn add(&self, from: Timestamp, seconds: u64) -> Option<Timestamp> {
        let mut out = [None];
        self.add_each(from, &[seconds], &mut out);
        out[0]
    }

    /// [`add`](Self::add) for several offsets at once, in one walk over
    /// the calendar: a message's deadlines and escalation rungs share it.
    /// `offsets` must be sorted ascending; `out` gets one result each.
    pub fn add_each(&self, from: Timestamp, offsets: &[u64], out: &mut [Option<Timestamp>]) {
        let mut next = 0;
        let mut consumed: i64 = 0;
        let mut scratch = Vec::new();
        let (mut day, _) = self.zone.local(from);
        for _ in 0..MAX_DAYS {
            if next == offsets.len() || day > LAST_DAY {
                return;
            }
            for &(open, close) in self.open_hours(day, &mut scratch) {
                if close <= from {
                    continue;
                }
                let begin = open.max(from);
                let available = close.as_second() - begin.as_second();
                while next < offsets.len() && (offsets[next] as i64) - consumed <= available {
                    let into = offsets[next] as i64 - consumed;
                    out[next] = begin.checked_add(SignedDuration::from_secs(into)).ok();
                    next += 1;
                }
                consumed += available.max(0);
            }
            day += 1;
        }
    }

    /// `from` plus `days` business days: the same time of day on the
    /// `days`th open day after the one the count starts on, which is
    /// `from`'s when the calendar is open then, else the next opening's.
    /// On a day that opens later or closes earlier than that time, its
    /// opening or closing. `1bd` from Tuesday 14:00 is Wednesday 14:00;
    /// from Friday 22:00 (closed), the count starts at Monday's opening.
    pub fn add_business_days(&self, from: Timestamp, days: u32) -> Option<Timestamp> {
        // The instant the count starts: `from`, or the next opening.
        let start = self.add(from, 0)?;
        if days == 0 {
            return Some(start);
        }
        let (mut day, of_day) = self.zone.local(start);
        let minutes = (of_day / 60) as u32;
        let mut left = days;
        for _ in 0..MAX_DAYS {
            day += 1;
            if day > LAST_DAY {
                return None;
            }
            let hours = &self.hours[weekday(day)];
            if hours.is_empty() || self.holidays.contains_day(day) {
                continue;
            }
            left -= 1;
            if left > 0 {
                continue;
            }
            let open = u32::from(hours.first()?.0);
            let close = u32::from(hours.last()?.1);
            let at = minutes.clamp(open, close);
            let instant = self.zone.instant(day, at)?;
            // Seconds past the minute, as the message had them.
            return if at == minutes {
                instant
                    .checked_add(SignedDuration::from_secs(of_day % 60))
                    .ok()
            } else {
                Some(instant)
            };
        }
        None
    }
}

/// A weekly shift in its own zone.
#[derive(Debug, Clone)]
pub struct ShiftRule {
    zone: ZoneTable,
    days: [bool; 7],
    start: u16,
    end: u16,
}

impl ShiftRule {
    pub fn new(s: &IrShift) -> Result<Self, RouterError> {
        let mut days = [false; 7];
        for &d in &s.days {
            if let Some(slot) = days.get_mut(d as usize) {
                *slot = true;
            }
        }
        Ok(ShiftRule {
            zone: ZoneTable::new(zone(&s.timezone)?),
            days,
            start: s.start,
            end: s.end,
        })
    }

    /// Whether the shift is on at `at`, unless the day it started on is a
    /// holiday. A shift is read off the wall clock of its zone: a night
    /// shift on the night the clocks go forward is an hour shorter, and
    /// nothing else changes. Around a clock change the shift's instants
    /// are worked out exactly as coverage and staffing work them out.
    pub fn covers(&self, at: Timestamp, holidays: &Holidays) -> bool {
        let (today, of_day) = self.zone.local(at);
        if !self.zone.steady(today) {
            return self.covers_exactly(at, today, holidays);
        }
        let minute = (of_day / 60) as u16;
        let weekday = weekday(today);
        let overnight = self.end <= self.start;
        // The shift that started today.
        if self.days[weekday]
            && minute >= self.start
            && (overnight || minute < self.end)
            && !holidays.contains_day(today)
        {
            return true;
        }
        // The overnight shift that started yesterday.
        overnight
            && minute < self.end
            && self.days[(weekday + 6) % 7]
            && !holidays.contains_day(today - 1)
    }

    /// [`covers`](Self::covers) from the instants of the shifts that
    /// started yesterday and today.
    fn covers_exactly(&self, at: Timestamp, today: Day, holidays: &Holidays) -> bool {
        [today - 1, today]
            .into_iter()
            .filter(|&d| self.days[weekday(d)])
            .filter(|&d| !holidays.contains_day(d))
            .filter_map(date_of)
            .any(|d| {
                crate::tz::shift_span(self.zone.zone(), d, self.start, self.end)
                    .is_some_and(|(s, e)| s <= at && at < e)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::IrWeeklyInterval;

    fn office() -> BusinessCalendar {
        BusinessCalendar::new(&IrCalendar {
            id: "office".into(),
            timezone: "Europe/Dublin".into(),
            hours: (0..5)
                .map(|day| IrWeeklyInterval {
                    day,
                    start: 9 * 60,
                    end: 17 * 60,
                })
                .collect(),
            holidays: vec![IrHoliday {
                name: "Christmas".into(),
                from: "2026-12-25".into(),
                until: "2026-12-26".into(),
            }],
        })
        .unwrap()
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn business_time_skips_nights_weekends_and_holidays() {
        let c = office();
        // Friday 16:00 + 4h of business time = Monday 12:00 (winter, UTC+0).
        assert_eq!(
            c.add(ts("2026-01-09T16:00:00Z"), 4 * 3600),
            Some(ts("2026-01-12T12:00:00Z"))
        );
        // Before opening: the clock starts at 09:00.
        assert_eq!(
            c.add(ts("2026-01-12T06:00:00Z"), 3600),
            Some(ts("2026-01-12T10:00:00Z"))
        );
        // Thursday 24 Dec 16:00 + 2h: Christmas (Fri) and St Stephen's are
        // holidays, then the weekend: Monday 28 Dec 10:00.
        assert_eq!(
            c.add(ts("2026-12-24T16:00:00Z"), 2 * 3600),
            Some(ts("2026-12-28T10:00:00Z"))
        );
        // Across the spring DST change: Friday 27 March 16:00 GMT + 2h ends
        // Monday 30 March 10:00 IST, which is 09:00 UTC.
        assert_eq!(
            c.add(ts("2026-03-27T16:00:00Z"), 2 * 3600),
            Some(ts("2026-03-30T09:00:00Z"))
        );
    }

    #[test]
    fn overlapping_hours_count_once() {
        let mut ir = IrCalendar {
            id: "o".into(),
            timezone: "UTC".into(),
            hours: vec![
                IrWeeklyInterval {
                    day: 0,
                    start: 9 * 60,
                    end: 17 * 60,
                },
                IrWeeklyInterval {
                    day: 0,
                    start: 12 * 60,
                    end: 14 * 60,
                },
            ],
            holidays: vec![],
        };
        let c = BusinessCalendar::new(&ir).unwrap();
        // Monday 2 February 2026, 11:00 + 6h of business time: 17:00 only
        // if 12:00-14:00 is not counted twice.
        assert_eq!(
            c.add(ts("2026-02-02T11:00:00Z"), 6 * 3600),
            Some(ts("2026-02-02T17:00:00Z"))
        );
        ir.hours.clear();
        assert_eq!(
            BusinessCalendar::new(&ir)
                .unwrap()
                .add(ts("2026-02-02T11:00:00Z"), 60),
            None
        );
    }

    #[test]
    fn overnight_shift_across_dst() {
        let s = ShiftRule::new(&IrShift {
            id: "night".into(),
            timezone: "Europe/Dublin".into(),
            days: (0..7).collect(),
            start: 22 * 60,
            end: 6 * 60,
        })
        .unwrap();
        let none = Holidays(Vec::new());
        // 29 March 2026, 01:30 UTC = 02:30 IST, inside the night shift that
        // began on the 28th at 22:00 GMT.
        assert!(s.covers(ts("2026-03-29T01:30:00Z"), &none));
        // 06:00 IST = 05:00 UTC ends it.
        assert!(!s.covers(ts("2026-03-29T05:00:00Z"), &none));
        assert!(s.covers(ts("2026-03-29T04:59:00Z"), &none));
        assert!(!s.covers(ts("2026-03-29T12:00:00Z"), &none));
    }

    #[test]
    fn shifts_starting_in_a_skipped_or_repeated_hour() {
        let shift = |start| {
            ShiftRule::new(&IrShift {
                id: "early".into(),
                timezone: "Europe/Dublin".into(),
                days: (0..7).collect(),
                start,
                end: 9 * 60,
            })
            .unwrap()
        };
        let none = Holidays(Vec::new());
        // 01:30 does not exist on 29 March: the shift starts when the
        // clocks jump, at 01:00 UTC, as coverage counts it.
        let s = shift(90);
        assert!(!s.covers(ts("2026-03-29T00:59:00Z"), &none));
        assert!(s.covers(ts("2026-03-29T01:00:00Z"), &none));
        // 01:30 happens twice on 25 October: from the first time on, the
        // shift stays on through the repeated half hour.
        assert!(!s.covers(ts("2026-10-25T00:29:00Z"), &none));
        assert!(s.covers(ts("2026-10-25T00:30:00Z"), &none));
        assert!(s.covers(ts("2026-10-25T01:10:00Z"), &none));
        assert!(s.covers(ts("2026-10-25T08:59:00Z"), &none));
        assert!(!s.covers(ts("2026-10-25T09:00:00Z"), &none));
        // And on an ordinary day, the wall clock.
        assert!(!s.covers(ts("2026-06-10T00:29:00Z"), &none));
        assert!(s.covers(ts("2026-06-10T00:30:00Z"), &none));
    }
}
