//! `carebook staffing plan`: the week's plan as a table, JSON, CSV or an
//! SVG heatmap.

use std::fmt::Write;

use clap::Args;
use serde::Serialize;

use crate::cli::{EXIT_OK, EXIT_PROBLEMS, PlaybookDir, checked_playbook, print, usage_error};
use crate::model::Duration;
use crate::staffing::plan::{Plan, PlanError, QueuePlan};
use crate::staffing::week::{WeekError, weekday_name};
use crate::staffing::{format_agents, format_percent, heatmap, shortfall};

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

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

pub fn run(args: PlanArgs) -> i32 {
    let checked = match checked_playbook(&args.playbook.resolved()) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let pb = &checked.playbook;
    let date = args.week.unwrap_or(pb.manifest.effective_from.0);
    let plan = match Plan::build(pb, date) {
        Ok(p) => p,
        Err(e @ PlanError::Week(WeekError::Date(_))) => return usage_error(e),
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_PROBLEMS;
        }
    };
    print(&match args.format {
        PlanFormat::Table => table(&plan),
        PlanFormat::Json => json(&plan),
        PlanFormat::Csv => csv(&plan),
        PlanFormat::Svg => heatmap::render(&plan),
    });
    EXIT_OK
}

/// `+2`, `-0.5`, `0`.
fn signed(x: f64) -> String {
    let text = format_agents(x);
    if x > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

fn target_line(plan: &Plan) -> String {
    format!(
        "Target: {} answered within {}, occupancy at most {}, shrinkage {}",
        format_percent(plan.target.service_level),
        Duration::from_secs(plan.target.within_seconds as u64),
        format_percent(plan.target.max_occupancy),
        format_percent(plan.shrinkage)
    )
}

fn table(plan: &Plan) -> String {
    let week = &plan.week;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Staffing plan, week of Mon {} ({}, {} hours)",
        week.monday,
        week.zone,
        week.slots.len()
    );
    let _ = writeln!(out, "{}", target_line(plan));
    out.push('\n');

    let header = [
        "queue",
        "messages",
        "peak need",
        "need h",
        "on shift h",
        "short h",
        "worst gap",
        "worst hour",
    ];
    let mut rows: Vec<[String; 8]> = vec![header.map(String::from)];
    for q in &plan.queues {
        rows.push(queue_row(plan, q));
    }
    let widths: Vec<usize> = (0..8)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            match c {
                0 | 7 => {
                    line.push_str(cell);
                    if c == 0 {
                        line.push_str(&" ".repeat(pad));
                    }
                }
                _ => {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
            }
            if c < 7 {
                line.push_str("  ");
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }

    out.push('\n');
    grid(plan, &mut out);
    out.push('\n');
    out.push_str(
        "On shift counts each member for every queue in each language they speak: where one\n\
         person covers several queues it is an upper bound, so every gap shown is real.\n",
    );
    out
}

fn queue_row(plan: &Plan, q: &QueuePlan) -> [String; 8] {
    let peak = q.cells.iter().map(|c| c.need.rostered).max().unwrap_or(0);
    let (gap, when) = match q.tightest() {
        Some(i) => (signed(q.cells[i].gap()), plan.week.slots[i].long_label()),
        None => (String::new(), String::new()),
    };
    [
        q.name(),
        format!("{:.0}", q.total_volume()),
        peak.to_string(),
        format_agents(q.required_hours()),
        format_agents(q.scheduled_hours()),
        q.understaffed_hours().to_string(),
        gap,
        when,
    ]
}

/// Agents short in the tightest queue, days down and hours across.
fn grid(plan: &Plan, out: &mut String) {
    let week = &plan.week;
    let _ = writeln!(
        out,
        "Agents short in the tightest queue, by local hour (. = every queue covered)"
    );
    let mut line = "         ".to_string();
    for h in 0..24 {
        let _ = write!(line, " {h:02}");
    }
    let _ = writeln!(out, "{line}");
    let mut notes = Vec::new();
    for (day, row) in plan.grid().iter().enumerate() {
        let date = week.date(day);
        let mut line = format!(
            "{} {:02}-{:02}",
            weekday_name(day),
            date.month(),
            date.day()
        );
        for (hour, cell) in row.iter().enumerate() {
            let mark = match cell {
                None => {
                    notes.push(format!(
                        "{} {date} {hour:02}:00 does not exist: the clocks go forward.",
                        weekday_name(day)
                    ));
                    String::new()
                }
                Some(c) => {
                    if c.slots > 1 {
                        notes.push(format!(
                            "{} {date} {hour:02}:00 happens twice: the clocks go back; the worse is shown.",
                            weekday_name(day)
                        ));
                    }
                    match shortfall(c.gap) {
                        0 => ".".to_string(),
                        n => n.to_string(),
                    }
                }
            };
            let _ = write!(line, " {mark:>2}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for note in notes {
        let _ = writeln!(out, "{note}");
    }
}

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

fn json(plan: &Plan) -> String {
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

fn csv(plan: &Plan) -> String {
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
