//! What the Zendesk export needs, checked when `targets.zendesk` is on:
//! calendars in time zones Zendesk can name (CB501), and the account ids
//! the REST bodies refer to (CB502), which it finds by planning the
//! export. Ids the mapping gives for teams or
//! calendars that do not exist are unknown references (CB201).

use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;
use crate::tz::zendesk as time_zones;
use crate::zendesk::ids::{Ref, placeholder};

pub fn check(cx: &mut Context) {
    let pb = cx.pb;
    if !pb.manifest.targets.zendesk {
        return;
    }
    zones(cx);
    if let Some(map) = &pb.zendesk {
        for team in map.groups.keys() {
            let loc = map.loc.child(format!("groups/{team}"));
            cx.reference("team", &cx.ids.teams.clone(), team.as_str(), loc);
        }
        for calendar in map.schedules.keys() {
            let loc = map.loc.child(format!("schedules/{calendar}"));
            cx.reference(
                "calendar",
                &cx.ids.calendars.clone(),
                calendar.as_str(),
                loc,
            );
        }
    }
    missing_ids(cx);
}

fn zones(cx: &mut Context) {
    let pb = cx.pb;
    for c in &pb.calendars {
        let name = c.timezone.as_str();
        let Ok(zone) = crate::tz::db().get(name) else {
            // Not a zone at all: CB206 says so.
            continue;
        };
        if time_zones::zendesk_name(name).is_some() {
            continue;
        }
        // Zones Zendesk names that keep this zone's clock through the
        // playbook's first year: the same offset when it starts and the
        // same changes at the same instants. Sampling a few days would
        // pass two zones whose DST starts weeks apart.
        let from = pb.manifest.effective_from.0;
        let year = first_year(&zone, from);
        let same_clock = |other: &str| {
            year.is_some_and(|(start, end)| {
                crate::tz::db()
                    .get(other)
                    .is_ok_and(|o| clock(&o, start, end) == clock(&zone, start, end))
            })
        };
        let mut alike: Vec<String> = Vec::new();
        for (zendesk, iana) in time_zones::all() {
            let entry = format!("`{iana}` ({zendesk})");
            if same_clock(iana) && !alike.iter().any(|a| a.starts_with(&format!("`{iana}`"))) {
                alike.push(entry);
            }
        }
        alike.truncate(4);
        let help = if alike.is_empty() {
            "use the zone of a city Zendesk lists for its schedules, or turn `targets.zendesk` off"
                .to_string()
        } else {
            format!(
                "these zones keep the same clock as `{name}` for the year from {from}, and Zendesk names them: {}",
                alike.join(", ")
            )
        };
        let label = cx
            .label(&c.loc.child("timezone"))
            .with_message("no Zendesk name");
        cx.push(
            Diagnostic::new(
                Code::ZendeskTimeZone,
                format!(
                    "calendar `{}` is in `{name}`, which Zendesk has no time zone for",
                    c.id
                ),
            )
            .at(label)
            .help(help),
        );
    }
}

/// From midnight on `from` in `zone` to midnight a year later.
fn first_year(zone: &TimeZone, from: Date) -> Option<(Timestamp, Timestamp)> {
    let start = zone.to_timestamp(from.to_datetime(Time::midnight())).ok()?;
    let next = from.checked_add(1.year()).ok()?;
    let end = zone.to_timestamp(next.to_datetime(Time::midnight())).ok()?;
    Some((start, end))
}

/// A zone's clock from `start` until `end`: its offset at `start`, then
/// each instant the offset changes and the offset after it.
fn clock(zone: &TimeZone, start: Timestamp, end: Timestamp) -> (Offset, Vec<(Timestamp, Offset)>) {
    let first = zone.to_offset(start);
    let mut current = first;
    let mut changes = Vec::new();
    for t in zone.following(start) {
        if t.timestamp() >= end {
            break;
        }
        // Some transitions change only the abbreviation or the DST flag:
        // the clock reads the same.
        if t.offset() != current {
            current = t.offset();
            changes.push((t.timestamp(), current));
        }
    }
    (first, changes)
}

fn missing_ids(cx: &mut Context) {
    let pb = cx.pb;
    // The ids the bodies hold, from the plan `compile` writes them from,
    // so the warning and the placeholders always agree.
    let needed = crate::zendesk::plan(pb, &crate::ir::lower(pb)).refs();
    let Some(map) = &pb.zendesk else {
        let keys: Vec<String> = needed.iter().map(Ref::mapping_key).collect();
        let label = cx
            .label(&pb.manifest.loc.child("targets/zendesk"))
            .with_message("no id mapping");
        cx.push(
            Diagnostic::new(
                Code::ZendeskIdMissing,
                format!(
                    "the Zendesk target is on but no id mapping names the account's {} ids",
                    keys.len()
                ),
            )
            .at(label)
            .help(format!(
                "add `zendesk: zendesk.yaml` under `files` with {}; until then the REST bodies hold `UNMAPPED-...` placeholders (Terraform needs no mapping)",
                keys.join(", ")
            )),
        );
        return;
    };
    let ids = crate::zendesk::IdMap::new(Some(&map.value));
    for r in needed {
        if ids.get(&r).is_some() {
            continue;
        }
        let section = match &r {
            Ref::Group(_) => "groups",
            Ref::Schedule(_) => "schedules",
            Ref::TriggerCategory => "trigger_category",
            Ref::ChannelField | Ref::LanguageField => "fields",
        };
        let loc: Loc = map.loc.child(section);
        let present = cx.sources.get(map.loc.file).value.get(section).is_some();
        let missing = format!("no `{}` in this file", r.mapping_key());
        // Where the object that needs the id is defined.
        let defined = match &r {
            Ref::Group(team) => cx.ids.teams.get(team.as_str()).map(|t| t.loc.child("id")),
            Ref::Schedule(c) => cx.ids.calendars.get(c.as_str()).map(|c| c.loc.child("id")),
            _ => None,
        };
        let message = format!("no Zendesk id for {}", r.describe());
        let d = match defined {
            // Without the section there is no place in the mapping to
            // point at: point at what needs the id instead.
            Some(def) if !present => Diagnostic::new(Code::ZendeskIdMissing, message).at(cx
                .label(&def)
                .with_message("has no id in the Zendesk mapping")),
            Some(def) => Diagnostic::new(Code::ZendeskIdMissing, message)
                .at(cx.key_label(&loc).with_message(missing))
                .related(cx.label(&def).with_message("defined here")),
            None => Diagnostic::new(Code::ZendeskIdMissing, message)
                .at(cx.key_label(&loc).with_message(missing)),
        };
        cx.push(d.help(format!(
            "add `{}` to the mapping; until then the REST bodies hold `{}`",
            r.mapping_key(),
            placeholder(&r)
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_clock(a: &str, b: &str, from: Date) -> bool {
        let db = crate::tz::db();
        let (a, b) = (db.get(a).unwrap(), db.get(b).unwrap());
        let (start, end) = first_year(&a, from).unwrap();
        clock(&a, start, end) == clock(&b, start, end)
    }

    #[test]
    fn zones_keep_the_same_clock_only_with_the_same_changes() {
        let from = jiff::civil::date(2026, 1, 5);
        // Both follow the EU's rule: +02, +03 from the last Sunday of
        // March at 01:00 UTC.
        assert!(same_clock("Europe/Athens", "Europe/Bucharest", from));
        // The same two offsets, but Israel's summer starts two days
        // earlier: twelve samples a month apart never see it.
        assert!(!same_clock("Asia/Jerusalem", "Europe/Athens", from));
        let (a, b) = (
            crate::tz::db().get("Asia/Jerusalem").unwrap(),
            crate::tz::db().get("Europe/Athens").unwrap(),
        );
        let (start, _) = first_year(&a, from).unwrap();
        assert!((0..12).all(|m: i64| {
            let t = start.checked_add((m * 730).hours()).unwrap();
            a.to_offset(t) == b.to_offset(t)
        }));
        // No DST at all, one offset all year.
        assert!(same_clock("Asia/Manila", "Asia/Shanghai", from));
        assert!(!same_clock("Asia/Manila", "Asia/Tokyo", from));
    }
}
