//! What the Zendesk export needs, checked when `targets.zendesk` is on:
//! calendars in time zones Zendesk can name (CB501), and the account ids
//! the REST bodies refer to (CB502), which it finds by planning the
//! export. Ids the mapping gives for teams or
//! calendars that do not exist are unknown references (CB201).

use jiff::{Timestamp, ToSpan};

use super::Context;
use crate::compile::zendesk::ids::{Ref, placeholder};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;
use crate::tz::zendesk as time_zones;

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
        // Zones Zendesk names that keep the same clock as this one over
        // the playbook's first year, winter and summer.
        let start = zone
            .to_timestamp(
                pb.manifest
                    .effective_from
                    .0
                    .to_datetime(jiff::civil::Time::midnight()),
            )
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let probes: Vec<Timestamp> = (0..12)
            .filter_map(|m| start.checked_add((m * 730).hours()).ok())
            .collect();
        let same_clock = |other: &str| {
            crate::tz::db()
                .get(other)
                .is_ok_and(|o| probes.iter().all(|t| o.to_offset(*t) == zone.to_offset(*t)))
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
                "these zones keep the same clock all year and Zendesk names them: {}",
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

fn missing_ids(cx: &mut Context) {
    let pb = cx.pb;
    // The ids the bodies hold, from the plan `compile` writes them from,
    // so the warning and the placeholders always agree.
    let needed = crate::compile::zendesk::plan(pb, &crate::ir::lower(pb)).refs();
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
    let ids = crate::compile::zendesk::IdMap::new(Some(&map.value));
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
