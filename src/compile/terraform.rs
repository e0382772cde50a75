//! `terraform/zendesk.tf.json`: the Zendesk objects as resources of the
//! `devops-wiz/zendesk` Terraform provider, in Terraform's JSON syntax.
//! Objects refer to each other by resource (`${zendesk_group.X.id}`), so
//! a team can plan and apply into an empty account without an id mapping;
//! the two custom ticket fields, which carebook does not create, are
//! variables defaulting to the mapped ids. Written when the Zendesk target
//! is on.

use serde_json::{Map, Value, json};

use super::Compiled;
use super::fidelity;
use crate::ir::Ir;
use crate::load::Playbook;
use crate::zendesk::fidelity::Notes;
use crate::zendesk::{Dialect, IdMap, Plan, Ref, Schedule};

pub const TARGET: &str = "terraform";
pub const PROVIDER: &str = "devops-wiz/zendesk";
const CHANNEL_VAR: &str = "zendesk_channel_field_id";
const LANGUAGE_VAR: &str = "zendesk_language_field_id";
const CATEGORY: &str = "carebook";

/// A resource name Terraform accepts: ids may start with a digit, names
/// may not.
fn name(id: &str) -> String {
    if id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        id.to_string()
    } else {
        format!("_{id}")
    }
}

/// Terraform reads `${` and `%{` in any string as a template: a reply
/// that contains them must keep them as text.
fn escape(text: &str) -> String {
    text.replace("${", "$${").replace("%{", "%%{")
}

fn reference(r: &Ref) -> String {
    match r {
        Ref::Group(team) => format!("${{zendesk_group.{}.id}}", name(team)),
        Ref::Schedule(calendar) => format!("${{zendesk_schedule.{}.id}}", name(calendar)),
        Ref::TriggerCategory => format!("${{zendesk_trigger_category.{CATEGORY}.id}}"),
        Ref::ChannelField => format!("${{var.{CHANNEL_VAR}}}"),
        Ref::LanguageField => format!("${{var.{LANGUAGE_VAR}}}"),
    }
}

/// Resource arguments: references are resources and variables, so no
/// id mapping is needed; playbook text is kept out of Terraform's
/// templates.
struct Terraform;

impl Dialect for Terraform {
    fn reference(&self, r: &Ref) -> String {
        reference(r)
    }

    fn literal(&self, text: &str) -> String {
        escape(text)
    }

    /// The provider's lists are optional: an empty one is left out rather
    /// than planned as a change from null.
    fn empty_lists(&self) -> bool {
        false
    }

    /// The provider writes a ticket field as `custom_field` with the id
    /// beside it, and reads it back so: `custom_fields_ID` would plan a
    /// change on every run.
    fn custom_field(&self, r: &Ref) -> Vec<(&'static str, Value)> {
        vec![
            ("field", json!("custom_field")),
            ("custom_field_id", json!(reference(r))),
        ]
    }
}

/// The resources of one type, by name.
fn resources(bodies: Vec<(String, Value)>) -> Value {
    let mut out = Map::new();
    for (key, body) in bodies {
        let name = name(&key);
        // Two resources with one name would leave one of them out of the
        // file without a word; the plan's keys never repeat.
        let previous = out.insert(name.clone(), body);
        debug_assert!(previous.is_none(), "two resources named `{name}`");
    }
    Value::Object(out)
}

/// Writes `terraform/zendesk.tf.json` and `terraform/FIDELITY.md` from the
/// plan of the Zendesk export, when there is one.
pub fn export(pb: &Playbook, ir: &Ir, plan: Option<&Plan>, out: &mut Compiled) {
    let Some(plan) = plan else {
        return;
    };
    let mut notes = Notes::new(TARGET);
    let ids = IdMap::new(pb.zendesk.as_ref().map(|z| &z.value));
    let bodies = plan.bodies(&Terraform);

    let mut schedules = Vec::new();
    for (s, (key, mut body)) in plan.schedules.iter().zip(bodies.schedules) {
        if let Some(args) = body.as_object_mut() {
            args.insert("intervals".into(), intervals(s, &mut notes));
        }
        schedules.push((key, body));
    }
    let mut resource = Map::new();
    resource.insert("zendesk_group".into(), resources(bodies.groups));
    resource.insert("zendesk_schedule".into(), resources(schedules));
    resource.insert(
        "zendesk_trigger_category".into(),
        json!({CATEGORY: bodies.category}),
    );
    resource.insert("zendesk_trigger".into(), resources(bodies.triggers));
    if !bodies.automations.is_empty() {
        resource.insert("zendesk_automation".into(), resources(bodies.automations));
    }
    resource.insert("zendesk_macro".into(), resources(bodies.macros));
    resource.insert("zendesk_sla_policy".into(), resources(bodies.sla_policies));

    let mut doc = Map::new();
    doc.insert(
        "terraform".into(),
        json!({"required_providers": {"zendesk": {"source": PROVIDER}}}),
    );
    let used = plan.refs();
    let mut variables = Map::new();
    for (r, var, what) in [
        (Ref::ChannelField, CHANNEL_VAR, "channel id"),
        (Ref::LanguageField, LANGUAGE_VAR, "language code"),
    ] {
        if !used.contains(&r) {
            continue;
        }
        let mut v = Map::new();
        v.insert("type".into(), json!("number"));
        v.insert(
            "description".into(),
            json!(format!(
                "Id of the drop-down ticket field whose option tags are the {what}s carebook routes on."
            )),
        );
        if let Some(id) = ids.get(&r) {
            v.insert("default".into(), json!(id));
        }
        variables.insert(var.into(), Value::Object(v));
    }
    if !variables.is_empty() {
        doc.insert("variable".into(), Value::Object(variables));
    }
    doc.insert("resource".into(), Value::Object(resource));
    out.add_json("terraform/zendesk.tf.json", &Value::Object(doc));

    let list = notes.into_list();
    out.add(
        "terraform/FIDELITY.md",
        fidelity::markdown(
            &ir.playbook,
            "the Terraform export",
            &format!(
                "It makes the objects of `zendesk/` as resources of the `{PROVIDER}` provider; \
                 everything in `zendesk/FIDELITY.md` applies, and the provider adds the limits below."
            ),
            &list,
        ),
    );
    out.fidelity.extend(list);
}

const DAYS: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// The provider takes one interval per weekday in whole hours: several
/// intervals become their span, and minutes widen to the hour. Each of
/// the two is one warning for the schedule, listing its weekdays from
/// Monday as the playbook does: one warning per weekday would sort by
/// the day's name.
fn intervals(s: &Schedule, notes: &mut Notes) -> Value {
    let object = format!("zendesk_schedule `{}`", s.key);
    let mut intervals = Map::new();
    // By the day's place in the playbook's week (Monday first), what
    // changes on it.
    let mut spanned: Vec<(usize, String)> = Vec::new();
    let mut widened: Vec<(usize, String)> = Vec::new();
    for (d, day) in DAYS.iter().enumerate() {
        let base = d as u32 * 1440;
        let on_day: Vec<(u32, u32)> = s
            .intervals
            .iter()
            .filter(|(a, _)| *a >= base && *a < base + 1440)
            .map(|(a, b)| (a - base, b - base))
            .collect();
        let (Some(first), Some(last)) = (on_day.first(), on_day.last()) else {
            continue;
        };
        let (start, end) = (first.0, last.1);
        let (start_hour, end_hour) = (start / 60, end.div_ceil(60));
        let from_monday = (d + 6) % 7;
        if on_day.len() > 1 {
            let each: Vec<String> = on_day
                .iter()
                .map(|(a, b)| format!("{} to {}", clock(*a), clock(*b)))
                .collect();
            spanned.push((
                from_monday,
                format!(
                    "{} become {} to {}",
                    each.join(" and "),
                    clock(start),
                    clock(end)
                ),
            ));
        }
        if start % 60 != 0 || end % 60 != 0 {
            widened.push((
                from_monday,
                format!(
                    "{} to {} becomes {start_hour:02}:00 to {end_hour:02}:00",
                    clock(start),
                    clock(end)
                ),
            ));
        }
        intervals.insert(
            (*day).into(),
            json!({"start_time": start_hour, "end_time": end_hour}),
        );
    }
    if !spanned.is_empty() {
        notes.add(
            &object,
            format!(
                "the provider takes one interval per weekday, so the export opens from the first start to the last end: {}",
                by_days(spanned)
            ),
        );
    }
    if !widened.is_empty() {
        notes.add(
            &object,
            format!(
                "the provider takes whole hours, so the export opens wider: {}",
                by_days(widened)
            ),
        );
    }
    if !s.holidays.is_empty() {
        notes.add(
            &object,
            format!(
                "the provider has no holidays: create the {} holidays from `zendesk/schedules/{}/holidays/` with the REST API",
                s.holidays.len(),
                s.key
            ),
        );
    }
    Value::Object(intervals)
}

/// What changes on each day, Monday first, with neighbouring days that
/// change alike run together: `monday to friday 08:30 to 17:30 becomes
/// 08:00 to 18:00; saturday 10:30 to 14:00 becomes 10:00 to 14:00`.
fn by_days(mut days: Vec<(usize, String)>) -> String {
    days.sort();
    let mut runs: Vec<(usize, usize, String)> = Vec::new();
    for (day, what) in days {
        match runs.last_mut() {
            Some((_, last, same)) if *last + 1 == day && *same == what => *last = day,
            _ => runs.push((day, day, what)),
        }
    }
    let name = |from_monday: usize| DAYS[(from_monday + 1) % 7];
    runs.iter()
        .map(|(first, last, what)| match last - first {
            0 => format!("{} {what}", name(*first)),
            1 => format!("{} and {} {what}", name(*first), name(*last)),
            _ => format!("{} to {} {what}", name(*first), name(*last)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_templates() {
        assert_eq!(name("care-dublin"), "care-dublin");
        assert_eq!(name("24x7"), "_24x7");
        assert_eq!(escape("costs ${price} or %{x}"), "costs $${price} or %%{x}");
        assert_eq!(
            reference(&Ref::Group("care-dublin".into())),
            "${zendesk_group.care-dublin.id}"
        );
    }

    #[test]
    fn one_warning_per_schedule_lists_the_weekdays_from_monday() {
        // Sunday 10:00-14:00; Monday to Friday 08:30-12:00 and
        // 13:00-17:30; Saturday 10:30-14:00.
        let mut week = vec![(600, 840)];
        for d in 1..=5 {
            week.push((d * 1440 + 510, d * 1440 + 720));
            week.push((d * 1440 + 780, d * 1440 + 1050));
        }
        week.push((6 * 1440 + 630, 6 * 1440 + 840));
        let s = Schedule {
            key: "office".into(),
            name: "Office".into(),
            time_zone: "Dublin".into(),
            intervals: week,
            holidays: Vec::new(),
        };
        let mut notes = Notes::new(TARGET);
        let hours = intervals(&s, &mut notes);
        assert_eq!(hours["monday"], json!({"start_time": 8, "end_time": 18}));
        let messages: Vec<String> = notes.into_list().into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            [
                "the provider takes one interval per weekday, so the export opens from the first start to the last end: \
                 monday to friday 08:30 to 12:00 and 13:00 to 17:30 become 08:30 to 17:30",
                "the provider takes whole hours, so the export opens wider: \
                 monday to friday 08:30 to 17:30 becomes 08:00 to 18:00; saturday 10:30 to 14:00 becomes 10:00 to 14:00",
            ]
        );
    }
}
