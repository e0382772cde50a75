//! The Zendesk plan: the groups, triggers, macros, SLA policies,
//! schedules and automations a playbook becomes in Zendesk, as data whose
//! references to other objects stay symbolic ([`Ref`]), and what Zendesk
//! cannot express ([`Fidelity`]).
//!
//! It sits below both the checks and the exports: `validate` reads the
//! references a plan needs to check the id mapping (CB-zendesk), and
//! `compile` writes the plan's bodies ([`body`]), for the REST API with
//! the account's ids from the mapping file
//! ([`crate::compile::zendesk`]), for Terraform with resource references
//! ([`crate::compile::terraform`]).

pub mod automations;
pub mod body;
pub mod fidelity;
pub mod follow_ups;
pub mod groups;
pub mod handoff;
pub mod ids;
pub mod keys;
pub mod macros;
pub mod schedules;
pub mod sla;
pub mod triggers;

use crate::ir::Ir;
use crate::load::Playbook;
use crate::model::Priority;
pub use body::{Bodies, Dialect};
pub use fidelity::Fidelity;
pub use ids::{IdMap, Ref};

/// The target name in fidelity warnings.
pub const TARGET: &str = "zendesk";

/// A string that may hold references to objects whose ids only the
/// account (or Terraform) knows, such as `custom_fields_<channel field>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub Vec<Piece>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Ref(Ref),
}

impl Text {
    pub fn lit(s: impl Into<String>) -> Text {
        Text(vec![Piece::Literal(s.into())])
    }

    pub fn of(r: Ref) -> Text {
        Text(vec![Piece::Ref(r)])
    }

    /// `prefix` followed by a reference.
    pub fn prefixed(prefix: &str, r: Ref) -> Text {
        Text(vec![Piece::Literal(prefix.to_string()), Piece::Ref(r)])
    }

    /// A custom ticket field as a condition's or action's field.
    pub fn custom_field(r: Ref) -> Text {
        Text::prefixed(CUSTOM_FIELD, r)
    }

    /// The ticket field this names, when it is one.
    pub fn as_custom_field(&self) -> Option<&Ref> {
        match self.0.as_slice() {
            [Piece::Literal(p), Piece::Ref(r)] if p == CUSTOM_FIELD => Some(r),
            _ => None,
        }
    }
}

/// How the REST API names a custom ticket field in conditions and
/// actions: this prefix, then the field's id.
pub const CUSTOM_FIELD: &str = "custom_fields_";

/// One condition of a trigger or SLA policy filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub field: Text,
    pub operator: &'static str,
    pub value: Text,
}

impl Condition {
    pub fn new(field: &str, operator: &'static str, value: impl Into<String>) -> Condition {
        Condition {
            field: Text::lit(field),
            operator,
            value: Text::lit(value),
        }
    }

    /// The guard every carebook trigger carries: it fires when the ticket
    /// is created, never on a customer's follow-up.
    pub fn on_create() -> Condition {
        Condition::new("update_type", "is", "Create")
    }

    pub fn tags_include(tags: &[String]) -> Condition {
        Condition::new("current_tags", "includes", tags.join(" "))
    }

    pub fn tags_exclude(tags: &[String]) -> Condition {
        Condition::new("current_tags", "not_includes", tags.join(" "))
    }

    pub fn priority_is(p: Priority) -> Condition {
        Condition::new("priority", "is", p.as_str())
    }
}

/// One action: a field and the value it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub field: Text,
    pub value: Text,
}

impl Action {
    pub fn new(field: &str, value: impl Into<String>) -> Action {
        Action {
            field: Text::lit(field),
            value: Text::lit(value),
        }
    }

    /// Adds tags (Zendesk's `current_tags` action adds, `set_tags` would
    /// replace the customer's own).
    pub fn add_tags(tags: &[String]) -> Action {
        Action::new("current_tags", tags.join(" "))
    }
}

/// Conditions in Zendesk's shape: all must hold, and at least one of
/// `any` when it is not empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditions {
    pub all: Vec<Condition>,
    pub any: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// File stem and Terraform name, such as `route-care-ja`; starts
    /// with a letter, unique among triggers ([`keys`]).
    pub key: String,
    pub title: String,
    pub description: String,
    pub active: bool,
    pub conditions: Conditions,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Macro {
    /// Macro id and language, such as `sorry-delay_en` ([`keys`]).
    pub key: String,
    pub title: String,
    pub description: String,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaPolicy {
    /// `severity-ID` or `incident-ID` ([`keys`]).
    pub key: String,
    pub title: String,
    pub description: String,
    pub filter: Conditions,
    pub metrics: Vec<PolicyMetric>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyMetric {
    pub priority: Priority,
    /// `first_reply_time` or `total_resolution_time`.
    pub metric: &'static str,
    pub target_minutes: u64,
    pub business_hours: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The calendar id.
    pub key: String,
    pub name: String,
    /// Zendesk's own zone name, such as `Dublin`.
    pub time_zone: String,
    /// Minutes since Sunday 00:00, each within one day, sorted.
    pub intervals: Vec<(u32, u32)>,
    pub holidays: Vec<Holiday>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub name: String,
    pub start_date: String,
    pub end_date: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The team id.
    pub key: String,
    pub name: String,
    pub description: String,
}

/// Every object the playbook becomes in Zendesk, in the order they are
/// created, with what could not be expressed exactly.
#[derive(Debug, Clone)]
pub struct Plan {
    pub category_name: String,
    pub groups: Vec<Group>,
    pub schedules: Vec<Schedule>,
    /// In position order (position = index + 1).
    pub triggers: Vec<Trigger>,
    pub macros: Vec<Macro>,
    /// In position order.
    pub sla_policies: Vec<SlaPolicy>,
    /// In position order: escalation rungs, then follow-ups.
    pub automations: Vec<automations::Automation>,
    pub fidelity: Vec<Fidelity>,
}

impl Plan {
    /// Keys that more than one object of a resource type has, such as
    /// `trigger route-vip`. Keys are unique by construction ([`keys`]);
    /// Terraform would keep one of two resources of one name and drop the
    /// other without a word, so the exports assert this is empty. (A
    /// playbook with errors, such as two tags with one id, can repeat
    /// keys: `validate` plans those too, and says what is wrong.)
    pub fn repeated_keys(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |kind: &str, keys: Vec<&String>| {
            let mut seen = std::collections::BTreeSet::new();
            for k in keys {
                if !seen.insert(k) {
                    out.push(format!("{kind} {k}"));
                }
            }
        };
        check("group", self.groups.iter().map(|g| &g.key).collect());
        check("schedule", self.schedules.iter().map(|s| &s.key).collect());
        check("trigger", self.triggers.iter().map(|t| &t.key).collect());
        check("macro", self.macros.iter().map(|m| &m.key).collect());
        check(
            "sla_policy",
            self.sla_policies.iter().map(|p| &p.key).collect(),
        );
        check(
            "automation",
            self.automations.iter().map(|a| &a.key).collect(),
        );
        out
    }
}

/// Plans the Zendesk objects of a checked playbook.
pub fn plan(pb: &Playbook, ir: &Ir) -> Plan {
    let mut notes = fidelity::Notes::new(TARGET);
    let groups = groups::plan(ir);
    let schedules = schedules::plan(pb, ir, &mut notes);
    let mut triggers = triggers::plan(pb, ir, &mut notes);
    triggers.extend(handoff::plan(ir, &mut notes));
    let macros = macros::plan(pb, &follow_ups::started_by_macros(ir), &mut notes);
    let sla_policies = sla::plan(ir, &mut notes);
    let mut automations = automations::plan(ir, &mut notes);
    automations.extend(follow_ups::plan(ir, &mut notes));
    Plan {
        category_name: format!("carebook: {}", ir.playbook),
        groups,
        schedules,
        triggers,
        macros,
        sla_policies,
        automations,
        fidelity: notes.into_list(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_named_by_resource_type() {
        let trigger = |key: &str| Trigger {
            key: key.to_string(),
            title: String::new(),
            description: String::new(),
            active: true,
            conditions: Conditions::default(),
            actions: Vec::new(),
        };
        let mut plan = Plan {
            category_name: String::new(),
            groups: Vec::new(),
            schedules: Vec::new(),
            triggers: vec![trigger("tag-a"), trigger("decide-a")],
            macros: Vec::new(),
            sla_policies: Vec::new(),
            automations: Vec::new(),
            fidelity: Vec::new(),
        };
        assert!(plan.repeated_keys().is_empty());
        plan.triggers.push(trigger("tag-a"));
        assert_eq!(plan.repeated_keys(), ["trigger tag-a"]);
    }
}
