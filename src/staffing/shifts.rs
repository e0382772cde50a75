//! The instants a shift (or a calendar's opening hours) covers over the
//! checked period: day by day in its own time zone, so DST changes fall
//! where they really do. Coverage (CB310) and the staffing plan both read
//! shifts through this, so they agree on who is on shift.

use jiff::civil::Date;

use crate::model::{Calendar, Holiday, Shift};

/// How far ahead coverage is checked.
pub const WEEKS: i64 = 53;

/// [start, end) in Unix seconds.
pub type Interval = (i64, i64);

/// Every instance of a shift around the checked period, as instants,
/// skipping the holidays of the team's calendar.
pub fn shift_intervals(
    shift: &Shift,
    calendar: Option<&Calendar>,
    first_day: Date,
) -> Vec<Interval> {
    let holidays = calendar.map_or(&[][..], |c| c.holidays.as_slice());
    day_spans(shift.timezone.as_str(), holidays, first_day, |day| {
        if shift.days.iter().any(|d| d.to_jiff() == day) {
            vec![(shift.start.minutes, shift.end.minutes)]
        } else {
            Vec::new()
        }
    })
}

/// The spans `spans` gives each weekday (local start and end minutes) on
/// every day around the checked period that is not a holiday, as
/// instants in `zone`. A day either side, so a span starting the evening
/// before the window (or in another zone's yesterday) is counted.
pub fn day_spans(
    zone: &str,
    holidays: &[Holiday],
    first_day: Date,
    spans: impl Fn(jiff::civil::Weekday) -> Vec<(u16, u16)>,
) -> Vec<Interval> {
    let Ok(tz) = crate::tz::db().get(zone) else {
        return Vec::new();
    };
    let holiday = |d: Date| {
        holidays
            .iter()
            .any(|h| d >= h.date.0 && d <= h.until.map_or(h.date.0, |u| u.0))
    };
    let mut out = Vec::new();
    let Ok(mut day) = first_day.yesterday() else {
        return out;
    };
    for _ in 0..WEEKS * 7 + 2 {
        if !holiday(day) {
            for (start, end) in spans(day.weekday()) {
                // The same reading of a span as the router's, so a shift
                // starting inside a skipped hour covers what the router says.
                if let Some((s, e)) = crate::tz::shift_span(&tz, day, start, end)
                    && e > s
                {
                    out.push((s.as_second(), e.as_second()));
                }
            }
        }
        match day.tomorrow() {
            Ok(d) => day = d,
            Err(_) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shift instances (coverage, staffing) and the router must agree on
    /// when a shift is on, minute by minute, across both of the year's
    /// clock changes, whatever the shift.
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
