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
use super::zendesk::{self, Action, Conditions, Piece, Ref, Schedule, Text};
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

fn render(t: &Text) -> String {
    t.0.iter()
        .map(|p| match p {
            Piece::Literal(s) => escape(s),
            Piece::Ref(r) => reference(r),
        })
        .collect()
}

fn conditions(c: &Conditions) -> Value {
    let list = |items: &[zendesk::Condition]| -> Value {
        items
            .iter()
            .map(|c| {
                json!({
                    "field": render(&c.field),
                    "operator": c.operator,
                    "value": render(&c.value),
                })
            })
            .collect()
    };
    // The provider's lists are optional: an empty one is left out rather
    // than planned as a change from null.
    let mut out = Map::new();
    if !c.all.is_empty() {
        out.insert("all".into(), list(&c.all));
    }
    if !c.any.is_empty() {
        out.insert("any".into(), list(&c.any));
    }
    Value::Object(out)
}

fn actions(list: &[Action]) -> Value {
    list.iter()
        .map(|a| json!({"field": render(&a.field), "value": render(&a.value)}))
        .collect()
}

pub fn export(pb: &Playbook, ir: &Ir, out: &mut Compiled) {
    if !pb.manifest.targets.zendesk {
        return;
    }
    let plan = zendesk::plan(pb, ir);
    let mut notes = Notes::new(TARGET);
    let ids = zendesk::IdMap::new(pb.zendesk.as_ref().map(|z| &z.value));

    let mut groups = Map::new();
    for g in &plan.groups {
        groups.insert(
            name(&g.key),
            json!({"name": escape(&g.name), "description": escape(&g.description)}),
        );
    }
    let mut schedules = Map::new();
    for s in &plan.schedules {
        schedules.insert(name(&s.key), schedule(s, &mut notes));
    }
    let mut triggers = Map::new();
    for (i, t) in plan.triggers.iter().enumerate() {
        triggers.insert(
            name(&t.key),
            json!({
                "title": escape(&t.title),
                "description": escape(&t.description),
                "active": t.active,
                "position": i + 1,
                "category_id": reference(&Ref::TriggerCategory),
                "conditions": conditions(&t.conditions),
                "actions": actions(&t.actions),
            }),
        );
    }
    let mut macros = Map::new();
    for m in &plan.macros {
        macros.insert(
            name(&m.key),
            json!({
                "title": escape(&m.title),
                "description": escape(&m.description),
                "active": true,
                "actions": actions(&m.actions),
            }),
        );
    }
    let mut policies = Map::new();
    for (i, p) in plan.sla_policies.iter().enumerate() {
        policies.insert(
            name(&p.key),
            json!({
                "title": escape(&p.title),
                "description": escape(&p.description),
                "position": i + 1,
                "filter": conditions(&p.filter),
                "policy_metrics": zendesk::metrics_json(&p.metrics),
            }),
        );
    }

    let mut resource = Map::new();
    resource.insert("zendesk_group".into(), Value::Object(groups));
    resource.insert("zendesk_schedule".into(), Value::Object(schedules));
    resource.insert(
        "zendesk_trigger_category".into(),
        json!({CATEGORY: {"name": escape(&plan.category_name)}}),
    );
    resource.insert("zendesk_trigger".into(), Value::Object(triggers));
    resource.insert("zendesk_macro".into(), Value::Object(macros));
    resource.insert("zendesk_sla_policy".into(), Value::Object(policies));

    let mut doc = Map::new();
    doc.insert(
        "terraform".into(),
        json!({"required_providers": {"zendesk": {"source": PROVIDER}}}),
    );
    let used: Vec<Ref> = plan
        .triggers
        .iter()
        .flat_map(|t| {
            let c = &t.conditions;
            c.all
                .iter()
                .chain(&c.any)
                .flat_map(|c| c.field.refs().chain(c.value.refs()))
                .chain(
                    t.actions
                        .iter()
                        .flat_map(|a| a.field.refs().chain(a.value.refs())),
                )
                .cloned()
                .collect::<Vec<_>>()
        })
        .collect();
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
fn schedule(s: &Schedule, notes: &mut Notes) -> Value {
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
    json!({
        "name": escape(&s.name),
        "time_zone": s.time_zone,
        "intervals": intervals,
    })
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
