//! Groups: one per team, the unit Zendesk assigns tickets to.

use super::Group;
use crate::ir::Ir;

pub fn plan(ir: &Ir) -> Vec<Group> {
    ir.teams
        .iter()
        .map(|t| Group {
            key: t.id.clone(),
            name: t.name.clone(),
            description: format!(
                "carebook team `{}` ({}); its queues: {}",
                t.id,
                t.timezone,
                queues_of(ir, &t.id)
            ),
        })
        .collect()
}

fn queues_of(ir: &Ir, team: &str) -> String {
    let names: Vec<&str> = ir
        .queues
        .iter()
        .filter(|q| q.team == team)
        .map(|q| q.name.as_str())
        .collect();
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join("; ")
    }
}
