//! The Zendesk export: the request bodies the Zendesk Support REST API
//! accepts to create the playbook's groups, triggers, macros, SLA policies
//! and schedules, one JSON file per object under `zendesk/`, written only
//! when the manifest turns `targets.zendesk` on. The objects come from
//! the plan ([`crate::zendesk::Plan`]), which `compile` makes once for
//! this export and the Terraform one.

use serde_json::{Value, json};

use super::{Compiled, fidelity};
use crate::ir::Ir;
use crate::load::Playbook;
use crate::zendesk::{Dialect, IdMap, Plan, Ref, Schedule, plan};

/// Writes the REST request bodies and `zendesk/FIDELITY.md` when the
/// Zendesk target is on, and returns the plan for the Terraform export,
/// which makes the same objects.
pub fn export(pb: &Playbook, ir: &Ir, out: &mut Compiled) -> Option<Plan> {
    if !pb.manifest.targets.zendesk {
        return None;
    }
    let plan = plan(pb, ir);
    debug_assert_eq!(plan.repeated_keys(), Vec::<String>::new());
    let map = IdMap::new(pb.zendesk.as_ref().map(|z| &z.value));
    let bodies = plan.bodies(&Rest(&map));

    let mut category = bodies.category;
    if let Some(body) = category.as_object_mut() {
        body.insert("position".into(), json!(0));
    }
    out.add_json(
        "zendesk/trigger_categories/carebook.json",
        &json!({"trigger_category": category}),
    );
    for (key, body) in bodies.groups {
        out.add_json(
            format!("zendesk/groups/{key}.json"),
            &json!({"group": body}),
        );
    }
    for (s, (_, body)) in plan.schedules.iter().zip(bodies.schedules) {
        write_schedule(s, body, out);
    }
    for (i, (key, body)) in bodies.triggers.into_iter().enumerate() {
        out.add_json(
            format!("zendesk/triggers/{:03}-{key}.json", i + 1),
            &json!({"trigger": body}),
        );
    }
    for (key, body) in bodies.macros {
        out.add_json(
            format!("zendesk/macros/{key}.json"),
            &json!({"macro": body}),
        );
    }
    for (i, (key, body)) in bodies.sla_policies.into_iter().enumerate() {
        out.add_json(
            format!("zendesk/sla_policies/{:02}-{key}.json", i + 1),
            &json!({"sla_policy": body}),
        );
    }
    for (i, (key, body)) in bodies.automations.into_iter().enumerate() {
        out.add_json(
            format!("zendesk/automations/{:02}-{key}.json", i + 1),
            &json!({"automation": body}),
        );
    }
    out.add(
        "zendesk/FIDELITY.md",
        fidelity::markdown(
            &ir.playbook,
            "Zendesk",
            "Each rule below is also a warning from `carebook compile`. The Terraform \
             export (`terraform/zendesk.tf.json`) makes the same objects, so every line \
             here applies to it too.",
            &plan.fidelity,
        ),
    );
    out.fidelity.extend(plan.fidelity.iter().cloned());
    Some(plan)
}

/// REST bodies: a reference is the mapped id, or the placeholder that
/// names what the mapping lacks; text goes as it is.
struct Rest<'a>(&'a IdMap);

impl Dialect for Rest<'_> {
    fn reference(&self, r: &Ref) -> String {
        self.0.rest(r)
    }

    fn literal(&self, text: &str) -> String {
        text.to_string()
    }

    fn empty_lists(&self) -> bool {
        true
    }
}

fn write_schedule(s: &Schedule, body: Value, out: &mut Compiled) {
    let dir = format!("zendesk/schedules/{}", s.key);
    out.add_json(format!("{dir}/schedule.json"), &json!({"schedule": body}));
    // Zendesk takes the weekly hours only through the workweek endpoint,
    // after the schedule exists.
    let intervals: Vec<Value> = s
        .intervals
        .iter()
        .map(|(a, b)| json!({"start_time": a, "end_time": b}))
        .collect();
    out.add_json(
        format!("{dir}/workweek.json"),
        &json!({"workweek": {"intervals": intervals}}),
    );
    let mut used: Vec<String> = Vec::new();
    for h in &s.holidays {
        let mut stem = h.start_date.clone();
        let mut n = 2;
        while used.contains(&stem) {
            stem = format!("{}-{n}", h.start_date);
            n += 1;
        }
        used.push(stem.clone());
        out.add_json(
            format!("{dir}/holidays/{stem}.json"),
            &json!({"holiday": {
                "name": h.name,
                "start_date": h.start_date,
                "end_date": h.end_date,
            }}),
        );
    }
}
