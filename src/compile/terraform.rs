//! `terraform/zendesk.tf.json`: the Zendesk objects as resources of the
//! `devops-wiz/zendesk` Terraform provider, in Terraform's JSON syntax.
//! Objects refer to each other by resource (`${zendesk_group.X.id}`), so
//! a team can plan and apply into an empty account without an id mapping;
//! the two custom ticket fields, which carebook does not create, are
//! variables defaulting to the mapped ids. Written when the Zendesk target
//! is on.

use serde_json::{Map, Value, json};

use super::Compiled;
use super::zendesk::fidelity::{self, Notes};
use super::zendesk::{Dialect, IdMap, Plan, Ref, Schedule};
use crate::ir::Ir;
use crate::load::Playbook;

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
/// intervals become their span, and minutes widen to the hour.
fn intervals(s: &Schedule, notes: &mut Notes) -> Value {
    let object = format!("zendesk_schedule `{}`", s.key);
    let mut intervals = Map::new();
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
        if on_day.len() > 1 {
            notes.add(
                &object,
                format!(
                    "{day} has {} intervals; the provider takes one, so the export opens from the first start to the last end",
                    on_day.len()
                ),
            );
        }
        if start % 60 != 0 || end % 60 != 0 {
            notes.add(
                &object,
                format!(
                    "{day} {} to {} is not whole hours; the provider takes hours, so the export opens {:02}:00 to {:02}:00",
                    clock(start),
                    clock(end),
                    start / 60,
                    end.div_ceil(60)
                ),
            );
        }
        intervals.insert(
            (*day).into(),
            json!({"start_time": start / 60, "end_time": end.div_ceil(60)}),
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
}
