//! Zendesk's time-zone names. Schedules take Ruby on Rails zone names
//! (`Dublin`, `Tokyo`, `Eastern Time (US & Canada)`), not IANA names; the
//! table (`zendesk.tsv`) is data embedded in the binary, so it can be
//! read, diffed and extended without touching code.
//!
//! `validate` (CB501) asks this table too: a calendar in a zone Zendesk
//! cannot name must fail before anything is compiled.

use std::sync::LazyLock;

const TABLE: &str = include_str!("zendesk.tsv");

/// IANA names renamed after Rails fixed its table, as (current, the name
/// the table uses); both mean the same zone.
const RENAMED: &[(&str, &str)] = &[
    ("Europe/Kyiv", "Europe/Kiev"),
    ("Asia/Yangon", "Asia/Rangoon"),
    ("America/Nuuk", "America/Godthab"),
    ("UTC", "Etc/UTC"),
    ("Etc/UCT", "Etc/UTC"),
    ("Etc/Universal", "Etc/UTC"),
];

/// (Zendesk name, IANA name), in the table's order.
static ZONES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// Every (Zendesk name, IANA name) pair.
pub fn all() -> &'static [(&'static str, &'static str)] {
    &ZONES
}

/// The Zendesk name of an IANA zone, if Zendesk has one.
pub fn zendesk_name(iana: &str) -> Option<&'static str> {
    let iana = RENAMED
        .iter()
        .find(|(current, _)| *current == iana)
        .map_or(iana, |(_, old)| old);
    let city = iana.rsplit('/').next().unwrap_or(iana).replace('_', " ");
    let mut candidates = ZONES.iter().filter(|(_, z)| *z == iana);
    let first = candidates.clone().next()?;
    Some(
        candidates
            .find(|(name, _)| *name == city)
            .unwrap_or(first)
            .0,
    )
}

/// The IANA zone a Zendesk name stands for.
pub fn iana_name(zendesk: &str) -> Option<&'static str> {
    ZONES.iter().find(|(n, _)| *n == zendesk).map(|(_, z)| *z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_city_where_several_names_share_a_zone() {
        assert_eq!(zendesk_name("Europe/Dublin"), Some("Dublin"));
        assert_eq!(zendesk_name("Europe/London"), Some("London"));
        assert_eq!(zendesk_name("Asia/Tokyo"), Some("Tokyo"));
        assert_eq!(zendesk_name("Asia/Kolkata"), Some("Kolkata"));
        assert_eq!(
            zendesk_name("America/New_York"),
            Some("Eastern Time (US & Canada)")
        );
        assert_eq!(zendesk_name("Europe/Kyiv"), Some("Kyiv"));
        assert_eq!(zendesk_name("Asia/Manila"), None);
        assert_eq!(iana_name("Tallinn"), Some("Europe/Tallinn"));
    }

    #[test]
    fn every_zone_in_the_table_is_in_the_bundled_database() {
        for (name, iana) in all() {
            assert!(crate::tz::db().get(iana).is_ok(), "{name}: {iana}");
        }
        assert!(all().len() > 140);
    }
}
