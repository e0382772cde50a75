//! `carebook staffing plan`: the week's plan as a table, JSON, CSV or an
//! SVG heatmap. Building and rendering the plan is [`crate::staffing`];
//! this module picks the week and tells usage errors from the playbook's.

use clap::Args;

use crate::cli::{CommandError, Outcome, PlaybookDir, checked_playbook, print};
use crate::staffing::plan::{Plan, PlanError};
use crate::staffing::report::{self, PlanFormat};
use crate::staffing::week::WeekError;

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub playbook: PlaybookDir,
    /// Any day of the week to plan, YYYY-MM-DD; the week runs Monday to
    /// Monday. Default: the week of the manifest's `effective_from`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub week: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: PlanFormat,
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

pub fn run(args: PlanArgs) -> Result<Outcome, CommandError> {
    let checked = checked_playbook(&args.playbook.resolved())?;
    let pb = &checked.playbook;
    let date = args.week.unwrap_or(pb.manifest.effective_from.0);
    let plan = Plan::build(pb, date).map_err(|e| match e {
        // A week the calendar cannot lay out is the date asked for.
        e @ PlanError::Week(WeekError::Date(_)) => CommandError::usage(e),
        e => CommandError::Plan(e),
    })?;
    print(&report::render(args.format, &plan));
    Ok(Outcome::Clean)
}
