//! The plan as one JSON document: the week, the target, and every queue
//! with each of its intervals at full precision. The shapes here are the
//! output's contract, kept apart from the plan's own types so those can
//! change without changing what programs read.

use serde::Serialize;

use crate::staffing::plan::{Plan, QueuePlan};

#[derive(Serialize)]
struct JsonPlan<'a> {
    week: JsonWeek<'a>,
    service_level: JsonTarget,
    queues: Vec<JsonQueue<'a>>,
}

#[derive(Serialize)]
struct JsonWeek<'a> {
    monday: String,
    timezone: &'a str,
    hours: usize,
}

#[derive(Serialize)]
struct JsonTarget {
    target: f64,
    within_seconds: f64,
    max_occupancy: f64,
    shrinkage: f64,
}

#[derive(Serialize)]
struct JsonQueue<'a> {
    channel: &'a str,
    lang: &'a str,
    daily_volume: f64,
    aht_seconds: f64,
    concurrency: u32,
    understaffed_hours: usize,
    worst: Option<JsonInterval>,
    intervals: Vec<JsonInterval>,
}

#[derive(Serialize)]
struct JsonInterval {
    start: String,
    volume: f64,
    traffic_erlangs: f64,
    required_agents: u32,
    required_with_shrinkage: u32,
    scheduled_agents: f64,
    gap: f64,
}

fn interval(plan: &Plan, q: &QueuePlan, i: usize) -> JsonInterval {
    let c = &q.cells[i];
    JsonInterval {
        start: plan.week.slots[i].rfc3339(),
        volume: c.need.volume,
        traffic_erlangs: c.need.traffic,
        required_agents: c.need.agents,
        required_with_shrinkage: c.need.rostered,
        scheduled_agents: c.scheduled(),
        gap: c.gap(),
    }
}

pub fn render(plan: &Plan) -> String {
    let doc = JsonPlan {
        week: JsonWeek {
            monday: plan.week.monday.to_string(),
            timezone: &plan.week.zone,
            hours: plan.week.slots.len(),
        },
        service_level: JsonTarget {
            target: plan.target.service_level,
            within_seconds: plan.target.within_seconds,
            max_occupancy: plan.target.max_occupancy,
            shrinkage: plan.shrinkage,
        },
        queues: plan
            .queues
            .iter()
            .map(|q| JsonQueue {
                channel: &q.channel,
                lang: &q.lang,
                daily_volume: q.demand.daily_volume,
                aht_seconds: q.demand.aht,
                concurrency: q.demand.concurrency,
                understaffed_hours: q.understaffed_hours(),
                worst: q.tightest().map(|i| interval(plan, q, i)),
                intervals: (0..q.cells.len()).map(|i| interval(plan, q, i)).collect(),
            })
            .collect(),
    };
    crate::json::pretty(&doc)
}
