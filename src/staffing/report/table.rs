//! The plan as a text table for people: one row per queue, then the
//! agents short by day and local hour, with the hours a clock change
//! removes or repeats said in words.

use std::fmt::Write;

use crate::model::Duration;
use crate::staffing::plan::{Plan, QueuePlan};
use crate::staffing::week::weekday_name;
use crate::staffing::{format_agents, format_percent, shortfall};

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

pub fn render(plan: &Plan) -> String {
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
