//! The plan as CSV: one row per queue and interval, for spreadsheets.

use std::fmt::Write;

use crate::staffing::plan::Plan;

pub fn render(plan: &Plan) -> String {
    let mut out = String::from(
        "channel,lang,start,volume,traffic_erlangs,required_agents,required_with_shrinkage,scheduled_agents,gap\n",
    );
    for q in &plan.queues {
        for (i, c) in q.cells.iter().enumerate() {
            // Ids and language codes hold no commas or quotes (their
            // schema patterns say so): no quoting is needed.
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{}",
                q.channel,
                q.lang,
                plan.week.slots[i].rfc3339(),
                c.need.volume,
                c.need.traffic,
                c.need.agents,
                c.need.rostered,
                c.scheduled(),
                c.gap()
            );
        }
    }
    out
}
