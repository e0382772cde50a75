//! The week a plan covers: Monday 00:00 to the next Monday 00:00 in one
//! time zone, in steps of one real hour. A week with a daylight-saving
//! change has 167 or 169 intervals; each is labelled by its local start
//! time and UTC offset, so the repeated hour of autumn reads `01:00 +01:00`
//! then `01:00 +00:00`.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Length of a planning interval, in seconds.
pub const HOUR: i64 = 3600;

/// A week that cannot be laid out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WeekError {
    #[error("unknown time zone `{0}`")]
    TimeZone(String),
    #[error("the week of {0} is outside the supported calendar")]
    Date(Date),
}

/// One interval of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Unix seconds.
    pub start: i64,
    pub end: i64,
    /// The start on the wall clock of the plan's time zone.
    pub local: DateTime,
    /// UTC offset at the start, in seconds.
    pub offset_seconds: i32,
    /// Days after the week's Monday, 0 to 6.
    pub day: usize,
}

impl Slot {
    pub fn hour(&self) -> usize {
        self.local.hour() as usize
    }

    pub fn seconds(&self) -> i64 {
        self.end - self.start
    }

    /// `+01:00`.
    pub fn offset(&self) -> String {
        let s = self.offset_seconds;
        let sign = if s < 0 { '-' } else { '+' };
        let s = s.unsigned_abs();
        format!("{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
    }

    /// `2026-03-29 02:00 +01:00`.
    pub fn label(&self) -> String {
        format!(
            "{} {:02}:{:02} {}",
            self.local.date(),
            self.local.hour(),
            self.local.minute(),
            self.offset()
        )
    }

    /// `Sun 2026-03-29 02:00 +01:00`.
    pub fn long_label(&self) -> String {
        format!("{} {}", weekday_name(self.day), self.label())
    }

    /// `2026-03-29T02:00:00+01:00`.
    pub fn rfc3339(&self) -> String {
        format!(
            "{}T{:02}:{:02}:00{}",
            self.local.date(),
            self.local.hour(),
            self.local.minute(),
            self.offset()
        )
    }
}

/// `Mon` for day 0.
pub fn weekday_name(day: usize) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day % 7]
}

/// A week of hourly intervals in one time zone.
#[derive(Debug, Clone)]
pub struct Week {
    /// The IANA name of the zone.
    pub zone: String,
    pub monday: Date,
    pub start: i64,
    pub end: i64,
    pub slots: Vec<Slot>,
}

impl Week {
    /// The week (Monday to Monday) that contains `date`, in `zone`.
    pub fn containing(date: Date, zone: &str) -> Result<Week, WeekError> {
        let tz = crate::tz::db()
            .get(zone)
            .map_err(|_| WeekError::TimeZone(zone.to_string()))?;
        let outside = || WeekError::Date(date);
        let back = i64::from(date.weekday().to_monday_zero_offset());
        let monday = date
            .checked_sub(jiff::Span::new().days(back))
            .map_err(|_| outside())?;
        let next = monday
            .checked_add(jiff::Span::new().weeks(1))
            .map_err(|_| outside())?;
        let midnight = |d: Date| -> Result<i64, WeekError> {
            Ok(tz
                .to_timestamp(d.at(0, 0, 0, 0))
                .map_err(|_| outside())?
                .as_second())
        };
        let (start, end) = (midnight(monday)?, midnight(next)?);
        let mut slots = Vec::with_capacity(169);
        let mut t = start;
        while t < end {
            slots.push(slot(t, (t + HOUR).min(end), monday, &tz).ok_or_else(outside)?);
            t += HOUR;
        }
        Ok(Week {
            zone: zone.to_string(),
            monday,
            start,
            end,
            slots,
        })
    }

    /// How many intervals fall on each day and local hour: 0 for an hour
    /// the clocks skip, 2 for one they repeat.
    pub fn hour_counts(&self) -> [[u8; 24]; 7] {
        let mut counts = [[0u8; 24]; 7];
        for s in &self.slots {
            counts[s.day][s.hour()] += 1;
        }
        counts
    }

    /// The date of day `day` (0 = Monday).
    pub fn date(&self, day: usize) -> Date {
        self.monday
            .checked_add(jiff::Span::new().days(day as i64))
            .unwrap_or(self.monday)
    }

    /// Seconds of each slot covered by the union of `intervals` (instants
    /// within the week, in any order, overlapping or not).
    pub fn covered_seconds(&self, intervals: &mut [(i64, i64)]) -> Vec<i64> {
        intervals.sort_unstable();
        let mut out = vec![0; self.slots.len()];
        let mut cursor = self.start;
        for &(s, e) in intervals.iter() {
            let (s, e) = (s.max(cursor), e.min(self.end));
            if e <= s {
                continue;
            }
            let mut t = s;
            while t < e {
                // Slots are whole hours from the start; only the last may
                // be shorter.
                let i = ((t - self.start) / HOUR) as usize;
                let until = e.min(self.slots[i].end);
                out[i] += until - t;
                t = until;
            }
            cursor = e;
        }
        out
    }
}

fn slot(start: i64, end: i64, monday: Date, tz: &TimeZone) -> Option<Slot> {
    let zoned = jiff::Timestamp::from_second(start)
        .ok()?
        .to_zoned_datetime(tz.clone());
    let local = zoned.datetime();
    let day = monday.until(local.date()).ok()?.get_days();
    Some(Slot {
        start,
        end,
        local,
        offset_seconds: zoned.offset().seconds(),
        day: usize::try_from(day).ok()?.min(6),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_week_runs_monday_to_monday_in_real_hours() {
        let week = Week::containing(date("2026-01-07"), "Europe/Dublin").unwrap();
        assert_eq!(week.monday, date("2026-01-05"));
        assert_eq!(week.slots.len(), 168);
        assert_eq!(week.slots[0].label(), "2026-01-05 00:00 +00:00");
        assert_eq!(week.slots[167].long_label(), "Sun 2026-01-11 23:00 +00:00");
    }

    #[test]
    fn spring_forward_skips_an_hour() {
        // Europe/Dublin goes from GMT to IST at 01:00 on 2026-03-29.
        let week = Week::containing(date("2026-03-23"), "Europe/Dublin").unwrap();
        assert_eq!(week.slots.len(), 167);
        let sunday: Vec<String> = week
            .slots
            .iter()
            .filter(|s| s.day == 6)
            .take(3)
            .map(Slot::label)
            .collect();
        assert_eq!(
            sunday,
            [
                "2026-03-29 00:00 +00:00",
                "2026-03-29 02:00 +01:00",
                "2026-03-29 03:00 +01:00"
            ]
        );
        assert_eq!(week.hour_counts()[6][1], 0);
    }

    #[test]
    fn fall_back_repeats_an_hour() {
        // And back from IST to GMT at 02:00 on 2026-10-25.
        let week = Week::containing(date("2026-10-25"), "Europe/Dublin").unwrap();
        assert_eq!(week.monday, date("2026-10-19"));
        assert_eq!(week.slots.len(), 169);
        let labels: Vec<String> = week
            .slots
            .iter()
            .filter(|s| s.day == 6)
            .take(4)
            .map(Slot::rfc3339)
            .collect();
        assert_eq!(
            labels,
            [
                "2026-10-25T00:00:00+01:00",
                "2026-10-25T01:00:00+01:00",
                "2026-10-25T01:00:00+00:00",
                "2026-10-25T02:00:00+00:00"
            ]
        );
        assert_eq!(week.hour_counts()[6][1], 2);
    }

    #[test]
    fn unknown_zone_is_an_error() {
        assert_eq!(
            Week::containing(date("2026-01-05"), "Mars/Olympus").unwrap_err(),
            WeekError::TimeZone("Mars/Olympus".into())
        );
    }

    #[test]
    fn union_of_intervals_per_slot() {
        let week = Week::containing(date("2026-01-05"), "UTC").unwrap();
        let s = week.start;
        // 00:30-02:00 and an overlapping 01:00-01:15: counted once.
        let mut iv = vec![(s + 1800, s + 7200), (s + 3600, s + 4500)];
        let secs = week.covered_seconds(&mut iv);
        assert_eq!(&secs[..3], &[1800, 3600, 0]);
    }
}
