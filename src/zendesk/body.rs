//! One body per planned object, shared by the REST export and Terraform:
//! the two write the same fields and differ only in how a reference to
//! another object is written and how playbook text is kept literal, which
//! a [`Dialect`] says. The REST export wraps each body in its envelope
//! (`{"trigger": ...}`); Terraform makes it a resource.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::{Action, Condition, Conditions, Group, Macro, Piece, Plan, Ref, SlaPolicy, Text};
use super::{PolicyMetric, Schedule, Trigger};

/// What the REST API and Terraform write differently.
pub trait Dialect {
    /// Another object, whose id the account (or Terraform) assigns.
    fn reference(&self, r: &Ref) -> String;
    /// Text from the playbook, written so that it is read as it is.
    fn literal(&self, text: &str) -> String;
    /// Whether an empty condition list is written as `[]`; otherwise it
    /// is left out.
    fn empty_lists(&self) -> bool;
    /// The `field` of a condition or action that names a custom ticket
    /// field, and whatever else names it. The REST API takes one field,
    /// `custom_fields_ID`.
    fn custom_field(&self, r: &Ref) -> Vec<(&'static str, Value)> {
        vec![(
            "field",
            Value::String(format!("{}{}", super::CUSTOM_FIELD, self.reference(r))),
        )]
    }
}

/// A condition's or action's `field`, as the dialect writes it.
fn field(f: &Text, d: &impl Dialect) -> Map<String, Value> {
    match f.as_custom_field() {
        Some(r) => d
            .custom_field(r)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        None => Map::from_iter([("field".to_string(), Value::String(text(f, d)))]),
    }
}

/// Every body of a plan, by key, in the plan's order.
#[derive(Debug, Clone)]
pub struct Bodies {
    pub category: Value,
    pub groups: Vec<(String, Value)>,
    /// The schedule's name and zone; its hours differ in shape between
    /// the REST API and Terraform, so each writes them itself.
    pub schedules: Vec<(String, Value)>,
    /// In position order.
    pub triggers: Vec<(String, Value)>,
    pub macros: Vec<(String, Value)>,
    /// In position order.
    pub sla_policies: Vec<(String, Value)>,
    /// In position order.
    pub automations: Vec<(String, Value)>,
}

impl Plan {
    /// Every body, written in `dialect`.
    pub fn bodies(&self, d: &impl Dialect) -> Bodies {
        let keyed = |key: &String, body: Value| (key.clone(), body);
        Bodies {
            category: json!({"name": d.literal(&self.category_name)}),
            groups: self
                .groups
                .iter()
                .map(|g| keyed(&g.key, group(g, d)))
                .collect(),
            schedules: self
                .schedules
                .iter()
                .map(|s| keyed(&s.key, schedule(s, d)))
                .collect(),
            triggers: self
                .triggers
                .iter()
                .enumerate()
                .map(|(i, t)| keyed(&t.key, trigger(t, i + 1, d)))
                .collect(),
            macros: self
                .macros
                .iter()
                .map(|m| keyed(&m.key, macro_(m, d)))
                .collect(),
            sla_policies: self
                .sla_policies
                .iter()
                .enumerate()
                .map(|(i, p)| keyed(&p.key, sla_policy(p, i + 1, d)))
                .collect(),
            automations: self
                .automations
                .iter()
                .enumerate()
                .map(|(i, a)| keyed(&a.key, automation(a, i + 1, d)))
                .collect(),
        }
    }

    /// Every account id the bodies refer to, found by writing them: what
    /// `validate` asks the mapping for (CB502) and what Terraform declares
    /// variables for cannot drift from what the bodies hold.
    pub fn refs(&self) -> BTreeSet<Ref> {
        let seen = Collect::default();
        self.bodies(&seen);
        seen.0.into_inner()
    }
}

/// Writes nothing useful; remembers every reference it is asked for.
#[derive(Default)]
struct Collect(RefCell<BTreeSet<Ref>>);

impl Dialect for Collect {
    fn reference(&self, r: &Ref) -> String {
        self.0.borrow_mut().insert(r.clone());
        String::new()
    }

    fn literal(&self, _: &str) -> String {
        String::new()
    }

    fn empty_lists(&self) -> bool {
        true
    }
}

fn text(t: &Text, d: &impl Dialect) -> String {
    t.0.iter()
        .map(|p| match p {
            Piece::Literal(s) => d.literal(s),
            Piece::Ref(r) => d.reference(r),
        })
        .collect()
}

fn conditions(c: &Conditions, d: &impl Dialect) -> Value {
    let list = |items: &[Condition]| -> Value {
        items
            .iter()
            .map(|c| {
                let mut out = field(&c.field, d);
                out.insert("operator".into(), json!(c.operator));
                out.insert("value".into(), json!(text(&c.value, d)));
                Value::Object(out)
            })
            .collect()
    };
    let mut out = Map::new();
    for (name, items) in [("all", &c.all), ("any", &c.any)] {
        if d.empty_lists() || !items.is_empty() {
            out.insert(name.into(), list(items));
        }
    }
    Value::Object(out)
}

fn actions(list: &[Action], d: &impl Dialect) -> Value {
    list.iter()
        .map(|a| {
            let mut out = field(&a.field, d);
            out.insert("value".into(), json!(text(&a.value, d)));
            Value::Object(out)
        })
        .collect()
}

fn metrics(metrics: &[PolicyMetric]) -> Value {
    metrics
        .iter()
        .map(|m| {
            json!({
                "priority": m.priority.as_str(),
                "metric": m.metric,
                "target": m.target_minutes,
                "business_hours": m.business_hours,
            })
        })
        .collect()
}

fn group(g: &Group, d: &impl Dialect) -> Value {
    json!({"name": d.literal(&g.name), "description": d.literal(&g.description)})
}

fn schedule(s: &Schedule, d: &impl Dialect) -> Value {
    // The zone is a name from Zendesk's table (or the IANA name CB501
    // refuses), never playbook prose.
    json!({"name": d.literal(&s.name), "time_zone": s.time_zone})
}

fn trigger(t: &Trigger, position: usize, d: &impl Dialect) -> Value {
    json!({
        "title": d.literal(&t.title),
        "description": d.literal(&t.description),
        "active": t.active,
        "position": position,
        "category_id": d.reference(&Ref::TriggerCategory),
        "conditions": conditions(&t.conditions, d),
        "actions": actions(&t.actions, d),
    })
}

fn macro_(m: &Macro, d: &impl Dialect) -> Value {
    json!({
        "title": d.literal(&m.title),
        "description": d.literal(&m.description),
        "active": true,
        "actions": actions(&m.actions, d),
    })
}

fn automation(a: &Trigger, position: usize, d: &impl Dialect) -> Value {
    json!({
        "title": d.literal(&a.title),
        "description": d.literal(&a.description),
        "active": a.active,
        "position": position,
        "conditions": conditions(&a.conditions, d),
        "actions": actions(&a.actions, d),
    })
}

fn sla_policy(p: &SlaPolicy, position: usize, d: &impl Dialect) -> Value {
    json!({
        "title": d.literal(&p.title),
        "description": d.literal(&p.description),
        "position": position,
        "filter": conditions(&p.filter, d),
        "policy_metrics": metrics(&p.metrics),
    })
}
