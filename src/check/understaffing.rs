//! Understaffing (CB312): in the week of `effective_from`, each queue of
//! the forecast (a channel in a language) has, every hour, at least as
//! many agents on shift who speak its language as Erlang C requires for
//! the playbook's `service_level`, after shrinkage.
//!
//! The plan itself lives in [`crate::staffing::plan`]; this check only
//! reports it, once per queue, at the forecast entry.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Duration;
use crate::staffing::plan::{Plan, PlanError};
use crate::staffing::{format_agents, format_percent};

pub fn check(cx: &mut Context) {
    let pb = cx.pb;
    if pb.forecast.is_empty() || pb.service_levels.is_empty() {
        return;
    }
    let week_of = pb.manifest.effective_from.0;
    let plan = match Plan::build(pb, week_of) {
        Ok(plan) => plan,
        Err(e) => {
            // A forecast or target that cannot be planned (a 100% target, a
            // profile of zeros) is a schedule that cannot be right.
            let at = match &e {
                PlanError::Forecast { channel, lang, .. } => pb
                    .forecast
                    .iter()
                    .find(|f| f.channel.as_str() == channel && f.lang.as_str() == lang)
                    .map(|f| f.loc.clone()),
                _ => pb.service_levels.first().map(|s| s.loc.clone()),
            };
            let mut d = Diagnostic::new(Code::InvalidSchedule, format!("the staffing plan cannot be made: {e}"))
                .help("`carebook staffing plan` needs a reachable service level and a forecast it can spread over the day");
            if let Some(loc) = at {
                d = d.at(cx.label(&loc));
            }
            cx.push(d);
            return;
        }
    };
    for queue in &plan.queues {
        let short = queue.understaffed_hours();
        let Some(worst) = queue.tightest().filter(|_| short > 0) else {
            continue;
        };
        let cell = &queue.cells[worst];
        let slot = &plan.week.slots[worst];
        let f = &pb.forecast[queue.forecast];
        let hours = if short == 1 { "hour" } else { "hours" };
        let label = cx
            .label(&f.loc.child("daily_volume"))
            .with_message(format!("short of agents in {short} {hours}"));
        cx.push(
            Diagnostic::new(
                Code::Understaffed,
                format!(
                    "queue `{}` is understaffed in {short} of the {} hours of the week of {week_of} ({}); worst {}: {} on shift, {} required ({})",
                    queue.name(),
                    plan.week.slots.len(),
                    plan.week.zone,
                    slot.long_label(),
                    format_agents(cell.scheduled()),
                    cell.need.rostered,
                    target_text(&plan),
                ),
            )
            .at(label)
            .help(format!(
                "put more `{}` speakers on shifts in those hours, or correct the forecast; `carebook staffing plan --week {week_of}` shows every hour",
                queue.lang,
            )),
        );
    }
}

/// `80% within 30m, occupancy at most 85%, shrinkage 30%`.
fn target_text(plan: &Plan) -> String {
    let mut text = format!(
        "{} within {}",
        format_percent(plan.target.service_level),
        Duration::from_secs(plan.target.within_seconds as u64)
    );
    if plan.target.max_occupancy < 1.0 {
        text.push_str(&format!(
            ", occupancy at most {}",
            format_percent(plan.target.max_occupancy)
        ));
    }
    if plan.shrinkage > 0.0 {
        text.push_str(&format!(", shrinkage {}", format_percent(plan.shrinkage)));
    }
    text
}
