//! Symbol tables for every kind of id, and the duplicate-id check (CB202):
//! ids must be unique across all files of a part.

use std::collections::BTreeMap;

use super::{Context, HasId};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::At;
use crate::model::*;

/// Every defined id, by kind, each pointing at its (first) definition.
#[derive(Default)]
pub struct Ids<'a> {
    pub languages: BTreeMap<&'a str, &'a At<Language>>,
    pub channels: BTreeMap<&'a str, &'a At<Channel>>,
    pub macros: BTreeMap<&'a str, &'a At<Macro>>,
    pub tags: BTreeMap<&'a str, &'a At<Tag>>,
    pub severities: BTreeMap<&'a str, &'a At<Severity>>,
    pub calendars: BTreeMap<&'a str, &'a At<Calendar>>,
    pub queues: BTreeMap<&'a str, &'a At<Queue>>,
    pub routes: BTreeMap<&'a str, &'a At<Route>>,
    pub chains: BTreeMap<&'a str, &'a At<Chain>>,
    pub incidents: BTreeMap<&'a str, &'a At<Incident>>,
    pub roles: BTreeMap<&'a str, &'a At<Role>>,
    pub teams: BTreeMap<&'a str, &'a At<Team>>,
    pub shifts: BTreeMap<&'a str, &'a At<Shift>>,
    pub samples: BTreeMap<&'a str, &'a At<Sample>>,
    pub follow_ups: BTreeMap<&'a str, &'a At<FollowUp>>,
}

pub fn collect<'a>(cx: &mut Context<'a>) -> Ids<'a> {
    let pb = cx.pb;
    Ids {
        languages: table(cx, "language", "code", &pb.languages),
        channels: table(cx, "channel", "id", &pb.channels),
        macros: table(cx, "macro", "id", &pb.macros),
        tags: table(cx, "tag", "id", &pb.tags),
        severities: table(cx, "severity", "id", &pb.severities),
        calendars: table(cx, "calendar", "id", &pb.calendars),
        queues: table(cx, "queue", "id", &pb.queues),
        routes: table(cx, "route", "id", &pb.routes),
        chains: table(cx, "escalation chain", "id", &pb.chains),
        incidents: table(cx, "incident mode", "id", &pb.incidents),
        roles: table(cx, "role", "id", &pb.roles),
        teams: table(cx, "team", "id", &pb.teams),
        shifts: table(cx, "shift", "id", &pb.shifts),
        samples: table(cx, "sample", "id", &pb.samples),
        follow_ups: table(cx, "follow-up", "id", &pb.follow_ups),
    }
}

fn table<'a, T: HasId>(
    cx: &mut Context<'a>,
    what: &str,
    field: &str,
    items: &'a [At<T>],
) -> BTreeMap<&'a str, &'a At<T>> {
    let mut map: BTreeMap<&str, &At<T>> = BTreeMap::new();
    for item in items {
        let id = item.value.id();
        if let Some(first) = map.get(id) {
            let here = cx
                .label(&item.loc.child(field))
                .with_message("defined again here");
            let there = cx
                .label(&first.loc.child(field))
                .with_message("first defined here");
            cx.push(
                Diagnostic::new(Code::DuplicateId, format!("{what} `{id}` is defined twice"))
                    .at(here)
                    .related(there)
                    .help(format!(
                        "give each {what} its own id, or remove one of them"
                    )),
            );
        } else {
            map.insert(id, item);
        }
    }
    map
}
