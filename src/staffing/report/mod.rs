//! The week's plan for people and programs: a text table, JSON, CSV, or
//! the SVG heatmap of [`super::heatmap`].

pub mod csv;
pub mod json;
pub mod table;

use super::heatmap;
use super::plan::Plan;

/// The output formats of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    /// One row per queue, then agents short by day and hour.
    Table,
    /// Every queue and interval.
    Json,
    /// One row per queue and interval.
    Csv,
    /// A heatmap of the gap by day and hour.
    Svg,
}

/// Renders `plan` in `format`.
pub fn render(format: PlanFormat, plan: &Plan) -> String {
    match format {
        PlanFormat::Table => table::render(plan),
        PlanFormat::Json => json::render(plan),
        PlanFormat::Csv => csv::render(plan),
        PlanFormat::Svg => heatmap::render(plan),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_plan() -> Plan {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let validated = crate::validate(&dir, &Default::default()).expect("bundled playbook");
        let pb = validated.valid().expect("the bundled playbook is valid");
        Plan::build(pb, pb.manifest.effective_from.0).expect("a plan")
    }

    #[test]
    fn every_format_covers_every_queue_and_hour() {
        let plan = bundled_plan();
        let hours = plan.week.slots.len();
        let csv = render(PlanFormat::Csv, &plan);
        assert_eq!(csv.lines().count(), 1 + plan.queues.len() * hours);

        let json: serde_json::Value =
            serde_json::from_str(&render(PlanFormat::Json, &plan)).expect("JSON");
        let queues = json["queues"].as_array().expect("queues");
        assert_eq!(queues.len(), plan.queues.len());
        assert!(
            queues
                .iter()
                .all(|q| q["intervals"].as_array().map(Vec::len) == Some(hours))
        );
        assert_eq!(json["week"]["hours"], hours);

        let table = render(PlanFormat::Table, &plan);
        assert!(table.starts_with("Staffing plan, week of Mon "));
        for q in &plan.queues {
            assert!(table.contains(&q.name()), "{} missing", q.name());
        }
    }
}
